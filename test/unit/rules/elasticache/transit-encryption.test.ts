import { elasticacheTransitEncryption } from '../../../../rules/src/rules/elasticache/transit-encryption';
import { strict as assert } from 'assert';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Transit:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
  Engine:
    Type: String
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
`;

const group = (props: string): string => `${HEAD}  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      CacheNodeType: cache.t4g.small
${props}
`;

const cluster = (props: string): string => `${HEAD}  Cache:
    Type: AWS::ElastiCache::CacheCluster
    Properties:
      CacheNodeType: cache.t4g.small
      NumCacheNodes: 1
${props}
`;

const json = (type: string, props: Record<string, unknown>): string =>
  JSON.stringify({ Resources: { Cache: { Type: type, Properties: { CacheNodeType: 'cache.t4g.small', ...props } } } }, null, 2);

runRuleTests(elasticacheTransitEncryption, {
  valid: [
    { name: 'replication group with TLS', code: group('      Engine: redis\n      TransitEncryptionEnabled: true') },
    { name: 'TLS required mode', code: group('      Engine: valkey\n      TransitEncryptionEnabled: true\n      TransitEncryptionMode: required') },
    { name: 'Redis OSS 3.2.4 cannot encrypt in transit', code: group('      Engine: redis\n      EngineVersion: 3.2.4') },
    { name: 'Redis OSS 2.8.24 cannot encrypt in transit', code: group('      Engine: redis\n      EngineVersion: "2.8.24"') },
    { name: 'Memcached 1.6.6 cannot encrypt in transit', code: cluster('      Engine: memcached\n      EngineVersion: 1.6.6') },
    { name: 'a Redis OSS cache cluster cannot (a replication group can)', code: cluster('      Engine: redis\n      EngineVersion: "7.1"') },
    { name: 'engine from a parameter without values is unknown', code: group('      Engine: !Ref Engine') },
    { name: 'version from ImportValue is unknown', code: group('      Engine: redis\n      EngineVersion: !ImportValue redis-version') },
    { name: 'TransitEncryptionEnabled from GetAtt is unknown', code: group('      TransitEncryptionEnabled: !GetAtt Settings.Transit') },
    { name: 'Fn::If with TLS on both branches', code: group("      TransitEncryptionEnabled: !If [Legacy, true, 'true']") },
    {
      name: 'preferred mode while TLS is off: only the TLS finding would apply; here TLS is unknown',
      code: group('      TransitEncryptionEnabled: !ImportValue tls\n      TransitEncryptionMode: preferred'),
    },
    {
      name: 'JSON Memcached 1.6.22 with TLS',
      code: json('AWS::ElastiCache::CacheCluster', { Engine: 'memcached', EngineVersion: '1.6.22', NumCacheNodes: 1, TransitEncryptionEnabled: true }),
    },
  ],
  invalid: [
    {
      name: 'replication group without TransitEncryptionEnabled: on Properties, quick fix only',
      code: group('      Engine: redis\n      EngineVersion: "7.1"'),
      errors: [{ path: ['Resources', 'Cache', 'Properties'], line: 14, severity: 'warning', fixes: 1, messageIncludes: 'Redis OSS 7.1' }],
      quickFixOutput: group('      Engine: redis\n      EngineVersion: "7.1"\n      TransitEncryptionEnabled: true'),
    },
    {
      name: 'no Engine: a replication group is Redis OSS',
      code: group('      NumCacheClusters: 2'),
      errors: [{ messageIncludes: 'Redis OSS' }],
    },
    {
      name: 'Redis OSS 3.2.6 supports it',
      code: group('      Engine: redis\n      EngineVersion: 3.2.6\n      TransitEncryptionEnabled: false'),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'TransitEncryptionEnabled'] }],
      quickFixOutput: group('      Engine: redis\n      EngineVersion: 3.2.6\n      TransitEncryptionEnabled: true'),
    },
    {
      name: 'Memcached 1.6.12 cache cluster without TLS',
      code: cluster('      Engine: memcached\n      EngineVersion: 1.6.12'),
      errors: [{ path: ['Resources', 'Cache', 'Properties'], messageIncludes: 'cache cluster (Memcached 1.6.12)' }],
      quickFixOutput: cluster('      Engine: memcached\n      EngineVersion: 1.6.12\n      TransitEncryptionEnabled: true'),
    },
    {
      name: 'TransitEncryptionMode preferred: on the mode, quick fix to required',
      code: group('      Engine: valkey\n      TransitEncryptionEnabled: true\n      TransitEncryptionMode: preferred'),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'TransitEncryptionMode'], line: 19, messageIncludes: 'plaintext' }],
      quickFixOutput: group('      Engine: valkey\n      TransitEncryptionEnabled: true\n      TransitEncryptionMode: required'),
    },
    {
      name: 'TLS off and preferred: only the TLS finding',
      code: group('      TransitEncryptionEnabled: false\n      TransitEncryptionMode: preferred'),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'TransitEncryptionEnabled'] }],
    },
    {
      name: 'AWS::NoValue makes it absent',
      code: group('      TransitEncryptionEnabled: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'Cache', 'Properties'] }],
    },
    {
      name: 'Fn::If branch false',
      code: group('      TransitEncryptionEnabled: !If [Legacy, false, true]'),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'TransitEncryptionEnabled', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      quickFixOutput: group('      TransitEncryptionEnabled: !If [Legacy, true, true]'),
    },
    {
      name: 'parameter AllowedValues entry false: related information',
      code: group('      TransitEncryptionEnabled: !Ref Transit'),
      errors: [{ relatedPaths: [['Parameters', 'Transit', 'AllowedValues', 1]] }],
      quickFixOutput: group('      TransitEncryptionEnabled: !Ref Transit').replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true', 'true']"),
    },
    {
      name: 'JSON replication group with TransitEncryptionEnabled false',
      code: json('AWS::ElastiCache::ReplicationGroup', { ReplicationGroupDescription: 'sessions', Engine: 'valkey', TransitEncryptionEnabled: false }),
      errors: [{ line: 9 }],
      quickFixOutput: json('AWS::ElastiCache::ReplicationGroup', { ReplicationGroupDescription: 'sessions', Engine: 'valkey', TransitEncryptionEnabled: true }),
    },
  ],
});

describe('elasticache-transit-encryption fixes', () => {
  it('are quick fixes only: fix-all and --fix leave the cache alone', () => {
    for (const code of [
      group('      Engine: redis'),
      group('      TransitEncryptionEnabled: false'),
      group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: preferred'),
    ]) {
      const [d] = lintWith(elasticacheTransitEncryption, { name: 'quick', code });
      assert.ok(
        d && d.fixes.length === 1 && d.fixes[0]!.safe === false && /replaces or interrupts|interrupts/.test(d.fixes[0]!.title),
        JSON.stringify(d?.fixes),
      );
    }
  });
});
