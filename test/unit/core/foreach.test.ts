import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { defaultRegistry, lintText, parseDocument } from '../../../rules/src/index';
import type { Diagnostic } from '../../../rules/src/engine/types';
import { runCli, tempDir } from '../../support/cli';
import { TemplateViews } from '../../../rules/src/model/views';

/** `Fn::ForEach` (issue 17, part 5): the resources a loop generates are linted, findings on the loop body. */

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'foreach', 'listeners.yaml');
const registry = defaultRegistry();
const fixture = (): string => fs.readFileSync(FIXTURE, 'utf8');
const lint = (text: string, file = 'template.yaml') => lintText(text, file, registry);
const textOf = (text: string, d: Diagnostic): string => text.slice(d.offsets.start, d.offsets.end);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
const rules = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.rule}@${d.resource}`).sort();

function listenerLoop(opts: { loop?: string; collection: string; key?: string; policy?: string; extra?: string }): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: a,b
  Open:
    Type: CommaDelimitedList
Resources:
  ${opts.loop ?? 'Fn::ForEach::Loop'}:
    - Name
    - ${opts.collection}
    - ${opts.key ?? 'L${Name}'}:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: !ImportValue alb
          Port: 443
          Protocol: HTTPS
          SslPolicy: ${opts.policy ?? 'ELBSecurityPolicy-2016-08'}
          Certificates:
            - CertificateArn: !ImportValue cert
          DefaultActions:
            - Type: fixed-response
              FixedResponseConfig: {StatusCode: '404'}
${opts.extra ?? ''}`;
}

describe('Fn::ForEach', () => {
  it('lints the generated resources: findings on the loop body, naming the loop values', () => {
    const text = fixture();
    const r = lint(text);
    assert.deepEqual(r.ruleFailures, []);
    assert.deepEqual(rules(r.diagnostics), [
      'certificate-arn-hardcoded@ApiListener',
      'elbv2-ssl-policy-weak@LegacyListener',
      'elbv2-ssl-policy-weak@Port8443Listener',
    ]);
    // A value from a mapping keyed by the loop value: only the Legacy iteration is weak, on the FindInMap.
    const legacy = r.diagnostics.find((d) => d.resource === 'LegacyListener')!;
    assert.equal(legacy.range.start.line, lineOf(text, 'SslPolicy: !FindInMap'));
    assert.match(legacy.message, /\(Fn::ForEach::Services with Service = Legacy\)$/);
    // The same finding in every iteration of a loop: one diagnostic naming each value.
    const ports = r.diagnostics.find((d) => d.resource === 'Port8443Listener')!;
    assert.equal(textOf(text, ports), 'ELBSecurityPolicy-TLS-1-0-2015-04');
    assert.match(ports.message, /\(Fn::ForEach::Ports, for each of: Port = 8443; Port = 9443\)$/);
    assert.deepEqual(ports.path, ['Resources', 'Port8443Listener', 'Properties', 'SslPolicy']);
  });

  it('offers no fix on a loop body (it is every iteration), so --fix leaves the file as it is', () => {
    const r = lint(fixture());
    assert.ok(r.diagnostics.every((d) => !d.fixable && d.fixes.length === 0));
    const dir = tempDir({ 'listeners.yaml': fixture() });
    runCli(['--fix', 'listeners.yaml'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'listeners.yaml'), 'utf8'), fixture());
  });

  it('collections: a literal list, a list parameter Default; not expanded when unknown', () => {
    assert.deepEqual(rules(lint(listenerLoop({ collection: '[x, y]' })).diagnostics), ['elbv2-ssl-policy-weak@Lx']);
    assert.deepEqual(rules(lint(listenerLoop({ collection: '!Ref Names' })).diagnostics), ['elbv2-ssl-policy-weak@La']);
    for (const unknown of ['!Ref Open', '!GetAtt Thing.List', '!Ref Missing', 'just-a-string'])
      assert.deepEqual(rules(lint(listenerLoop({ collection: unknown })).diagnostics), [], unknown);
  });

  it('&{Id} names drop non-alphanumerics; a Ref to the identifier and ${Id} in Fn::Sub take the value', () => {
    const r = lint(listenerLoop({ collection: '["TLS-1-0-2015-04", "TLS13-1-2-2021-06"]', key: 'L&{Name}', policy: '!Sub ELBSecurityPolicy-${Name}' }));
    assert.deepEqual(rules(r.diagnostics), ['elbv2-ssl-policy-weak@LTLS10201504']);
    const byRef = lint(listenerLoop({ collection: '[ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS13-1-2-2021-06]', key: 'L&{Name}', policy: '!Ref Name' }));
    assert.deepEqual(rules(byRef.diagnostics), ['elbv2-ssl-policy-weak@LELBSecurityPolicy201608']);
  });

  it('nested loops, and a generated id that a written resource already has (the written one counts)', () => {
    const nested = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Envs:
    - Env
    - [dev, prod]
    - Fn::ForEach::Apps:
        - App
        - [web, api]
        - \${Env}\${App}:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                ViewerCertificate:
                  AcmCertificateArn: !ImportValue cert
                  SslSupportMethod: sni-only
                  MinimumProtocolVersion: TLSv1
`;
    const t = parseDocument(nested, 'template.yaml').parsed!;
    assert.deepEqual([...t.resources.keys()].sort(), ['devapi', 'devweb', 'prodapi', 'prodweb']);
    const d = lint(nested).diagnostics.filter((x) => x.rule === 'cloudfront-tls-version');
    assert.equal(d.length, 1, 'one finding for the four iterations');
    assert.match(d[0].message, /for each of: Env = dev, App = web; Env = dev, App = api; Env = prod, App = web; Env = prod, App = api/);
    const clash = listenerLoop({ collection: '[a]', extra: '  La:\n    Type: AWS::SNS::Topic\n' });
    assert.equal(parseDocument(clash, 'template.yaml').parsed!.resources.get('La')!.type, 'AWS::SNS::Topic');
  });

  it('a finding that names its generated resource is merged under the output key as written', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Buckets:
    - Id
    - [A, B, C]
    - Bucket\${Id}:
        Type: AWS::S3::Bucket
`;
    const d = lint(text).diagnostics.filter((x) => x.rule === 's3-secure-transport');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /bucket Bucket\$\{Id\}, .*\(Fn::ForEach::Buckets, for each of: Id = A; Id = B; Id = C\)$/);
  });

  it('Fn::FindInMap with DefaultValue: the default when the keys may miss the map, never when they cannot', () => {
    const template = (env: string, defaultPolicy: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Parameters:
  Env:
    Type: String
    Default: ${env}
Mappings:
  Policies:
    prod:
      Policy: ELBSecurityPolicy-TLS13-1-2-2021-06
Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue alb
      Port: 443
      Protocol: HTTPS
      SslPolicy: !FindInMap [Policies, !Ref Env, Policy, {DefaultValue: ${defaultPolicy}}]
      Certificates:
        - CertificateArn: !ImportValue cert
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
`;
    const weak = (t: string) => lint(t).diagnostics.filter((d) => d.rule === 'elbv2-ssl-policy-weak');
    // Env is a parameter: any value may come, so the default may be used; it is weak and said so.
    const t1 = template('prod', 'ELBSecurityPolicy-2016-08');
    assert.equal(weak(t1).length, 1);
    assert.match(textOf(t1, weak(t1)[0]), /DefaultValue: ELBSecurityPolicy-2016-08/);
    assert.deepEqual(weak(template('prod', 'ELBSecurityPolicy-TLS13-1-2-2021-06')), []);
    // A literal key the map has: the default cannot be used.
    const literal = template('prod', 'ELBSecurityPolicy-2016-08').replace('!Ref Env', 'prod');
    assert.deepEqual(weak(literal), []);
    const missing = template('prod', 'ELBSecurityPolicy-2016-08').replace('!Ref Env', 'staging');
    assert.equal(weak(missing).length, 1, 'a literal key the map lacks: the default');
  });

  it('Fn::Length and Fn::ToJsonString resolve when what they read is known, else stay unknown', () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Open:
    Type: String
Resources:
  R:
    Type: AWS::SNS::Topic
    Properties:
      Count: { 'Fn::Length': [a, b, !Ref AWS::NoValue, c] }
      Json: { 'Fn::ToJsonString': { Port: 443, Protocols: [TLSv1.2, TLSv1.3], Name: !Join ['-', [web, tls]] } }
      Unknown: { 'Fn::ToJsonString': { Name: !Ref Open } }
      NotAList: { 'Fn::Length': { Ref: Open } }
`;
    const template = parseDocument(text, 'template.yaml').parsed!;
    const props = new TemplateViews(template).views(template.resources.get('R')!)[0].props!;
    const value = (name: string): unknown => {
      const v = props.entries.get(name)!.value;
      return v.kind === 'leaf' ? v.candidates.map((c) => c.value) : v.kind;
    };
    assert.deepEqual(value('Count'), [3], 'AWS::NoValue drops an item');
    assert.deepEqual(value('Json'), ['{"Port":443,"Protocols":["TLSv1.2","TLSv1.3"],"Name":"web-tls"}']);
    assert.equal(value('Unknown'), 'unknown', 'a parameter without a Default');
    assert.equal(value('NotAList'), 'unknown');
  });

  it('a template of many large loops is bounded (2,000 generated resources), and lints', () => {
    const values = Array.from({ length: 1500 }, (_, i) => `v${i}`).join(', ');
    const loops = Array.from(
      { length: 4 },
      (_, k) => `  Fn::ForEach::L${k}:\n    - Name\n    - [${values}]\n    - T${k}\${Name}:\n        Type: AWS::SNS::Topic\n`,
    ).join('');
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::LanguageExtensions\nResources:\n${loops}`;
    const t = parseDocument(text, 'template.yaml').parsed!;
    assert.equal(t.resources.size, 2000);
    assert.deepEqual(lint(text).ruleFailures, []);
  });

  it('the same template in JSON', () => {
    const text = JSON.stringify(
      parse(
        fixture()
          .replace(/!Ref (\w+)/g, '{ Ref: $1 }')
          .replace(/!FindInMap \[Policies, !Ref Service, Policy\]/, '{ "Fn::FindInMap": [Policies, { Ref: Service }, Policy] }')
          .replace(/!FindInMap \[Policies, \{ Ref: Service \}, Policy\]/, '{ "Fn::FindInMap": [Policies, { Ref: Service }, Policy] }')
          .replace(/!Sub (\S+)/, '{ "Fn::Sub": "$1" }'),
      ),
      null,
      2,
    );
    const r = lint(text, 'template.json');
    assert.deepEqual(rules(r.diagnostics), [
      'certificate-arn-hardcoded@ApiListener',
      'elbv2-ssl-policy-weak@LegacyListener',
      'elbv2-ssl-policy-weak@Port8443Listener',
    ]);
    assert.equal(
      textOf(
        text,
        r.diagnostics.find((d) => d.resource === 'Port8443Listener')!,
      ),
      '"ELBSecurityPolicy-TLS-1-0-2015-04"',
    );
  });
});
