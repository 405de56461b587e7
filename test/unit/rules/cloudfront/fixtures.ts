/**
 * Distribution templates for the cloudfront rule tests: a secure baseline in YAML and JSON that
 * each test bends in one place.
 */

/** A distribution that passes every cloudfront rule. */
export const BASE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CertificateArn:
    Type: String
Resources:
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [www.example.com]
        Origins:
          - Id: app
            DomainName: origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        ViewerCertificate:
          AcmCertificateArn: !Ref CertificateArn
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;

/** `BASE_YAML` with each `[from, to]` replacement applied (each `from` must occur). */
export function yaml(...edits: [string, string][]): string {
  let out = BASE_YAML;
  for (const [from, to] of edits) {
    if (!out.includes(from)) throw new Error(`fixture: "${from}" not found`);
    out = out.replace(from, to);
  }
  return out;
}

/** Adds sections (Parameters entries, Conditions) to a YAML template. */
export function withParameters(text: string, parameters: string): string {
  return text.replace('Parameters:\n', `Parameters:\n${parameters}`);
}

export function withConditions(text: string, conditions: string): string {
  return text.replace('Resources:\n', `Conditions:\n${conditions}Resources:\n`);
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

/** The JSON baseline's `DistributionConfig`. */
export function baseConfig(): JsonMap {
  return {
    Enabled: true,
    Aliases: ['www.example.com'],
    Origins: [{ Id: 'app', DomainName: 'origin.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] } }],
    DefaultCacheBehavior: { TargetOriginId: 'app', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    ViewerCertificate: { AcmCertificateArn: { Ref: 'CertificateArn' }, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
  };
}

/** A JSON template (2-space indent) whose `DistributionConfig` a callback bends. */
export function json(bend: (config: JsonMap) => void = () => undefined, sections: JsonMap = {}): string {
  const config = baseConfig();
  bend(config);
  return JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { CertificateArn: { Type: 'String' }, ...((sections.Parameters as JsonMap) ?? {}) },
      ...(sections.Conditions ? { Conditions: sections.Conditions } : {}),
      Resources: { Distribution: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: config } } },
    },
    null,
    2,
  );
}

/** Shorthand for a nested map of the JSON config. */
export function at(config: JsonMap, key: string): JsonMap {
  return config[key] as JsonMap;
}

/** The path of a property of `DistributionConfig`. */
export function cfg(...rest: (string | number)[]): (string | number)[] {
  return ['Resources', 'Distribution', 'Properties', 'DistributionConfig', ...rest];
}
