import { emrInTransitEncryption } from '../../../../rules/src/rules/emr/in-transit-encryption';
import { runRuleTests } from '../../../support/rule-tester';

const PROVIDER = `          InTransitEncryptionConfiguration:
            TLSCertificateConfiguration:
              CertificateProviderType: PEM
              S3Object: s3://emr-certs/certs.zip
`;

/** A security configuration whose `EncryptionConfiguration` lines are `encryption` (indented 10). */
const secConfig = (encryption: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  TransitConfig:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      Name: transit
      SecurityConfiguration:
        EncryptionConfiguration:
          EnableAtRestEncryption: false
${encryption}`;

const PARAMS = `Parameters:
  Transit:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Secure: !Equals [!Ref AWS::Region, eu-west-1]
`;

const cluster = (extra: string): string => `Resources:
  Analytics:
    Type: AWS::EMR::Cluster
    Properties:
      Name: analytics
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      Instances:
        MasterInstanceGroup: {InstanceCount: 1, InstanceType: m5.xlarge}
${extra}`;

const jsonDoc = (doc: object | string): string =>
  JSON.stringify(
    {
      Resources: {
        TransitConfig: {
          Type: 'AWS::EMR::SecurityConfiguration',
          Properties: { SecurityConfiguration: typeof doc === 'string' ? doc : JSON.stringify(doc) },
        },
      },
    },
    null,
    2,
  );

runRuleTests(emrInTransitEncryption, {
  valid: [
    { name: 'enabled with a PEM provider', code: secConfig(`          EnableInTransitEncryption: true\n${PROVIDER}`) },
    { name: "enabled as the string 'true'", code: secConfig(`          EnableInTransitEncryption: 'true'\n${PROVIDER}`) },
    { name: 'GetAtt flag is unknown', code: secConfig(`          EnableInTransitEncryption: !GetAtt Settings.Transit\n`) },
    {
      name: 'whole document from ImportValue is unknown',
      code: `Resources:\n  C:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration: !ImportValue emr-security-config\n`,
    },
    {
      name: 'Fn::If: both branches true',
      code: secConfig(
        `          EnableInTransitEncryption: !If [Secure, true, !Ref Transit]\n${PROVIDER}`,
        PARAMS.replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true']"),
      ),
    },
    { name: 'cluster with a security configuration of the template', code: cluster('      SecurityConfiguration: !Ref TransitConfig\n') },
    { name: 'cluster with a security configuration by name', code: cluster('      SecurityConfiguration: shared-transit\n') },
    { name: 'cluster whose security configuration comes from ImportValue', code: cluster('      SecurityConfiguration: !ImportValue emr-sec-config\n') },
    {
      name: 'JSON: document as a JSON string, enabled',
      code: jsonDoc({
        EncryptionConfiguration: {
          EnableInTransitEncryption: true,
          EnableAtRestEncryption: false,
          InTransitEncryptionConfiguration: { TLSCertificateConfiguration: { CertificateProviderType: 'PEM', S3Object: 's3://emr-certs/certs.zip' } },
        },
      }),
    },
    { name: 'JSON: a string that is not JSON is not judged', code: jsonDoc('{not json') },
  ],
  invalid: [
    {
      name: 'false with a certificate provider: quick fix sets true',
      code: secConfig(`          EnableInTransitEncryption: false\n${PROVIDER}`),
      errors: [
        {
          path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration', 'EncryptionConfiguration', 'EnableInTransitEncryption'],
          line: 10,
          severity: 'warning',
          messageIncludes: 'Security configuration TransitConfig sets EnableInTransitEncryption to false',
          fixes: 1,
        },
      ],
      quickFixOutput: secConfig(`          EnableInTransitEncryption: true\n${PROVIDER}`),
    },
    {
      name: 'false without a certificate provider: no fix, the message says what is needed',
      code: secConfig(`          EnableInTransitEncryption: false\n`),
      errors: [{ line: 10, fixes: 0, messageIncludes: 'needs a certificate provider' }],
    },
    {
      name: 'EncryptionConfiguration without the flag: on its key, quick fix inserts it',
      code: secConfig(PROVIDER),
      errors: [{ path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration', 'EncryptionConfiguration'], line: 8, fixes: 1 }],
      quickFixOutput: secConfig(`${PROVIDER}          EnableInTransitEncryption: true\n`),
    },
    {
      name: 'NoValue removes the flag',
      code: secConfig(`          EnableInTransitEncryption: !Ref AWS::NoValue\n${PROVIDER}`),
      errors: [{ path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration', 'EncryptionConfiguration'] }],
    },
    {
      name: 'no EncryptionConfiguration: info',
      code: `Resources:
  AuthOnly:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      SecurityConfiguration:
        AuthenticationConfiguration:
          KerberosConfiguration:
            Provider: ClusterDedicatedKdc
            ClusterDedicatedKdcConfiguration: {TicketLifetimeInHours: 24}
`,
      errors: [{ path: ['Resources', 'AuthOnly', 'Properties', 'SecurityConfiguration'], line: 5, severity: 'info', fixes: 0 }],
    },
    {
      name: 'Fn::If branch false',
      code: secConfig(`          EnableInTransitEncryption: !If [Secure, true, false]\n${PROVIDER}`, PARAMS),
      errors: [
        {
          path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration', 'EncryptionConfiguration', 'EnableInTransitEncryption', 'Fn::If', 2],
          line: 17,
        },
      ],
      quickFixOutput: secConfig(`          EnableInTransitEncryption: !If [Secure, true, true]\n${PROVIDER}`, PARAMS),
    },
    {
      name: "parameter AllowedValues 'false': related information at the parameter",
      code: secConfig(`          EnableInTransitEncryption: !Ref Transit\n${PROVIDER}`, PARAMS),
      errors: [
        { path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration', 'EncryptionConfiguration', 'EnableInTransitEncryption'], related: 1 },
      ],
    },
    {
      name: 'cluster without SecurityConfiguration: info on Properties',
      code: cluster(''),
      errors: [
        { path: ['Resources', 'Analytics', 'Properties'], line: 4, severity: 'info', messageIncludes: 'EMR cluster Analytics has no SecurityConfiguration' },
      ],
    },
    {
      name: 'cluster whose SecurityConfiguration is NoValue in one branch',
      code: `Conditions:\n  Secure: !Equals [!Ref AWS::Region, eu-west-1]\n${cluster('      SecurityConfiguration: !If [Secure, !Ref TransitConfig, !Ref AWS::NoValue]\n')}`,
      errors: [{ path: ['Resources', 'Analytics', 'Properties'], severity: 'info' }],
    },
    {
      name: 'JSON: document as a JSON string with the flag false: warning, no fix',
      code: jsonDoc({ EncryptionConfiguration: { EnableInTransitEncryption: false, EnableAtRestEncryption: true } }),
      errors: [{ path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration'], line: 6, severity: 'warning', fixes: 0 }],
    },
    {
      name: 'JSON: document as a JSON string without EncryptionConfiguration: info',
      code: jsonDoc({ AuthenticationConfiguration: { KerberosConfiguration: { Provider: 'ClusterDedicatedKdc' } } }),
      errors: [{ path: ['Resources', 'TransitConfig', 'Properties', 'SecurityConfiguration'], severity: 'info' }],
    },
  ],
});
