import { cloudfrontOriginHttp } from '../../../../rules/src/rules/cloudfront/origin-http';
import { runRuleTests } from '../../../support/rule-tester';
import { at, cfg, json, withConditions, withParameters, yaml } from './fixtures';

const policy = (value: string): [string, string] => ['OriginProtocolPolicy: https-only', `OriginProtocolPolicy: ${value}`];
const domain = (value: string): [string, string] => ['DomainName: origin.example.com', `DomainName: ${value}`];
const viewer = (value: string): [string, string] => ['ViewerProtocolPolicy: redirect-to-https', `ViewerProtocolPolicy: ${value}`];
const POLICY_PATH = cfg('Origins', 0, 'CustomOriginConfig', 'OriginProtocolPolicy');
const WEBSITE_BUCKET = `  SiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      WebsiteConfiguration: {IndexDocument: index.html}
`;
const withBucket = (text: string): string => `${text}${WEBSITE_BUCKET}`;
const cond = (text: string): string => withConditions(text, '  Website: !Equals [!Ref AWS::StackName, docs]\n');

/** A second origin, `assets`, and a behaviour routing to it. */
const SECOND_ORIGIN: [string, string] = [
  '        DefaultCacheBehavior:',
  `          - Id: assets
            DomainName: assets.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:`,
];
const assetsBehaviour = (vpp: string, target = 'assets'): [string, string] => [
  '        ViewerCertificate:',
  `        CacheBehaviors:
          - PathPattern: /assets/*
            TargetOriginId: ${target}
            ViewerProtocolPolicy: ${vpp}
            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        ViewerCertificate:`,
];

const jsonOrigin = (opp: string, vpp = 'redirect-to-https', host = 'origin.example.com'): string =>
  json((c) => {
    const o = (c.Origins as Record<string, unknown>[])[0];
    o.DomainName = host;
    (o.CustomOriginConfig as Record<string, unknown>).OriginProtocolPolicy = opp;
    at(c, 'DefaultCacheBehavior').ViewerProtocolPolicy = vpp;
  });

const parameterTemplate = withParameters(
  yaml(policy('!Ref OriginProtocol')),
  '  OriginProtocol:\n    Type: String\n    Default: http-only\n    AllowedValues: [http-only, https-only]\n',
);

runRuleTests(cloudfrontOriginHttp, {
  valid: [
    { name: 'https-only', code: yaml() },
    { name: 'JSON https-only', code: jsonOrigin('https-only', 'allow-all') },
    { name: 'match-viewer behind redirect-to-https', code: yaml(policy('match-viewer')) },
    { name: 'match-viewer behind https-only (JSON)', code: jsonOrigin('match-viewer', 'https-only') },
    { name: 'match-viewer; the allow-all behaviour routes to another origin', code: yaml(policy('match-viewer'), SECOND_ORIGIN, assetsBehaviour('allow-all')) },
    {
      name: 'match-viewer; allow-all behaviour with an unknown target',
      code: yaml(policy('match-viewer'), assetsBehaviour('allow-all', '!ImportValue target-origin')),
    },
    {
      name: 'S3 origin (no CustomOriginConfig)',
      code: json((c) => ((c.Origins as Record<string, unknown>[])[0] = { Id: 'app', DomainName: 'bucket.s3.us-east-1.amazonaws.com', S3OriginConfig: {} })),
    },
    { name: 'GetAtt policy is unknown', code: yaml(policy('!GetAtt Config.OriginProtocol')) },
    { name: 'ImportValue policy is unknown', code: yaml(policy('!ImportValue origin-protocol')) },
    { name: 'Fn::If with HTTPS in both branches', code: cond(yaml(policy('!If [Website, https-only, match-viewer]'))) },
  ],
  invalid: [
    {
      name: 'http-only',
      code: yaml(policy('http-only')),
      errors: [{ path: POLICY_PATH, line: 16, severity: 'warning', resource: 'Distribution', messageIncludes: "origin 'app'", fixes: 1 }],
      output: yaml(),
    },
    {
      // corpus: Solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.yaml (Id: !Ref OriginALB)
      name: 'http-only on an origin whose Id and domain are unknown is named "this origin"',
      code: yaml(policy('http-only'), ['- Id: app', '- Id: !Ref OriginAlb'], domain('!GetAtt OriginAlb.DNSName')),
      errors: [{ path: POLICY_PATH, messageIncludes: 'CloudFront fetches from this origin over plain HTTP' }],
    },
    {
      name: 'JSON http-only',
      code: jsonOrigin('http-only'),
      errors: [{ path: POLICY_PATH, severity: 'warning' }],
      output: jsonOrigin('https-only'),
    },
    {
      name: 'JSON match-viewer with an allow-all behaviour routing to it (CloudFront.9)',
      code: jsonOrigin('match-viewer', 'allow-all'),
      errors: [{ path: POLICY_PATH, messageIncludes: 'DefaultCacheBehavior', related: 1 }],
      output: jsonOrigin('https-only', 'allow-all'),
    },
    {
      name: 'match-viewer behind an allow-all cache behaviour',
      code: yaml(policy('match-viewer'), assetsBehaviour('allow-all', 'app')),
      errors: [{ path: POLICY_PATH, messageIncludes: '/assets/*', related: 1 }],
      output: yaml(assetsBehaviour('allow-all', 'app')),
    },
    {
      name: 'match-viewer reached through an origin group',
      code: yaml(
        policy('match-viewer'),
        viewer('allow-all'),
        ['TargetOriginId: app', 'TargetOriginId: app-group'],
        [
          '        DefaultCacheBehavior:',
          `        OriginGroups:
          Quantity: 1
          Items:
            - Id: app-group
              FailoverCriteria: {StatusCodes: {Quantity: 1, Items: [503]}}
              Members: {Quantity: 1, Items: [{OriginId: app}]}
        DefaultCacheBehavior:`,
        ],
      ),
      errors: [{ path: POLICY_PATH, related: 1 }],
    },
    {
      name: 'allow-all through a parameter AllowedValues',
      code: withParameters(
        yaml(policy('match-viewer'), viewer('!Ref ViewerProtocol')),
        '  ViewerProtocol:\n    Type: String\n    Default: redirect-to-https\n    AllowedValues: [redirect-to-https, allow-all]\n',
      ),
      errors: [{ path: POLICY_PATH }],
    },
    {
      name: 'parameter Default http-only: fix edits the parameter',
      code: parameterTemplate,
      errors: [{ path: POLICY_PATH, related: 2, fixes: 1 }],
      output: parameterTemplate
        .replace('Default: http-only', 'Default: https-only')
        .replace('AllowedValues: [http-only, https-only]', 'AllowedValues: [https-only, https-only]'),
    },
    {
      name: 'Fn::If branch',
      code: cond(yaml(policy('!If [Website, http-only, https-only]'))),
      errors: [{ path: [...POLICY_PATH, 'Fn::If', 1] }],
      output: cond(yaml(policy('!If [Website, https-only, https-only]'))),
    },
    {
      name: 'S3 website endpoint: info, no fix',
      code: yaml(policy('http-only'), domain('docs-example-com.s3-website-eu-west-1.amazonaws.com')),
      errors: [{ path: POLICY_PATH, severity: 'info', messageIncludes: 'S3 website endpoint', fixes: 0 }],
    },
    {
      name: 'S3 website endpoint, dot-region form (JSON)',
      code: jsonOrigin('http-only', 'redirect-to-https', 'docs.example.com.s3-website.eu-west-2.amazonaws.com'),
      errors: [{ path: POLICY_PATH, severity: 'info' }],
    },
    {
      name: 'S3 website endpoint built with Fn::Sub',
      code: yaml(policy('http-only'), domain("!Sub '${SiteBucket}.s3-website-${AWS::Region}.amazonaws.com'")),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'S3 website endpoint built with Fn::Sub and AWS::URLSuffix',
      code: yaml(policy('http-only'), domain("!Sub '${SiteBucket}.s3-website.${AWS::Region}.${AWS::URLSuffix}'")),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'S3 website endpoint built with Fn::Join',
      code: yaml(policy('match-viewer'), viewer('allow-all'), domain("!Join ['', [!Ref SiteBucket, '.s3-website-', !Ref 'AWS::Region', '.amazonaws.com']]")),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'S3 website endpoint from GetAtt WebsiteURL',
      code: withBucket(yaml(policy('http-only'), domain("!Select [2, !Split ['/', !GetAtt SiteBucket.WebsiteURL]]"))),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'JSON: S3 website endpoint from Fn::Sub with a variable map',
      code: json((c) => {
        const o = (c.Origins as Record<string, unknown>[])[0];
        o.DomainName = { 'Fn::Sub': ['${Name}.s3-website-${AWS::Region}.amazonaws.com', { Name: { Ref: 'AWS::StackName' } }] };
        (o.CustomOriginConfig as Record<string, unknown>).OriginProtocolPolicy = 'http-only';
      }),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'S3 website endpoint from a parameter Default',
      code: withParameters(
        yaml(policy('http-only'), domain('!Ref WebsiteHost')),
        '  WebsiteHost:\n    Type: String\n    Default: docs.s3-website-us-east-1.amazonaws.com\n',
      ),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'S3 REST endpoint over http-only is a warning',
      code: withBucket(yaml(policy('http-only'), domain('!GetAtt SiteBucket.RegionalDomainName'))),
      errors: [{ severity: 'warning', fixes: 1 }],
    },
    {
      name: 'unknown domain: warning, but the fix is not applied unasked',
      code: yaml(policy('http-only'), domain('!ImportValue web-origin-host')),
      errors: [{ severity: 'warning', messageIncludes: 'if the origin is an S3 website endpoint', fixes: 1 }],
    },
    {
      name: 'website in one Fn::If branch, API in the other: the warning wins',
      code: cond(yaml(policy('http-only'), domain('!If [Website, docs.s3-website-us-east-1.amazonaws.com, api.example.com]'))),
      errors: [{ path: POLICY_PATH, severity: 'warning' }],
    },
    {
      name: 'legacy CustomOrigin with http-only',
      code: json((c) => {
        delete c.Origins;
        c.CustomOrigin = { DNSName: 'origin.example.com', OriginProtocolPolicy: 'http-only', OriginSSLProtocols: ['TLSv1.2'] };
      }),
      errors: [{ path: cfg('CustomOrigin', 'OriginProtocolPolicy'), messageIncludes: 'origin.example.com' }],
    },
  ],
});
