/**
 * Where the bundled resource specification cannot be trusted to list every property name,
 * so `unknown-property` must not call a name unknown there (false positives found on the
 * shared corpus; docs/corpus-review.md).
 */

/**
 * Template-level transforms that leave resource properties as written. Any other
 * `Transform` is a macro (e.g. the ExecutionRoleBuilder sample), which may consume
 * properties of its own before CloudFormation validates anything.
 */
export const TRANSFORMS_KEEPING_PROPERTIES: ReadonlySet<string> = new Set([
  'AWS::Serverless-2016-10-31',
  'AWS::LanguageExtensions',
  'AWS::CodeDeployBlueGreen',
  'AWS::SecretsManager-2020-07-23',
  'AWS::SecretsManager-2024-09-16',
]);

/**
 * The SAM part of the bundled specification is the 2023 goformation snapshot of
 * @aws-cdk/cfnspec, which lags SAM (e.g. `DeploymentPreference.PassthroughCondition`,
 * `LoggingConfig`, `SnapStart` are missing). For SAM resource types only the properties the
 * rules read are checked: `Domain` of `AWS::Serverless::Api` / `AWS::Serverless::HttpApi`.
 */
export const SAM_CHECKED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Api': ['Domain'],
  'AWS::Serverless::HttpApi': ['Domain'],
};

/**
 * Names SAM documents that the bundled specification lacks, by specification type
 * (SAM developer guide: DomainConfiguration, HttpApiDomainConfiguration, Route53Configuration).
 * SAM's current Route53 name is `DistributionDomainName`; the snapshot only has the old
 * `DistributedDomainName`, and its did-you-mean would rename the right name to the wrong one.
 */
export const SPEC_MISSING_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Api.DomainConfiguration': ['AccessAssociation', 'EndpointAccessMode', 'NormalizeBasePath', 'Policy'],
  'AWS::Serverless::Api.Route53Configuration': ['DistributionDomainName', 'Region', 'SetIdentifier', 'VpcEndpointDomainName', 'VpcEndpointHostedZoneId'],
  'AWS::Serverless::HttpApi.HttpApiDomainConfiguration': ['OwnershipVerificationCertificateArn'],
  'AWS::Serverless::HttpApi.Route53Configuration': ['DistributionDomainName', 'Region', 'SetIdentifier'],
};
