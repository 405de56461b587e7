import { cloudfrontOriginTlsVersion } from '../../../../rules/src/rules/cloudfront/origin-tls-version';
import { runRuleTests } from '../../../support/rule-tester';
import { cfg, json, withConditions, withParameters, yaml } from './fixtures';

const protocols = (value: string): [string, string] => ['OriginSSLProtocols: [TLSv1.2]', `OriginSSLProtocols: ${value}`];
const LIST = cfg('Origins', 0, 'CustomOriginConfig', 'OriginSSLProtocols');
const jsonProtocols = (list: unknown, opp = 'https-only'): string =>
  json((c) => {
    const custom = (c.Origins as Record<string, Record<string, unknown>>[])[0].CustomOriginConfig;
    custom.OriginSSLProtocols = list as string[];
    custom.OriginProtocolPolicy = opp;
  });
const blockList = (...items: string[]): [string, string] => [
  'OriginSSLProtocols: [TLSv1.2]',
  `OriginSSLProtocols:\n${items.map((i) => `                - ${i}`).join('\n')}`,
];
const cond = (text: string): string => withConditions(text, '  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n');

runRuleTests(cloudfrontOriginTlsVersion, {
  valid: [
    { name: 'TLSv1.2 only', code: yaml() },
    { name: 'JSON TLSv1.2 only', code: jsonProtocols(['TLSv1.2']) },
    { name: 'no OriginSSLProtocols', code: yaml(['              OriginSSLProtocols: [TLSv1.2]\n', '']) },
    { name: 'http-only origin never uses TLS (cloudfront-origin-http)', code: jsonProtocols(['TLSv1', 'TLSv1.2'], 'http-only') },
    {
      name: 'unknown list',
      code: withParameters(yaml(protocols('!Ref OriginProtocols')), '  OriginProtocols:\n    Type: CommaDelimitedList\n    Default: TLSv1,TLSv1.2\n'),
    },
    { name: 'unknown item', code: yaml(protocols('[!ImportValue origin-protocol, TLSv1.2]')) },
    { name: 'weak item removed by AWS::NoValue', code: cond(yaml(protocols('[!If [Legacy, !Ref AWS::NoValue, TLSv1.2], TLSv1.2]'))) },
  ],
  invalid: [
    {
      name: 'SSLv3, TLSv1 and TLSv1.1: one finding on the list',
      code: yaml(protocols('[SSLv3, TLSv1, TLSv1.1, TLSv1.2]')),
      errors: [{ path: LIST, line: 17, severity: 'warning', resource: 'Distribution', messageIncludes: "'SSLv3', 'TLSv1', 'TLSv1.1'", fixes: 1 }],
      output: yaml(),
    },
    {
      name: 'JSON SSLv3 (CloudFront.10)',
      code: jsonProtocols(['SSLv3', 'TLSv1.2']),
      errors: [{ path: [...LIST, 0], messageIncludes: 'SSLv3' }],
      output: jsonProtocols(['TLSv1.2']),
    },
    {
      name: 'one weak entry in a block list: the range covers it',
      code: yaml(blockList('TLSv1.1', 'TLSv1.2')),
      errors: [{ path: [...LIST, 0], line: 18 }],
      output: yaml(blockList('TLSv1.2')),
    },
    {
      name: 'match-viewer origins use the list for HTTPS viewers',
      code: yaml(protocols('[TLSv1, TLSv1.2]'), ['OriginProtocolPolicy: https-only', 'OriginProtocolPolicy: match-viewer']),
      errors: [{ path: [...LIST, 0] }],
      output: yaml(['OriginProtocolPolicy: https-only', 'OriginProtocolPolicy: match-viewer']),
    },
    {
      name: 'JSON: only weak entries: the first becomes TLSv1.2',
      code: jsonProtocols(['TLSv1', 'TLSv1.1']),
      errors: [{ path: LIST }],
      output: jsonProtocols(['TLSv1.2']),
    },
    {
      name: 'entry from a parameter: related info, the item goes',
      code: withParameters(yaml(protocols('[!Ref OldestProtocol, TLSv1.2]')), '  OldestProtocol:\n    Type: String\n    Default: TLSv1\n'),
      errors: [{ path: [...LIST, 0], related: 1 }],
      output: withParameters(yaml(), '  OldestProtocol:\n    Type: String\n    Default: TLSv1\n'),
    },
    {
      name: 'entry from a parameter: related info',
      code: withParameters(yaml(protocols('[!Ref OldestProtocol, TLSv1.2]')), '  OldestProtocol:\n    Type: String\n    Default: TLSv1\n'),
      errors: [{ path: [...LIST, 0], related: 1 }],
    },
    {
      name: 'Fn::If branch inside the list: the whole list is set',
      code: cond(yaml(protocols('[!If [Legacy, TLSv1, TLSv1.2], TLSv1.2]'))),
      errors: [{ path: [...LIST, 0, 'Fn::If', 1] }],
      output: cond(yaml(blockList('TLSv1.2'))),
    },
    {
      name: 'list in an Fn::If branch: the fix sets that branch',
      code: cond(yaml(protocols('!If [Legacy, [TLSv1, TLSv1.2], [TLSv1.2]]'))),
      errors: [{ path: [...LIST, 'Fn::If', 1, 0] }],
      output: cond(yaml(protocols('!If [Legacy, [TLSv1.2], [TLSv1.2]]'))),
    },
    {
      name: 'legacy CustomOrigin',
      code: json((c) => {
        delete c.Origins;
        c.CustomOrigin = { DNSName: 'origin.example.com', OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] };
      }),
      errors: [{ path: cfg('CustomOrigin', 'OriginSSLProtocols') }],
    },
  ],
});
