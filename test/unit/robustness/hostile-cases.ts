import * as crypto from 'crypto';
import { ALL_RULES, defaultRegistry, lintText, mergeSettings, RuleSetting } from '../../../rules/src/index';

/**
 * Hostile inputs, as generators (the big ones are built only when used). Run as a script
 * (`node hostile-cases.js <name>...`) it lints the named cases and prints one JSON summary per
 * line: the memory test runs the heavy ones in a child process with a capped heap.
 */

export interface HostileCase {
  name: string;
  file: string;
  make: () => string;
  /** Large or slow: linted in the capped child process. */
  heavy?: boolean;
}

export interface Summary {
  name: string;
  template: boolean;
  skipped?: string;
  diagnostics: { rule: string; message: string; line: number; character: number }[];
  count: number;
  ruleFailures: { rule: string; message: string }[];
  threw?: string;
  ms: number;
  heapMB: number;
  bytes: number;
}

const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
const PROPS = `${HEADER}  A:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n`;
const DEEP = 100_000;

export const LISTENER = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      SslPolicy: ELBSecurityPolicy-2016-08
      LoadBalancerArn: !Ref LB
      Certificates:
        - CertificateArn: !Ref Cert
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
  LB:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: EMAIL
`;

function billionLaughs(): string {
  let s = `${HEADER}  A:\n    Type: AWS::S3::Bucket\n    Metadata:\n      l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < 12; i++)
    s += `      l${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return s + '    Properties:\n      BucketName: *a11\n';
}

function wideAliases(): string {
  const list = Array.from({ length: 2000 }, (_, i) => `x${i}`).join(', ');
  const refs = Array(2000).fill('*big').join(', ');
  return `${HEADER}  A:\n    Type: AWS::S3::Bucket\n    Metadata:\n      big: &big [${list}]\n      many: [${refs}]\n`;
}

function resources(n: number): string {
  const parts = [HEADER];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) {
      // Listeners in a cycle of Refs and DependsOn.
      const next = `R${(i + 10) % n}`;
      parts.push(
        `  R${i}:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    DependsOn: ${next}\n    Properties: {Protocol: HTTPS, SslPolicy: ELBSecurityPolicy-2016-08, LoadBalancerArn: !Ref ${next}, Certificates: [{CertificateArn: !GetAtt R${i}.Arn}]}\n`,
      );
    } else parts.push(`  R${i}:\n    Type: AWS::S3::Bucket\n`);
  }
  return parts.join('');
}

function jsonDeep(open: string, close: string, inner: string): string {
  return `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"A":{"Type":"AWS::S3::Bucket","Properties":{"X":${open.repeat(DEEP)}${inner}${close.repeat(DEEP)}}}}}`;
}

function blockMapDeep(levels: number): string {
  const parts = [PROPS];
  for (let i = 0; i < levels; i++) parts.push(' '.repeat(6 + i) + 'k:\n');
  parts.push(' '.repeat(6 + levels) + 'v\n');
  return parts.join('');
}

export const CASES: HostileCase[] = [
  { name: 'alias bomb (billion laughs)', file: 'bomb.yaml', make: billionLaughs },
  { name: 'alias fan-out (2000 x 2000 items)', file: 'fan.yaml', make: wideAliases },
  { name: 'YAML flow sequences 100,000 deep', file: 'deep.yaml', make: () => `${PROPS}      X: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`, heavy: true },
  { name: 'YAML flow mappings 100,000 deep', file: 'deep.yaml', make: () => `${PROPS}      X: ${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}\n`, heavy: true },
  { name: 'YAML block sequences 100,000 deep', file: 'deep.yaml', make: () => `${PROPS}      X:\n        ${'- '.repeat(DEEP)}x\n`, heavy: true },
  { name: 'YAML block mappings 4,000 deep', file: 'deep.yaml', make: () => blockMapDeep(4000), heavy: true },
  {
    name: 'YAML !If chain 100,000 deep',
    file: 'deep.yaml',
    make: () => `${PROPS}      SslPolicy: ${'!If [C, '.repeat(DEEP)}x${', y]'.repeat(DEEP)}\nConditions:\n  C: !Equals [a, b]\n`,
    heavy: true,
  },
  { name: 'JSON arrays 100,000 deep', file: 'deep.json', make: () => jsonDeep('[', ']', ''), heavy: true },
  { name: 'JSON objects 100,000 deep', file: 'deep.json', make: () => jsonDeep('{"a":', '}', '1'), heavy: true },
  {
    name: 'JSON nested 1,900 deep (within the limit)',
    file: 'deep.json',
    make: () =>
      jsonDeep('[', ']', '')
        .replace(/\[{100000}/, '['.repeat(1900))
        .replace(/\]{100000}/, ']'.repeat(1900)),
  },
  { name: '50 MB file', file: 'big.yaml', make: () => LISTENER + '# ' + 'x'.repeat(50 * 1024 * 1024) + '\n', heavy: true },
  { name: '9 MB single line', file: 'line.yaml', make: () => LISTENER + 'Metadata:\n  Blob: ' + 'x'.repeat(9 * 1024 * 1024) + '\n', heavy: true },
  {
    name: '1 MB property value',
    file: 'value.yaml',
    make: () => LISTENER.replace('SslPolicy: ELBSecurityPolicy-2016-08', `SslPolicy: ${'A'.repeat(1024 * 1024)}`),
    heavy: true,
  },
  { name: '50,000 resources with circular Refs and DependsOn', file: 'many.yaml', make: () => resources(50_000), heavy: true },
  { name: 'binary (random bytes)', file: 'random.yaml', make: () => crypto.randomBytes(64 * 1024).toString('latin1') },
  {
    name: 'binary with template words and no NUL',
    file: 'noise.yaml',
    make: () =>
      'Resources:\n' +
      crypto
        .randomBytes(64 * 1024)
        .toString('latin1')
        .replace(/\u0000/g, ''),
  },
  { name: 'NUL byte inside the first 8 KiB', file: 'nul.yaml', make: () => LISTENER.replace('Port: 443', 'Port: 4\u000043') },
  { name: 'NUL byte after the first 8 KiB', file: 'nul-late.yaml', make: () => LISTENER + '# ' + 'x'.repeat(9000) + '\n' + 'Metadata:\n  X: "a\u0000b"\n' },
  {
    name: 'invalid UTF-8 (decoded to U+FFFD)',
    file: 'utf8.yaml',
    make: () =>
      Buffer.concat([Buffer.from(LISTENER), Buffer.from('Metadata:\n  X: '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\n')]).toString('utf8'),
  },
  { name: 'lone surrogates', file: 'surrogate.yaml', make: () => LISTENER + 'Metadata:\n  X: "\ud800\udfff\udc00"\n' },
  { name: 'multi-document YAML', file: 'multi.yaml', make: () => LISTENER + '---\nResources: {}\n' },
  { name: 'trailing document marker', file: 'trailing.yaml', make: () => LISTENER + '---\n' },
  { name: 'duplicate keys (YAML)', file: 'dup.yaml', make: () => LISTENER.replace('      Port: 443\n', '      Port: 443\n      Port: 8443\n') },
  { name: 'duplicate resources (YAML)', file: 'dup.yaml', make: () => LISTENER + '  LB:\n    Type: AWS::S3::Bucket\n' },
  {
    name: 'duplicate keys (JSON)',
    file: 'dup.json',
    make: () => '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"A":{"Type":"AWS::S3::Bucket"},"A":{"Type":"AWS::S3::Bucket"}}}',
  },
  {
    name: 'circular Refs, GetAtt to self, DependsOn cycle',
    file: 'cycle.yaml',
    make: () =>
      LISTENER.replace('!Ref LB', '!GetAtt Listener.ListenerArn').replace(
        '      Scheme: internet-facing\n',
        '      Scheme: !Ref Listener\n    DependsOn: [Listener, LB]\n',
      ),
  },
  {
    name: 'self-referencing and mutually recursive conditions',
    file: 'cond.yaml',
    make: () =>
      LISTENER.replace(
        'SslPolicy: ELBSecurityPolicy-2016-08',
        'SslPolicy: !If [A, ELBSecurityPolicy-2016-08, !If [Self, ELBSecurityPolicy-TLS13-1-2-2021-06, !If [B, x, y]]]',
      ) + 'Conditions:\n  Self: !Condition Self\n  A: !Not [!Condition B]\n  B: !Or [!Condition A, !Condition Self]\n',
  },
  {
    name: 'Fn::If on a condition that does not exist',
    file: 'nocond.yaml',
    make: () =>
      LISTENER.replace(
        'SslPolicy: ELBSecurityPolicy-2016-08',
        'SslPolicy: !If [NoSuchCondition, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS13-1-2-2021-06]',
      ),
  },
  {
    name: 'resource Condition that does not exist',
    file: 'nocond.yaml',
    make: () =>
      LISTENER.replace(
        '    Type: AWS::ElasticLoadBalancingV2::Listener\n',
        '    Type: AWS::ElasticLoadBalancingV2::Listener\n    Condition: NoSuchCondition\n',
      ),
  },
  {
    name: '300 independent conditions on one resource',
    file: 'conds.yaml',
    make: () => {
      const tags = Array.from({ length: 300 }, (_, i) => `        - Key: t${i}\n          Value: !If [C${i}, a, b]\n`).join('');
      const conds = Array.from({ length: 300 }, (_, i) => `  C${i}: !Equals [!Ref P${i}, x]\n`).join('');
      const params = Array.from({ length: 300 }, (_, i) => `  P${i}: {Type: String, AllowedValues: [x, y, z]}\n`).join('');
      return (
        LISTENER.replace('      ValidationMethod: EMAIL\n', '      ValidationMethod: EMAIL\n      Tags:\n' + tags) +
        'Conditions:\n' +
        conds +
        'Parameters:\n' +
        params
      );
    },
  },
  {
    name: 'IAM actions built to make wildcard matching backtrack',
    file: 'iam.yaml',
    make: () =>
      `${HEADER}  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Resource: '*'
            Action:
` +
      // Before the fix, 12 stars took some 10 s (a regression fails the time bound instead of hanging) and '*.' x 20000 overflowed the regex compiler.
      ['*'.repeat(12) + 'X', '*?'.repeat(12) + 'X', '*.'.repeat(20000), 'acm:' + '*e'.repeat(30) + 'X', 'acm:Delete*']
        .map(
          (a) => `              - '${a}'
`,
        )
        .join(''),
  },
  { name: 'tabs for indentation', file: 'tabs.yaml', make: () => LISTENER.replace(/\n {6}/g, '\n\t\t\t') },
  {
    name: 'unknown and core tags',
    file: 'tags.yaml',
    make: () =>
      LISTENER.replace('!Ref LB', '!Bogus LB')
        .replace('Port: 443', 'Port: !!binary aGVsbG8=')
        .replace("StatusCode: '404'", 'StatusCode: !<tag:yaml.org,2002:str> 404'),
  },
  {
    name: 'merge keys and anchors',
    file: 'merge.yaml',
    make: () =>
      LISTENER.replace('    Properties:\n      Protocol: HTTPS\n', '    Properties: &props\n      Protocol: HTTPS\n') +
      '  Listener2:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      <<: *props\n      Port: 8443\n',
  },
  { name: 'empty file', file: 'empty.yaml', make: () => '' },
  { name: 'only a BOM', file: 'bom.yaml', make: () => '\ufeff' },
  { name: 'scalar root mentioning Resources', file: 'scalar.yaml', make: () => 'Resources\n' },
  { name: 'list root mentioning Resources', file: 'list.yaml', make: () => '- Resources\n- AWSTemplateFormatVersion\n' },
  { name: 'Resources that is a list', file: 'list-res.yaml', make: () => "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  - Type: AWS::S3::Bucket\n" },
  {
    name: 'Properties that is a string',
    file: 'props.yaml',
    make: () => LISTENER.replace(/ {4}Properties:\n {6}Protocol: HTTPS\n[\s\S]*?(?= {2}LB:)/, '    Properties: not-a-map\n'),
  },
  {
    name: 'JSON with comments and trailing commas',
    file: 'lax.json',
    make: () => '{\n  // comment\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {"A": {"Type": "AWS::S3::Bucket",},},\n}',
  },
  {
    name: 'JSON huge numbers',
    file: 'num.json',
    make: () =>
      '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"L":{"Type":"AWS::ElasticLoadBalancingV2::Listener","Properties":{"Port":1e999,"Protocol":"HTTPS","SslPolicy":-0}}}}',
  },
];

/** All rules on (also those off by default). */
export const ALL_ON = mergeSettings({ rules: new Map<string, RuleSetting>(ALL_RULES.map((r) => [r.meta.id, { severity: 'warning' }])) });

export function summarize(c: HostileCase, text = c.make()): Summary {
  const registry = defaultRegistry();
  const t0 = performance.now();
  const base = { name: c.name, bytes: text.length };
  try {
    const r = lintText(text, `/hostile/${c.file}`, registry, { settings: ALL_ON });
    return {
      ...base,
      template: r.template,
      skipped: r.skipped,
      diagnostics: r.diagnostics
        .slice(0, 20)
        .map((d) => ({ rule: d.rule, message: d.message.slice(0, 300), line: d.range.start.line, character: d.range.start.character })),
      count: r.diagnostics.length,
      ruleFailures: r.ruleFailures,
      ms: performance.now() - t0,
      heapMB: process.memoryUsage().heapUsed / 1048576,
    };
  } catch (e) {
    return {
      ...base,
      template: false,
      diagnostics: [],
      count: 0,
      ruleFailures: [],
      threw: (e as Error).stack ?? String(e),
      ms: performance.now() - t0,
      heapMB: process.memoryUsage().heapUsed / 1048576,
    };
  }
}

if (require.main === module) {
  const names = new Set(process.argv.slice(2));
  for (const c of CASES) {
    if (!names.has(c.name)) continue;
    process.stderr.write(`linting: ${c.name}\n`);
    process.stdout.write(JSON.stringify(summarize(c)) + '\n');
  }
}
