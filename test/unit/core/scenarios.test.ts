import { strict as assert } from 'assert';
import { ConditionAnalyzer, MAX_SCENARIOS } from '../../../rules/src/evaluate/conditions';
import { independentGroups } from '../../../rules/src/evaluate/scenario-plan';
import { RNode, strings } from '../../../rules/src/evaluate/values';
import { lintText } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import type { ResourceView } from '../../../rules/src/engine/types';
import { TemplateViews } from '../../../rules/src/model/views';
import { parseSource } from '../../../rules/src/parse/index';
import { elbv2SslPolicyWeak } from '../../../rules/src/rules/elbv2/ssl-policy-weak';
import { Template } from '../../../rules/src/template/template';

function template(text: string): Template {
  const src = parseSource(text, 't.yaml');
  assert.deepEqual(src.errors, []);
  return new Template(src, 't.yaml');
}

/** `n` flag parameters F<i> and conditions C<i>: !Equals [!Ref F<i>, 'true'], independent of each other. */
function flags(n: number, extraParams = '', extraConditions = ''): string {
  const params = Array.from({ length: n }, (_, i) => `  F${i}: {Type: String, Default: 'false', AllowedValues: ['true', 'false']}`);
  const conds = Array.from({ length: n }, (_, i) => `  C${i}: !Equals [!Ref F${i}, 'true']`);
  return `Parameters:\n${params.join('\n')}\n${extraParams}Conditions:\n${conds.join('\n')}\n${extraConditions}`;
}

/** `n` tags, tag i only where C<i> holds. */
function conditionalTags(n: number, indent = '        '): string {
  return Array.from({ length: n }, (_, i) => `${indent}- !If [C${i}, {Key: k${i}, Value: v}, !Ref AWS::NoValue]`).join('\n');
}

function viewsOf(t: Template, id: string, views = new TemplateViews(t)): ResourceView[] {
  return views.views(t.resources.get(id)!);
}

function valueIn(view: ResourceView, prop: string): string {
  const n: RNode | undefined = view.props?.entries.get(prop)?.value;
  if (!n) return 'absent';
  return n.kind === 'unknown' ? 'unknown' : [...new Set(strings(n))].join('|');
}

/** Every combination of values of every pair of conditions appears in some view. */
function assertPairsCovered(views: ResourceView[], conditions: string[]): void {
  for (const a of conditions) {
    for (const b of conditions) {
      if (a >= b) continue;
      for (const va of [true, false]) {
        for (const vb of [true, false]) {
          const seen = views.some((v) => v.scenario.assignment.get(a) === va && v.scenario.assignment.get(b) === vb);
          assert.ok(seen, `${a}=${va} with ${b}=${vb}`);
        }
      }
    }
  }
}

const names = (n: number, prefix = 'C'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('scenarios of busy resources', () => {
  it('groups conditions by what they depend on: a parameter, a pseudo parameter, an unknown sub-condition', () => {
    const t = template(
      'Parameters:\n  Env: {Type: String, Default: dev}\n  Other: {Type: String, Default: x}\nConditions:\n  Prod: !Equals [!Ref Env, prod]\n  Dev: !Equals [dev, !Ref Env]\n' +
        '  East: !Equals [!Ref AWS::Region, us-east-1]\n  West: !Not [!Equals [!Ref AWS::Region, us-west-2]]\n  Imported: !Equals [!ImportValue flag, "on"]\n' +
        "  UsesImported: !Not [!Condition Imported]\n  AlsoImported: !And [!Condition Imported, !Equals [!Ref Other, y]]\n  Lone: !Equals [!ImportValue other, 'on']\n  Always: !Equals [a, a]\n" +
        'Resources: {}\n',
    );
    const groups = independentGroups(new ConditionAnalyzer(t), ['Prod', 'East', 'UsesImported', 'Lone', 'Dev', 'West', 'AlsoImported', 'Always', 'Imported']);
    assert.deepEqual(groups, [['Prod', 'Dev'], ['East', 'West'], ['UsesImported', 'AlsoImported', 'Imported'], ['Lone'], ['Always']]);
  });

  it('conditions that all depend on one parameter stay one group, enumerated fully', () => {
    const values = names(20, 'v');
    const conds = values.map((v, i) => `  Is${i}: !Equals [!Ref P, ${v}]`).join('\n');
    const props = values.map((_, i) => `      V${i}: !If [Is${i}, hit, miss]`).join('\n');
    const t = template(
      `Parameters:\n  P: {Type: String, Default: v0, AllowedValues: [${values.join(', ')}]}\nConditions:\n${conds}\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n${props}\n`,
    );
    assert.equal(
      independentGroups(
        new ConditionAnalyzer(t),
        values.map((_, i) => `Is${i}`),
      ).length,
      1,
    );
    const views = viewsOf(t, 'R');
    assert.equal(views.length, 20);
    // One scenario per value of P: in scenario i, only V<i> is hit.
    for (const v of views) assert.equal(values.filter((_, i) => valueIn(v, `V${i}`) === 'hit').length, 1);
  });

  it('nine independent conditions: every view decides all of them, every pair of values appears, the weak branch is seen', () => {
    const t = template(
      `${flags(9)}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Policy: !If [C8, weak, strong]\n      Tags:\n${conditionalTags(8)}\n`,
    );
    const views = viewsOf(t, 'R');
    assert.ok(views.length > 1 && views.length <= MAX_SCENARIOS, `${views.length} views`);
    for (const v of views) assert.equal(v.scenario.assignment.size, 9);
    assertPairsCovered(views, names(9));
    assert.deepEqual(new Set(views.map((v) => valueIn(v, 'Policy'))), new Set(['weak', 'strong']));
  });

  it('is deterministic: two runs give the same scenarios in the same order', () => {
    const text = `${flags(12)}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Tags:\n${conditionalTags(12)}\n`;
    const run = (): string[] => viewsOf(template(text), 'R').map((v) => [...v.scenario.assignment].map(([k, b]) => `${k}=${b}`).join(','));
    assert.deepEqual(run(), run());
  });

  it('200 independent conditions stay within the bound and still cover every pair', () => {
    const t = template(`${flags(200)}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Tags:\n${conditionalTags(200)}\n`);
    const views = viewsOf(t, 'R');
    assert.ok(views.length <= MAX_SCENARIOS, `${views.length} views`);
    const sample = names(200).filter((_, i) => i % 19 === 0);
    assertPairsCovered(views, sample);
  });

  it('a group that alone has more than 64 scenarios leaves only its own conditions undecided', () => {
    // Big<i> share the unknown condition Remote: 1 + 2^7 scenarios together.
    const bigParams = names(7, 'P')
      .map((p) => `  ${p}: {Type: String, Default: 'no', AllowedValues: ['yes', 'no']}\n`)
      .join('');
    const bigConds = names(7)
      .map((_, i) => `  Big${i}: !And [!Condition Remote, !Equals [!Ref P${i}, 'yes']]\n`)
      .join('');
    const t = template(
      `${flags(4, bigParams, `  Remote: !Equals [!ImportValue remote, 'on']\n${bigConds}`)}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n` +
        `      Decided: !If [C0, weak, strong]\n      Undecided: !If [Big0, a, b]\n      Tags:\n${conditionalTags(4)}\n` +
        names(7)
          .map((_, i) => `        - !If [Big${i}, {Key: b${i}, Value: v}, !Ref AWS::NoValue]`)
          .join('\n') +
        '\n',
    );
    const views = viewsOf(t, 'R');
    assert.equal(views.length, 16); // the four flags, fully
    for (const v of views) {
      assert.equal(valueIn(v, 'Undecided'), 'unknown');
      assert.equal(v.scenario.assignment.has('Big0'), false);
    }
    assert.deepEqual(new Set(views.map((v) => valueIn(v, 'Decided'))), new Set(['weak', 'strong']));
  });

  it("the resource's own Condition holds in every view, and the other groups are still covered", () => {
    const t = template(`${flags(10)}Resources:\n  R:\n    Type: AWS::X::Y\n    Condition: C9\n    Properties:\n      Tags:\n${conditionalTags(9)}\n`);
    const views = viewsOf(t, 'R');
    assert.ok(views.length <= MAX_SCENARIOS);
    for (const v of views) assert.equal(v.scenario.assignment.get('C9'), true);
    assertPairsCovered(views, names(9));
  });

  it('parameter narrowing of each group holds together in a row', () => {
    const t = template(
      flags(
        8,
        "  Cert: {Type: String, Default: ''}\n  Env: {Type: String, Default: dev, AllowedValues: [prod, dev]}\n",
        "  HasCert: !Not [!Equals [!Ref Cert, '']]\n  IsProd: !Equals [!Ref Env, prod]\n",
      ) +
        `Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Cert: !If [HasCert, !Ref Cert, none]\n      Env: !If [IsProd, !Ref Env, !Ref Env]\n      Tags:\n${conditionalTags(8)}\n`,
    );
    const views = viewsOf(t, 'R');
    const both = views.filter((v) => v.scenario.assignment.get('HasCert') === true && v.scenario.assignment.get('IsProd') === true);
    assert.ok(both.length > 0);
    for (const v of both) {
      assert.equal(valueIn(v, 'Cert'), 'unknown'); // Default '' is not a value where HasCert holds
      assert.equal(valueIn(v, 'Env'), 'prod');
    }
    const dev = views.filter((v) => v.scenario.assignment.get('IsProd') === false);
    assert.ok(dev.length > 0 && dev.every((v) => valueIn(v, 'Env') === 'dev'));
  });

  it('viewsIn: two busy resources sharing conditions find each other in every scenario, with every combination', () => {
    const t = template(
      `${flags(10)}Resources:\n  A:\n    Type: AWS::X::Y\n    Properties:\n      Left: !If [C8, l1, l2]\n      Tags:\n${conditionalTags(8)}\n` +
        `  B:\n    Type: AWS::X::Y\n    Properties:\n      Right: !If [C9, r1, r2]\n      Tags:\n${conditionalTags(8)}\n`,
    );
    const views = new TemplateViews(t);
    const own = new Set(viewsOf(t, 'B', views));
    const pairs = new Set<string>();
    for (const a of viewsOf(t, 'A', views)) {
      const bs = views.viewsIn('B', a.scenario);
      assert.ok(bs.length > 0, 'some view of B agrees');
      for (const b of bs) {
        for (const c of names(8)) assert.equal(b.scenario.assignment.get(c), a.scenario.assignment.get(c), c);
        pairs.add(`${valueIn(a, 'Left')} ${valueIn(b, 'Right')}`);
      }
      // B's own views that agree come back as themselves.
      const agreeing = [...own].filter((b) => names(8).every((c) => b.scenario.assignment.get(c) === a.scenario.assignment.get(c)));
      for (const b of agreeing) assert.ok(bs.includes(b));
    }
    assert.deepEqual([...pairs].sort(), ['l1 r1', 'l1 r2', 'l2 r1', 'l2 r2']);
  });

  it('a busy listener with eight conditional tags: the weak SslPolicy of one branch is reported, naming the condition', () => {
    const text =
      `AWSTemplateFormatVersion: '2010-09-09'\n${flags(8, "  Legacy: {Type: String, Default: 'no', AllowedValues: ['yes', 'no']}\n", "  UseLegacy: !Equals [!Ref Legacy, 'yes']\n")}` +
      'Resources:\n  Listener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !ImportValue lb\n      Protocol: HTTPS\n      Port: 443\n' +
      '      Certificates: [{CertificateArn: !ImportValue cert}]\n      DefaultActions: [{Type: forward, TargetGroupArn: !ImportValue tg}]\n' +
      `      SslPolicy: !If [UseLegacy, ELBSecurityPolicy-TLS-1-1-2017-01, ELBSecurityPolicy-TLS13-1-2-2021-06]\n      Tags:\n${conditionalTags(8)}\n`;
    const d = lintText(text, 't.yaml', new RuleRegistry([elbv2SslPolicyWeak])).diagnostics;
    assert.deepEqual(
      d.map((x) => [x.rule, x.path.join('.')]),
      [['elbv2-ssl-policy-weak', 'Resources.Listener.Properties.SslPolicy.Fn::If.1']],
    );
    assert.match(d[0].message, / \(when UseLegacy is true\)$/);
  });
});
