/**
 * Data stores, queues and integrations as inventory endpoints: which resource types, and which
 * setting of each says whether clients must use TLS. What each value means for clients lives with
 * the setting (`rules/src/data/transit-settings.ts`, which hover reads too); a value the setting
 * does not know (or an unknown one) leaves the endpoint's TLS unknown, never guessed.
 */
import type { EndpointKind } from '../model';

export interface TransitEndpointSpec {
  kind: EndpointKind;
  types: readonly string[];
  /** What clients speak (shown as the protocol); absent: the setting's value is the protocol. */
  protocol?: string;
  /** The property (path under `Properties`) that decides TLS: a setting of TRANSIT_SETTINGS. */
  setting: readonly string[];
  /** A second property that lets plaintext in while TLS is on (`TransitEncryptionMode: preferred`). */
  alsoPlaintext?: { setting: readonly string[]; values: readonly string[] };
}

export const TRANSIT_ENDPOINTS: readonly TransitEndpointSpec[] = [
  {
    kind: 'elasticache-cluster',
    types: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
    protocol: 'cache',
    setting: ['TransitEncryptionEnabled'],
    alsoPlaintext: { setting: ['TransitEncryptionMode'], values: ['preferred'] },
  },
  { kind: 'memorydb-cluster', types: ['AWS::MemoryDB::Cluster'], protocol: 'cache', setting: ['TLSEnabled'] },
  { kind: 'dax-cluster', types: ['AWS::DAX::Cluster'], protocol: 'DAX', setting: ['ClusterEndpointEncryptionType'] },
  { kind: 'msk-cluster', types: ['AWS::MSK::Cluster'], protocol: 'Kafka', setting: ['EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'] },
  { kind: 'rds-proxy', types: ['AWS::RDS::DBProxy'], protocol: 'database', setting: ['RequireTLS'] },
  { kind: 'dms-endpoint', types: ['AWS::DMS::Endpoint'], protocol: 'database', setting: ['SslMode'] },
  { kind: 'ses-configuration-set', types: ['AWS::SES::ConfigurationSet'], protocol: 'SMTP', setting: ['DeliveryOptions', 'TlsPolicy'] },
  { kind: 'vpc-lattice-listener', types: ['AWS::VpcLattice::Listener'], setting: ['Protocol'] },
];
