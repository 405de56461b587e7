import { iamCertificateAdminWildcard } from '../../../../rules/src/rules/pca-iam/certificate-admin-wildcard';
import { runRuleTests } from '../../../support/rule-tester';

const managed = (statements: string, type = 'AWS::IAM::ManagedPolicy'): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CertAction:
    Type: String
    Default: acm:DescribeCertificate
    AllowedValues: [acm:DescribeCertificate, acm:DeleteCertificate]
Conditions:
  Admin: !Equals [!Ref AWS::AccountId, '123456789012']
Resources:
  CertificatePolicy:
    Type: ${type}
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statements}
`;

const role = (statement: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  CleanupRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: '*'
            Resource: '*'
      Policies:
        - PolicyName: certificates
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${statement}
`;

const json = (statement: Record<string, unknown>, type = 'AWS::IAM::Group'): string =>
  JSON.stringify(
    {
      Resources: { Admins: { Type: type, Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }] } } },
    },
    null,
    2,
  );

runRuleTests(iamCertificateAdminWildcard, {
  valid: [
    {
      name: 'read-only actions on *',
      code: managed(
        "          - Effect: Allow\n            Action: [acm:DescribeCertificate, acm:Get*, acm:List*, acm-pca:Describe*]\n            Resource: '*'",
      ),
    },
    {
      name: 'lifecycle action on named certificates',
      code: managed(
        '          - Effect: Allow\n            Action: acm:DeleteCertificate\n            Resource: !Sub arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/*',
      ),
    },
    { name: 'Deny statement', code: managed("          - Effect: Deny\n            Action: ['acm:*', 'acm-pca:*']\n            Resource: '*'") },
    { name: 'NotAction is out of scope', code: managed("          - Effect: Allow\n            NotAction: acm:DeleteCertificate\n            Resource: '*'") },
    { name: 'Effect unknown', code: managed("          - Effect: !ImportValue effect\n            Action: acm:*\n            Resource: '*'") },
    { name: 'Resource unknown', code: managed('          - Effect: Allow\n            Action: acm:*\n            Resource: !ImportValue certificate-arn') },
    { name: 'Action unknown', code: managed("          - Effect: Allow\n            Action: !GetAtt Settings.Action\n            Resource: '*'") },
    {
      name: 'lifecycle action from a parameter on a named certificate',
      code: managed('          - Effect: Allow\n            Action: !Ref CertAction\n            Resource: arn:aws:acm:eu-west-1:123456789012:certificate/1'),
    },
    {
      name: 'the trust policy is not a permission policy',
      code: role("              - Effect: Allow\n                Action: acm:ListCertificates\n                Resource: '*'"),
    },
    { name: 'JSON read-only group policy', code: json({ Effect: 'Allow', Action: 'acm:ListCertificates', Resource: '*' }) },
  ],
  invalid: [
    {
      name: 'acm:* on * in a managed policy: on the Action',
      code: managed("          - Effect: Allow\n            Action: acm:*\n            Resource: '*'"),
      errors: [
        {
          path: ['Resources', 'CertificatePolicy', 'Properties', 'PolicyDocument', 'Statement', 0, 'Action'],
          line: 17,
          severity: 'warning',
          resource: 'CertificatePolicy',
          messageIncludes: 'acm:DeleteCertificate',
        },
      ],
    },
    {
      name: '* on * in an AWS::IAM::Policy',
      code: managed("          - Effect: Allow\n            Action: '*'\n            Resource: '*'", 'AWS::IAM::Policy'),
      errors: [{ messageIncludes: 'acm-pca:RevokeCertificate' }],
    },
    {
      name: 'wildcard in the action name, Resource list with *',
      code: managed(
        "          - Effect: Allow\n            Action:\n              - acm:Import*\n              - acm:AddTagsToCertificate\n            Resource:\n              - '*'",
      ),
      errors: [{ path: ['Resources', 'CertificatePolicy', 'Properties', 'PolicyDocument', 'Statement', 0, 'Action'], messageIncludes: "'acm:Import*'" }],
    },
    {
      name: 'case-insensitive action and ? wildcard',
      code: managed("          - Effect: Allow\n            Action: ACM-PCA:Revoke?ertificate\n            Resource: '*'"),
      errors: [{ messageIncludes: 'acm-pca:RevokeCertificate' }],
    },
    {
      name: 'one finding per offending statement',
      code: managed(
        "          - Effect: Allow\n            Action: acm:DeleteCertificate\n            Resource: '*'\n          - Effect: Allow\n            Action: acm:ListCertificates\n            Resource: '*'\n          - Effect: Allow\n            Action: [acm-pca:IssueCertificate, acm-pca:RevokeCertificate]\n            Resource: '*'",
      ),
      errors: [
        { path: ['Resources', 'CertificatePolicy', 'Properties', 'PolicyDocument', 'Statement', 0, 'Action'] },
        { path: ['Resources', 'CertificatePolicy', 'Properties', 'PolicyDocument', 'Statement', 2, 'Action'] },
      ],
    },
    {
      name: 'a single statement object (not a list)',
      code: managed("          Effect: Allow\n          Action: acm:ExportCertificate\n          Resource: '*'"),
      errors: [{ path: ['Resources', 'CertificatePolicy', 'Properties', 'PolicyDocument', 'Statement', 'Action'] }],
    },
    {
      name: 'action from a parameter AllowedValues entry: related info',
      code: managed("          - Effect: Allow\n            Action: !Ref CertAction\n            Resource: '*'"),
      errors: [{ related: 1, messageIncludes: 'acm:DeleteCertificate' }],
    },
    {
      name: 'Fn::If statement list item',
      code: managed(
        "          - !If\n            - Admin\n            - Effect: Allow\n              Action: acm:DeleteCertificate\n              Resource: '*'\n            - !Ref AWS::NoValue",
      ),
      errors: [{ path: ['Resources', 'CertificatePolicy', 'Properties', 'PolicyDocument', 'Statement', 0, 'Fn::If', 1, 'Action'] }],
    },
    {
      name: 'inline role policy',
      code: role("              - Effect: Allow\n                Action: [acm:ListCertificates, acm:DeleteCertificate]\n                Resource: '*'"),
      errors: [
        { path: ['Resources', 'CleanupRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 0, 'Action'], line: 19, resource: 'CleanupRole' },
      ],
    },
    {
      name: 'inline user policy',
      code: role("              - Effect: Allow\n                Action: acm-pca:IssueCertificate\n                Resource: '*'").replace(
        'AWS::IAM::Role',
        'AWS::IAM::User',
      ),
      errors: [{ messageIncludes: 'acm-pca:IssueCertificate' }],
    },
    {
      name: 'policy document written as a JSON string',
      code: 'AWSTemplateFormatVersion: \'2010-09-09\'\nResources:\n  P:\n    Type: AWS::IAM::RolePolicy\n    Properties:\n      RoleName: r\n      PolicyName: p\n      PolicyDocument: \'{"Statement": [{"Effect": "Allow", "Action": "acm:*", "Resource": "*"}]}\'\n',
      errors: [{ path: ['Resources', 'P', 'Properties', 'PolicyDocument'], line: 8 }],
    },
    {
      name: 'JSON inline group policy',
      code: json({ Effect: 'Allow', Action: ['acm-pca:*'], Resource: ['arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/1', '*'] }),
      errors: [{ path: ['Resources', 'Admins', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 0, 'Action'], line: 14 }],
    },
  ],
});
