import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { defaultRegistry, lintText, mergeSettings, parseDocument } from '../../../rules/src/index';
import { fixAll } from '../../../rules/src/edit/index';
import type { Diagnostic } from '../../../rules/src/engine/types';
import { runCli, tempDir } from '../../support/cli';

/** Serverless Framework services (issue 17, part 6): the template under `resources:` is linted in place. */

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'serverless', 'serverless.yml');
const registry = defaultRegistry();
const service = (): string => fs.readFileSync(FIXTURE, 'utf8');

/** Serverless services are linted on request (`serverless: true`, `--serverless`). */
const settings = mergeSettings({ serverless: true });

function lint(text: string, file = 'serverless.yml'): ReturnType<typeof lintText> {
  return lintText(text, file, registry, { settings });
}
const textOf = (text: string, d: Diagnostic): string => text.slice(d.offsets!.start, d.offsets!.end);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

/** The fixture as serverless.json: intrinsics in long form, the same framework variables. */
function asJson(): string {
  const text = service()
    .replace(/!Ref (\w+)/g, '{ Ref: $1 }')
    .replace(/!GetAtt (\w+)\.(\w+)/g, '{ "Fn::GetAtt": [$1, $2] }');
  return JSON.stringify(parse(text), null, 2) + '\n';
}

describe('Serverless Framework services', () => {
  it('are not templates unless asked for (the contract: interfaces.md, acceptance not-templates/serverless.yml)', () => {
    const r = lintText(service(), 'serverless.yml', registry);
    assert.equal(r.template, false);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(lint(service()).template, true);
  });

  it('lints the template under resources: findings at their lines of serverless.yml', () => {
    const text = service();
    const r = lint(text);
    assert.equal(r.template, true);
    assert.deepEqual(r.ruleFailures, []);
    const weak = r.diagnostics.filter((d) => d.rule === 'elbv2-ssl-policy-weak');
    assert.equal(weak.length, 1);
    assert.deepEqual(weak[0].path, ['Resources', 'HttpsListener', 'Properties', 'SslPolicy']);
    assert.equal(weak[0].range.start.line, lineOf(text, 'SslPolicy: ELBSecurityPolicy-2016-08'));
    assert.equal(textOf(text, weak[0]), 'ELBSecurityPolicy-2016-08');
    const http = r.diagnostics.filter((d) => d.rule === 'elbv2-http-without-redirect');
    assert.deepEqual(
      http.map((d) => d.resource),
      ['HttpListener'],
    );
  });

  it('reads framework variables as unknown values: never reported', () => {
    const r = lint(service());
    assert.deepEqual(
      r.diagnostics.filter((d) => d.resource === 'AdminListener').map((d) => d.rule),
      [],
      'SslPolicy: ${self:custom.sslPolicy} and a certificate from ${ssm:…} are unknown',
    );
    const sub = `service: s
provider: { name: aws }
resources:
  Resources:
    Cert:
      Type: AWS::IAM::ServerCertificate
      Properties:
        CertificateBody: \${ssm:/s/cert}
        PrivateKey: \${ssm:/s/key}
    L:
      Type: AWS::ElasticLoadBalancingV2::Listener
      Properties:
        LoadBalancerArn: \${cf:network.AlbArn}
        Protocol: HTTPS
        Port: 443
        SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06
        Certificates:
          - CertificateArn: !Sub 'arn:aws:acm:\${AWS::Region}:\${aws:accountId}:certificate/\${self:custom.certId}'
        DefaultActions:
          - Type: fixed-response
            FixedResponseConfig: { StatusCode: '404' }
`;
    const d = lint(sub).diagnostics;
    assert.deepEqual(
      d.filter((x) => ['private-key-in-template', 'certificate-arn-invalid', 'elbv2-ssl-policy-unknown'].includes(x.rule)),
      [],
    );
  });

  it('the same service as serverless.json', () => {
    const text = asJson();
    const r = lint(text, 'serverless.json');
    assert.equal(r.template, true);
    const weak = r.diagnostics.filter((d) => d.rule === 'elbv2-ssl-policy-weak');
    assert.equal(weak.length, 1);
    assert.equal(textOf(text, weak[0]), '"ELBSecurityPolicy-2016-08"');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.resource === 'AdminListener'),
      [],
    );
  });

  it('fixes land in serverless.yml, and the fixed file lints clean; the variable is left alone', () => {
    const text = service();
    const out = fixAll(text, (t) => lint(t));
    assert.ok(out.applied >= 2);
    const again = lint(out.text);
    assert.deepEqual(
      again.diagnostics.filter((d) => d.rule === 'elbv2-ssl-policy-weak' || d.rule === 'elbv2-http-without-redirect'),
      [],
    );
    assert.match(out.text, /SslPolicy: \$\{self:custom\.sslPolicy\}/);
    // Only the two findings' lines changed: the framework's sections are as they were.
    assert.equal(out.text.split('resources:')[0], text.split('resources:')[0]);
  });

  it('is not a template: another provider, no resources, resources as a list of fragments, no typed resources', () => {
    const base = stringify({ service: 's', provider: { name: 'aws' } });
    const resources = { Resources: { B: { Type: 'AWS::S3::Bucket' } } };
    for (const [text, why] of [
      [stringify({ service: 's', provider: { name: 'google' }, resources }), 'a Google Cloud service'],
      [base, 'no resources'],
      [stringify({ service: 's', provider: { name: 'aws' }, resources: ['${file(a.yml)}', resources] }), 'a list of fragments'],
      [stringify({ service: 's', provider: { name: 'aws' }, resources: { Resources: { B: { Type: 'bucket' } } } }), 'untyped resources'],
      [stringify({ provider: { name: 'aws' }, resources }), 'no service'],
    ] as const) {
      assert.equal(parseDocument(text, 'serverless.yml', undefined, settings).template, false, why);
    }
    assert.equal(parseDocument(stringify({ service: 's', provider: 'aws', resources }), 'serverless.yml', undefined, settings).template, true, 'provider: aws');
  });

  it('CLI: --serverless, or serverless: true in the config; json output and --fix on serverless.yml', () => {
    const dir = tempDir({ 'serverless.yml': service() });
    const plain = JSON.parse(runCli(['--format', 'json', '.'], dir).stdout) as { files: { template: boolean }[] };
    assert.equal(plain.files[0].template, false, 'not without the switch');
    const r = runCli(['--serverless', '--format', 'json', '.'], dir);
    const report = JSON.parse(r.stdout) as {
      files: { path: string; template: boolean; diagnostics: { rule: string; range: { start: { line: number } } }[] }[];
    };
    assert.equal(report.files[0].template, true);
    assert.deepEqual(report.files[0].diagnostics.map((d) => d.rule).sort(), ['elbv2-http-without-redirect', 'elbv2-ssl-policy-weak']);
    assert.equal(
      report.files[0].diagnostics.find((d) => d.rule === 'elbv2-ssl-policy-weak')!.range.start.line,
      lineOf(service(), 'SslPolicy: ELBSecurityPolicy-2016-08'),
    );
    fs.writeFileSync(path.join(dir, '.cfn-tls-lint.yaml'), 'serverless: true\n');
    const fixed = runCli(['--fix', 'serverless.yml'], dir);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.match(fixed.stdout, /no problems/);
    assert.match(fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8'), /SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06/);
  });
});
