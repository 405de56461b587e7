/** Template builders for the acm rule tests. */

export interface YamlParts {
  parameters?: string;
  conditions?: string;
  /** More resources, written after the certificate (indented two spaces). */
  resources?: string;
  /** Logical id of the certificate (default Certificate). */
  id?: string;
}

/** A YAML template with one certificate whose Properties lines (indented six spaces) are `props`. */
export function yamlCert(props: string, parts: YamlParts = {}): string {
  return (
    [
      "AWSTemplateFormatVersion: '2010-09-09'",
      ...(parts.parameters ? ['Parameters:', parts.parameters] : []),
      ...(parts.conditions ? ['Conditions:', parts.conditions] : []),
      'Resources:',
      `  ${parts.id ?? 'Certificate'}:`,
      '    Type: AWS::CertificateManager::Certificate',
      '    Properties:',
      props,
      ...(parts.resources ? [parts.resources] : []),
    ].join('\n') + '\n'
  );
}

export interface JsonParts {
  Parameters?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<string, unknown>;
}

/** A JSON template (2-space indentation) with one certificate whose Properties are `props`. */
export function jsonCert(props: Record<string, unknown>, parts: JsonParts = {}): string {
  const template: Record<string, unknown> = { AWSTemplateFormatVersion: '2010-09-09' };
  if (parts.Parameters) template.Parameters = parts.Parameters;
  if (parts.Conditions) template.Conditions = parts.Conditions;
  template.Resources = { Certificate: { Type: 'AWS::CertificateManager::Certificate', Properties: props }, ...(parts.Resources ?? {}) };
  return JSON.stringify(template, null, 2) + '\n';
}

export const CERT_PATH = ['Resources', 'Certificate', 'Properties'];
export const PRIVATE_CA = 'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11112222-3333-4444-5555-666677778888';
export const ZONE_PARAMETER = '  HostedZoneId:\n    Type: AWS::Route53::HostedZone::Id';
export const IS_PROD_CONDITION = '  IsProd: !Equals [!Ref AWS::Region, eu-west-1]';
