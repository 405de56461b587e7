import { strict as assert } from 'assert';
import { DEFAULT_SETTINGS, defaultRegistry, hoverMarkdown, parseSource, policyCompletionAt } from '../../../rules/src/index';
import { TRANSIT_SETTINGS } from '../../../rules/src/data/transit-settings';

const CACHE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      TransitEncryptionEnabled: !If [Prod, true, false]
      TransitEncryptionMode: preferred
  Domain:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions:
        Enabled: false
      NodeToNodeEncryptionOptions:
        Enabled: false
`;

function hoverAt(text: string, needle: string, fileName = 't.yaml'): string {
  const source = parseSource(text, fileName);
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return hoverMarkdown({ source, offset, findings: [], registry: defaultRegistry(), settings: DEFAULT_SETTINGS }) ?? '';
}

describe('editor: TLS-in-transit settings (hover and completion)', () => {
  it('explains a setting on its key, with its default and every value', () => {
    const h = hoverAt(CACHE, 'TransitEncryptionMode');
    assert.match(h, /\*\*TransitEncryptionMode\*\* \(TLS in transit\)/);
    assert.match(h, /When absent: required/);
    assert.match(h, /⚠ `preferred`/);
    assert.match(h, /elasticache-transit-encryption/);
  });

  it('gives the verdict of the value under the cursor, inside an Fn::If branch too', () => {
    assert.match(hoverAt(CACHE, 'preferred'), /⚠ `preferred`: TLS and plaintext connections\./);
    const text = CACHE;
    const branch = text.indexOf('false]', text.indexOf('TransitEncryptionEnabled'));
    const h = hoverMarkdown({ source: parseSource(text, 't.yaml'), offset: branch, findings: [], registry: defaultRegistry(), settings: DEFAULT_SETTINGS });
    assert.match(h ?? '', /⚠ `false`: plaintext connections/);
  });

  it('tells Enabled under NodeToNodeEncryptionOptions from Enabled elsewhere', () => {
    const atRest = CACHE.indexOf('Enabled: false');
    const n2n = CACHE.lastIndexOf('Enabled: false');
    const hover = (offset: number): string =>
      hoverMarkdown({ source: parseSource(CACHE, 't.yaml'), offset, findings: [], registry: defaultRegistry(), settings: DEFAULT_SETTINGS }) ?? '';
    assert.doesNotMatch(hover(atRest), /TLS in transit/);
    assert.match(hover(n2n), /TLS 1\.2 between the nodes/);
  });

  it('reads JSON templates alike', () => {
    const json = JSON.stringify({ Resources: { P: { Type: 'AWS::RDS::DBProxy', Properties: { RequireTLS: false } } } }, null, 2);
    assert.match(hoverAt(json, '"RequireTLS"', 't.json'), /When absent: false/);
  });

  it('completes values recommended first and weak ones last', () => {
    const text = CACHE.replace('TransitEncryptionMode: preferred', 'TransitEncryptionMode: ');
    const offset = text.indexOf('TransitEncryptionMode: ') + 'TransitEncryptionMode: '.length;
    const c = policyCompletionAt(text, offset, 'yaml', parseSource(text, 't.yaml'), DEFAULT_SETTINGS);
    assert.ok(c);
    assert.deepEqual(
      c.choices.map((x) => [x.name, x.verdict]),
      [
        ['required', 'recommended'],
        ['preferred', 'weak'],
      ],
    );
  });

  it('offers nothing for a name that means something else on another resource type', () => {
    const text = `Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: `;
    assert.equal(policyCompletionAt(text, text.length, 'yaml', parseSource(text, 't.yaml'), DEFAULT_SETTINGS), undefined);
    const lattice = text.replace('AWS::ElasticLoadBalancingV2::Listener', 'AWS::VpcLattice::Listener');
    const c = policyCompletionAt(lattice, lattice.length, 'yaml', parseSource(lattice, 't.yaml'), DEFAULT_SETTINGS);
    assert.deepEqual(
      c?.choices.map((x) => x.name),
      ['HTTPS', 'TLS_PASSTHROUGH', 'HTTP'],
    );
  });

  it('names a rule of the registry for every setting, with a recommended value', () => {
    const ids = new Set(defaultRegistry().metas.keys());
    for (const s of TRANSIT_SETTINGS) {
      assert.ok(
        s.values.some((v) => v.verdict === 'recommended'),
        s.property,
      );
      assert.ok(ids.has(s.rule), `${s.property}: ${s.rule}`);
    }
  });
});

describe('editor: a resource-specific setting wins over a policy property of the same name', () => {
  const IOT = `Resources:\n  D:\n    Type: AWS::IoT::DomainConfiguration\n    Properties:\n      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS12_1_0_2016_01\n`;

  it('hover on an IoT SecurityPolicy speaks of IoT, not API Gateway', () => {
    const h = hoverAt(IOT, 'IoTSecurityPolicy_TLS12_1_0_2016_01');
    assert.match(h, /iot-domain-tls-policy/);
    assert.doesNotMatch(h, /API Gateway/);
  });

  it('completion offers the IoT policies, the default first', () => {
    const text = IOT.replace('IoTSecurityPolicy_TLS12_1_0_2016_01\n', '');
    const c = policyCompletionAt(text, text.length, 'yaml', parseSource(text, 't.yaml'), DEFAULT_SETTINGS);
    assert.equal(c?.choices[0].name, 'IoTSecurityPolicy_TLS13_1_2_2022_10');
    assert.ok(c?.choices.every((x) => x.name.startsWith('IoTSecurityPolicy_')));
  });
});
