import { iotDomainTlsPolicy } from '../../../../rules/src/rules/iot/domain-tls-policy';
import { runRuleTests } from '../../../support/rule-tester';

const domain = (tls: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  DeviceDomain:
    Type: AWS::IoT::DomainConfiguration
    Properties:
      DomainConfigurationName: devices
      DomainName: iot.example.com
      ServiceType: DATA
      ServerCertificateArns:
        - !Ref DeviceCertificateArn
${tls}`;

const PARAMS = `Parameters:
  IotPolicy:
    Type: String
    Default: IoTSecurityPolicy_TLS13_1_2_2022_10
    AllowedValues: [IoTSecurityPolicy_TLS13_1_2_2022_10, IoTSecurityPolicy_TLS12_1_0_2016_01]
  DeviceCertificateArn:
    Type: String
Conditions:
  OldDevices: !Equals [!Ref AWS::Region, eu-west-2]
`;

const json = (policy: unknown): string =>
  JSON.stringify(
    {
      Resources: {
        DeviceDomain: {
          Type: 'AWS::IoT::DomainConfiguration',
          Properties: { DomainConfigurationName: 'devices', TlsConfig: { SecurityPolicy: policy } },
        },
      },
    },
    null,
    2,
  );

runRuleTests(iotDomainTlsPolicy, {
  valid: [
    { name: 'the default policy', code: domain('      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS13_1_2_2022_10\n') },
    { name: 'TLS 1.3 only', code: domain('      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS13_1_3_2022_10\n') },
    { name: 'TLS 1.2 (2022)', code: domain('      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS12_1_2_2022_10\n') },
    { name: 'absent: new domain configurations get the default', code: domain('') },
    { name: 'TlsConfig without SecurityPolicy', code: domain('      TlsConfig: {}\n') },
    { name: 'a name in no AWS table is not judged', code: domain('      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS13_1_0_2021_06\n') },
    { name: 'ImportValue is unknown', code: domain('      TlsConfig:\n        SecurityPolicy: !ImportValue iot-policy\n') },
    { name: 'GetAtt is unknown', code: domain('      TlsConfig:\n        SecurityPolicy: !GetAtt PolicyLookup.Name\n') },
    { name: 'NoValue: absent, the default applies', code: domain('      TlsConfig:\n        SecurityPolicy: !Ref AWS::NoValue\n') },
    {
      name: 'parameter Default: a current policy',
      code: domain(
        '      TlsConfig:\n        SecurityPolicy: !Ref Policy\n',
        'Parameters:\n  Policy:\n    Type: String\n    Default: IoTSecurityPolicy_TLS13_1_3_2022_10\n',
      ),
    },
    { name: 'JSON: default policy', code: json('IoTSecurityPolicy_TLS13_1_2_2022_10') },
  ],
  invalid: [
    {
      name: 'legacy TLS12_1_0_2016_01: info, fix sets the default',
      code: domain('      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS12_1_0_2016_01\n'),
      errors: [
        {
          path: ['Resources', 'DeviceDomain', 'Properties', 'TlsConfig', 'SecurityPolicy'],
          line: 12,
          severity: 'info',
          messageIncludes: 'now negotiates only TLS 1.2 under it',
          fixes: 1,
        },
      ],
      output: domain('      TlsConfig:\n        SecurityPolicy: IoTSecurityPolicy_TLS13_1_2_2022_10\n'),
    },
    {
      name: 'Fn::If branch with the 2015 legacy policy',
      code: domain('      TlsConfig:\n        SecurityPolicy: !If [OldDevices, IoTSecurityPolicy_TLS12_1_0_2015_01, !Ref IotPolicy]\n', PARAMS),
      errors: [
        { path: ['Resources', 'DeviceDomain', 'Properties', 'TlsConfig', 'SecurityPolicy', 'Fn::If', 1], line: 21 },
        { path: ['Resources', 'DeviceDomain', 'Properties', 'TlsConfig', 'SecurityPolicy', 'Fn::If', 2] },
      ],
      output: domain(
        '      TlsConfig:\n        SecurityPolicy: !If [OldDevices, IoTSecurityPolicy_TLS13_1_2_2022_10, !Ref IotPolicy]\n',
        PARAMS.replace(
          'AllowedValues: [IoTSecurityPolicy_TLS13_1_2_2022_10, IoTSecurityPolicy_TLS12_1_0_2016_01]',
          'AllowedValues: [IoTSecurityPolicy_TLS13_1_2_2022_10, IoTSecurityPolicy_TLS13_1_2_2022_10]',
        ),
      ),
    },
    {
      name: 'parameter Default legacy: related information, the fix edits the Default',
      code: domain(
        '      TlsConfig:\n        SecurityPolicy: !Ref Policy\n',
        'Parameters:\n  Policy:\n    Type: String\n    Default: IoTSecurityPolicy_TLS12_1_0_2015_01\n',
      ),
      errors: [
        {
          path: ['Resources', 'DeviceDomain', 'Properties', 'TlsConfig', 'SecurityPolicy'],
          severity: 'info',
          relatedPaths: [['Parameters', 'Policy', 'Default']],
        },
      ],
      output: domain(
        '      TlsConfig:\n        SecurityPolicy: !Ref Policy\n',
        'Parameters:\n  Policy:\n    Type: String\n    Default: IoTSecurityPolicy_TLS13_1_2_2022_10\n',
      ),
    },
    {
      name: 'JSON: legacy policy',
      code: json('IoTSecurityPolicy_TLS12_1_0_2015_01'),
      errors: [{ path: ['Resources', 'DeviceDomain', 'Properties', 'TlsConfig', 'SecurityPolicy'], line: 8 }],
      output: json('IoTSecurityPolicy_TLS13_1_2_2022_10'),
    },
  ],
});
