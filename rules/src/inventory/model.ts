/**
 * The certificate and endpoint inventory of templates: the documented, versioned JSON schema
 * (docs/inventory.md). Everything is data keyed by template paths; front ends render it.
 */
import type { TlsFloor } from '../data/tls';
import type { Severity } from '../engine/types';
import type { Path } from '../parse/source-tree';

/** Bump on any change that is not a pure addition of an optional field. */
export const INVENTORY_SCHEMA_VERSION = 1;

/**
 * A setting as the template gives it: every value it can take (parameter `AllowedValues`,
 * `Fn::If` branches, scenarios), and whether AWS's default applies because it is not written.
 * `values` is empty when the value is not knowable (`GetAtt`, `ImportValue`, an SSM parameter).
 */
export interface Setting {
  values: string[];
  /** The property is absent in some scenario: `values` then includes AWS's default for it. */
  default: boolean;
}

/** A diagnostic of the lint, as the inventory attaches it to a certificate, consumer or endpoint. */
export interface InventoryFinding {
  rule: string;
  severity: Severity;
  message: string;
  path: Path;
  /** 1-based line where the diagnostic starts. */
  line: number;
  /** Present (true) only for findings shown with `--show-suppressed`. */
  suppressed?: true;
}

/** What a certificate is, as far as the template tells. */
export type CertificateKind = 'acm' | 'iam' | 'private-ca' | 'unknown';

/** How the template names it. */
export type CertificateSource = 'resource' | 'parameter' | 'literal' | 'expression';

/** A place that uses a certificate. */
export interface ConsumerRef {
  /** `key` of the endpoint in the same template. */
  endpoint: string;
  /** Template path of the consumer property (e.g. `…, Certificates, 0, CertificateArn`). */
  path: Path;
  line: number;
  /** The consumer property, e.g. `ELBv2 listener CertificateArn`. */
  property: string;
  /** Findings on that property. */
  findings: InventoryFinding[];
}

export interface CertificateEntry {
  /**
   * Unique within the template: `resource:<LogicalId>`, `parameter:<Name>`, `literal:<value>`,
   * `expression:<JSON of the intrinsic>`.
   */
  key: string;
  kind: CertificateKind;
  source: CertificateSource;
  /** Logical id, parameter name, literal value, or the expression's JSON (cut at 200 characters). */
  name: string;
  /**
   * How reports show it: the name, or for an expression the names it refers to, e.g.
   * `Certificate (if HasCert) / parameter CertificateArn (unless HasCert)`, `Stack.Arn`,
   * `!ImportValue shared-cert` (at most 120 characters).
   */
  label: string;
  /** Resource type, for `source: resource`. */
  resourceType: string | null;
  /** Where it is defined: the resource, the parameter, or where the literal/expression is first written. */
  path: Path;
  line: number;
  /** Known names (`DomainName` first, then SANs), as written; ACM resources only. */
  domains: string[];
  /** False when some name is not knowable (or the certificate's names are not in the template at all). */
  domainsComplete: boolean;
  /** ACM resources: `public`, `private` (issued by a private CA), or `conditional`. */
  type: 'public' | 'private' | 'conditional' | null;
  /** `ValidationMethod` of a public ACM certificate (default `EMAIL`); null otherwise. */
  validation: Setting | null;
  /** ACM `KeyAlgorithm` (default `RSA_2048`) or Private CA `KeyAlgorithm`; null when not in the template. */
  keyAlgorithm: Setting | null;
  /** `CertificateTransparencyLoggingPreference` of a public ACM certificate (default `ENABLED`); null otherwise. */
  transparencyLogging: Setting | null;
  /** Tag keys to values (null: value not knowable); null when the certificate has no `Tags` (or none in the template). */
  tags: Record<string, string | null> | null;
  /** Key of the private CA that issues it (an ACM private certificate's `CertificateAuthorityArn`). */
  issuer: string | null;
  /** Private CA only: keys of the certificates of this template it issues. */
  issues: string[];
  /** Kind-specific facts (see docs/inventory.md): each a list of the values seen. */
  details: Record<string, string[]>;
  consumers: ConsumerRef[];
  /** Findings on the definition (resource, parameter, or the written literal). */
  findings: InventoryFinding[];
}

export type EndpointKind =
  | 'elbv2-listener'
  | 'elbv2-listener-certificate'
  | 'elb-listener'
  | 'cloudfront-distribution'
  | 'cloudfront-behaviour'
  | 'apigw-domain'
  | 'appsync-domain'
  | 'cognito-domain'
  | 'opensearch-domain'
  | 'beanstalk-listener'
  | 'elasticache-cluster'
  | 'memorydb-cluster'
  | 'dax-cluster'
  | 'msk-cluster'
  | 'rds-proxy'
  | 'dms-endpoint'
  | 'ses-configuration-set'
  | 'vpc-lattice-listener'
  | 'lambda-function-url';

/** Whether an endpoint terminates TLS: in every scenario, in none, in some, or not knowable. */
export type TlsPresence = 'yes' | 'no' | 'conditional' | 'unknown';

export interface EndpointEntry {
  /** Unique within the template: `<LogicalId>`, `<LogicalId>.Listeners[0]`, `<LogicalId>.<namespace>`, `Globals.Api.Domain`… */
  key: string;
  kind: EndpointKind;
  /** Logical id of the resource that defines it (null for SAM Globals). */
  resource: string | null;
  resourceType: string | null;
  path: Path;
  line: number;
  /** Protocols it accepts (`HTTPS`, `TLS`, `SSL`, `HTTP`, `TCP`…); empty when not knowable. */
  protocols: string[];
  ports: string[];
  tls: TlsPresence;
  /** It accepts plain HTTP in some scenario (an HTTP listener, an `allow-all` behaviour, `EnforceHTTPS` off). */
  plaintext: boolean;
  /**
   * The security policy that sets its protocols: `SslPolicy`, a classic `Reference-Security-Policy`,
   * `MinimumProtocolVersion`, `SecurityPolicy`, `TLSSecurityPolicy`, `SSLPolicy`; null when it has none.
   */
  policy: Setting | null;
  /** The lowest protocol it accepts over TLS, in its weakest scenario; null when not TLS or not knowable. */
  tlsFloor: TlsFloor | null;
  /** Host names it serves (CloudFront `Aliases`, custom domain names), known ones. */
  domains: string[];
  /** Keys of the certificates it presents. */
  certificates: string[];
  /** It presents the service's own certificate (`*.cloudfront.net`, an OpenSearch domain without custom endpoint). */
  defaultCertificate: boolean;
  /** Kind-specific facts (see docs/inventory.md): each a list of the values seen. */
  details: Record<string, string[]>;
  findings: InventoryFinding[];
}

export interface TemplateInventory {
  /** The template's path (relative to the working directory in the CLI). */
  file: string;
  /** Whether the template is production (README, "Configuration"). */
  production: boolean;
  certificates: CertificateEntry[];
  endpoints: EndpointEntry[];
  /** Why the template has no inventory (it does not parse), when it has none. */
  error?: string;
}

/** A certificate of some template. */
export interface CertificateLocator {
  file: string;
  key: string;
}

export interface InventorySummary {
  templates: number;
  certificates: number;
  endpoints: number;
  /** Names covered by more than one certificate (exactly, or by a wildcard one label up). */
  sharedDomains: { domain: string; certificates: CertificateLocator[] }[];
  /** Wildcard names, with their certificate. */
  wildcards: { domain: string; certificate: CertificateLocator; production: boolean }[];
  /** Public ACM certificates validated by email (set or by default): renewal waits on a person. */
  emailValidation: { certificate: CertificateLocator; domains: string[]; default: boolean }[];
  /** TLS endpoints whose floor is below TLS 1.2. */
  weakEndpoints: { file: string; endpoint: string; tlsFloor: TlsFloor; policy: string[] }[];
}

export interface InventoryReport {
  version: typeof INVENTORY_SCHEMA_VERSION;
  templates: TemplateInventory[];
  summary: InventorySummary;
}
