import { strict as assert } from 'assert';
import { check, lines } from './support';

const listener = lines(
  '# web tier',
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Listener:',
  '      Type: AWS::ElasticLoadBalancingV2::Listener',
  '      Properties:',
  '          Port: 443   # https',
  "          Protocol: 'HTTPS'",
  '          SslPolicy: ELBSecurityPolicy-2016-08   # TODO tighten',
  '          Certificates:',
  '          - CertificateArn: !Ref Cert',
  '          DefaultActions:',
  '          # everything goes to the app',
  '          - Type: forward',
  '            TargetGroupArn: !Ref Targets',
);
const props = ['Resources', 'Listener', 'Properties'];

describe('edit: YAML set', () => {
  it('replaces a plain scalar in place, keeping the trailing comment', () => {
    check(
      listener,
      [{ kind: 'set', path: [...props, 'SslPolicy'], value: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }],
      listener.replace('SslPolicy: ELBSecurityPolicy-2016-08   # TODO', 'SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06   # TODO'),
    );
  });

  it('keeps single quotes on a single-quoted scalar', () => {
    check(listener, [{ kind: 'set', path: [...props, 'Protocol'], value: 'TLS' }], listener.replace("Protocol: 'HTTPS'", "Protocol: 'TLS'"));
  });

  it('keeps double quotes, escaping as YAML needs', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', '      Name: "old"');
    check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Name'], value: 'say "hi"' }], t.replace('"old"', '"say \\"hi\\""'));
  });

  it('doubles a single quote inside a single-quoted scalar', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', "      Name: 'old'");
    check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Name'], value: "it's" }], t.replace("'old'", "'it''s'"));
  });

  it('quotes a new plain value only where YAML needs it', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', '      A: x', '      B: x', '      C: x', '      D: x', '      E: x', '      F: x');
    const p = ['Resources', 'B', 'Properties'];
    check(
      t,
      [
        { kind: 'set', path: [...p, 'A'], value: 'yes' },
        { kind: 'set', path: [...p, 'B'], value: '2010-09-09' },
        { kind: 'set', path: [...p, 'C'], value: 'a: b' },
        { kind: 'set', path: [...p, 'D'], value: '' },
        { kind: 'set', path: [...p, 'E'], value: 'TLSv1.2_2021' },
        { kind: 'set', path: [...p, 'F'], value: '443' },
      ],
      lines(
        'Resources:',
        '  B:',
        '    Type: X',
        '    Properties:',
        "      A: 'yes'",
        "      B: '2010-09-09'",
        "      C: 'a: b'",
        "      D: ''",
        '      E: TLSv1.2_2021',
        "      F: '443'",
      ),
    );
  });

  it('uses the quote the file prefers when one is needed', () => {
    const t = lines('AWSTemplateFormatVersion: "2010-09-09"', 'Description: "x"', 'Resources:', '  B:', '    Type: X', '    Properties:', '      A: x');
    check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'A'], value: 'on' }], t.replace('A: x', 'A: "on"'));
  });

  it('writes booleans and numbers plain, but keeps a quoted string a string', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', '      Enforce: false', "      Port: '80'");
    const out = check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Enforce'], value: true }], t.replace('Enforce: false', 'Enforce: true'));
    assert.ok(out);
    const out2 = check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Port'], value: '443' }], t.replace("Port: '80'", "Port: '443'"));
    assert.ok(out2);
  });

  it('replaces a whole short-form tag node', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', '      Policy: !Ref Policy   # from a parameter', '      Arn: !GetAtt Cert.Arn');
    check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Policy'], value: 'P2' }], t.replace('!Ref Policy   #', 'P2   #'));
    check(t, [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Arn'], value: { Ref: 'Other' } }], t.replace('!GetAtt Cert.Arn', '!Ref Other'));
  });

  it('writes intrinsics as short-form tags when the file uses them', () => {
    const t = lines(
      'Resources:',
      '  B:',
      '    Type: X',
      '    Properties:',
      '      Bucket: !Ref B',
      '      Arn: arn:aws:acm:eu-west-1:123456789012:certificate/x',
    );
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Arn'], value: { 'Fn::GetAtt': ['Cert', 'Arn'] } }],
      t.replace('arn:aws:acm:eu-west-1:123456789012:certificate/x', '!GetAtt Cert.Arn'),
    );
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Arn'], value: { 'Fn::Sub': 'arn:${AWS::Partition}:x' } }],
      t.replace('arn:aws:acm:eu-west-1:123456789012:certificate/x', '!Sub arn:${AWS::Partition}:x'),
    );
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Arn'], value: { 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] } }],
      t.replace('arn:aws:acm:eu-west-1:123456789012:certificate/x', '!If [C, !Ref A, !Ref AWS::NoValue]'),
    );
  });

  it('keeps the outer function long form around a short-form argument (one tag per node)', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', '      Bucket: !Ref B', '      Data: x');
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Data'], value: { 'Fn::Base64': { 'Fn::Sub': 'x${A}' } } }],
      t.replace('      Data: x', '      Data:\n        Fn::Base64: !Sub x${A}'),
    );
  });

  it('writes long-form intrinsics in a file that uses only long forms', () => {
    const t = lines('Resources:', '  B:', '    Type: X', '    Properties:', '      Bucket:', '        Ref: B', '      Arn: x');
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'B', 'Properties', 'Arn'], value: { Ref: 'Cert' } }],
      t.replace('      Arn: x', '      Arn:\n        Ref: Cert'),
    );
  });

  it('replaces a block sequence with a block sequence at the same indentation, keeping the comment above it', () => {
    check(
      listener,
      [
        {
          kind: 'set',
          path: [...props, 'DefaultActions'],
          value: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
        },
      ],
      listener.replace(
        '          - Type: forward\n            TargetGroupArn: !Ref Targets\n',
        "          - Type: redirect\n            RedirectConfig:\n                Protocol: HTTPS\n                Port: '443'\n                StatusCode: HTTP_301\n",
      ),
    );
  });

  it('replaces a flow sequence with a flow sequence', () => {
    const t = lines('Resources:', '  D:', '    Type: X', '    Properties:', '      Origin: {Policy: https-only, Protocols: [SSLv3, TLSv1, TLSv1.2]}');
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'D', 'Properties', 'Origin', 'Protocols'], value: ['TLSv1.2'] }],
      t.replace('[SSLv3, TLSv1, TLSv1.2]', '[TLSv1.2]'),
    );
  });

  it('writes flow style inside a flow mapping, quoting flow indicators', () => {
    const t = lines('Resources:', '  D:', '    Type: X', '    Properties:', '      Redirect: {Host: a.example.com, Protocol: HTTP, StatusCode: HTTP_302}');
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'D', 'Properties', 'Redirect', 'Protocol'], value: 'HTTPS' }],
      t.replace('Protocol: HTTP,', 'Protocol: HTTPS,'),
    );
    check(t, [{ kind: 'set', path: ['Resources', 'D', 'Properties', 'Redirect', 'Host'], value: 'a,b' }], t.replace('Host: a.example.com', "Host: 'a,b'"));
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'D', 'Properties', 'Redirect', 'Host'], value: { Tags: ['a', 'b'] } }],
      t.replace('Host: a.example.com', 'Host: {Tags: [a, b]}'),
    );
  });

  it('edits one branch of a short-form Fn::If', () => {
    const t = lines(
      'Resources:',
      '  L:',
      '    Type: X',
      '    Properties:',
      '      SslPolicy: !If [Legacy, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS13-1-2-Res-2021-06]',
    );
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'SslPolicy', 'Fn::If', 1], value: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }],
      t.replace('[Legacy, ELBSecurityPolicy-2016-08,', '[Legacy, ELBSecurityPolicy-TLS13-1-2-Res-2021-06,'),
    );
  });

  it('edits parameter AllowedValues items (several sets in one fix)', () => {
    const t = lines(
      'Parameters:',
      '  Policy:',
      '    Type: String',
      '    AllowedValues:',
      '      - A',
      '      - B',
      '      - C',
      'Resources:',
      '  L:',
      '    Type: X',
    );
    check(
      t,
      [
        { kind: 'set', path: ['Parameters', 'Policy', 'AllowedValues', 1], value: 'Z' },
        { kind: 'set', path: ['Parameters', 'Policy', 'AllowedValues', 2], value: 'Z' },
      ],
      t.replace('      - B\n      - C', '      - Z\n      - Z'),
    );
  });

  it('replaces a block collection with an empty one on the key line, keeping the key comment', () => {
    const t = lines(
      'Resources:',
      '  L:',
      '    Type: X',
      '    Properties:',
      '      Certificates:   # the certs',
      '        - CertificateArn: a',
      '        - CertificateArn: b',
      '      Port: 443',
    );
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'Certificates'], value: [] }],
      lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Certificates: []   # the certs', '      Port: 443'),
    );
  });

  it('turns a scalar into a block mapping at the right indentation', () => {
    const t = lines('Resources:', '    L:', '        Type: X', '        Properties:', '            Config: none', '            Port: 443');
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'Config'], value: { A: 1, B: ['x'] } }],
      lines(
        'Resources:',
        '    L:',
        '        Type: X',
        '        Properties:',
        '            Config:',
        '                A: 1',
        '                B:',
        '                    - x',
        '            Port: 443',
      ),
    );
  });

  it('fills an empty value (`Key:`, `Key: ~`)', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      A:', '      B: ~', '      C: 1');
    check(t, [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'A'], value: 'x' }], t.replace('      A:\n', '      A: x\n'));
    check(t, [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'B'], value: { K: 'v' } }], t.replace('      B: ~\n', '      B:\n        K: v\n'));
  });

  it('replaces an item of a block sequence of mappings in place', () => {
    const t = lines(
      'Resources:',
      '  L:',
      '    Type: X',
      '    Properties:',
      '      Tags:',
      '      - Key: a',
      '        Value: b',
      '      - Key: c',
      '        Value: d',
    );
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'Tags', 0], value: { Key: 'a', Value: 'z', Extra: ['q'] } }],
      t.replace('      - Key: a\n        Value: b\n', '      - Key: a\n        Value: z\n        Extra:\n        - q\n'),
    );
  });

  it('replaces a block scalar with a plain one', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Body: |', '        line one', '        line two', '      Port: 443');
    check(
      t,
      [{ kind: 'set', path: ['Resources', 'L', 'Properties', 'Body'], value: 'one line' }],
      lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Body: one line', '      Port: 443'),
    );
  });

  it('keeps CRLF line endings', () => {
    const t = listener.replace(/\n/g, '\r\n');
    check(
      t,
      [{ kind: 'set', path: [...props, 'DefaultActions'], value: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS' } }] }],
      t.replace(
        '          - Type: forward\r\n            TargetGroupArn: !Ref Targets\r\n',
        '          - Type: redirect\r\n            RedirectConfig:\r\n                Protocol: HTTPS\r\n',
      ),
    );
  });
});
