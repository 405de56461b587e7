import { opensearchCustomEndpointCertificate } from '../../../../rules/src/rules/opensearch/custom-endpoint-certificate';
import { runRuleTests } from '../../../support/rule-tester';

const domain = (options: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CustomEndpoint:
    Type: String
    Default: 'false'
    AllowedValues: ['true', 'false']
Conditions:
  Custom: !Equals [!Ref CustomEndpoint, 'true']
Resources:
  SearchDomain:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainName: catalog-search
      DomainEndpointOptions:
        EnforceHTTPS: true
        CustomEndpoint: search.example.com
${options}
`;

runRuleTests(opensearchCustomEndpointCertificate, {
  valid: [
    {
      name: 'custom endpoint with a certificate',
      code: domain('        CustomEndpointEnabled: true\n        CustomEndpointCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1'),
    },
    { name: 'custom endpoint disabled', code: domain('        CustomEndpointEnabled: false') },
    { name: 'CustomEndpointEnabled unknown', code: domain('        CustomEndpointEnabled: !ImportValue custom-enabled') },
    { name: 'certificate from GetAtt is present', code: domain('        CustomEndpointEnabled: true\n        CustomEndpointCertificateArn: !GetAtt Cert.Arn') },
    {
      name: 'enabled and certificate switch on the same condition',
      code: domain(
        '        CustomEndpointEnabled: !If [Custom, true, false]\n        CustomEndpointCertificateArn: !If [Custom, arn:aws:acm:eu-west-1:123456789012:certificate/1, !Ref AWS::NoValue]',
      ),
    },
    {
      name: 'JSON with a certificate',
      code: '{"Resources": {"D": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"DomainEndpointOptions": {"CustomEndpointEnabled": true, "CustomEndpointCertificateArn": {"Ref": "Cert"}}}}, "Cert": {"Type": "AWS::CertificateManager::Certificate", "Properties": {"DomainName": "search.example.com"}}}}',
    },
  ],
  invalid: [
    {
      name: 'enabled without a certificate: on the DomainEndpointOptions key',
      code: domain('        CustomEndpointEnabled: true'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'], line: 14, severity: 'error', resource: 'SearchDomain' }],
    },
    {
      name: "enabled as the string 'true'",
      code: domain("        CustomEndpointEnabled: 'true'"),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'] }],
    },
    {
      name: 'certificate NoValue',
      code: domain('        CustomEndpointEnabled: true\n        CustomEndpointCertificateArn: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'] }],
    },
    {
      name: 'enabled in one Fn::If branch, certificate never set',
      code: domain('        CustomEndpointEnabled: !If [Custom, true, false]'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'] }],
    },
    {
      name: 'enabled through a parameter: related info',
      code: domain('        CustomEndpointEnabled: !Ref CustomEndpoint'),
      errors: [{ related: 1 }],
    },
    {
      name: 'JSON Elasticsearch without a certificate',
      code: '{\n  "Resources": {\n    "D": {\n      "Type": "AWS::Elasticsearch::Domain",\n      "Properties": {\n        "DomainEndpointOptions": {\n          "EnforceHTTPS": true,\n          "CustomEndpointEnabled": true,\n          "CustomEndpoint": "search.example.com"\n        }\n      }\n    }\n  }\n}\n',
      errors: [{ path: ['Resources', 'D', 'Properties', 'DomainEndpointOptions'], line: 6 }],
    },
  ],
});
