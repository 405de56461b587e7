import { apigwBackendCertificate } from '../../../../rules/src/rules/apigw/backend-certificate';
import { runRuleTests } from '../../../support/rule-tester';

const stage = (extra: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  Prod: !Equals [!Ref AWS::AccountId, '123456789012']
Resources:
  BackendCert:
    Type: AWS::ApiGateway::ClientCertificate
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc123
      StageName: prod
${extra}
`;

runRuleTests(apigwBackendCertificate, {
  valid: [
    { name: 'ClientCertificateId from the template', code: stage('      ClientCertificateId: !Ref BackendCert') },
    { name: 'ClientCertificateId from ImportValue is set', code: stage('      ClientCertificateId: !ImportValue shared-client-cert') },
    {
      name: 'JSON with ClientCertificateId',
      code: '{"Resources": {"S": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": "abc", "ClientCertificateId": "xyz"}}}}',
    },
  ],
  invalid: [
    {
      name: 'stage without ClientCertificateId',
      code: stage('      Description: no client certificate'),
      errors: [{ path: ['Resources', 'ProdStage', 'Properties'], line: 9, resource: 'ProdStage', messageIncludes: 'ClientCertificateId' }],
    },
    {
      name: 'NoValue in one branch',
      code: stage('      ClientCertificateId: !If [Prod, !Ref BackendCert, !Ref AWS::NoValue]'),
      errors: [{ path: ['Resources', 'ProdStage', 'Properties'] }],
    },
    {
      name: 'JSON stage',
      code: '{\n  "Resources": {\n    "S": {\n      "Type": "AWS::ApiGateway::Stage",\n      "Properties": {\n        "RestApiId": "abc"\n      }\n    }\n  }\n}\n',
      errors: [{ path: ['Resources', 'S', 'Properties'], line: 5 }],
    },
  ],
});
