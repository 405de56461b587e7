import { lightsailLbTls } from '../../../../rules/src/rules/lightsail/lb-tls';
import { runRuleTests } from '../../../support/rule-tester';

const loadBalancer = (policy: string, head = '', more = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  WebLb:
    Type: AWS::Lightsail::LoadBalancer
    Properties:
      LoadBalancerName: web-lb
      InstancePort: 80
${policy}${more}`;

/** A certificate attached (or not) to WebLb; `redirect` is its HttpsRedirectionEnabled line. */
const certificate = (redirect: string, attached = 'true', lb = '!Ref WebLb'): string => `  WebCert:
    Type: AWS::Lightsail::LoadBalancerTlsCertificate
    Properties:
      LoadBalancerName: ${lb}
      CertificateName: web-cert
      CertificateDomainName: www.example.com
      IsAttached: ${attached}
${redirect}`;

const PARAMS = `Parameters:
  TlsPolicy:
    Type: String
    Default: TLS-FS-1-2-Res-2019-08
    AllowedValues: [TLS-FS-1-2-Res-2019-08, TLS-2016-08]
  Redirect:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
`;

const REDIRECT = '      HttpsRedirectionEnabled: true\n';
const POLICY = '      TlsPolicyName: TLS-FS-1-2-Res-2019-08\n';

const json = (lbProps: object, certProps?: object): string =>
  JSON.stringify(
    {
      Resources: {
        WebLb: { Type: 'AWS::Lightsail::LoadBalancer', Properties: { LoadBalancerName: 'web-lb', InstancePort: 80, ...lbProps } },
        ...(certProps
          ? {
              WebCert: {
                Type: 'AWS::Lightsail::LoadBalancerTlsCertificate',
                Properties: { LoadBalancerName: 'web-lb', CertificateName: 'web-cert', CertificateDomainName: 'www.example.com', ...certProps },
              },
            }
          : {}),
      },
    },
    null,
    2,
  );

runRuleTests(lightsailLbTls, {
  valid: [
    { name: 'TLS 1.2 policy, attached certificate redirecting', code: loadBalancer(POLICY, '', certificate(REDIRECT)) },
    { name: 'ImportValue policy is unknown', code: loadBalancer('      TlsPolicyName: !ImportValue lightsail-policy\n') },
    { name: 'GetAtt policy is unknown', code: loadBalancer('      TlsPolicyName: !GetAtt PolicyLookup.Name\n') },
    {
      name: 'parameter Default: the TLS 1.2 policy',
      code: loadBalancer('      TlsPolicyName: !Ref TlsPolicy\n', 'Parameters:\n  TlsPolicy:\n    Type: String\n    Default: TLS-FS-1-2-Res-2019-08\n'),
    },
    { name: 'an unknown policy name is not judged', code: loadBalancer('      TlsPolicyName: TLS-2030-01\n') },
    { name: 'certificate not attached: redirection cannot be enabled yet', code: loadBalancer(POLICY, '', certificate('', 'false')) },
    { name: 'certificate attachment unknown', code: loadBalancer(POLICY, '', certificate('', '!ImportValue attach')) },
    { name: 'redirect flag unknown', code: loadBalancer(POLICY, '', certificate('      HttpsRedirectionEnabled: !ImportValue redirect\n')) },
    {
      name: 'Fn::If between true and a true-only parameter',
      code: loadBalancer(
        POLICY,
        PARAMS.replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true']"),
        certificate('      HttpsRedirectionEnabled: !If [Legacy, true, !Ref Redirect]\n'),
      ),
    },
    { name: 'JSON: TLS 1.2 policy, redirect on', code: json({ TlsPolicyName: 'TLS-FS-1-2-Res-2019-08' }, { IsAttached: true, HttpsRedirectionEnabled: true }) },
  ],
  invalid: [
    {
      name: 'TLS-2016-08: warning, fix sets the TLS 1.2 policy',
      code: loadBalancer('      TlsPolicyName: TLS-2016-08\n'),
      errors: [{ path: ['Resources', 'WebLb', 'Properties', 'TlsPolicyName'], line: 8, severity: 'warning', messageIncludes: 'TLS 1.0 and newer', fixes: 1 }],
      output: loadBalancer(POLICY),
    },
    {
      name: 'absent, with an attached certificate of the template: warning',
      code: loadBalancer('', '', certificate(REDIRECT)),
      errors: [{ path: ['Resources', 'WebLb', 'Properties'], line: 5, severity: 'warning', messageIncludes: 'its HTTPS listener uses TLS-2016-08' }],
      output: loadBalancer(POLICY, '', certificate(REDIRECT)),
    },
    {
      name: 'absent, the certificate names the load balancer by its name: warning',
      code: loadBalancer('', '', certificate(REDIRECT, 'true', 'web-lb')),
      errors: [{ severity: 'warning' }],
    },
    {
      name: 'absent, no certificate in the template: info',
      code: loadBalancer(''),
      errors: [{ path: ['Resources', 'WebLb', 'Properties'], severity: 'info', messageIncludes: 'once HTTPS is enabled' }],
      output: loadBalancer(POLICY),
    },
    {
      name: 'NoValue makes the policy absent',
      code: loadBalancer('      TlsPolicyName: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'WebLb', 'Properties'], severity: 'info' }],
    },
    {
      name: 'attached certificate without HttpsRedirectionEnabled: inserted',
      code: loadBalancer(POLICY, '', certificate('')),
      errors: [{ path: ['Resources', 'WebCert', 'Properties'], line: 11, severity: 'warning', messageIncludes: 'keeps serving plain HTTP', fixes: 1 }],
      output: loadBalancer(POLICY, '', certificate(REDIRECT)),
    },
    {
      name: 'HttpsRedirectionEnabled false',
      code: loadBalancer(POLICY, '', certificate('      HttpsRedirectionEnabled: false\n')),
      errors: [{ path: ['Resources', 'WebCert', 'Properties', 'HttpsRedirectionEnabled'], line: 16 }],
      output: loadBalancer(POLICY, '', certificate(REDIRECT)),
    },
    {
      name: 'Fn::If branch TLS-2016-08, and the redirect parameter allows false',
      code: loadBalancer(
        '      TlsPolicyName: !If [Legacy, TLS-2016-08, !Ref TlsPolicy]\n',
        PARAMS,
        certificate('      HttpsRedirectionEnabled: !Ref Redirect\n'),
      ),
      errors: [
        { path: ['Resources', 'WebLb', 'Properties', 'TlsPolicyName', 'Fn::If', 1], line: 19 },
        { path: ['Resources', 'WebLb', 'Properties', 'TlsPolicyName', 'Fn::If', 2], related: 1 },
        { path: ['Resources', 'WebCert', 'Properties', 'HttpsRedirectionEnabled'], related: 1, relatedPaths: [['Parameters', 'Redirect', 'AllowedValues', 1]] },
      ],
      output: loadBalancer(
        '      TlsPolicyName: !If [Legacy, TLS-FS-1-2-Res-2019-08, !Ref TlsPolicy]\n',
        PARAMS.replace('AllowedValues: [TLS-FS-1-2-Res-2019-08, TLS-2016-08]', 'AllowedValues: [TLS-FS-1-2-Res-2019-08, TLS-FS-1-2-Res-2019-08]').replace(
          "AllowedValues: ['true', 'false']",
          "AllowedValues: ['true', 'true']",
        ),
        certificate('      HttpsRedirectionEnabled: !Ref Redirect\n'),
      ),
    },
    {
      name: 'JSON: default policy with an attached certificate, and no redirect',
      code: json({}, { IsAttached: true }),
      errors: [
        { path: ['Resources', 'WebLb', 'Properties'], severity: 'warning' },
        { path: ['Resources', 'WebCert', 'Properties'], severity: 'warning' },
      ],
      output: json({ TlsPolicyName: 'TLS-FS-1-2-Res-2019-08' }, { IsAttached: true, HttpsRedirectionEnabled: true }),
    },
  ],
});
