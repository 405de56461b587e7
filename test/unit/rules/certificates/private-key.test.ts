import { strict as assert } from 'assert';
import { privateKeyInTemplate } from '../../../../rules/src/rules/certificates/private-key';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const BODY1 = 'MHcCAQEEIFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKoAoGCCqGSM49';
const BODY2 = 'IHVzZSBpdCBhbnl3aGVyZSBlbHNlIHBsZWFzZSB0aGFuayB5b3UgdmVyeSBtdWNo';
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${BODY2}\n-----END RSA PRIVATE KEY-----\n`;

const ssm = (value: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AgentKey:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /agents/tls/key
      Type: String
      Value: ${value}
`;

const serverCertificate = (privateKey: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Uploaded:
    Type: AWS::IAM::ServerCertificate
    Properties:
      ServerCertificateName: partner-gateway
      CertificateBody: !Ref Body
      PrivateKey: ${privateKey}
`;

const BODY_PARAM = 'Parameters:\n  Body:\n    Type: String\n';

const json = (privateKey: unknown, params: object = {}): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { Body: { Type: 'String' }, ...params },
      Resources: {
        Uploaded: {
          Type: 'AWS::IAM::ServerCertificate',
          Properties: { ServerCertificateName: 'legacy', CertificateBody: { Ref: 'Body' }, PrivateKey: privateKey },
        },
      },
    },
    null,
    2,
  );

const blockKey = `|\n        -----BEGIN EC PRIVATE KEY-----\n        ${BODY1}\n        -----END EC PRIVATE KEY-----\n`;

runRuleTests(privateKeyInTemplate, {
  valid: [
    { name: 'NoEcho parameter without Default', code: serverCertificate('!Ref Key', `${BODY_PARAM}  Key:\n    Type: String\n    NoEcho: true\n`) },
    { name: 'Secrets Manager dynamic reference', code: serverCertificate("'{{resolve:secretsmanager:partner/tls:SecretString:privateKey}}'", BODY_PARAM) },
    {
      name: 'Sub building a Secrets Manager reference',
      code: serverCertificate('!Sub "{{resolve:secretsmanager:${SecretArn}:SecretString:key}}"', BODY_PARAM),
    },
    {
      name: 'JSON: a public PEM certificate is not key material',
      code: json('{{resolve:secretsmanager:partner/tls:SecretString:privateKey}}').replace(
        '{\n          "Ref": "Body"\n        }',
        JSON.stringify(`-----BEGIN CERTIFICATE-----\n${BODY2}\n-----END CERTIFICATE-----\n`),
      ),
    },
    { name: 'prose naming the header is not key material', code: ssm("'Paste the key, starting with -----BEGIN PRIVATE KEY-----, into the secret'") },
    { name: 'GetAtt is unknown', code: serverCertificate('!GetAtt KeyMaker.PrivateKey', BODY_PARAM) },
    { name: 'ImportValue is unknown', code: serverCertificate('!ImportValue shared-key', BODY_PARAM) },
    { name: 'NoValue', code: serverCertificate('!Ref AWS::NoValue', BODY_PARAM) },
    {
      name: 'SSM parameter type resolves at deploy time',
      code: serverCertificate('!Ref Key', `${BODY_PARAM}  Key:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /tls/key\n`),
    },
  ],
  invalid: [
    {
      name: 'PEM key in an SSM parameter value (any resource)',
      code: ssm(blockKey),
      errors: [{ path: ['Resources', 'AgentKey', 'Properties', 'Value'], line: 8, severity: 'error', resource: 'AgentKey', messageIncludes: 'EC PRIVATE KEY' }],
    },
    {
      name: 'PEM key in a NoEcho parameter Default: on the Default',
      code: serverCertificate('!Ref Key', `${BODY_PARAM}  Key:\n    Type: String\n    NoEcho: true\n    Default: ${blockKey.replace(/\n {8}/g, '\n      ')}`),
      errors: [{ path: ['Parameters', 'Key', 'Default'], line: 8, resource: null }],
    },
    {
      name: 'JSON: literal PEM in PrivateKey: one finding on the property',
      code: json(PEM),
      errors: [{ path: ['Resources', 'Uploaded', 'Properties', 'PrivateKey'], resource: 'Uploaded', messageIncludes: 'written in the template' }],
    },
    {
      name: 'JSON: PrivateKey from a parameter that is not NoEcho',
      code: json({ Ref: 'Key' }, { Key: { Type: 'String' } }),
      errors: [{ path: ['Resources', 'Uploaded', 'Properties', 'PrivateKey'], related: 1, messageIncludes: 'NoEcho' }],
    },
    {
      name: 'Fn::If: the literal branch',
      code: serverCertificate(
        "!If [UseSecret, '{{resolve:secretsmanager:tls:SecretString:key}}', not-a-secret]",
        `${BODY_PARAM}Conditions:\n  UseSecret: !Equals [!Ref AWS::Region, eu-west-1]\n`,
      ),
      errors: [{ path: ['Resources', 'Uploaded', 'Properties', 'PrivateKey', 'Fn::If', 2], line: 13 }],
    },
    {
      name: 'Sub of a parameter that is not NoEcho',
      code: serverCertificate('!Sub "${Key}"', `${BODY_PARAM}  Key:\n    Type: String\n`),
      errors: [{ path: ['Resources', 'Uploaded', 'Properties', 'PrivateKey'] }],
    },
    {
      name: 'Join: the header as a separate part is key data',
      code: ssm(`!Join ["\\n", ['-----BEGIN PRIVATE KEY-----', ${BODY1}, '-----END PRIVATE KEY-----']]`),
      errors: [{ path: ['Resources', 'AgentKey', 'Properties', 'Value', 'Fn::Join', 1, 0] }],
    },
    {
      name: 'OpsWorks App SslConfiguration.PrivateKey written in place (cfn_nag F61)',
      code: `Resources:\n  App:\n    Type: AWS::OpsWorks::App\n    Properties:\n      StackId: !Ref Stack\n      Name: web\n      Type: other\n      SslConfiguration:\n        Certificate: !Ref Cert\n        PrivateKey: changeme\n`,
      errors: [{ path: ['Resources', 'App', 'Properties', 'SslConfiguration', 'PrivateKey'], line: 10 }],
    },
    {
      name: 'encrypted PKCS#8 key in Metadata',
      code: `Metadata:\n  Backup: |\n    -----BEGIN ENCRYPTED PRIVATE KEY-----\n    ${BODY1}\n    -----END ENCRYPTED PRIVATE KEY-----\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n`,
      errors: [{ path: ['Metadata', 'Backup'], line: 2 }],
    },
  ],
});

describe('private-key-in-template never echoes key material', () => {
  it('no body characters in message, data or related', () => {
    const code = json(PEM).replace(
      '"Parameters": {',
      `"Parameters": {\n    "Key": { "Type": "String", "NoEcho": true, "Default": ${JSON.stringify(`-----BEGIN PRIVATE KEY-----\n${BODY1}\n-----END PRIVATE KEY-----`)} },`,
    );
    const found = lintWith(privateKeyInTemplate, { name: 'echo', code });
    assert.equal(found.length, 2);
    const out = JSON.stringify(found.map((d) => ({ m: d.message, d: d.data, r: d.related })));
    for (const body of [BODY1, BODY2]) {
      for (let i = 0; i + 8 <= body.length; i += 4) assert.ok(!out.includes(body.slice(i, i + 8)), `output contains key material ${body.slice(i, i + 8)}`);
    }
  });
});
