import { strict as assert } from 'assert';
import { apply, check, lines, valueAt } from './support';

const P = ['Resources', 'L', 'Properties'];

describe('edit: YAML insert', () => {
  it('adds key: value after the last key, at the mapping indentation (2 spaces)', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Port: 443', '      Protocol: HTTPS', 'Outputs:', '  A:', '    Value: 1');
    check(
      t,
      [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }],
      t.replace('      Protocol: HTTPS\n', '      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n'),
    );
  });

  it('follows 4-space indentation and keeps a trailing comment on the last line', () => {
    const t = lines(
      'Resources:',
      '    L:',
      '        Type: X',
      '        Properties:',
      '            Port: 443',
      '            Protocol: HTTPS   # front end',
      '',
      '    M:',
      '        Type: Y',
    );
    check(
      t,
      [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }],
      t.replace('            Protocol: HTTPS   # front end\n', '            Protocol: HTTPS   # front end\n            SslPolicy: P\n'),
    );
  });

  it('goes after a multi-line last value (block sequence with comments)', () => {
    const t = lines(
      'Resources:',
      '  L:',
      '    Type: X',
      '    Properties:',
      '      Actions:',
      '      # first',
      '      - Type: forward',
      '        Arn: x   # arn',
      '      # trailing comment',
      'Outputs: {}',
    );
    check(
      t,
      [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }],
      t.replace('        Arn: x   # arn\n', '        Arn: x   # arn\n      SslPolicy: P\n'),
    );
  });

  it('works at the end of a file without a final line break', () => {
    const t = 'Resources:\n  L:\n    Type: X\n    Properties:\n      Port: 443';
    check(t, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], t + '\n      SslPolicy: P');
  });

  it('renders mappings and sequences in block style; sequences indented like their siblings', () => {
    const notIndented = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Tags:', '      - Key: a', '        Value: b');
    check(
      notIndented,
      [{ kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: { Ref: 'Cert' } }] }],
      notIndented + '      Certificates:\n      - CertificateArn: !Ref Cert\n',
    );
    const indented = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Tags:', '        - Key: a', '          Value: b');
    check(
      indented,
      [{ kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: { Ref: 'Cert' } }] }],
      indented + '      Certificates:\n        - CertificateArn: !Ref Cert\n',
    );
    check(
      indented,
      [{ kind: 'insert', path: P, key: 'Config', value: { Enabled: true, Names: ['a', 'b'], Nested: { X: 1 } } }],
      indented + '      Config:\n        Enabled: true\n        Names:\n          - a\n          - b\n        Nested:\n          X: 1\n',
    );
  });

  it('quotes new strings when the neighbours are quoted', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', "      Protocol: 'HTTPS'", "      Name: 'web'", '      Port: 443');
    check(t, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], t + "      SslPolicy: 'P'\n");
    const d = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Protocol: "HTTPS"', '      Name: web', '      Other: "x"');
    check(d, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], d + '      SslPolicy: "P"\n');
    const plainNeighbours = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Protocol: HTTPS', "      Name: 'web'", '      Other: x');
    check(plainNeighbours, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], plainNeighbours + '      SslPolicy: P\n');
  });

  it('inserts into a flow mapping, and into an empty one', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties: {Port: 443, Protocol: HTTPS}', '  M:', '    Type: X', '    Properties: {}');
    check(t, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], t.replace('Protocol: HTTPS}', 'Protocol: HTTPS, SslPolicy: P}'));
    check(
      t,
      [{ kind: 'insert', path: ['Resources', 'M', 'Properties'], key: 'Certificates', value: [{ CertificateArn: { Ref: 'C' } }] }],
      t.replace('Properties: {}', 'Properties: {Certificates: [{CertificateArn: !Ref C}]}'),
    );
  });

  it('keeps the spacing of flow mappings in the file', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties: { Port: 443 }', '    Metadata: { }');
    check(t, [{ kind: 'insert', path: ['Resources', 'L', 'Metadata'], key: 'A', value: { B: 1 } }], t.replace('Metadata: { }', 'Metadata: { A: { B: 1 } }'));
  });

  it('inserts into a compact mapping in a sequence item', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Tags:', '      - Key: a', '        Value: b', '      - Key: c');
    check(t, [{ kind: 'insert', path: [...P, 'Tags', 0], key: 'Extra', value: 1 }], t.replace('        Value: b\n', '        Value: b\n        Extra: 1\n'));
    check(t, [{ kind: 'insert', path: [...P, 'Tags', 1], key: 'Value', value: 'd' }], t + '        Value: d\n');
  });

  it('creates a missing intermediate mapping under the deepest existing one', () => {
    const t = lines(
      'Resources:',
      '  Domain:',
      '      Type: AWS::OpenSearchService::Domain',
      '      Properties:',
      '          DomainName: logs',
      'Outputs:',
      '  A:',
      '    Value: 1',
    );
    const out = check(
      t,
      [{ kind: 'insert', path: ['Resources', 'Domain', 'Properties', 'DomainEndpointOptions'], key: 'EnforceHTTPS', value: true }],
      t.replace('          DomainName: logs\n', '          DomainName: logs\n          DomainEndpointOptions:\n              EnforceHTTPS: true\n'),
    );
    assert.equal(valueAt(out, ['Resources', 'Domain', 'Properties', 'DomainEndpointOptions', 'EnforceHTTPS']), true);
    // Properties missing altogether.
    const noProps = lines('Resources:', '  Domain:', '    Type: AWS::OpenSearchService::Domain', 'Outputs: {}');
    check(
      noProps,
      [{ kind: 'insert', path: ['Resources', 'Domain', 'Properties', 'DomainEndpointOptions'], key: 'EnforceHTTPS', value: true }],
      noProps.replace('Domain\n', 'Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n'),
    );
  });

  it('merges two inserts that create the same missing mapping', () => {
    const t = lines('Resources:', '  Domain:', '    Type: X', '    Properties:', '      DomainName: logs');
    const { text, edits } = apply(t, [
      { kind: 'insert', path: ['Resources', 'Domain', 'Properties', 'DomainEndpointOptions'], key: 'EnforceHTTPS', value: true },
      {
        kind: 'insert',
        path: ['Resources', 'Domain', 'Properties', 'DomainEndpointOptions'],
        key: 'TLSSecurityPolicy',
        value: 'Policy-Min-TLS-1-2-PFS-2023-10',
      },
    ]);
    assert.equal(edits.length, 1);
    assert.equal(text, t + '      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10\n');
  });

  it('keeps the order of several inserts into one mapping', () => {
    const t = lines('Resources:', '  V:', '    Type: X', '    Properties:', '      A: 1');
    check(
      t,
      [
        { kind: 'insert', path: ['Resources', 'V', 'Properties'], key: 'B', value: 2 },
        { kind: 'insert', path: ['Resources', 'V', 'Properties'], key: 'C', value: 3 },
      ],
      t + '      B: 2\n      C: 3\n',
    );
  });

  it('fills an empty `Properties:`', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:   # none yet', '  M:', '    Type: Y');
    check(t, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], t.replace('# none yet\n', '# none yet\n      SslPolicy: P\n'));
  });

  it('sets the value when the key is already there (AWS::NoValue)', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      SslPolicy: !Ref AWS::NoValue', '      Port: 443');
    check(t, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], t.replace('!Ref AWS::NoValue', 'P'));
  });

  it('quotes keys that need it', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Metadata:', '      a: 1');
    check(t, [{ kind: 'insert', path: ['Resources', 'L', 'Metadata'], key: 'x: y', value: 1 }], t + "      'x: y': 1\n");
  });

  it('keeps CRLF line endings', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Port: 443').replace(/\n/g, '\r\n');
    check(
      t,
      [{ kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: 'a' }] }],
      t + '      Certificates:\r\n        - CertificateArn: a\r\n',
    );
  });

  it('fails cleanly when the path holds no mapping', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties: !Ref Props');
    assert.throws(() => apply(t, [{ kind: 'insert', path: P, key: 'A', value: 1 }]), /not a mapping/);
    assert.throws(() => apply(t, [{ kind: 'insert', path: ['Resources', 'L', 'Type', 'Nested'], key: 'A', value: 1 }]), /not a mapping/);
  });
});
