import { strict as assert } from 'assert';
import { apply, check, lines, valueAt } from './support';

const P = ['Resources', 'L', 'Properties'];
const listener = lines(
  'Resources:',
  '  L:',
  '      Type: AWS::ElasticLoadBalancingV2::Listener',
  '      Properties:',
  '          Port: 80',
  '          # kept from the HTTPS listener',
  '          SslPolicy: ELBSecurityPolicy-2016-08   # old',
  '          Protocol: HTTP',
  '          Certificates:',
  '          - CertificateArn: a',
  '          # second site',
  '          - CertificateArn: b   # blog',
  '          - CertificateArn: c',
  '          DefaultActions: [{Type: forward, Arn: x}, {Type: fixed-response}]',
);

describe('edit: YAML remove', () => {
  it('removes a pair with its whole line and trailing comment, keeping the comment above', () => {
    check(listener, [{ kind: 'remove', path: [...P, 'SslPolicy'] }], listener.replace('          SslPolicy: ELBSecurityPolicy-2016-08   # old\n', ''));
  });

  it('removes a pair whose value spans lines', () => {
    check(listener, [{ kind: 'remove', path: [...P, 'Certificates'] }], listener.replace(/ {10}Certificates:\n[\s\S]*CertificateArn: c\n/, ''));
  });

  it('removes the last pair of a file without a final line break', () => {
    const t = 'Resources:\n  L:\n    Type: X\n    Properties:\n      A: 1\n      B: 2';
    check(t, [{ kind: 'remove', path: [...P, 'B'] }], 'Resources:\n  L:\n    Type: X\n    Properties:\n      A: 1');
  });

  it('leaves `{}` when the only pair goes', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:   # props', '      A: 1', '  M:', '    Type: Y');
    check(t, [{ kind: 'remove', path: [...P, 'A'] }], t.replace('Properties:   # props\n      A: 1\n', 'Properties: {}   # props\n'));
  });

  it('removes block sequence items (middle, several) keeping comments', () => {
    check(listener, [{ kind: 'remove', path: [...P, 'Certificates', 1] }], listener.replace('          - CertificateArn: b   # blog\n', ''));
    check(
      listener,
      [
        { kind: 'remove', path: [...P, 'Certificates', 0] },
        { kind: 'remove', path: [...P, 'Certificates', 2] },
      ],
      listener.replace('          - CertificateArn: a\n', '').replace('          - CertificateArn: c\n', ''),
    );
  });

  it('leaves `[]` when every item goes', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Names:', '        - a', '        - b', '      Port: 1');
    check(
      t,
      [
        { kind: 'remove', path: [...P, 'Names', 0] },
        { kind: 'remove', path: [...P, 'Names', 1] },
      ],
      t.replace('      Names:\n        - a\n        - b\n', '      Names: []\n'),
    );
  });

  it('removes flow items with their commas (middle, last, first, only)', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Names: [a, b, c]', '      Map: {x: 1, y: 2}', '      One: [z]');
    check(t, [{ kind: 'remove', path: [...P, 'Names', 1] }], t.replace('[a, b, c]', '[a, c]'));
    check(t, [{ kind: 'remove', path: [...P, 'Names', 2] }], t.replace('[a, b, c]', '[a, b]'));
    check(t, [{ kind: 'remove', path: [...P, 'Names', 0] }], t.replace('[a, b, c]', '[b, c]'));
    check(t, [{ kind: 'remove', path: [...P, 'Map', 'y'] }], t.replace('{x: 1, y: 2}', '{x: 1}'));
    check(t, [{ kind: 'remove', path: [...P, 'Map', 'x'] }], t.replace('{x: 1, y: 2}', '{y: 2}'));
    check(t, [{ kind: 'remove', path: [...P, 'One', 0] }], t.replace('[z]', '[]'));
    check(listener, [{ kind: 'remove', path: [...P, 'DefaultActions', 0, 'Arn'] }], listener.replace('{Type: forward, Arn: x}', '{Type: forward}'));
  });

  it('removes the first pair of a compact sequence item: the next pair moves up', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Tags:', '      - Key: a   # k', '        Value: b', '      - Key: c');
    check(t, [{ kind: 'remove', path: [...P, 'Tags', 0, 'Key'] }], t.replace('      - Key: a   # k\n        Value: b\n', '      - Value: b\n'));
    check(t, [{ kind: 'remove', path: [...P, 'Tags', 0, 'Value'] }], t.replace('        Value: b\n', ''));
  });

  it('keeps CRLF', () => {
    const t = listener.replace(/\n/g, '\r\n');
    check(t, [{ kind: 'remove', path: [...P, 'SslPolicy'] }], t.replace('          SslPolicy: ELBSecurityPolicy-2016-08   # old\r\n', ''));
  });

  it('refuses to remove what is not there', () => {
    assert.throws(() => apply(listener, [{ kind: 'remove', path: [...P, 'Nope'] }]), /nothing to remove/);
  });
});

describe('edit: YAML rename', () => {
  it('renames a plain key, keeping value and comment', () => {
    const t = listener.replace('SslPolicy', 'SSLPolicy');
    check(t, [{ kind: 'rename', path: [...P, 'SSLPolicy'], newKey: 'SslPolicy' }], listener);
  });

  it('keeps the quoting of a quoted key', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', "      'SSLPolicy': x", '      "Protocl": HTTPS');
    const out = check(
      t,
      [
        { kind: 'rename', path: [...P, 'SSLPolicy'], newKey: 'SslPolicy' },
        { kind: 'rename', path: [...P, 'Protocl'], newKey: 'Protocol' },
      ],
      t.replace("'SSLPolicy'", "'SslPolicy'").replace('"Protocl"', '"Protocol"'),
    );
    assert.equal(valueAt(out, [...P, 'SslPolicy']), 'x');
  });

  it("quotes a new key `<<`: plain, it would be YAML 1.1's merge key", () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Old: {Ref: P}', '      List: [a]');
    const out = apply(t, [{ kind: 'rename', path: [...P, 'Old'], newKey: '<<' }]).text;
    assert.ok(out.includes(`'<<': {Ref: P}`), out);
    assert.deepEqual(valueAt(out, P), { '<<': { Ref: 'P' }, List: ['a'] });
  });

  it('renames inside a flow mapping', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties: {Protocl: HTTPS, Port: 443}');
    check(t, [{ kind: 'rename', path: [...P, 'Protocl'], newKey: 'Protocol' }], t.replace('Protocl', 'Protocol'));
  });

  it('refuses to create a duplicate key', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      SSLPolicy: x', '      SslPolicy: y');
    assert.throws(() => apply(t, [{ kind: 'rename', path: [...P, 'SSLPolicy'], newKey: 'SslPolicy' }]), /already has/);
  });
});

describe('edit: YAML append', () => {
  it('adds an item to a block sequence at its indentation', () => {
    check(
      listener,
      [{ kind: 'append', path: [...P, 'Certificates'], value: { CertificateArn: { 'Fn::ImportValue': 'shared-cert' } } }],
      listener.replace('          - CertificateArn: c\n', '          - CertificateArn: c\n          - CertificateArn: !ImportValue shared-cert\n'),
    );
    const indented = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Names:', '        - a', '      Port: 1');
    check(indented, [{ kind: 'append', path: [...P, 'Names'], value: 'yes' }], indented.replace('        - a\n', "        - a\n        - 'yes'\n"));
  });

  it('adds an item to a flow sequence, and to an empty one', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Names: [a, b]', '      None: []');
    check(
      t,
      [
        { kind: 'append', path: [...P, 'Names'], value: 'c' },
        { kind: 'append', path: [...P, 'None'], value: { Ref: 'X' } },
      ],
      t.replace('[a, b]', '[a, b, c]').replace('None: []', 'None: [!Ref X]'),
    );
  });

  it('several appends to one list keep their order', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Names:', '      - a');
    check(
      t,
      [
        { kind: 'append', path: [...P, 'Names'], value: 'b' },
        { kind: 'append', path: [...P, 'Names'], value: 'c' },
      ],
      t + '      - b\n      - c\n',
    );
  });

  it('creates the list when it is missing', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Port: 1');
    check(t, [{ kind: 'append', path: [...P, 'Names'], value: 'a' }], t + '      Names:\n        - a\n');
  });
});

describe('edit: YAML sections', () => {
  const withParams = lines(
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Parameters:',
    '    VpcId:',
    '        Type: AWS::EC2::VPC::Id',
    '',
    'Resources:',
    '  L:',
    '    Type: X',
  );

  it('addParameter adds to Parameters at its indentation', () => {
    check(
      withParams,
      [{ kind: 'addParameter', name: 'CertificateArn', definition: { Type: 'String', Description: 'ARN of the ACM certificate' } }],
      withParams.replace(
        '        Type: AWS::EC2::VPC::Id\n',
        '        Type: AWS::EC2::VPC::Id\n    CertificateArn:\n        Type: String\n        Description: ARN of the ACM certificate\n',
      ),
    );
  });

  it('addParameter does nothing when the parameter exists', () => {
    const { edits } = apply(withParams, [{ kind: 'addParameter', name: 'VpcId', definition: { Type: 'String' } }]);
    assert.deepEqual(edits, []);
  });

  it('addParameter creates the section after Description / AWSTemplateFormatVersion', () => {
    const t = lines('# header comment', "AWSTemplateFormatVersion: '2010-09-09'", 'Description: Shop web tier', '', 'Resources:', '  L:', '    Type: X');
    check(
      t,
      [{ kind: 'addParameter', name: 'CertificateArn', definition: { Type: 'String' } }],
      t.replace('Description: Shop web tier\n', 'Description: Shop web tier\nParameters:\n  CertificateArn:\n    Type: String\n'),
    );
    const onlyVersion = lines("AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', '  L:', '    Type: X');
    check(
      onlyVersion,
      [{ kind: 'addParameter', name: 'C', definition: { Type: 'String' } }],
      onlyVersion.replace("'2010-09-09'\n", "'2010-09-09'\nParameters:\n  C:\n    Type: String\n"),
    );
  });

  it('addParameter creates the section first when there is no version or description', () => {
    const t = lines('# comment', 'Resources:', '    L:', '        Type: X');
    check(
      t,
      [{ kind: 'addParameter', name: 'C', definition: { Type: 'String' } }],
      lines('# comment', 'Parameters:', '    C:', '        Type: String', 'Resources:', '    L:', '        Type: X'),
    );
  });

  it('two addParameter intents make one new section', () => {
    const t = lines("AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', '  L:', '    Type: X');
    check(
      t,
      [
        { kind: 'addParameter', name: 'A', definition: { Type: 'String' } },
        { kind: 'addParameter', name: 'B', definition: { Type: 'AWS::Route53::HostedZone::Id' } },
      ],
      t.replace("'2010-09-09'\n", "'2010-09-09'\nParameters:\n  A:\n    Type: String\n  B:\n    Type: AWS::Route53::HostedZone::Id\n"),
    );
  });

  it('addParameter with a Ref to it in the same fix', () => {
    const t = lines(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  L:',
      '    Type: X',
      '    Properties:',
      '      Port: 443',
      '      Protocol: !Ref Proto',
    );
    check(
      t,
      [
        { kind: 'addParameter', name: 'CertificateArn', definition: { Type: 'String', Default: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' } },
        { kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: { Ref: 'CertificateArn' } }] },
      ],
      t.replace(
        "'2010-09-09'\n",
        "'2010-09-09'\nParameters:\n  CertificateArn:\n    Type: String\n    Default: arn:aws:acm:eu-west-1:123456789012:certificate/x\n",
      ) + '      Certificates:\n        - CertificateArn: !Ref CertificateArn\n',
    );
  });

  it('a new resource is indented like the resource before it', () => {
    const t = lines('Resources:', '  A:', '    Type: X', '  B:', '      Type: Y', '      Properties:', '          P: 1');
    check(
      t,
      [{ kind: 'addResource', name: 'C', definition: { Type: 'Z', Properties: { Q: 2 } } }],
      t + '  C:\n      Type: Z\n      Properties:\n          Q: 2\n',
    );
  });

  it('addResource appends to Resources; an existing name is refused', () => {
    const t = lines(
      'Resources:',
      '    L:',
      '        Type: X',
      '        Properties:',
      '            Certificates:',
      '            - CertificateArn: a',
      'Outputs:',
      '    O:',
      '        Value: 1',
    );
    check(
      t,
      [
        {
          kind: 'addResource',
          name: 'LCert',
          definition: {
            Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate',
            Properties: { ListenerArn: { Ref: 'L' }, Certificates: [{ CertificateArn: 'b' }] },
          },
        },
      ],
      t.replace(
        '            - CertificateArn: a\n',
        '            - CertificateArn: a\n    LCert:\n        Type: AWS::ElasticLoadBalancingV2::ListenerCertificate\n        Properties:\n            ListenerArn: !Ref L\n            Certificates:\n            - CertificateArn: b\n',
      ),
    );
    assert.throws(() => apply(t, [{ kind: 'addResource', name: 'L', definition: { Type: 'X' } }]), /already has L/);
  });
});

describe('edit: YAML safety', () => {
  it('refuses to edit through an alias', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties: &p', '      Port: 1', '  M:', '    Type: X', '    Properties: *p');
    assert.throws(() => apply(t, [{ kind: 'set', path: ['Resources', 'M', 'Properties', 'Port'], value: 2 }]), /alias/);
  });

  it('refuses overlapping intents', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Port: 1');
    assert.throws(
      () =>
        apply(t, [
          { kind: 'remove', path: [...P, 'Port'] },
          { kind: 'set', path: [...P, 'Port'], value: 2 },
        ]),
      /overlap/,
    );
  });

  it('keeps every full-line comment through every kind of edit', () => {
    const t = lines(
      '# a',
      'Resources:',
      '  # b',
      '  L:',
      '    # c',
      '    Type: X',
      '    Properties:',
      '      # d',
      '      Port: 1  # e',
      '      # f',
      '      Names:',
      '      # g',
      '      - a',
      '      # h',
      '      - b',
      '# i',
    );
    const out = apply(t, [
      { kind: 'remove', path: [...P, 'Names', 0] },
      { kind: 'set', path: [...P, 'Port'], value: 2 },
      { kind: 'insert', path: P, key: 'New', value: { A: 1 } },
      { kind: 'append', path: [...P, 'Names'], value: 'c' },
      { kind: 'addParameter', name: 'X', definition: { Type: 'String' } },
    ]).text;
    for (const c of ['# a', '# b', '# c', '# d', '# e', '# f', '# g', '# h', '# i']) assert.ok(out.includes(c), `${c} kept in\n${out}`);
  });
});
