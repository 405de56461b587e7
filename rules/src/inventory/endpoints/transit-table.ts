/**
 * Data stores, queues and integrations as inventory endpoints: where each resource type says
 * whether clients must use TLS, and what each value of that setting means. A value that is not
 * in `values` (or an unknown one) makes the endpoint's TLS unknown, never guessed.
 */
import type { TlsFloor } from '../../data/tls';
import type { EndpointKind } from '../model';

/** What one value of the setting means for clients. */
export interface TransitMeaning {
  /** Clients can connect with TLS. */
  tls: boolean;
  /** Clients can also connect in plaintext. */
  plaintext: boolean;
  /** The lowest TLS version then negotiated, where AWS documents it. */
  floor?: TlsFloor;
}

export interface TransitEndpointSpec {
  kind: EndpointKind;
  types: readonly string[];
  /** What clients speak (shown as the protocol); absent: the setting's value is the protocol. */
  protocol?: string;
  /** The property (path under `Properties`) that decides TLS. */
  setting: readonly string[];
  /** Its meaning when absent. */
  absent: TransitMeaning;
  /** Meanings by value, as text (`true`, `TLS`, …). */
  values: Readonly<Record<string, TransitMeaning>>;
  /** A second property that lets plaintext in while TLS is on (`TransitEncryptionMode: preferred`). */
  alsoPlaintext?: { setting: readonly string[]; values: readonly string[] };
}

const TLS_ONLY: TransitMeaning = { tls: true, plaintext: false };
const BOTH: TransitMeaning = { tls: true, plaintext: true };
const PLAIN: TransitMeaning = { tls: false, plaintext: true };

export const TRANSIT_ENDPOINTS: readonly TransitEndpointSpec[] = [
  {
    kind: 'elasticache-cluster',
    types: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
    protocol: 'cache',
    setting: ['TransitEncryptionEnabled'],
    absent: PLAIN,
    values: { true: TLS_ONLY, false: PLAIN },
    alsoPlaintext: { setting: ['TransitEncryptionMode'], values: ['preferred'] },
  },
  {
    kind: 'memorydb-cluster',
    types: ['AWS::MemoryDB::Cluster'],
    protocol: 'cache',
    setting: ['TLSEnabled'],
    // TLS 1.2 at least since July 2023 (MemoryDB in-transit encryption guide).
    absent: { ...TLS_ONLY, floor: '1.2' },
    values: { true: { ...TLS_ONLY, floor: '1.2' }, false: PLAIN },
  },
  {
    kind: 'dax-cluster',
    types: ['AWS::DAX::Cluster'],
    protocol: 'DAX',
    setting: ['ClusterEndpointEncryptionType'],
    absent: PLAIN,
    values: { TLS: TLS_ONLY, NONE: PLAIN },
  },
  {
    kind: 'msk-cluster',
    types: ['AWS::MSK::Cluster'],
    protocol: 'Kafka',
    setting: ['EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'],
    absent: TLS_ONLY,
    values: { TLS: TLS_ONLY, TLS_PLAINTEXT: BOTH, PLAINTEXT: PLAIN },
  },
  {
    kind: 'rds-proxy',
    types: ['AWS::RDS::DBProxy'],
    protocol: 'database',
    setting: ['RequireTLS'],
    absent: BOTH,
    values: { true: TLS_ONLY, false: BOTH },
  },
  {
    kind: 'dms-endpoint',
    types: ['AWS::DMS::Endpoint'],
    protocol: 'database',
    setting: ['SslMode'],
    absent: PLAIN,
    values: { none: PLAIN, require: TLS_ONLY, 'verify-ca': TLS_ONLY, 'verify-full': TLS_ONLY },
  },
  {
    kind: 'ses-configuration-set',
    types: ['AWS::SES::ConfigurationSet'],
    protocol: 'SMTP',
    setting: ['DeliveryOptions', 'TlsPolicy'],
    absent: BOTH,
    values: { REQUIRE: TLS_ONLY, OPTIONAL: BOTH },
  },
  {
    kind: 'vpc-lattice-listener',
    types: ['AWS::VpcLattice::Listener'],
    setting: ['Protocol'],
    absent: { tls: false, plaintext: false },
    // HTTPS listeners negotiate TLS 1.2 and 1.3 (VPC Lattice HTTPS listeners guide); passthrough leaves TLS to the targets.
    values: { HTTPS: { ...TLS_ONLY, floor: '1.2' }, TLS_PASSTHROUGH: TLS_ONLY, HTTP: PLAIN },
  },
];
