import { strict as assert } from 'assert';
import { ConditionAnalyzer } from '../../../rules/src/evaluate/conditions';
import { ABSENT, conditionsIn, RNode, Resolver, strings } from '../../../rules/src/evaluate/values';
import { parseSource } from '../../../rules/src/parse/index';
import { nodeAtPath } from '../../../rules/src/parse/source-tree';
import { Template } from '../../../rules/src/template/template';

function template(text: string): Template {
  const src = parseSource(text, 't.yaml');
  assert.deepEqual(src.errors, []);
  return new Template(src, 't.yaml');
}

/** Values of Resources.R.Properties.<prop> in every scenario of R. */
function valuesOf(t: Template, prop: string): { scenario: string; values: string[] | 'unknown' | 'absent' }[] {
  const r = t.resources.get('R')!;
  const a = new ConditionAnalyzer(t);
  return a.scenariosFor(conditionsIn(r.properties)).map((s) => {
    const node = nodeAtPath(r.properties!, [prop]);
    const label = [...s.assignment].map(([k, v]) => `${k}=${v}`).join(',');
    if (!node) return { scenario: label, values: 'absent' };
    const res = new Resolver(t, s).resolve(node.node, ['Resources', 'R', 'Properties', prop]);
    if (res === ABSENT) return { scenario: label, values: 'absent' };
    return { scenario: label, values: (res as RNode).kind === 'unknown' ? 'unknown' : strings(res as RNode) };
  });
}

describe('evaluate', () => {
  it('Ref to a parameter yields Default and AllowedValues', () => {
    const t = template(
      'Parameters:\n  P:\n    Type: String\n    Default: a\n    AllowedValues: [a, b]\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !Ref P\n',
    );
    assert.deepEqual(valuesOf(t, 'V'), [{ scenario: '', values: ['a', 'a', 'b'] }]);
  });

  it('parameters without values, SSM parameters and lists are unknown', () => {
    const t = template(
      'Parameters:\n  P: {Type: String}\n  S: {Type: "AWS::SSM::Parameter::Value<String>", Default: /x}\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !Ref P\n      W: !Ref S\n',
    );
    assert.deepEqual(valuesOf(t, 'V')[0].values, 'unknown');
    assert.deepEqual(valuesOf(t, 'W')[0].values, 'unknown');
  });

  it('Fn::If yields both branches in consistent scenarios; NoValue is absent', () => {
    const t = template(
      'Conditions:\n  C: !Equals [!Ref AWS::Region, us-east-1]\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !If [C, x, !Ref AWS::NoValue]\n      W: !If [C, y, z]\n',
    );
    const v = valuesOf(t, 'V');
    const w = valuesOf(t, 'W');
    assert.equal(v.length, 2);
    const byScenario = new Map(v.map((x, i) => [x.scenario, [x.values, w[i].values]]));
    assert.deepEqual(byScenario.get('C=true'), [['x'], ['y']]);
    assert.deepEqual(byScenario.get('C=false'), ['absent', ['z']]);
  });

  it('a decided Equals condition narrows the parameter (Default "" never where Not Equals "" holds)', () => {
    const t = template(
      "Parameters:\n  Cert: {Type: String, Default: ''}\nConditions:\n  Has: !Not [!Equals [!Ref Cert, '']]\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !If [Has, !Ref Cert, none]\n",
    );
    const v = valuesOf(t, 'V');
    const has = v.find((x) => x.scenario === 'Has=true')!;
    assert.equal(has.values, 'unknown');
    assert.deepEqual(v.find((x) => x.scenario === 'Has=false')!.values, ['none']);
  });

  it('impossible scenarios are not produced (A and Not A)', () => {
    const t = template(
      'Parameters:\n  E: {Type: String, Default: prod, AllowedValues: [prod, dev]}\nConditions:\n  Prod: !Equals [!Ref E, prod]\n  Dev: !Not [!Condition Prod]\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !If [Prod, a, b]\n      W: !If [Dev, c, d]\n',
    );
    const labels = valuesOf(t, 'V')
      .map((x) => x.scenario.split(',').sort().join(','))
      .sort();
    assert.deepEqual(labels, ['Dev=false,Prod=true', 'Dev=true,Prod=false']);
  });

  it('FindInMap: literal keys pick one value, a Ref key yields all', () => {
    const base =
      'Parameters:\n  Env: {Type: String, Default: dev}\nMappings:\n  M:\n    dev: {p: weak}\n    prod: {p: strong}\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n';
    assert.deepEqual(valuesOf(template(base + '      V: !FindInMap [M, prod, p]\n'), 'V')[0].values, ['strong']);
    assert.deepEqual(valuesOf(template(base + '      V: !FindInMap [M, !Ref Env, p]\n'), 'V')[0].values.length, 2);
    assert.deepEqual(valuesOf(template(base + '      V: !FindInMap [M, !Ref AWS::Region, p]\n'), 'V')[0].values, ['weak', 'strong']);
  });

  it('Sub without variables is its string; with variables unknown; GetAtt/ImportValue unknown', () => {
    const t = template(
      'Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      A: !Sub plain-${!Literal}\n      B: !Sub "${AWS::Region}"\n      C: !GetAtt X.Y\n      D: !ImportValue e\n      E: !Join ["-", [a, b]]\n',
    );
    assert.deepEqual(valuesOf(t, 'A')[0].values, ['plain-${Literal}']);
    assert.equal(valuesOf(t, 'B')[0].values, 'unknown');
    assert.equal(valuesOf(t, 'C')[0].values, 'unknown');
    assert.equal(valuesOf(t, 'D')[0].values, 'unknown');
    assert.deepEqual(valuesOf(t, 'E')[0].values, ['a-b']);
  });

  it('Fn::If on a condition that does not exist evaluates both branches', () => {
    const t = template('Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !If [Missing, a, b]\n');
    assert.deepEqual(
      valuesOf(t, 'V')
        .map((x) => x.values)
        .sort(),
      [['a'], ['b']],
    );
  });

  it('self-referencing conditions do not loop', () => {
    const t = template('Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: !If [A, a, b]\n');
    assert.equal(valuesOf(t, 'V').length, 2);
  });

  it('200 conditions with nested Fn::If stay bounded, and both branches are still seen', () => {
    const conds = Array.from({ length: 200 }, (_, i) => `  C${i}: !Equals [!Ref P${i % 20}, v${i}]`).join('\n');
    const params = Array.from({ length: 20 }, (_, i) => `  P${i}: {Type: String, Default: v${i}}`).join('\n');
    let nested = 'leaf';
    for (let i = 0; i < 5; i++) nested = `!If [C${i}, weak${i}, ${nested}]`;
    const t = template(`Parameters:\n${params}\nConditions:\n${conds}\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: ${nested}\n`);
    const seen = new Set(valuesOf(t, 'V').flatMap((x) => (Array.isArray(x.values) ? x.values : [])));
    for (let i = 0; i < 5; i++) assert.ok(seen.has(`weak${i}`), `weak${i}`);
    assert.ok(seen.has('leaf'));
  });

  it('beyond 64 scenarios, condition-dependent values are unknown', () => {
    let nested = 'x';
    for (let i = 0; i < 8; i++) nested = `!If [C${i}, v${i}, ${nested}]`;
    const frees = Array.from({ length: 8 }, (_, i) => `  C${i}: !Equals [!ImportValue i${i}, r]`).join('\n');
    const t = template(`Conditions:\n${frees}\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      V: ${nested}\n`);
    assert.deepEqual(
      valuesOf(t, 'V').map((x) => x.values),
      ['unknown'],
    );
  });
});
