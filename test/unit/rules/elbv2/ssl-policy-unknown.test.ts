import { strict as assert } from 'assert';
import { ELBV2_POLICY_NAMES } from '../../../../rules/src/data/elbv2-policies';
import { suggestPolicies } from '../../../../rules/src/rules/elbv2/did-you-mean';
import { editDistance } from '../../../../rules/src/util/edit-distance';
import { elbv2SslPolicyUnknown } from '../../../../rules/src/rules/elbv2/ssl-policy-unknown';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_ARN, jsonTemplate, listener, yamlTemplate } from './fixtures';

const httpsListener = (policy: string, protocol = 'HTTPS', parameters?: string): string =>
  yamlTemplate(
    listener(
      'HttpsListener',
      `      LoadBalancerArn: !ImportValue shared-alb\n      Port: 443\n      Protocol: ${protocol}\n      SslPolicy: ${policy}\n      Certificates:\n        - CertificateArn: ${CERT_ARN}\n      DefaultActions:\n        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}`,
    ),
    { parameters },
  );

const jsonListener = (policy: unknown): string =>
  jsonTemplate({
    TlsListener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { 'Fn::ImportValue': 'shared-nlb' },
        Port: 8883,
        Protocol: 'TLS',
        SslPolicy: policy,
        Certificates: [{ CertificateArn: CERT_ARN }],
        DefaultActions: [],
      },
    },
  });

describe('elbv2 did-you-mean', () => {
  it('counts a transposition as one edit', () => {
    assert.equal(editDistance('2021-60', '2021-06'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });
  it('one close name is safe', () => {
    const s = suggestPolicies('ELBSecurityPolicy-TLS13-1-2-Res-2021-6', ELBV2_POLICY_NAMES);
    assert.equal(s.names[0].name, 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06');
    assert.equal(s.safe, 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06');
    assert.ok(s.names.length <= 3);
  });
  it('a missing prefix ranks the intended name first but is not safe (more than 2 edits)', () => {
    const s = suggestPolicies('TLS13-1-2-2021-06', ELBV2_POLICY_NAMES);
    assert.equal(s.names[0].name, 'ELBSecurityPolicy-TLS13-1-2-2021-06');
    assert.equal(s.safe, undefined);
  });
  it('case differences alone are safe', () => {
    assert.equal(suggestPolicies('elbsecuritypolicy-tls13-1-2-res-2021-06', ELBV2_POLICY_NAMES).safe, 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06');
  });
  it('two equally close names: none is safe', () => {
    // Ext1 and Ext2 are both one edit away.
    const s = suggestPolicies('ELBSecurityPolicy-TLS13-1-2-Ext-2021-06', ELBV2_POLICY_NAMES);
    assert.deepEqual(
      s.names.slice(0, 2).map((n) => n.name),
      ['ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06'],
    );
    assert.equal(s.safe, undefined);
  });
  it('nothing close: no suggestion', () => {
    assert.deepEqual(suggestPolicies('MyCustomPolicy', ELBV2_POLICY_NAMES).names, []);
  });
});

runRuleTests(elbv2SslPolicyUnknown, {
  valid: [
    { name: 'predefined policy', code: httpsListener('ELBSecurityPolicy-TLS13-1-2-Res-2021-06') },
    { name: 'post-quantum policy', code: httpsListener('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09') },
    { name: 'RFC 9151 FIPS policy', code: httpsListener('ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07') },
    { name: 'weak but predefined (another rule)', code: httpsListener('ELBSecurityPolicy-2016-08') },
    { name: 'ImportValue is unknown', code: httpsListener('!ImportValue shared-policy') },
    { name: 'GetAtt is unknown', code: httpsListener('!GetAtt Config.Policy') },
    { name: 'Sub with a variable is unknown', code: httpsListener('!Sub "ELBSecurityPolicy-${Version}"') },
    {
      name: 'SSM parameter type is unknown',
      code: httpsListener('!Ref PolicyName', 'HTTPS', '  PolicyName:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /elb/policy'),
    },
    { name: 'on an HTTP listener it is elbv2-tls-settings-on-plain-listener', code: httpsListener('TLS13-1-2-2021-06', 'HTTP') },
    { name: 'AWS::NoValue is absent', code: httpsListener('!Ref AWS::NoValue') },
    { name: 'JSON predefined', code: jsonListener('ELBSecurityPolicy-TLS13-1-3-2021-06') },
  ],
  invalid: [
    {
      name: 'missing prefix (TLS13-1-2-2021-06): suggestions offered, none applied by fix-all',
      code: httpsListener('TLS13-1-2-2021-06'),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'],
          line: 9,
          severity: 'error',
          resource: 'HttpsListener',
          messageIncludes: "'ELBSecurityPolicy-TLS13-1-2-2021-06'",
          fixes: 3,
        },
      ],
    },
    {
      name: 'typo within 2 edits of one name: fix-all applies it',
      code: httpsListener('ELBSecurityPolicy-TLS13-1-2-Res-2021-6'),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'], messageIncludes: 'Did you mean' }],
      output: httpsListener('ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
    },
    {
      name: 'Ext1 or Ext2: two equally close names, offered but not applied by fix-all',
      code: httpsListener('ELBSecurityPolicy-TLS13-1-2-Ext-2021-06'),
      errors: [{ messageIncludes: "'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', or 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06'", fixes: 3 }],
    },
    {
      name: 'nothing close: no fix',
      code: httpsListener('MyCustomPolicy'),
      errors: [{ messageIncludes: 'predefined', fixes: 0 }],
    },
    {
      name: 'fake name from deny-lists (ELBSecurityPolicy-2015)',
      code: httpsListener('ELBSecurityPolicy-2015'),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'] }],
    },
    {
      name: 'JSON TLS listener, date typo',
      code: jsonListener('ELBSecurityPolicy-TLS13-1-2-2021-07'),
      errors: [{ path: ['Resources', 'TlsListener', 'Properties', 'SslPolicy'] }],
      output: jsonListener('ELBSecurityPolicy-TLS13-1-2-2021-06'),
    },
    {
      name: 'AllowedValues entry with a typo: on the property, related info and fix at the parameter',
      code: httpsListener(
        '!Ref Policy',
        'HTTPS',
        '  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n    AllowedValues:\n      - ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n      - ELBSecurityPolicy-TLS13-1-3-2021-6',
      ),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'], related: 1 }],
      output: httpsListener(
        '!Ref Policy',
        'HTTPS',
        '  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n    AllowedValues:\n      - ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n      - ELBSecurityPolicy-TLS13-1-3-2021-06',
      ),
    },
    {
      name: 'two different typos in AllowedValues: one finding, suggestions per value',
      code: httpsListener(
        '!Ref Policy',
        'HTTPS',
        '  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS13-1-2-Res-2021-6\n    AllowedValues:\n      - ELBSecurityPolicy-TLS13-1-2-Res-2021-6\n      - ELBSecurityPolicy-TLS13-1-3-2021-6',
      ),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'],
          related: 3,
          messageIncludes: "For 'ELBSecurityPolicy-TLS13-1-3-2021-6', did you mean 'ELBSecurityPolicy-TLS13-1-3-2021-06'",
        },
      ],
      output: httpsListener(
        '!Ref Policy',
        'HTTPS',
        '  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n    AllowedValues:\n      - ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n      - ELBSecurityPolicy-TLS13-1-3-2021-06',
      ),
    },
    {
      name: 'Fn::If branch',
      code: httpsListener('!If [Fips, ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-4, ELBSecurityPolicy-TLS13-1-2-Res-2021-06]').replace(
        'Resources:',
        'Conditions:\n  Fips: !Equals [!Ref AWS::Region, us-gov-west-1]\nResources:',
      ),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy', 'Fn::If', 1] }],
      output: httpsListener('!If [Fips, ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04, ELBSecurityPolicy-TLS13-1-2-Res-2021-06]').replace(
        'Resources:',
        'Conditions:\n  Fips: !Equals [!Ref AWS::Region, us-gov-west-1]\nResources:',
      ),
    },
    {
      name: 'listener without Protocol is still checked',
      code: httpsListener('ELBSecurityPolicy-TLS13-1-2-Res-2021').replace('      Protocol: HTTPS\n', ''),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'] }],
    },
  ],
});
