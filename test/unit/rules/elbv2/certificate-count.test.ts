import { elbv2CertificateCount } from '../../../../rules/src/rules/elbv2/certificate-count';
import { runRuleTests } from '../../../support/rule-tester';
import { yamlTemplate } from './fixtures';

const PARAMS = '  ShopCertificateArn:\n    Type: String\n  BlogCertificateArn:\n    Type: String';

const listenerWith = (certificates: string, opts: { protocol?: string; condition?: boolean; conditions?: string; after?: string } = {}): string =>
  yamlTemplate(
    `  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
${opts.condition ? '    Condition: Public\n' : ''}    Properties:
      LoadBalancerArn: !ImportValue shared-alb
      Port: 443
      Protocol: ${opts.protocol ?? 'HTTPS'}
      Certificates:
${certificates}
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}${opts.after ?? ''}`,
    { parameters: PARAMS, conditions: opts.conditions },
  );

const SHOP = '        - CertificateArn: !Ref ShopCertificateArn';
const BLOG = '        - CertificateArn: !Ref BlogCertificateArn';
const DOCS = '        - CertificateArn: !ImportValue docs-certificate';

const moved = (id: string, certificate: string, condition = false): string =>
  `\n  ${id}:\n    Type: AWS::ElasticLoadBalancingV2::ListenerCertificate\n${condition ? '    Condition: Public\n' : ''}    Properties:\n      ListenerArn: !Ref HttpsListener\n      Certificates:\n${certificate}`;

const jsonListener = (certificates: unknown[]): string =>
  JSON.stringify(
    {
      Resources: {
        TlsListener: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: { LoadBalancerArn: { 'Fn::ImportValue': 'shared-nlb' }, Port: 8883, Protocol: 'TLS', Certificates: certificates, DefaultActions: [] },
        },
      },
    },
    null,
    2,
  );

runRuleTests(elbv2CertificateCount, {
  valid: [
    { name: 'one certificate', code: listenerWith(SHOP) },
    { name: 'extra certificates in a ListenerCertificate', code: listenerWith(SHOP, { after: moved('HttpsListenerCertificate2', `${BLOG}\n${DOCS}`) }) },
    { name: 'two on an HTTP listener are elbv2-tls-settings-on-plain-listener', code: listenerWith(`${SHOP}\n${BLOG}`, { protocol: 'HTTP' }) },
    {
      name: 'one certificate in each Fn::If branch',
      code: listenerWith('')
        .replace(
          '      Certificates:\n\n',
          '      Certificates: !If [Blog, [{CertificateArn: !Ref BlogCertificateArn}], [{CertificateArn: !Ref ShopCertificateArn}]]\n',
        )
        .replace('Resources:', 'Conditions:\n  Blog: !Equals [!Ref AWS::Region, us-east-1]\nResources:'),
    },
    {
      name: 'AWS::NoValue item is dropped',
      code: listenerWith(`${SHOP}\n        - !Ref AWS::NoValue`),
    },
    {
      name: 'Certificates from GetAtt is unknown',
      code: listenerWith('').replace('      Certificates:\n\n', '      Certificates: !GetAtt Config.Certificates\n'),
    },
    { name: 'JSON, one certificate', code: jsonListener([{ CertificateArn: { Ref: 'Cert' } }]) },
  ],
  invalid: [
    {
      name: 'two certificates: the second moves into a new ListenerCertificate',
      code: listenerWith(`${SHOP}\n${BLOG}`),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'Certificates'],
          line: 15,
          severity: 'error',
          resource: 'HttpsListener',
          messageIncludes: '2 entries',
          fixes: 1,
        },
      ],
      output: listenerWith(SHOP, { after: moved('HttpsListenerCertificate2', BLOG) }),
    },
    {
      name: 'three certificates: one ListenerCertificate per extra certificate, with the listener Condition',
      code: listenerWith(`${SHOP}\n${BLOG}\n${DOCS}`, { condition: true, conditions: '  Public: !Equals [!Ref AWS::Region, eu-west-1]' }),
      errors: [{ messageIncludes: '3 entries' }],
      output: listenerWith(SHOP, {
        condition: true,
        conditions: '  Public: !Equals [!Ref AWS::Region, eu-west-1]',
        after: moved('HttpsListenerCertificate2', BLOG, true) + moved('HttpsListenerCertificate3', DOCS, true),
      }),
    },
    {
      name: 'the new name avoids an existing resource',
      code: listenerWith(`${SHOP}\n${BLOG}`, { after: moved('HttpsListenerCertificate2', DOCS) }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates'] }],
      output: listenerWith(SHOP, { after: moved('HttpsListenerCertificate2', DOCS) + moved('HttpsListenerCertificate2x2', BLOG) }),
    },
    {
      name: 'Fn::If branch with two entries: reported, fix not applied by fix-all',
      code: listenerWith(`${SHOP}\n        - !If [Blog, {CertificateArn: !Ref BlogCertificateArn}, !Ref AWS::NoValue]`, {
        conditions: '  Blog: !Equals [!Ref AWS::Region, us-east-1]',
      }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates'], fixes: 1 }],
    },
    {
      name: 'JSON TLS listener',
      code: jsonListener([{ CertificateArn: { Ref: 'Cert' } }, { CertificateArn: { Ref: 'Other' } }]),
      errors: [{ path: ['Resources', 'TlsListener', 'Properties', 'Certificates'] }],
      output: jsonListener([{ CertificateArn: { Ref: 'Cert' } }]).replace(
        '        "DefaultActions": []\n      }\n    }\n',
        '        "DefaultActions": []\n      }\n    },\n    "TlsListenerCertificate2": {\n      "Type": "AWS::ElasticLoadBalancingV2::ListenerCertificate",\n' +
          '      "Properties": {\n        "ListenerArn": { "Ref": "TlsListener" },\n        "Certificates": [\n          {\n            "CertificateArn": { "Ref": "Other" }\n          }\n        ]\n      }\n    }\n',
      ),
    },
  ],
});
