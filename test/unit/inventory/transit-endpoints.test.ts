import { strict as assert } from 'assert';
import { EndpointEntry, floorGroup, TemplateInventory } from '../../../rules/src/inventory/index';
import { inventoryOf } from './support';

const endpoint = (inv: TemplateInventory, key: string): EndpointEntry => {
  const e = inv.endpoints.find((x) => x.key === key);
  assert.ok(e, `endpoint ${key} in ${inv.endpoints.map((x) => x.key).join(', ')}`);
  return e;
};

const YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Mode:
    Type: String
  Prod:
    Type: String
    AllowedValues: ['true', 'false']
Conditions:
  IsProd: !Equals [!Ref Prod, 'true']
Resources:
  PlainCache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: no TLS setting
  MigratingCache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: TLS, plaintext still allowed
      TransitEncryptionEnabled: true
      TransitEncryptionMode: preferred
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: k
  Memory:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: m
  Dms:
    Type: AWS::DMS::Endpoint
    Properties:
      EngineName: postgres
      SslMode: !Ref Mode
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      RequireTLS: !If [IsProd, true, false]
  Lattice:
    Type: AWS::VpcLattice::Listener
    Properties:
      Protocol: HTTP
`;

describe('inventory: data stores, queues and integrations as endpoints', () => {
  const inv = inventoryOf(YAML);

  it('an absent setting takes the AWS default: plaintext for ElastiCache, TLS for MSK and MemoryDB', () => {
    const plain = endpoint(inv, 'PlainCache');
    assert.equal(plain.kind, 'elasticache-cluster');
    assert.deepEqual([plain.tls, plain.plaintext, floorGroup(plain)], ['no', true, 'plaintext']);
    const kafka = endpoint(inv, 'Kafka');
    assert.deepEqual([kafka.tls, kafka.plaintext, kafka.protocols], ['yes', false, ['Kafka']]);
    const memory = endpoint(inv, 'Memory');
    assert.deepEqual([memory.tls, memory.tlsFloor, floorGroup(memory)], ['yes', '1.2', '1.2']);
  });

  it('TLS with TransitEncryptionMode preferred still allows plaintext', () => {
    const e = endpoint(inv, 'MigratingCache');
    assert.deepEqual([e.tls, e.plaintext, floorGroup(e)], ['yes', true, 'plaintext']);
  });

  it('a value that cannot be known leaves TLS unknown', () => {
    const e = endpoint(inv, 'Dms');
    assert.deepEqual([e.tls, e.plaintext, floorGroup(e)], ['unknown', false, 'unknown']);
  });

  it('reads each Fn::If branch: TLS in one scenario, plaintext too in the other', () => {
    const e = endpoint(inv, 'Proxy');
    assert.deepEqual([e.tls, e.plaintext], ['yes', true]);
    assert.deepEqual(e.details.RequireTLS?.sort(), ['false', 'true']);
  });

  it("a VPC Lattice listener's protocol is its Protocol", () => {
    const e = endpoint(inv, 'Lattice');
    assert.deepEqual([e.protocols, e.tls, e.plaintext], [['HTTP'], 'no', true]);
  });

  it('reads JSON templates alike', () => {
    const json = JSON.stringify({
      Resources: {
        Dax: { Type: 'AWS::DAX::Cluster', Properties: { ClusterEndpointEncryptionType: 'TLS' } },
        Mail: { Type: 'AWS::SES::ConfigurationSet', Properties: { DeliveryOptions: { TlsPolicy: 'REQUIRE' } } },
      },
    });
    const j = inventoryOf(json, 'template.json');
    assert.deepEqual([endpoint(j, 'Dax').tls, endpoint(j, 'Dax').plaintext], ['yes', false]);
    assert.deepEqual([endpoint(j, 'Mail').tls, endpoint(j, 'Mail').plaintext, endpoint(j, 'Mail').protocols], ['yes', false, ['SMTP']]);
  });
});
