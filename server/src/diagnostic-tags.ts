/**
 * LSP diagnostic tags by rule (data, not logic): `Deprecated` strikes through a
 * written value that is an outdated protocol setting; `Unnecessary` fades a
 * property AWS rejects or ignores. A tag applies only when the diagnostic sits on
 * the property named here (a missing-property finding sits on a key: no tag).
 */
export const DEPRECATED_VALUE_RULES: Readonly<Record<string, readonly string[]>> = {
  'elbv2-ssl-policy-weak': ['SslPolicy'],
  'cloudfront-tls-version': ['MinimumProtocolVersion'],
  'cloudfront-origin-tls-version': ['OriginSSLProtocols'],
  'apigw-domain-tls-version': ['SecurityPolicy'],
  'opensearch-tls-policy': ['TLSSecurityPolicy'],
};

export const UNNECESSARY_RULES: Readonly<Record<string, readonly string[]>> = {
  'elbv2-tls-settings-on-plain-listener': ['Certificates', 'SslPolicy', 'AlpnPolicy'],
};
