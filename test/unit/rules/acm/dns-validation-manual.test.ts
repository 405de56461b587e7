import { acmDnsValidationManual } from '../../../../rules/src/rules/acm/dns-validation-manual';
import { runRuleTests } from '../../../support/rule-tester';
import { runQuickFixTests } from './apply-fix';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, PRIVATE_CA, yamlCert, ZONE_PARAMETER } from './fixtures';

const zoned = (name: string, zone = '!Ref HostedZoneId'): string => `        - DomainName: ${name}\n          HostedZoneId: ${zone}`;

const JSON_SAN_FIXED = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "HostedZoneId": {
      "Type": "AWS::Route53::HostedZone::Id"
    }
  },
  "Resources": {
    "Certificate": {
      "Type": "AWS::CertificateManager::Certificate",
      "Properties": {
        "DomainName": "app.example.com",
        "SubjectAlternativeNames": [
          "api.example.com"
        ],
        "ValidationMethod": "DNS",
        "DomainValidationOptions": [
          {
            "DomainName": "app.example.com",
            "HostedZoneId": {
              "Ref": "HostedZoneId"
            }
          },
          {
            "DomainName": "api.example.com",
            "HostedZoneId": { "Ref": "HostedZoneId" }
          }
        ]
      }
    }
  }
}
`;

const JSON_INSERT_FIXED = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "HostedZoneId": {
      "Type": "AWS::Route53::HostedZone::Id",
      "Description": "Route 53 hosted zone where CloudFormation creates the certificate validation records"
    }
  },
  "Resources": {
    "Certificate": {
      "Type": "AWS::CertificateManager::Certificate",
      "Properties": {
        "DomainName": "app.example.com",
        "ValidationMethod": "DNS",
        "DomainValidationOptions": [
          {
            "DomainName": "app.example.com",
            "HostedZoneId": { "Ref": "HostedZoneId" }
          }
        ]
      }
    }
  }
}
`;

runRuleTests(acmDnsValidationManual, {
  valid: [
    {
      name: 'DomainName with a HostedZoneId entry',
      code: yamlCert(`      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('app.example.com')}`, {
        parameters: ZONE_PARAMETER,
      }),
    },
    {
      name: 'every name has an entry (case-insensitive)',
      code: yamlCert(
        `      DomainName: app.example.com\n      SubjectAlternativeNames: [api.example.com]\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('App.Example.com')}\n${zoned('api.example.com')}`,
        { parameters: ZONE_PARAMETER },
      ),
    },
    {
      name: 'a wildcard shares the validation record of its base name',
      code: yamlCert(
        `      DomainName: example.com\n      SubjectAlternativeNames: ['*.example.com']\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('example.com')}`,
        { parameters: ZONE_PARAMETER },
      ),
    },
    { name: 'email validation is another rule', code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: EMAIL') },
    { name: 'no ValidationMethod (email) is another rule', code: yamlCert('      DomainName: app.example.com') },
    {
      name: 'private certificate',
      code: yamlCert(`      DomainName: app.example.com\n      ValidationMethod: DNS\n      CertificateAuthorityArn: ${PRIVATE_CA}`),
    },
    { name: 'unknown ValidationMethod', code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: !ImportValue method') },
    {
      name: 'DomainValidationOptions from GetAtt is unknown',
      code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions: !GetAtt Config.Options'),
    },
    {
      name: 'an entry whose DomainName is unknown may cover the name',
      code: yamlCert(`      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('!ImportValue app-name')}`, {
        parameters: ZONE_PARAMETER,
      }),
    },
    {
      name: 'an unknown SAN is not reported',
      code: yamlCert(
        `      DomainName: app.example.com\n      SubjectAlternativeNames: [!ImportValue other-name]\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('app.example.com')}`,
        { parameters: ZONE_PARAMETER },
      ),
    },
    {
      name: 'names from a parameter with an entry through the same parameter',
      code: yamlCert(`      DomainName: !Ref Name\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('!Ref Name')}`, {
        parameters: `${ZONE_PARAMETER}\n  Name:\n    Type: String\n    Default: app.example.com`,
      }),
    },
    {
      name: 'JSON, complete',
      code: jsonCert(
        {
          DomainName: 'app.example.com',
          ValidationMethod: 'DNS',
          DomainValidationOptions: [{ DomainName: 'app.example.com', HostedZoneId: { Ref: 'HostedZoneId' } }],
        },
        { Parameters: { HostedZoneId: { Type: 'AWS::Route53::HostedZone::Id' } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'ValidationMethod parameter whose AllowedValues include DNS',
      code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: !Ref Method', {
        parameters: '  Method:\n    Type: String\n    Default: EMAIL\n    AllowedValues: [EMAIL, DNS]',
      }),
      errors: [{ path: CERT_PATH, messageIncludes: "'app.example.com'" }],
    },
    {
      name: 'no DomainValidationOptions: entries and the HostedZoneId parameter are added',
      code: yamlCert('      DomainName: www.example.com\n      SubjectAlternativeNames:\n        - example.com\n      ValidationMethod: DNS'),
      errors: [{ path: CERT_PATH, line: 5, severity: 'info', resource: 'Certificate', fixes: 1, messageIncludes: "'www.example.com', 'example.com'" }],
    },
    {
      name: 'an existing hosted-zone parameter is used; wildcard and apex get one entry',
      code: yamlCert("      DomainName: example.com\n      SubjectAlternativeNames: ['*.example.com']\n      ValidationMethod: DNS", {
        parameters: '  Zone:\n    Type: AWS::Route53::HostedZone::Id',
      }),
      errors: [{ path: CERT_PATH }],
    },
    {
      name: 'an entry without HostedZoneId gets one',
      code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions:\n        - DomainName: app.example.com', {
        parameters: ZONE_PARAMETER,
      }),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions'], line: 12 }],
    },
    {
      name: 'a SAN without an entry: one is appended with the zone the others use',
      code: yamlCert(
        `      DomainName: app.example.com\n      SubjectAlternativeNames: [api.example.com]\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('app.example.com', '!Ref Zone')}`,
        { parameters: '  Zone:\n    Type: AWS::Route53::HostedZone::Id' },
      ),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions'], messageIncludes: "'api.example.com'" }],
      output: yamlCert(
        `      DomainName: app.example.com\n      SubjectAlternativeNames: [api.example.com]\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('app.example.com', '!Ref Zone')}\n${zoned('api.example.com', '!Ref Zone')}`,
        {
          parameters: '  Zone:\n    Type: AWS::Route53::HostedZone::Id',
        },
      ),
    },
    {
      name: 'JSON SAN without an entry',
      code: jsonCert(
        {
          DomainName: 'app.example.com',
          SubjectAlternativeNames: ['api.example.com'],
          ValidationMethod: 'DNS',
          DomainValidationOptions: [{ DomainName: 'app.example.com', HostedZoneId: { Ref: 'HostedZoneId' } }],
        },
        { Parameters: { HostedZoneId: { Type: 'AWS::Route53::HostedZone::Id' } } },
      ),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions'] }],
      output: JSON_SAN_FIXED,
    },
    {
      name: 'JSON without DomainValidationOptions',
      code: jsonCert({ DomainName: 'app.example.com', ValidationMethod: 'DNS' }),
      errors: [{ path: CERT_PATH }],
    },
    {
      name: 'names in two domains: the one-zone fix is offered but not applied by fix-all',
      code: yamlCert(
        `      DomainName: www.example.com\n      SubjectAlternativeNames: [www.example.org]\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('www.example.com')}`,
        { parameters: ZONE_PARAMETER },
      ),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions'], fixes: 1, messageIncludes: 'www.example.org' }],
    },
    {
      name: 'ValidationMethod DNS from a parameter Default',
      code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: !Ref Method', { parameters: '  Method:\n    Type: String\n    Default: DNS' }),
      errors: [{ path: CERT_PATH }],
    },
    {
      name: 'DomainValidationOptions AWS::NoValue in one branch: reported on the property, no fix',
      code: yamlCert(
        `      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions: !If\n        - IsProd\n        - - DomainName: app.example.com\n            HostedZoneId: !Ref HostedZoneId\n        - !Ref AWS::NoValue`,
        { parameters: ZONE_PARAMETER, conditions: IS_PROD_CONDITION },
      ),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions'], fixes: 0 }],
    },
    {
      name: 'SAN in an Fn::If branch without an entry',
      code: yamlCert(
        `      DomainName: app.example.com\n      SubjectAlternativeNames: !If [IsProd, [api.example.com], !Ref AWS::NoValue]\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('app.example.com')}`,
        { parameters: ZONE_PARAMETER, conditions: IS_PROD_CONDITION },
      ),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions'], messageIncludes: 'api.example.com', fixes: 0 }],
    },
  ],
});

runQuickFixTests(acmDnsValidationManual, [
  {
    name: 'insert DomainValidationOptions and the HostedZoneId parameter (not in fix-all)',
    code: yamlCert('      DomainName: www.example.com\n      SubjectAlternativeNames:\n        - example.com\n      ValidationMethod: DNS'),
    output: yamlCert(
      '      DomainName: www.example.com\n      SubjectAlternativeNames:\n        - example.com\n      ValidationMethod: DNS\n      DomainValidationOptions:\n' +
        `${zoned('www.example.com')}\n${zoned('example.com')}`,
      { parameters: `${ZONE_PARAMETER}\n    Description: Route 53 hosted zone where CloudFormation creates the certificate validation records` },
    ),
    safe: false,
  },
  {
    name: "insert with the template's hosted-zone parameter; wildcard and apex share one entry",
    code: yamlCert("      DomainName: example.com\n      SubjectAlternativeNames: ['*.example.com']\n      ValidationMethod: DNS", {
      parameters: '  Zone:\n    Type: AWS::Route53::HostedZone::Id',
    }),
    output: yamlCert(
      `      DomainName: example.com\n      SubjectAlternativeNames: ['*.example.com']\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('example.com', '!Ref Zone')}`,
      {
        parameters: '  Zone:\n    Type: AWS::Route53::HostedZone::Id',
      },
    ),
    safe: false,
  },
  {
    name: 'a HostedZoneId for an entry that has none (which zone is a guess)',
    code: yamlCert('      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions:\n        - DomainName: app.example.com', {
      parameters: ZONE_PARAMETER,
    }),
    output: yamlCert(`      DomainName: app.example.com\n      ValidationMethod: DNS\n      DomainValidationOptions:\n${zoned('app.example.com')}`, {
      parameters: ZONE_PARAMETER,
    }),
    safe: false,
  },
  {
    name: 'JSON insert',
    code: jsonCert({ DomainName: 'app.example.com', ValidationMethod: 'DNS' }),
    output: JSON_INSERT_FIXED,
    safe: false,
  },
]);
