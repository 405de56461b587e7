/**
 * Peer tools' check ids. Each rule lists the peer ids it covers in its own `meta.peers` (the one
 * place they are written); the registry inverts them, and a peer suppression (cfn-lint
 * `ignore_checks`, cfn_nag `rules_to_suppress`, checkov `skip`, guard `SuppressedRules`)
 * suppresses every rule whose `meta.peers` names its id (docs/suppression.md). This file holds
 * what the rules' lists cannot: the mapping principle, and the other spellings of an id.
 *
 * Mapping principle: a peer id maps to a rule when some branch of the peer's failing
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
 * - Trivy AWS-0168, Security Hub ACM.1, cfn-lint E3033 on IAM certificates, and the transport
 *   encryption checks the same tools bundle for data stores (databases, caches, queues): no rule of
 *   ours covers them.
 */

/** Trivy long names -> the `AWS-nnnn` id the rules list. */
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

/**
 * The key a peer id is looked up by: case-insensitive (guard names are matched as written in
 * `SuppressedRules`, any case; Security Hub ids as `ELB.1` or `elb.1`), surrounding whitespace
 * ignored, Trivy `AVD-AWS-nnnn` and long names as `AWS-nnnn`.
 */
export function peerKey(id: string): string {
  const key = id.trim().toUpperCase();
  if (/^AVD-AWS-\d{4}$/.test(key)) return key.slice(4);
  return ALIAS_BY_UPPER.get(key) ?? key;
}

const ALIAS_BY_UPPER: ReadonlyMap<string, string> = new Map(Object.entries(PEER_ALIASES).map(([alias, id]) => [alias.toUpperCase(), id.toUpperCase()]));
