import { cloudfrontViewerHttp } from '../../../../rules/src/rules/cloudfront/viewer-http';
import { runRuleTests } from '../../../support/rule-tester';
import { at, cfg, json, withConditions, withParameters, yaml } from './fixtures';

const DEFAULT_VPP: [string, string] = ['ViewerProtocolPolicy: redirect-to-https', 'ViewerProtocolPolicy: allow-all'];
const cacheBehaviors = (policy: string): [string, string] => [
  '        ViewerCertificate:',
  `        CacheBehaviors:
          - PathPattern: /static/*
            TargetOriginId: app
            ViewerProtocolPolicy: https-only
            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
          - PathPattern: /downloads/*
            TargetOriginId: app
            ViewerProtocolPolicy: ${policy}
            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        ViewerCertificate:`,
];

const parameterTemplate = withParameters(
  yaml(['ViewerProtocolPolicy: redirect-to-https', 'ViewerProtocolPolicy: !Ref ViewerProtocol']),
  `  ViewerProtocol:
    Type: String
    Default: allow-all
    AllowedValues: [allow-all, redirect-to-https, https-only]
`,
);

const conditional = (value: string): string =>
  withConditions(yaml(['ViewerProtocolPolicy: redirect-to-https', `ViewerProtocolPolicy: ${value}`]), '  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n');

runRuleTests(cloudfrontViewerHttp, {
  valid: [
    { name: 'redirect-to-https everywhere', code: yaml() },
    { name: 'https-only cache behaviours', code: yaml(cacheBehaviors('https-only')) },
    { name: 'JSON baseline', code: json() },
    { name: 'GetAtt value is unknown', code: yaml(['ViewerProtocolPolicy: redirect-to-https', 'ViewerProtocolPolicy: !GetAtt Config.Policy']) },
    { name: 'ImportValue is unknown', code: yaml(['ViewerProtocolPolicy: redirect-to-https', 'ViewerProtocolPolicy: !ImportValue shared-viewer-policy']) },
    {
      name: 'parameter without allow-all',
      code: withParameters(
        yaml(['ViewerProtocolPolicy: redirect-to-https', 'ViewerProtocolPolicy: !Ref ViewerProtocol']),
        '  ViewerProtocol:\n    Type: String\n    Default: https-only\n    AllowedValues: [https-only, redirect-to-https]\n',
      ),
    },
    { name: 'Fn::If with two HTTPS branches', code: conditional('!If [Legacy, https-only, redirect-to-https]') },
    {
      name: 'allow-all on another resource type is not read',
      code: yaml(['Type: AWS::CloudFront::Distribution', 'Type: AWS::CloudFront::StreamingDistribution'], DEFAULT_VPP),
    },
  ],
  invalid: [
    {
      name: 'allow-all in DefaultCacheBehavior',
      code: yaml(DEFAULT_VPP),
      errors: [
        {
          path: cfg('DefaultCacheBehavior', 'ViewerProtocolPolicy'),
          line: 20,
          severity: 'warning',
          resource: 'Distribution',
          messageIncludes: 'allow-all',
          fixes: 1,
        },
      ],
      output: yaml(),
    },
    {
      name: 'allow-all in the second CacheBehaviors entry',
      code: yaml(cacheBehaviors('allow-all')),
      errors: [{ path: cfg('CacheBehaviors', 1, 'ViewerProtocolPolicy'), messageIncludes: '/downloads/*' }],
      output: yaml(cacheBehaviors('redirect-to-https')),
    },
    {
      name: 'default and cache behaviour: one finding each',
      code: yaml(DEFAULT_VPP, cacheBehaviors('allow-all')),
      errors: [{ path: cfg('DefaultCacheBehavior', 'ViewerProtocolPolicy') }, { path: cfg('CacheBehaviors', 1, 'ViewerProtocolPolicy') }],
      output: yaml(cacheBehaviors('redirect-to-https')),
    },
    {
      name: 'JSON allow-all',
      code: json((c) => (at(c, 'DefaultCacheBehavior').ViewerProtocolPolicy = 'allow-all')),
      errors: [{ path: cfg('DefaultCacheBehavior', 'ViewerProtocolPolicy'), messageIncludes: 'redirect-to-https' }],
      output: json(),
    },
    {
      name: 'JSON CacheBehaviors entry',
      code: json((c) => (c.CacheBehaviors = [{ PathPattern: '/api/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'allow-all' }])),
      errors: [{ path: cfg('CacheBehaviors', 0, 'ViewerProtocolPolicy'), messageIncludes: '/api/*' }],
      output: json((c) => (c.CacheBehaviors = [{ PathPattern: '/api/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'redirect-to-https' }])),
    },
    {
      name: 'parameter Default and AllowedValues: once on the property, related info, fix edits the parameter',
      code: parameterTemplate,
      errors: [{ path: cfg('DefaultCacheBehavior', 'ViewerProtocolPolicy'), line: 24, related: 2, fixes: 1 }],
      output: parameterTemplate
        .replace('Default: allow-all', 'Default: redirect-to-https')
        .replace('AllowedValues: [allow-all,', 'AllowedValues: [redirect-to-https,'),
    },
    {
      name: 'Fn::If branch: the range covers the written branch',
      code: conditional('!If [Legacy, allow-all, redirect-to-https]'),
      errors: [{ path: cfg('DefaultCacheBehavior', 'ViewerProtocolPolicy', 'Fn::If', 1) }],
      output: conditional('!If [Legacy, redirect-to-https, redirect-to-https]'),
    },
    {
      name: 'AWS::NoValue in the other branch',
      code: withConditions(yaml(cacheBehaviors('!If [Legacy, allow-all, !Ref AWS::NoValue]')), '  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [{ path: cfg('CacheBehaviors', 1, 'ViewerProtocolPolicy', 'Fn::If', 1) }],
    },
    {
      name: 'mapping value',
      code: yaml(['ViewerProtocolPolicy: redirect-to-https', 'ViewerProtocolPolicy: !FindInMap [Viewer, !Ref AWS::Region, Policy]']).replace(
        'Resources:\n',
        'Mappings:\n  Viewer:\n    eu-west-1: {Policy: allow-all}\n    us-east-1: {Policy: https-only}\nResources:\n',
      ),
      errors: [{ path: cfg('DefaultCacheBehavior', 'ViewerProtocolPolicy'), related: 1 }],
    },
  ],
});
