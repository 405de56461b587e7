import { strict as assert } from 'assert';
import { apply, check } from './support';

const J = 'template.json';

/** A listener template as JSON.stringify writes it with the given indentation. */
function listener(indent: string | number, props: Record<string, unknown> = { Port: 443, Protocol: 'TLS', SslPolicy: 'ELBSecurityPolicy-2016-08' }): string {
  return (
    JSON.stringify(
      { AWSTemplateFormatVersion: '2010-09-09', Resources: { L: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: props } } },
      null,
      indent,
    ) + '\n'
  );
}
const P = ['Resources', 'L', 'Properties'];

describe('edit: JSON', () => {
  it('sets a string value in place', () => {
    check(
      listener(2),
      [{ kind: 'set', path: [...P, 'SslPolicy'], value: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }],
      listener(2).replace('ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
      J,
    );
  });

  it('keeps a string a string, and writes numbers and booleans as JSON', () => {
    const t = listener(2, { Port: '80', Enforce: false });
    check(t, [{ kind: 'set', path: [...P, 'Port'], value: '443' }], t.replace('"80"', '"443"'), J);
    check(t, [{ kind: 'set', path: [...P, 'Enforce'], value: true }], t.replace('false', 'true'), J);
  });

  for (const [label, indent] of [
    ['2 spaces', 2],
    ['4 spaces', 4],
    ['tabs', '\t'],
  ] as const) {
    it(`inserts after the last key with a comma on the line before (${label})`, () => {
      const t = listener(indent);
      const expected = listener(indent, {
        Port: 443,
        Protocol: 'TLS',
        SslPolicy: 'ELBSecurityPolicy-2016-08',
        Certificates: [{ CertificateArn: 'arn' }],
        Mode: 'x',
      });
      check(
        t,
        [
          { kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: 'arn' }] },
          { kind: 'insert', path: P, key: 'Mode', value: 'x' },
        ],
        expected,
        J,
      );
    });

    it(`removes members and array items with their commas (${label})`, () => {
      const t = listener(indent, { Port: 443, Protocol: 'TLS', SslPolicy: 'P', Names: ['a', 'b', 'c'] });
      check(t, [{ kind: 'remove', path: [...P, 'SslPolicy'] }], listener(indent, { Port: 443, Protocol: 'TLS', Names: ['a', 'b', 'c'] }), J);
      check(t, [{ kind: 'remove', path: [...P, 'Names'] }], listener(indent, { Port: 443, Protocol: 'TLS', SslPolicy: 'P' }), J);
      check(t, [{ kind: 'remove', path: [...P, 'Port'] }], listener(indent, { Protocol: 'TLS', SslPolicy: 'P', Names: ['a', 'b', 'c'] }), J);
      check(t, [{ kind: 'remove', path: [...P, 'Names', 1] }], listener(indent, { Port: 443, Protocol: 'TLS', SslPolicy: 'P', Names: ['a', 'c'] }), J);
      check(
        t,
        [
          { kind: 'remove', path: [...P, 'Names', 2] },
          { kind: 'remove', path: [...P, 'Names', 0] },
        ],
        listener(indent, { Port: 443, Protocol: 'TLS', SslPolicy: 'P', Names: ['b'] }),
        J,
      );
    });
  }

  it('writes small intrinsics on one line inside pretty JSON', () => {
    const t = listener(2);
    const out = apply(t, [{ kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: { Ref: 'CertificateArn' } }] }], J).text;
    assert.ok(out.includes('"Certificates": [\n          {\n            "CertificateArn": { "Ref": "CertificateArn" }\n          }\n        ]\n'), out);
  });

  it('inserts into one-line objects on the same line', () => {
    const t = '{\n  "Resources": {\n    "L": { "Type": "X", "Properties": { "Port": 443 } }\n  }\n}\n';
    check(t, [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }], t.replace('"Port": 443 }', '"Port": 443, "SslPolicy": "P" }'), J);
    check(
      t,
      [{ kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: { Ref: 'C' } }] }],
      t.replace('"Port": 443 }', '"Port": 443, "Certificates": [{ "CertificateArn": { "Ref": "C" } }] }'),
      J,
    );
  });

  it('follows tight one-line objects', () => {
    const t = '{"Resources": {"L": {"Type": "X", "Properties": {"Port": 443}}}}';
    check(t, [{ kind: 'insert', path: P, key: 'M', value: { A: 1 } }], t.replace('{"Port": 443}', '{"Port": 443, "M": {"A": 1}}'), J);
  });

  it('fills an empty object in a multi-line parent', () => {
    const t = '{\n  "Resources": {\n    "L": {\n      "Type": "X",\n      "Properties": {}\n    }\n  }\n}\n';
    check(
      t,
      [{ kind: 'insert', path: P, key: 'SslPolicy', value: 'P' }],
      t.replace('"Properties": {}', '"Properties": {\n        "SslPolicy": "P"\n      }'),
      J,
    );
  });

  it('creates missing intermediate objects, pretty at the file indentation', () => {
    const t = listener(4);
    check(
      t,
      [{ kind: 'insert', path: [...P, 'DomainEndpointOptions'], key: 'EnforceHTTPS', value: true }],
      t.replace(
        '"SslPolicy": "ELBSecurityPolicy-2016-08"\n',
        '"SslPolicy": "ELBSecurityPolicy-2016-08",\n                "DomainEndpointOptions": {\n                    "EnforceHTTPS": true\n                }\n',
      ),
      J,
    );
  });

  it('renames a key', () => {
    const t = listener(2, { DomainEndPointOptions: { EnforceHTTPS: true } });
    check(
      t,
      [{ kind: 'rename', path: [...P, 'DomainEndPointOptions'], newKey: 'DomainEndpointOptions' }],
      t.replace('DomainEndPointOptions', 'DomainEndpointOptions'),
      J,
    );
  });

  it('appends to arrays (multi-line, one-line, empty)', () => {
    const t = listener(2, { Names: ['a'], Inline: [], Objs: [{ A: 1 }] });
    const out = check(
      t,
      [
        { kind: 'append', path: [...P, 'Names'], value: 'b' },
        { kind: 'append', path: [...P, 'Inline'], value: 'x' },
        { kind: 'append', path: [...P, 'Objs'], value: { A: 2 } },
      ],
      listener(2, { Names: ['a', 'b'], Inline: ['x'], Objs: [{ A: 1 }, { A: 2 }] }),
      J,
    );
    assert.ok(out);
    const one = '{"Resources": {"L": {"Type": "X", "Properties": {"Names": ["a"]}}}}';
    check(one, [{ kind: 'append', path: [...P, 'Names'], value: 'b' }], one.replace('["a"]', '["a", "b"]'), J);
  });

  it('addParameter: into Parameters, or a new section after Description', () => {
    const withParams = JSON.stringify(
      { AWSTemplateFormatVersion: '2010-09-09', Description: 'd', Parameters: { Vpc: { Type: 'String' } }, Resources: { L: { Type: 'X' } } },
      null,
      2,
    );
    check(
      withParams,
      [{ kind: 'addParameter', name: 'CertificateArn', definition: { Type: 'String' } }],
      JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Description: 'd',
          Parameters: { Vpc: { Type: 'String' }, CertificateArn: { Type: 'String' } },
          Resources: { L: { Type: 'X' } },
        },
        null,
        2,
      ),
      J,
    );
    const without = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Description: 'd', Resources: { L: { Type: 'X' } } }, null, 2);
    check(
      without,
      [{ kind: 'addParameter', name: 'CertificateArn', definition: { Type: 'String', Description: 'ARN' } }],
      JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Description: 'd',
          Parameters: { CertificateArn: { Type: 'String', Description: 'ARN' } },
          Resources: { L: { Type: 'X' } },
        },
        null,
        2,
      ),
      J,
    );
    const bare = JSON.stringify({ Resources: { L: { Type: 'X' } } }, null, 2);
    check(
      bare,
      [{ kind: 'addParameter', name: 'C', definition: { Type: 'String' } }],
      JSON.stringify({ Parameters: { C: { Type: 'String' } }, Resources: { L: { Type: 'X' } } }, null, 2),
      J,
    );
  });

  it('addResource appends to Resources', () => {
    const t = listener(2);
    check(
      t,
      [
        {
          kind: 'addResource',
          name: 'Cert',
          definition: { Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate', Properties: { ListenerArn: { Ref: 'L' } } },
        },
      ],
      JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Resources: {
            L: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 443, Protocol: 'TLS', SslPolicy: 'ELBSecurityPolicy-2016-08' } },
            Cert: { Type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate', Properties: { ListenerArn: 'REF' } },
          },
        },
        null,
        2,
      ).replace('"REF"', '{ "Ref": "L" }') + '\n',
      J,
    );
  });

  it('keeps comma-first layout', () => {
    const t = '{ "Resources":\n  { "L":\n    { "Type": "X"\n    , "Properties": { "Port": 443 }\n    }\n  }\n}\n';
    check(
      t,
      [{ kind: 'insert', path: ['Resources', 'L'], key: 'Condition', value: 'C' }],
      t.replace('"Properties": { "Port": 443 }\n', '"Properties": { "Port": 443 }\n    , "Condition": "C"\n'),
      J,
    );
    check(t, [{ kind: 'remove', path: ['Resources', 'L', 'Type'] }], t.replace('"Type": "X"\n    , ', ''), J);
  });

  it('writes lists of scalars the way the file writes its own', () => {
    const inline = '{\n  "Resources": {\n    "L": {\n      "Type": "X",\n      "Properties": {\n        "Aliases": ["a.example.com"]\n      }\n    }\n  }\n}\n';
    check(
      inline,
      [{ kind: 'insert', path: P, key: 'Names', value: ['x', 'y'] }],
      inline.replace('["a.example.com"]\n', '["a.example.com"],\n        "Names": ["x", "y"]\n'),
      J,
    );
    const expanded = listener(2, { Aliases: ['a.example.com'] });
    check(expanded, [{ kind: 'insert', path: P, key: 'Names', value: ['x', 'y'] }], listener(2, { Aliases: ['a.example.com'], Names: ['x', 'y'] }), J);
  });

  it('keeps CRLF', () => {
    const t = listener(2).replace(/\n/g, '\r\n');
    check(
      t,
      [
        { kind: 'insert', path: P, key: 'Certificates', value: [{ CertificateArn: 'a' }] },
        { kind: 'remove', path: [...P, 'Port'] },
      ],
      listener(2, { Protocol: 'TLS', SslPolicy: 'ELBSecurityPolicy-2016-08', Certificates: [{ CertificateArn: 'a' }] }).replace(/\n/g, '\r\n'),
      J,
    );
  });

  it('empties an object or array when every entry goes', () => {
    const t = listener(2, { Names: ['a'], Port: 1 });
    check(t, [{ kind: 'remove', path: [...P, 'Names', 0] }], t.replace(/\[\n\s*"a"\n\s*\]/, '[]'), J);
  });
});
