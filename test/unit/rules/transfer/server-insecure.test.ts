import { transferServerInsecure } from '../../../../rules/src/rules/transfer/server-insecure';
import { runRuleTests } from '../../../support/rule-tester';

const server = (props: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  FileServer:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: SERVICE_MANAGED
${props}`;

const PARAMS = `Parameters:
  Policy:
    Type: String
    Default: TransferSecurityPolicy-2024-01
    AllowedValues: [TransferSecurityPolicy-2024-01, TransferSecurityPolicy-2018-11]
  Protocol:
    Type: String
    Default: SFTP
    AllowedValues: [SFTP, FTP]
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
`;

const json = (props: object): string =>
  JSON.stringify({ Resources: { FileServer: { Type: 'AWS::Transfer::Server', Properties: { EndpointType: 'VPC', ...props } } } }, null, 2);

runRuleTests(transferServerInsecure, {
  valid: [
    { name: 'SFTP with the latest policy', code: server('      SecurityPolicyName: TransferSecurityPolicy-2025-03\n') },
    { name: 'SFTP with TransferSecurityPolicy-2024-01', code: server('      Protocols: [SFTP]\n      SecurityPolicyName: TransferSecurityPolicy-2024-01\n') },
    {
      name: 'FTPS with a FIPS policy',
      code: server('      Protocols: [FTPS]\n      Certificate: !Ref CertArn\n      SecurityPolicyName: TransferSecurityPolicy-FIPS-2025-03\n'),
    },
    {
      name: 'a policy whose algorithms are not established here is not judged',
      code: server('      SecurityPolicyName: TransferSecurityPolicy-Restricted-2018-11\n'),
    },
    { name: 'an unknown name is not judged', code: server('      SecurityPolicyName: TransferSecurityPolicy-2030-01\n') },
    { name: 'ImportValue policy is unknown', code: server('      SecurityPolicyName: !ImportValue transfer-policy\n') },
    { name: 'GetAtt policy is unknown', code: server('      SecurityPolicyName: !GetAtt PolicyLookup.Name\n') },
    {
      name: 'GetAtt protocol is unknown',
      code: server('      Protocols: [!GetAtt ProtocolLookup.Value]\n      SecurityPolicyName: TransferSecurityPolicy-2025-03\n'),
    },
    {
      name: 'parameter Default without AllowedValues: a current policy',
      code: server('      SecurityPolicyName: !Ref Policy\n', 'Parameters:\n  Policy:\n    Type: String\n    Default: TransferSecurityPolicy-2024-01\n'),
    },
    {
      name: 'Protocols from a list parameter are unknown',
      code: server(
        '      Protocols: !Ref ProtocolList\n      SecurityPolicyName: TransferSecurityPolicy-2024-01\n',
        'Parameters:\n  ProtocolList:\n    Type: CommaDelimitedList\n',
      ),
    },
    {
      name: 'Fn::If between two current policies',
      code: server('      SecurityPolicyName: !If [Legacy, TransferSecurityPolicy-2023-05, TransferSecurityPolicy-2025-03]\n', PARAMS),
    },
    { name: 'JSON: SFTP and FTPS with the latest policy', code: json({ Protocols: ['SFTP', 'FTPS'], SecurityPolicyName: 'TransferSecurityPolicy-2025-03' }) },
  ],
  invalid: [
    {
      name: 'FTP: warning on the item, no fix',
      code: server('      Protocols:\n        - SFTP\n        - FTP\n      SecurityPolicyName: TransferSecurityPolicy-2025-03\n'),
      errors: [{ path: ['Resources', 'FileServer', 'Properties', 'Protocols', 1], line: 9, severity: 'warning', messageIncludes: 'accepts FTP', fixes: 0 }],
    },
    {
      name: 'FTP only: no policy finding (the policy protects nothing)',
      code: server('      Protocols: [FTP]\n'),
      errors: [{ path: ['Resources', 'FileServer', 'Properties', 'Protocols', 0], severity: 'warning' }],
    },
    {
      name: 'TransferSecurityPolicy-2018-11: warning, fix sets the latest policy',
      code: server('      SecurityPolicyName: TransferSecurityPolicy-2018-11\n'),
      errors: [
        {
          path: ['Resources', 'FileServer', 'Properties', 'SecurityPolicyName'],
          line: 7,
          severity: 'warning',
          messageIncludes: 'diffie-hellman-group14-sha1',
          fixes: 1,
        },
      ],
      output: server('      SecurityPolicyName: TransferSecurityPolicy-2025-03\n'),
    },
    {
      name: 'absent: CloudFormation assigns 2018-11, info, the fix inserts the latest policy',
      code: server('      Protocols: [SFTP]\n'),
      errors: [{ path: ['Resources', 'FileServer', 'Properties'], line: 5, severity: 'info', messageIncludes: 'TransferSecurityPolicy-2018-11', fixes: 1 }],
      output: server('      Protocols: [SFTP]\n      SecurityPolicyName: TransferSecurityPolicy-2025-03\n'),
    },
    {
      name: 'NoValue makes it absent',
      code: server('      SecurityPolicyName: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'FileServer', 'Properties'], severity: 'info' }],
    },
    {
      name: 'a FIPS policy that allows ssh-rsa: info, the fix keeps FIPS',
      code: server('      SecurityPolicyName: TransferSecurityPolicy-FIPS-2020-06\n'),
      errors: [{ path: ['Resources', 'FileServer', 'Properties', 'SecurityPolicyName'], severity: 'info', messageIncludes: 'ssh-rsa' }],
      output: server('      SecurityPolicyName: TransferSecurityPolicy-FIPS-2025-03\n'),
    },
    {
      name: 'TransferSecurityPolicy-2020-06 allows ssh-rsa: info',
      code: server('      SecurityPolicyName: TransferSecurityPolicy-2020-06\n'),
      errors: [{ severity: 'info' }],
      output: server('      SecurityPolicyName: TransferSecurityPolicy-2025-03\n'),
    },
    {
      name: 'Fn::If branch 2018-11',
      code: server('      SecurityPolicyName: !If [Legacy, TransferSecurityPolicy-2018-11, TransferSecurityPolicy-2025-03]\n', PARAMS),
      errors: [{ path: ['Resources', 'FileServer', 'Properties', 'SecurityPolicyName', 'Fn::If', 1], line: 18, severity: 'warning' }],
      output: server('      SecurityPolicyName: !If [Legacy, TransferSecurityPolicy-2025-03, TransferSecurityPolicy-2025-03]\n', PARAMS),
    },
    {
      name: 'parameter AllowedValues: the 2018-11 entry and FTP, each with related information',
      code: server('      Protocols: [!Ref Protocol]\n      SecurityPolicyName: !Ref Policy\n', PARAMS),
      errors: [
        { path: ['Resources', 'FileServer', 'Properties', 'Protocols', 0], related: 1, relatedPaths: [['Parameters', 'Protocol', 'AllowedValues', 1]] },
        { path: ['Resources', 'FileServer', 'Properties', 'SecurityPolicyName'], related: 1, relatedPaths: [['Parameters', 'Policy', 'AllowedValues', 1]] },
      ],
    },
    {
      name: 'parameter Default 2018-11: reported on the property, the fix edits the Default',
      code: server('      SecurityPolicyName: !Ref Policy\n', 'Parameters:\n  Policy:\n    Type: String\n    Default: TransferSecurityPolicy-2018-11\n'),
      errors: [
        {
          path: ['Resources', 'FileServer', 'Properties', 'SecurityPolicyName'],
          severity: 'warning',
          related: 1,
          relatedPaths: [['Parameters', 'Policy', 'Default']],
          fixes: 1,
        },
      ],
      output: server('      SecurityPolicyName: !Ref Policy\n', 'Parameters:\n  Policy:\n    Type: String\n    Default: TransferSecurityPolicy-2025-03\n'),
    },
    {
      name: 'Fn::If branch FTP: warning on the branch',
      code: server('      Protocols:\n        - SFTP\n        - !If [Legacy, FTP, FTPS]\n      SecurityPolicyName: TransferSecurityPolicy-2025-03\n', PARAMS),
      errors: [{ path: ['Resources', 'FileServer', 'Properties', 'Protocols', 1, 'Fn::If', 1], severity: 'warning', fixes: 0 }],
    },
    {
      name: 'JSON: 2018-11 policy, fixed',
      code: json({ Protocols: ['SFTP'], SecurityPolicyName: 'TransferSecurityPolicy-2018-11' }),
      errors: [{ path: ['Resources', 'FileServer', 'Properties', 'SecurityPolicyName'], severity: 'warning' }],
      output: json({ Protocols: ['SFTP'], SecurityPolicyName: 'TransferSecurityPolicy-2025-03' }),
    },
    {
      name: 'JSON: FTP and no policy',
      code: json({ Protocols: ['FTPS', 'FTP'], Certificate: 'arn:aws:acm:eu-west-1:123456789012:certificate/6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c' }),
      errors: [
        { path: ['Resources', 'FileServer', 'Properties'], line: 5, severity: 'info' },
        { path: ['Resources', 'FileServer', 'Properties', 'Protocols', 1], line: 9, severity: 'warning' },
      ],
    },
  ],
});
