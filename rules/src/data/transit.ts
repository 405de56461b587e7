/**
 * Defaults and value sets of in-transit encryption settings that sit in one property (checked
 * against AWS documentation, 2026; the rule pages cite each source).
 */

export const TRANSIT_DEFAULTS = Object.freeze({
  /**
   * `AWS::RDS::DBProxy` `RequireTLS`: TLS is enforced only "by enabling this setting" (RDS API
   * CreateDBProxy / ModifyDBProxy); absent, the proxy also accepts plaintext connections.
   */
  rdsProxyRequireTls: false,
  /** `AWS::MemoryDB::Cluster` `TLSEnabled` (createOnly): in-transit encryption is on unless turned off. */
  memorydbTlsEnabled: true,
  /**
   * `AWS::DAX::Cluster` `ClusterEndpointEncryptionType` (createOnly): encryption in transit is chosen
   * when the cluster is created and cannot be enabled later (DynamoDB guide, DAX encryption in transit).
   */
  daxEndpointEncryption: 'NONE',
  /** `AWS::MSK::Cluster` `EncryptionInfo.EncryptionInTransit` (CloudFormation reference). */
  mskClientBroker: 'TLS',
  mskInCluster: true,
});

/** `ClusterEndpointEncryptionType` values (DAX API: `NONE | TLS`). */
export const DAX_ENDPOINT_ENCRYPTION_TLS = 'TLS';

/** `ClientBroker` values: `TLS` only, or also plaintext (`TLS_PLAINTEXT`), or plaintext only (`PLAINTEXT`). */
export const MSK_CLIENT_BROKER_TLS = 'TLS';
export const MSK_CLIENT_BROKER_PLAINTEXT: readonly string[] = Object.freeze(['TLS_PLAINTEXT', 'PLAINTEXT']);
