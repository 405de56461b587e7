import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  ALL_RULES,
  DEFAULT_SETTINGS,
  lintDeployed,
  lintText,
  LintHistory,
  mergeSettings,
  Rule,
  RuleRegistry,
  type EnvironmentSetting,
  type LintResult,
  type Settings,
} from '../../../rules/src/index';
import { graftUnchanged } from '../../../rules/src/parse/graft';
import { parseSource, type SMap } from '../../../rules/src/parse/index';
import { prng } from '../../support/yaml-differential';
import { editTemplate, templateFiles } from '../../support/template-edits';

/**
 * A document linted version after version through a `LintHistory` (what the language server's
 * worker does) must get exactly the diagnostics of a fresh lint of each version: the history
 * only saves work (unchanged subtrees, views, rules that read nothing that changed).
 */

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');

/** Rules that count their runs (a reused rule does not run). */
function countingRegistry(): { registry: RuleRegistry; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const rules: Rule[] = ALL_RULES.map((rule) => ({
    meta: rule.meta,
    check(ctx) {
      runs.set(rule.meta.id, (runs.get(rule.meta.id) ?? 0) + 1);
      rule.check(ctx);
    },
  }));
  return { registry: new RuleRegistry(rules), runs };
}

const outcome = (r: LintResult): string => JSON.stringify({ template: r.template, diagnostics: r.diagnostics, failures: r.ruleFailures });

describe('incremental lint: a history gives the diagnostics of a fresh lint', () => {
  it('on random edit sequences over real templates, and reuses rules when it can', function () {
    this.timeout(180_000);
    const files = templateFiles(ROOT, SHARED);
    const rnd = prng(20261204);
    const withHistory = countingRegistry();
    const fresh = countingRegistry();
    let versions = 0;
    for (const file of files) {
      const original = fs.readFileSync(file, 'utf8');
      const json = file.endsWith('.json');
      const history = new LintHistory();
      const name = path.basename(file);
      let text = original;
      const texts = [text];
      for (let step = 0; step < 10; step++) {
        const expected = outcome(lintText(text, name, fresh.registry));
        const got = outcome(lintText(text, name, withHistory.registry, { history }));
        assert.equal(got, expected, `${path.relative(SHARED, file)}, version ${step + 1}:\n${text}`);
        versions++;
        // Back to an earlier version now and then (undo), else one more edit.
        text = rnd(5) === 0 ? texts[rnd(texts.length)]! : editTemplate(text, json, rnd);
        texts.push(text);
      }
    }
    const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
    assert.ok(versions > 2000, `${versions} versions`);
    // Edits here often break the text, touch another section or the only resource of its type (small templates):
    // about a quarter of the rule runs are saved (0.74 of them ran when this was written); none would be without reuse.
    assert.ok(total(withHistory.runs) < 0.85 * total(fresh.runs), `rule runs with history ${total(withHistory.runs)}, fresh ${total(fresh.runs)}`);
  });

  it('reuses every rule on an unchanged text, and none after a change of settings or of another section', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'web-alb.yaml'), 'utf8');
    const { registry, runs } = countingRegistry();
    const history = new LintHistory();
    // The rules that ran: template-duplicate-key reads the source itself (its repeated keys) and always runs, at no cost.
    const ran = (t: string, settings = DEFAULT_SETTINGS): string[] => {
      runs.clear();
      lintText(t, 'a.yaml', registry, { history, settings });
      return [...runs.keys()].filter((id) => id !== 'template-duplicate-key');
    };
    const all = ran(text);
    assert.ok(all.length > 5, all.join());
    assert.deepEqual(ran(text), []);
    const strict = mergeSettings({ rules: new Map([['acm-missing-tags', { severity: 'error' }]]) });
    assert.deepEqual(ran(text, strict), all, 'other settings');
    assert.deepEqual(ran(text, strict), []);
    assert.deepEqual(ran(`${text}\nOutputs:\n  X:\n    Value: 1\n`, strict), all, 'another section');
  });

  it('after an edit in one resource, runs only the rules that read it', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'web-alb.yaml'), 'utf8');
    const { registry, runs } = countingRegistry();
    const history = new LintHistory();
    lintText(text, 'a.yaml', registry, { history });
    const all = [...runs.keys()];
    runs.clear();
    const edited = text.replace(/(SslPolicy: )(\S+)/, '$1ELBSecurityPolicy-TLS13-1-2-2021-06');
    assert.notEqual(edited, text);
    assert.equal(outcome(lintText(edited, 'a.yaml', registry, { history })), outcome(lintText(edited, 'a.yaml', registry)));
    runs.clear();
    lintText(edited.replace('ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-2016-08'), 'a.yaml', registry, { history });
    const again = [...runs.keys()];
    assert.ok(again.includes('elbv2-ssl-policy-weak'), again.join());
    assert.ok(!again.some((id) => id.startsWith('acm-')), `certificate rules ran again: ${again.join()}`);
    assert.ok(again.length < all.length, `${again.length} of ${all.length}`);
  });
});

describe('incremental lint with environments', () => {
  it('keeps each environment apart: every version equals a fresh lint in every environment', () => {
    const env = (name: string, policy: string): EnvironmentSetting => ({
      name,
      parameterFiles: [],
      templates: [],
      baseDir: '/',
      parameterValues: new Map([['Policy', { value: policy, from: `${name}.json` }]]),
      read: true,
      line: 1,
    });
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      environments: [env('prod', 'ELBSecurityPolicy-TLS13-1-2-2021-06'), env('dev', 'ELBSecurityPolicy-2016-08')],
    };
    let text = `Parameters:
  Policy: {Type: String, Default: ELBSecurityPolicy-TLS13-1-2-2021-06}
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/a/1
      Protocol: HTTPS
      Port: 443
      SslPolicy: !Ref Policy
      Certificates: [{CertificateArn: !Ref Cert}]
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: app.example.com
      ValidationMethod: DNS
`;
    const { registry, runs } = countingRegistry();
    const history = new LintHistory();
    const edits: [string, string][] = [
      ['Port: 443', 'Port: 8443'],
      ['ValidationMethod: DNS', 'ValidationMethod: EMAIL'],
      ['SslPolicy: !Ref Policy', 'SslPolicy: ELBSecurityPolicy-2016-08'],
      ['Port: 8443', 'Port: 443'],
    ];
    for (const [from, to] of [['', ''] as [string, string], ...edits]) {
      text = text.replace(from, to);
      runs.clear();
      const got = lintDeployed(text, 'a.yaml', registry, { settings, history });
      const ran = [...runs.keys()];
      assert.equal(outcome(got), outcome(lintDeployed(text, 'a.yaml', registry, { settings })), `after ${to || 'the open'}`);
      assert.ok(
        got.diagnostics.some((d) => d.environments?.length),
        'findings name their environments',
      );
      // In each environment, a certificate edit runs the certificate rules again, not the listener's policy rule.
      if (from === 'ValidationMethod: DNS') assert.ok(ran.includes('acm-email-validation') && !ran.includes('elbv2-ssl-policy-weak'), ran.join());
    }
  });
});

describe('graftUnchanged', () => {
  const v1 = `Parameters:
  P: {Type: String}
Resources:
  A:
    Type: AWS::S3::Bucket
    Properties: {BucketName: a}
  B:
    Type: AWS::S3::Bucket
    Properties: {BucketName: b}
`;

  it('keeps unchanged subtrees as the same objects, with the new offsets', () => {
    const before = parseSource(v1, 'a.yaml');
    const resourcesBefore = ((before.root as SMap).pairs[1]!.value as SMap).pairs;
    const v2 = v1.replace('BucketName: a', 'BucketName: aa');
    const after = graftUnchanged(before, parseSource(v2, 'a.yaml'));
    const root = after.root as SMap;
    const resources = (root.pairs[1]!.value as SMap).pairs;
    assert.notEqual(resources[0]!.value, resourcesBefore[0]!.value, 'A changed');
    assert.equal(resources[1]!.value, resourcesBefore[1]!.value, 'B kept');
    assert.equal(root.pairs[0]!.value, (before.root as SMap).pairs[0]!.value, 'Parameters kept');
    // B moved by one character: its nodes say where it is now.
    const b = resources[1]!.value;
    assert.equal(v2.slice(b.start, b.end).trimEnd(), v2.slice(v2.indexOf('Type', v2.indexOf('  B:'))).trimEnd());
  });

  it('takes the fresh parse as it is when either version has errors, repeated keys or aliases', () => {
    const before = parseSource(v1, 'a.yaml');
    for (const v2 of [
      `${v1}  C: [`,
      `${v1}  B: {Type: X}\n`,
      `${v1.replace('{BucketName: a}', '&x {BucketName: a}')}  C:\n    Type: AWS::S3::Bucket\n    Properties: *x\n`,
    ]) {
      const fresh = parseSource(v2, 'a.yaml');
      assert.equal(graftUnchanged(before, fresh), fresh, v2);
    }
  });
});
