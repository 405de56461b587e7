/**
 * What the editor says about the TLS-in-transit settings of data stores, queues and
 * integrations (hover) and offers for them (completion): one entry per property, with its
 * default when absent and a verdict per value. Sources are on each rule's page
 * (docs/rules/<rule>.md); the rules read their own tables, this one only explains.
 */
import { IOT_DEFAULT_SECURITY_POLICY, IOT_SECURITY_POLICIES } from './iot-policies';
import { LIGHTSAIL_DEFAULT_TLS_POLICY, LIGHTSAIL_RECOMMENDED_TLS_POLICY, LIGHTSAIL_TLS_POLICIES } from './lightsail-policies';
import { isBelow, tlsLabel, TlsFloor } from './tls';
import {
  TRANSFER_CLOUDFORMATION_DEFAULT_POLICY,
  TRANSFER_RECOMMENDED_FIPS_POLICY,
  TRANSFER_RECOMMENDED_POLICY,
  TRANSFER_SECURITY_POLICIES,
} from './transfer-policies';
import type { Verdict } from './verdict';

/** What a value means for clients (the inventory's endpoints read it). */
export interface TransitMeaning {
  /** Clients can connect with TLS. */
  tls: boolean;
  /** Clients can also connect in plaintext. */
  plaintext: boolean;
  /** The lowest TLS version then negotiated, where AWS documents it. */
  floor?: TlsFloor;
}

export interface TransitValue {
  value: string;
  verdict: Verdict;
  /** Why, in a few words. */
  note: string;
  /** For client-facing settings: TLS and plaintext with this value. */
  means?: TransitMeaning;
}

export interface TransitSetting {
  /** Resource types where the property is found (any depth under `Properties`). */
  resourceTypes: readonly string[];
  /** The property's name (the last key of its path). */
  property: string;
  /** The parent key, where the name alone is ambiguous (`Enabled`). */
  parent?: string;
  /** What the setting does for TLS in transit. */
  about: string;
  /** What AWS applies when the property is absent. */
  absent: string;
  /** For client-facing settings: what that default means for clients. */
  absentMeans?: TransitMeaning;
  values: readonly TransitValue[];
  /** The rule that checks it (its page has the sources). */
  rule: string;
}

const TLS_ONLY: TransitMeaning = { tls: true, plaintext: false };
const BOTH: TransitMeaning = { tls: true, plaintext: true };
const PLAIN: TransitMeaning = { tls: false, plaintext: true };

const ON_OFF = (on: string, off: string, means?: { on: TransitMeaning; off: TransitMeaning }): TransitValue[] => [
  { value: 'true', verdict: 'recommended', note: on, ...(means && { means: means.on }) },
  { value: 'false', verdict: 'weak', note: off, ...(means && { means: means.off }) },
];

function tlsRange(min: TlsFloor, max: TlsFloor): string {
  return min === max ? `${tlsLabel(min)} only` : `${tlsLabel(min)} to ${tlsLabel(max)}`;
}

const IOT_VALUES: TransitValue[] = IOT_SECURITY_POLICIES.map((p) => ({
  value: p.name,
  verdict: p.name === IOT_DEFAULT_SECURITY_POLICY ? 'recommended' : p.legacy ? 'weak' : 'acceptable',
  note: `${tlsRange(p.minTls, p.maxTls)}${p.legacy ? '; legacy (the name says TLS 1.0; IoT Core negotiates TLS 1.2+)' : ''}`,
}));

const LIGHTSAIL_VALUES: TransitValue[] = LIGHTSAIL_TLS_POLICIES.map((p) => ({
  value: p.name,
  verdict: p.name === LIGHTSAIL_RECOMMENDED_TLS_POLICY ? 'recommended' : isBelow(p.minTls, '1.2') ? 'weak' : 'acceptable',
  note: `${tlsRange(p.minTls, p.maxTls)}${p.forwardSecrecy ? ', forward secrecy' : ''}`,
}));

const TRANSFER_VALUES: TransitValue[] = TRANSFER_SECURITY_POLICIES.map((p) => {
  const weak = p.sha1 === true || p.sshRsa === true;
  const recommended = p.name === TRANSFER_RECOMMENDED_POLICY || p.name === TRANSFER_RECOMMENDED_FIPS_POLICY;
  const notes = [p.fips ? 'FIPS' : '', p.sha1 ? 'SHA-1 key exchange and MACs' : '', p.sshRsa ? 'ssh-rsa host keys' : ''].filter(Boolean);
  return { value: p.name, verdict: recommended ? 'recommended' : weak ? 'weak' : 'acceptable', note: notes.join(', ') || 'no legacy algorithms known' };
});

export const TRANSIT_SETTINGS: readonly TransitSetting[] = [
  {
    resourceTypes: ['AWS::IoT::DomainConfiguration'],
    property: 'SecurityPolicy',
    parent: 'TlsConfig',
    about: 'The TLS versions and ciphers the custom domain endpoint accepts.',
    absent: IOT_DEFAULT_SECURITY_POLICY,
    values: IOT_VALUES,
    rule: 'iot-domain-tls-policy',
  },
  {
    resourceTypes: ['AWS::Lightsail::LoadBalancer'],
    property: 'TlsPolicyName',
    about: "The TLS versions and ciphers of the load balancer's HTTPS front end.",
    absent: `${LIGHTSAIL_DEFAULT_TLS_POLICY} once HTTPS is on`,
    values: LIGHTSAIL_VALUES,
    rule: 'lightsail-lb-tls',
  },
  {
    resourceTypes: ['AWS::Transfer::Server'],
    property: 'SecurityPolicyName',
    about: 'The SSH and TLS algorithms the server offers (FTPS is TLS 1.2).',
    absent: `${TRANSFER_CLOUDFORMATION_DEFAULT_POLICY} (CloudFormation's default, unlike the console's)`,
    values: TRANSFER_VALUES,
    rule: 'transfer-server-insecure',
  },
  {
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
    property: 'TransitEncryptionEnabled',
    about: 'TLS between clients and the cache nodes (Redis OSS 4.0.10+, Valkey 7.2+, Memcached 1.6.12+).',
    absent: 'false: clients connect in plaintext',
    absentMeans: PLAIN,
    values: ON_OFF('clients must use TLS (with TransitEncryptionMode required)', 'plaintext connections', { on: TLS_ONLY, off: PLAIN }),
    rule: 'elasticache-transit-encryption',
  },
  {
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    property: 'TransitEncryptionMode',
    about: 'Whether plaintext clients may still connect while TLS is on (the step used to migrate a running group).',
    absent: 'required when TransitEncryptionEnabled is true at creation',
    values: [
      { value: 'required', verdict: 'recommended', note: 'only TLS connections' },
      { value: 'preferred', verdict: 'weak', note: 'TLS and plaintext connections' },
    ],
    rule: 'elasticache-transit-encryption',
  },
  {
    resourceTypes: ['AWS::MemoryDB::Cluster'],
    property: 'TLSEnabled',
    about: 'TLS between clients and the cluster (TLS 1.2+). Set at creation: changing it replaces the cluster.',
    absent: 'true',
    // TLS 1.2 at least since July 2023 (MemoryDB in-transit encryption guide).
    absentMeans: { ...TLS_ONLY, floor: '1.2' },
    values: ON_OFF('TLS only', 'plaintext connections', { on: { ...TLS_ONLY, floor: '1.2' }, off: PLAIN }),
    rule: 'memorydb-tls-disabled',
  },
  {
    resourceTypes: ['AWS::DAX::Cluster'],
    property: 'ClusterEndpointEncryptionType',
    about: "Encryption of the cluster endpoint's connections. Set at creation: changing it replaces the cluster.",
    absent: 'NONE: plaintext connections',
    absentMeans: PLAIN,
    values: [
      { value: 'TLS', verdict: 'recommended', note: 'TLS connections', means: TLS_ONLY },
      { value: 'NONE', verdict: 'weak', note: 'plaintext connections', means: PLAIN },
    ],
    rule: 'dax-tls-disabled',
  },
  {
    resourceTypes: ['AWS::MSK::Cluster'],
    property: 'ClientBroker',
    about: 'Encryption between clients and brokers.',
    absent: 'TLS',
    absentMeans: TLS_ONLY,
    values: [
      { value: 'TLS', verdict: 'recommended', note: 'TLS only', means: TLS_ONLY },
      { value: 'TLS_PLAINTEXT', verdict: 'weak', note: 'TLS and plaintext', means: BOTH },
      { value: 'PLAINTEXT', verdict: 'weak', note: 'plaintext only', means: PLAIN },
    ],
    rule: 'msk-plaintext',
  },
  {
    resourceTypes: ['AWS::MSK::Cluster'],
    property: 'InCluster',
    about: 'TLS between the brokers of the cluster. Changing it replaces the cluster.',
    absent: 'true',
    values: ON_OFF('brokers talk TLS', 'brokers talk plaintext'),
    rule: 'msk-plaintext',
  },
  {
    resourceTypes: ['AWS::RDS::DBProxy'],
    property: 'RequireTLS',
    about: 'Whether the proxy refuses connections without TLS, whatever the database accepts.',
    absent: 'false: plaintext connections accepted',
    absentMeans: BOTH,
    values: ON_OFF('TLS connections only', 'plaintext connections accepted', { on: TLS_ONLY, off: BOTH }),
    rule: 'rds-proxy-require-tls',
  },
  {
    resourceTypes: ['AWS::DMS::Endpoint'],
    property: 'SslMode',
    about: 'TLS between AWS DMS and the database of the endpoint.',
    absent: 'none: plaintext',
    absentMeans: PLAIN,
    values: [
      { value: 'verify-full', verdict: 'recommended', note: 'TLS, the certificate and host name verified (needs CertificateArn)', means: TLS_ONLY },
      { value: 'verify-ca', verdict: 'recommended', note: 'TLS, the certificate verified (needs CertificateArn)', means: TLS_ONLY },
      { value: 'require', verdict: 'acceptable', note: 'TLS, the certificate not verified', means: TLS_ONLY },
      { value: 'none', verdict: 'weak', note: 'plaintext', means: PLAIN },
    ],
    rule: 'dms-endpoint-ssl',
  },
  {
    resourceTypes: ['AWS::DMS::Endpoint'],
    property: 'SslSecurityProtocol',
    about: 'TLS between AWS DMS and a Redis target.',
    absent: 'ssl-encryption',
    values: [
      { value: 'ssl-encryption', verdict: 'recommended', note: 'TLS' },
      { value: 'plaintext', verdict: 'weak', note: 'plaintext' },
    ],
    rule: 'dms-endpoint-ssl',
  },
  {
    resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    property: 'Enabled',
    parent: 'NodeToNodeEncryptionOptions',
    about: 'TLS 1.2 between the nodes of the domain (OpenSearch, or Elasticsearch 6.0+). Cannot be turned off once on.',
    absent: 'false: nodes talk plaintext inside the VPC',
    values: ON_OFF('nodes talk TLS', 'nodes talk plaintext'),
    rule: 'opensearch-node-to-node-encryption',
  },
  {
    resourceTypes: ['AWS::ECS::TaskDefinition', 'AWS::Batch::JobDefinition'],
    property: 'TransitEncryption',
    about: 'TLS between the container host and the EFS file system (required with IAM authorization or an access point).',
    absent: 'DISABLED: NFS in plaintext',
    values: [
      { value: 'ENABLED', verdict: 'recommended', note: 'NFS over TLS' },
      { value: 'DISABLED', verdict: 'weak', note: 'NFS in plaintext' },
    ],
    rule: 'efs-transit-encryption',
  },
  {
    resourceTypes: ['AWS::AppSync::ApiCache'],
    property: 'TransitEncryptionEnabled',
    about: 'TLS between AppSync and its cache. AWS now marks the flag deprecated: transit encryption is always on.',
    absent: 'on (AWS always encrypts)',
    values: ON_OFF('TLS', 'deprecated: AWS encrypts anyway'),
    rule: 'appsync-cache-transit-encryption',
  },
  {
    resourceTypes: ['AWS::SES::ConfigurationSet'],
    property: 'TlsPolicy',
    about: 'Whether SES may deliver mail in plaintext when the receiving server cannot do TLS.',
    absent: 'OPTIONAL: plaintext delivery allowed',
    absentMeans: BOTH,
    values: [
      { value: 'REQUIRE', verdict: 'recommended', note: 'TLS or no delivery', means: TLS_ONLY },
      { value: 'OPTIONAL', verdict: 'weak', note: 'plaintext delivery allowed', means: BOTH },
    ],
    rule: 'ses-tls-policy-optional',
  },
  {
    resourceTypes: ['AWS::Lightsail::LoadBalancerTlsCertificate'],
    property: 'HttpsRedirectionEnabled',
    about: 'Whether the load balancer redirects HTTP requests to HTTPS.',
    absent: 'false: HTTP is served',
    values: ON_OFF('HTTP redirected to HTTPS', 'HTTP served'),
    rule: 'lightsail-lb-tls',
  },
  {
    resourceTypes: ['AWS::VpcLattice::Listener'],
    property: 'Protocol',
    about: 'What the listener accepts. Set at creation: changing it replaces the listener.',
    absent: 'required',
    absentMeans: { tls: false, plaintext: false },
    // HTTPS listeners negotiate TLS 1.2 and 1.3 (VPC Lattice HTTPS listeners guide); passthrough leaves TLS to the targets.
    values: [
      { value: 'HTTPS', verdict: 'recommended', note: 'TLS 1.2/1.3 terminated by VPC Lattice', means: { ...TLS_ONLY, floor: '1.2' } },
      { value: 'TLS_PASSTHROUGH', verdict: 'acceptable', note: 'TLS passed to the targets', means: TLS_ONLY },
      { value: 'HTTP', verdict: 'weak', note: 'plaintext', means: PLAIN },
    ],
    rule: 'vpc-lattice-http-listener',
  },
  {
    resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
    property: 'Mode',
    parent: 'MutualAuthentication',
    about: 'Mutual TLS: whether the load balancer asks for and verifies client certificates.',
    absent: 'off',
    values: [
      { value: 'verify', verdict: 'recommended', note: 'client certificates verified against TrustStoreArn' },
      { value: 'passthrough', verdict: 'acceptable', note: 'the chain is passed to the targets unverified' },
      { value: 'off', verdict: 'acceptable', note: 'no client certificates' },
    ],
    rule: 'elbv2-mtls-settings',
  },
  {
    resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
    property: 'IgnoreClientCertificateExpiry',
    about: 'Whether expired client certificates are accepted under mutual TLS.',
    absent: 'false',
    values: [
      { value: 'false', verdict: 'recommended', note: 'expired client certificates refused' },
      { value: 'true', verdict: 'weak', note: 'expired client certificates accepted' },
    ],
    rule: 'elbv2-mtls-settings',
  },
  {
    resourceTypes: ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'],
    property: 'DisableExecuteApiEndpoint',
    about: 'Whether clients can call the API on its default execute-api endpoint, bypassing the custom domain (its mutual TLS and TLS policy).',
    absent: 'false: the default endpoint answers',
    values: [
      { value: 'true', verdict: 'recommended', note: 'only the custom domain answers' },
      { value: 'false', verdict: 'acceptable', note: 'the default endpoint answers too' },
    ],
    rule: 'apigw-default-endpoint-bypass',
  },
];

/**
 * The setting called `property` (under `parent`) on `resourceType`. Names such as `Protocol`
 * or `Enabled` mean other things elsewhere, so without the resource type there is none.
 */
export function transitSetting(resourceType: string | undefined, property: string | undefined, parent?: string): TransitSetting | undefined {
  if (!property || !resourceType) return undefined;
  return TRANSIT_SETTINGS.find(
    (s) => s.property === property && s.resourceTypes.includes(resourceType) && (s.parent === undefined || parent === undefined || s.parent === parent),
  );
}
