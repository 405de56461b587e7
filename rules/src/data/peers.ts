/**
 * Peer tools' check ids -> our rule ids whose failing condition covers them (peer-checks.md, and the
 * `Peers:` texts of rules.md). Used for two things:
 * - suppression: a peer suppression (cfn-lint `ignore_checks`, cfn_nag `rules_to_suppress`, checkov
 *   `skip`, guard `SuppressedRules`) suppresses every rule its id maps to (interfaces.md);
 * - docs: each rule page lists the peer ids it covers (`RULE_PEERS`).
 *
 * Mapping principle (rules.md): a peer id maps to a rule when some branch of the peer's failing
 * condition, as implemented, is that rule's trigger; a peer that checks more than we do (e.g.
 * Security Hub ELB.3 also failing TCP listeners) still maps to the rule covering the part we check.
 * Deliberately NOT mapped:
 * - cfn-lint's generic schema rules (E3030 enum, E3031 pattern, E3034 range, E1040/E1041 Ref/GetAtt
 *   format, E3002/E3003, E3020, E3033, E3711/E3683/E3684, E3013): they fire for many unrelated
 *   properties; suppressing one of them must not silence a TLS rule. Exception: E3014/E3021, whose
 *   CloudFront application (`ViewerCertificate` exactly-one-of; `AcmCertificateArn`/`IamCertificateId`
 *   without `SslSupportMethod`) is exactly `cloudfront-viewer-certificate-incomplete`.
 * - W55 / CKV_AWS_103 / guard W55 port -> `elbv2-ssl-policy-unknown`: they deny-list the fake name
 *   `ELBSecurityPolicy-2015`, but an unknown name is a deploy error, not the TLS-1.2 warning a W55
 *   suppression is written for.
 * - KICS be96849c "Secure Ciphers Disabled": its path and values cannot match a valid distribution.
 * - Trivy AWS-0168, Security Hub ACM.1, cfn-lint E3033 on IAM certificates, adjacent data-store
 *   checks (peer-checks.md §9): no rule of ours covers them.
 */

/** Every rule id of rules.md, in catalogue order. */
export const RULE_IDS = Object.freeze([
  // ELBv2
  'elbv2-http-without-redirect',
  'elbv2-rule-bypasses-redirect',
  'elbv2-redirect-to-http',
  'elbv2-ssl-policy-missing',
  'elbv2-ssl-policy-weak',
  'elbv2-ssl-policy-unknown',
  'elbv2-fips-policy-mix',
  'elbv2-certificate-missing',
  'elbv2-certificate-count',
  'elbv2-protocol-mismatch',
  'elbv2-tls-settings-on-plain-listener',
  'elbv2-plaintext-to-targets',
  // Classic ELB
  'elb-plaintext-listener',
  'elb-certificate-missing',
  'elb-ssl-policy',
  'elb-policy-undefined',
  'elb-protocol-pairing',
  'elb-plaintext-to-instances',
  // Certificates wherever used
  'certificate-not-acm',
  'certificate-arn-invalid',
  'certificate-arn-hardcoded',
  'certificate-region',
  'certificate-key-unsupported',
  'private-key-in-template',
  // ACM
  'acm-email-validation',
  'acm-dns-validation-manual',
  'acm-validation-domain-mismatch',
  'acm-transparency-logging-disabled',
  'acm-key-algorithm',
  'acm-domain-invalid',
  'acm-duplicate-domain',
  'acm-too-many-domains',
  'acm-wildcard-production',
  'acm-public-certificate-production',
  'acm-domain-not-allowed',
  'acm-missing-tags',
  // Private CA and IAM
  'pca-revocation-disabled',
  'pca-algorithm-family-mismatch',
  'pca-root-ca-active',
  'iam-certificate-admin-wildcard',
  'acm-activity-unmonitored',
  // CloudFront
  'cloudfront-viewer-http',
  'cloudfront-tls-version',
  'cloudfront-viewer-certificate-incomplete',
  'cloudfront-aliases-default-certificate',
  'cloudfront-default-certificate',
  'cloudfront-ssl-support-method',
  'cloudfront-origin-http',
  'cloudfront-origin-tls-version',
  // API Gateway, OpenSearch
  'apigw-domain-tls-version',
  'apigw-domain-certificate-endpoint',
  'apigw-backend-certificate',
  'opensearch-enforce-https',
  'opensearch-tls-policy',
  'opensearch-custom-endpoint-certificate',
  // Elastic Beanstalk
  'beanstalk-certificate-missing',
  'beanstalk-ssl-policy',
  'beanstalk-http-only',
  // Template-level
  'template-parse-error',
  'template-duplicate-key',
  'suppression-without-reason',
  'unknown-property',
] as const);

export type RuleId = (typeof RULE_IDS)[number];

type PeerTable = Record<string, readonly RuleId[]>;

// --- ELBv2 listeners (peer-checks.md §1) ------------------------------------------------------
const ELBV2: PeerTable = {
  // cfn-lint
  E3676: ['elbv2-certificate-missing'],
  // checkov
  CKV_AWS_2: ['elbv2-http-without-redirect'],
  // CKV_AWS_103 also FAILs an HTTP listener without a redirect to HTTPS (peer-checks.md §1).
  CKV_AWS_103: ['elbv2-ssl-policy-missing', 'elbv2-ssl-policy-weak', 'elbv2-http-without-redirect'],
  CKV2_AWS_20: ['elbv2-http-without-redirect'], // test-only for CFN
  // cfn_nag
  W55: ['elbv2-ssl-policy-missing', 'elbv2-ssl-policy-weak'],
  W56: ['elbv2-http-without-redirect'],
  // guard registry
  ELBV2_LISTENER_SSL_POLICY_RULE: ['elbv2-ssl-policy-missing', 'elbv2-ssl-policy-weak'], // port of W55
  ELBV2_LISTENER_PROTOCOL_RULE: ['elbv2-http-without-redirect'], // port of W56
  // FAILs a non-ACM certificate, and an HTTPS/TLS listener with no Certificates.
  ELBV2_ACM_CERTIFICATE_REQUIRED: ['certificate-not-acm', 'elbv2-certificate-missing'],
  // Trivy
  'AWS-0054': ['elbv2-http-without-redirect'],
  'AWS-0047': ['elbv2-ssl-policy-weak'], // absent SslPolicy is not flagged by Trivy
  // Security Hub
  'ELB.1': ['elbv2-http-without-redirect'],
  // policy not in the recommended list: an absent (= 2016-08) or weak policy both fail it.
  'ELB.17': ['elbv2-ssl-policy-missing', 'elbv2-ssl-policy-weak'],
  'ELB.18': ['elbv2-http-without-redirect'], // listener not HTTPS/TLS (mapping unverified in peer-checks.md)
};

// --- Classic ELB (peer-checks.md §2) ----------------------------------------------------------
const CLASSIC: PeerTable = {
  E3679: ['elb-certificate-missing'],
  // KICS "ALB Listening on HTTP" has an ELBv2 branch and a classic branch under one id.
  '275a3217-ca37-40c1-a6cf-bb57d245ab32': ['elbv2-http-without-redirect', 'elb-plaintext-listener'],
  '61a94903-3cd3-4780-88ec-fc918819b9c8': ['elb-ssl-policy'], // KICS ELB Using Insecure Protocols
  '809f77f8-d10e-4842-a84f-3be7b6ff1190': ['elb-ssl-policy'], // KICS ELB Using Weak Ciphers
  '80908a75-586b-4c61-ab04-490f4f4525b8': ['elb-plaintext-listener', 'elb-plaintext-to-instances'], // KICS ELB Without Secure Protocol
  ELB_ACM_CERTIFICATE_REQUIRED: ['certificate-not-acm', 'elb-certificate-missing'],
  ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK: ['elb-ssl-policy'],
  ELB_TLS_HTTPS_LISTENERS_ONLY: ['elb-plaintext-listener'],
  'ELB.2': ['certificate-not-acm'],
  'ELB.3': ['elb-plaintext-listener'],
  'ELB.8': ['elb-ssl-policy'],
  // checkov, Terraform-only (listed for docs; rules.md names CKV_AWS_213)
  CKV_AWS_213: ['elb-ssl-policy'],
  CKV_AWS_127: ['elb-certificate-missing'],
  CKV_AWS_376: ['elb-plaintext-to-instances', 'elb-certificate-missing'],
};

// --- CloudFront (peer-checks.md §3) -----------------------------------------------------------
const CLOUDFRONT: PeerTable = {
  E3014: ['cloudfront-viewer-certificate-incomplete'],
  E3021: ['cloudfront-viewer-certificate-incomplete'],
  CKV_AWS_34: ['cloudfront-viewer-http'],
  // FAILs: no ViewerCertificate / default certificate, MinimumProtocolVersion missing or < TLS 1.2.
  CKV_AWS_174: ['cloudfront-tls-version', 'cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'],
  CKV2_AWS_72: ['cloudfront-origin-http'],
  W70: ['cloudfront-tls-version', 'cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'],
  CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE: ['cloudfront-tls-version', 'cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'], // port of W70
  '31733ee2-fef0-4e87-9778-65da22a8ecf1': ['cloudfront-viewer-http'], // KICS Viewer Protocol Policy Allows HTTP
  'dc17ee4b-ddf2-4e23-96e8-7a36abad1303': ['cloudfront-tls-version', 'cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'], // KICS Without Minimum Protocol TLS 1.2
  'a5366a50-932f-4085-896b-41402714a388': ['cloudfront-viewer-http'], // KICS "Origin Not Encrypted": checks the viewer policy
  // FAILs: no ViewerCertificate, default certificate, or neither ACM nor IAM certificate.
  CLOUDFRONT_CUSTOM_SSL_CERTIFICATE: ['cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'],
  // FAILs: default certificate, SslSupportMethod missing or not sni-only.
  CLOUDFRONT_SNI_ENABLED: ['cloudfront-ssl-support-method', 'cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'],
  CLOUDFRONT_VIEWER_POLICY_HTTPS: ['cloudfront-viewer-http'],
  'AWS-0012': ['cloudfront-viewer-http'],
  // CFN adapter never sets CloudFrontDefaultCertificate, so default-certificate distributions fail too.
  'AWS-0013': ['cloudfront-tls-version', 'cloudfront-default-certificate', 'cloudfront-viewer-certificate-incomplete'],
  'CloudFront.3': ['cloudfront-viewer-http'],
  'CloudFront.7': ['cloudfront-default-certificate'],
  'CloudFront.8': ['cloudfront-ssl-support-method'],
  'CloudFront.9': ['cloudfront-origin-http'],
  'CloudFront.10': ['cloudfront-origin-tls-version'],
  // checkov, Terraform-only
  CKV2_AWS_42: ['cloudfront-default-certificate'],
  CKV2_AWS_54: ['cloudfront-origin-tls-version'],
};

// --- API Gateway (peer-checks.md §4) ----------------------------------------------------------
const APIGW: PeerTable = {
  W62: ['apigw-domain-tls-version'],
  API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC: ['apigw-domain-tls-version'], // port of W62
  '8275fab0-68ec-4705-bbf4-86975edb170e': ['apigw-domain-tls-version'], // KICS API Gateway Without Security Policy
  'ed4c48b8-eccc-4881-95c1-09fdae23db25': ['apigw-backend-certificate'], // KICS API Gateway Without SSL Certificate
  'AWS-0005': ['apigw-domain-tls-version'],
  'AWS-0112': ['apigw-domain-tls-version'],
  'APIGateway.2': ['apigw-backend-certificate'],
  // checkov, Terraform-only
  CKV_AWS_206: ['apigw-domain-tls-version'],
  CKV2_AWS_51: ['apigw-backend-certificate'],
};

// --- Certificates, ACM, Private CA (peer-checks.md §1, §3, §4, §5) ----------------------------
const CERTIFICATES: PeerTable = {
  E1159: ['certificate-arn-invalid'], // literal not matching the ACM ARN pattern
  E3503: ['acm-validation-domain-mismatch'],
  CKV2_AWS_71: ['acm-wildcard-production'], // flags any wildcard
  CKV_AWS_234: ['acm-transparency-logging-disabled'], // Terraform-only
  F61: ['private-key-in-template'], // OpsWorks SslConfiguration.PrivateKey as a plaintext string
  'ACM.2': ['acm-key-algorithm'],
  'PCA.1': ['pca-root-ca-active'],
};

// --- OpenSearch / Elasticsearch (peer-checks.md §6) -------------------------------------------
const OPENSEARCH: PeerTable = {
  CKV_AWS_83: ['opensearch-enforce-https'],
  CKV_AWS_228: ['opensearch-tls-policy'], // Terraform-only
  '4cdc88e6-c0c8-4081-a639-bb3a557cbedf': ['opensearch-enforce-https'], // KICS Elasticsearch with HTTPS disabled
  ELASTICSEARCH_HTTPS_REQUIRED: ['opensearch-enforce-https', 'opensearch-tls-policy'],
  OPENSEARCH_HTTPS_REQUIRED: ['opensearch-enforce-https', 'opensearch-tls-policy'],
  'AWS-0046': ['opensearch-enforce-https'],
  'AWS-0126': ['opensearch-tls-policy'],
  'Opensearch.8': ['opensearch-tls-policy', 'opensearch-enforce-https'],
  'ES.8': ['opensearch-tls-policy', 'opensearch-enforce-https'],
};

function merge(...tables: PeerTable[]): Readonly<Record<string, readonly RuleId[]>> {
  const out: Record<string, readonly RuleId[]> = {};
  for (const t of tables) {
    for (const [peer, rules] of Object.entries(t)) {
      const prev = out[peer] ?? [];
      out[peer] = Object.freeze([...new Set([...prev, ...rules])]);
    }
  }
  return Object.freeze(out);
}

/** Peer check id -> our rule ids covering it. Keys are spelled as the peer writes them. */
export const PEER_RULES: Readonly<Record<string, readonly string[]>> = merge(ELBV2, CLASSIC, CLOUDFRONT, APIGW, CERTIFICATES, OPENSEARCH);

/** Trivy long names and `AVD-` ids -> the `AWS-nnnn` key used in PEER_RULES. */
export const PEER_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'aws-elb-http-not-used': 'AWS-0054',
  'aws-elb-use-secure-tls-policy': 'AWS-0047',
  'aws-cloudfront-enforce-https': 'AWS-0012',
  'aws-cloudfront-use-secure-tls-policy': 'AWS-0013',
  'aws-apigateway-use-secure-tls-policy': 'AWS-0005',
  'aws-sam-api-use-secure-tls-policy': 'AWS-0112',
  'aws-elasticsearch-enforce-https': 'AWS-0046',
  'aws-elasticsearch-use-secure-tls-policy': 'AWS-0126',
});

const BY_UPPER: ReadonlyMap<string, readonly string[]> = new Map(
  [
    ...Object.entries(PEER_RULES),
    ...Object.entries(PEER_ALIASES).map(([alias, id]) => [alias, PEER_RULES[id]!] as const),
  ].map(([k, v]) => [k.toUpperCase(), v] as const),
);

const NONE: readonly string[] = Object.freeze([]);

/**
 * Our rules covered by a peer id. Case-insensitive (guard names are matched as written in
 * `SuppressedRules`, any case; Security Hub ids as `ELB.1` or `elb.1`); surrounding whitespace is
 * ignored; Trivy `AVD-AWS-nnnn` and long names resolve to `AWS-nnnn`. Unknown ids give [].
 */
export function rulesForPeerId(id: string): readonly string[] {
  if (typeof id !== 'string') return NONE;
  let key = id.trim().toUpperCase();
  if (/^AVD-AWS-\d{4}$/.test(key)) key = key.slice(4);
  return BY_UPPER.get(key) ?? NONE;
}

function invert(): Readonly<Record<RuleId, readonly string[]>> {
  const out = {} as Record<RuleId, string[]>;
  for (const r of RULE_IDS) out[r] = [];
  for (const [peer, rules] of Object.entries(PEER_RULES)) {
    for (const r of rules) out[r as RuleId].push(peer);
  }
  for (const r of RULE_IDS) Object.freeze(out[r]);
  return Object.freeze(out);
}

/** Our rule id -> peer ids it covers (inverse of PEER_RULES, in PEER_RULES order), for docs. Every rule id is a key. */
export const RULE_PEERS: Readonly<Record<RuleId, readonly string[]>> = invert();
