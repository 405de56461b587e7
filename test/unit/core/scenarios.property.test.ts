import { strict as assert } from 'assert';
import fc from 'fast-check';
import { Bounds, ConditionAnalyzer, Scenario } from '../../../rules/src/evaluate/conditions';
import { independentGroups, planScenarios } from '../../../rules/src/evaluate/scenario-plan';
import { ABSENT, conditionsIn, Resolved, Resolver } from '../../../rules/src/evaluate/values';
import { TemplateViews } from '../../../rules/src/model/views';
import { parseSource } from '../../../rules/src/parse/index';
import { getValue, isMap, SNode } from '../../../rules/src/parse/source-tree';
import { Template } from '../../../rules/src/template/template';

/**
 * Property tests of scenario scoping: random resources whose conditions compare parameters
 * and unknown values, with `Fn::If`s over them. Within 64 scenarios the views are the full
 * enumeration; beyond, every value pair a view shows is real, and a pair of values depending
 * on at most `strength` groups shows every combination the full enumeration has.
 */

const PARAMS = 9;
type Cond =
  | { kind: 'eq'; p: number; lit: string }
  | { kind: 'free' }
  | { kind: 'not'; c: Cond }
  | { kind: 'and' | 'or'; a: Cond; b: Cond }
  | { kind: 'ref'; back: number };
type Prop = { kind: 'lit'; v: string } | { kind: 'ref'; p: number } | { kind: 'none' } | { kind: 'if'; c: number; t: Prop; f: Prop };

const { cond } = fc.letrec<{ cond: Cond }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.record({ kind: fc.constant('eq' as const), p: fc.nat(PARAMS - 1), lit: fc.constantFrom('a', 'b', '') }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('free' as const) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('not' as const), c: tie('cond') }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), a: tie('cond'), b: tie('cond') }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('ref' as const), back: fc.nat(3) }), weight: 1 },
  ),
}));

const prop = (conditions: number): fc.Arbitrary<Prop> =>
  fc.letrec<{ prop: Prop }>((tie) => ({
    prop: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ kind: fc.constant('lit' as const), v: fc.constantFrom('x', 'y', 'z') }),
      fc.record({ kind: fc.constant('ref' as const), p: fc.nat(PARAMS - 1) }),
      fc.record({ kind: fc.constant('none' as const) }),
      fc.record({ kind: fc.constant('if' as const), c: fc.nat(conditions - 1), t: tie('prop'), f: tie('prop') }),
    ),
  })).prop;

/** A resource: `flags` conditions K<i> = (P<i> = a), each in an `Fn::If` of its own, then random ones. */
const resourceWith = (flags: number) =>
  fc.integer({ min: 1, max: 8 }).chain((extra) => {
    const m = flags + extra;
    return fc.record({
      flags: fc.constant(flags),
      conditions: fc.array(cond, { minLength: extra, maxLength: extra }),
      props: fc.array(prop(m), { minLength: 1, maxLength: 8 }),
      /** Conditions each used by a top-level `Fn::If [K<i>, on, off]` of its own. */
      busy: fc.array(fc.nat(m - 1), { maxLength: 6 }),
      own: fc.option(fc.nat(m - 1), { nil: undefined }),
      defaultOnly: fc.boolean(),
    });
  });
const resource = resourceWith(0);
const busyResource = resourceWith(8);
type Resource = typeof resource extends fc.Arbitrary<infer R> ? R : never;

function renderCond(c: Cond, index: number, frees: { n: number }): string {
  switch (c.kind) {
    case 'eq':
      return `!Equals [!Ref P${c.p}, '${c.lit}']`;
    case 'free':
      return `!Equals [!ImportValue x${frees.n++}, 'on']`;
    case 'not':
      return `!Not [${renderCond(c.c, index, frees)}]`;
    case 'and':
    case 'or':
      return `!${c.kind === 'and' ? 'And' : 'Or'} [${renderCond(c.a, index, frees)}, ${renderCond(c.b, index, frees)}]`;
    case 'ref':
      return index > c.back ? `!Condition K${index - c.back - 1}` : `!Equals [!Ref P0, a]`;
  }
}

function renderProp(p: Prop): string {
  switch (p.kind) {
    case 'lit':
      return p.v;
    case 'ref':
      return `!Ref P${p.p}`;
    case 'none':
      return '!Ref AWS::NoValue';
    case 'if':
      return `!If [K${p.c}, ${renderProp(p.t)}, ${renderProp(p.f)}]`;
  }
}

/** Unknown parts (`ImportValue` comparisons) a resource's conditions have. */
function freesOf(r: Resource): number {
  const frees = { n: 0 };
  r.conditions.forEach((c, i) => renderCond(c, r.flags + i, frees));
  return frees.n;
}

function render(r: Resource): string {
  const frees = { n: 0 };
  // P0 has only a Default (its values are narrowed to "something else"), the others AllowedValues.
  const params = Array.from({ length: PARAMS }, (_, i) =>
    i === 0 && r.defaultOnly ? `  P0: {Type: String, Default: ''}` : `  P${i}: {Type: String, Default: a, AllowedValues: [a, b]}`,
  );
  const flags = Array.from({ length: r.flags }, (_, i) => `  K${i}: !Equals [!Ref P${i}, a]`);
  const conds = [...flags, ...r.conditions.map((c, i) => `  K${r.flags + i}: ${renderCond(c, r.flags + i, frees)}`)];
  const busy = [...flags.map((_, i) => i), ...r.busy];
  const props = [...r.props.map((p, i) => `      V${i}: ${renderProp(p)}`), ...busy.map((c, i) => `      B${i}: !If [K${c}, on, off]`)];
  const own = r.own === undefined ? '' : `    Condition: K${r.own}\n`;
  return `Parameters:\n${params.join('\n')}\nConditions:\n${conds.join('\n')}\nResources:\n  R:\n    Type: AWS::X::Y\n${own}    Properties:\n${props.join('\n')}\n`;
}

function template(text: string): Template {
  const src = parseSource(text, 't.yaml');
  assert.deepEqual(src.errors, [], text);
  return new Template(src, 't.yaml');
}

/** A resolved value as a comparable string. */
function label(r: Resolved | undefined): string {
  if (r === undefined || r === ABSENT) return '-';
  switch (r.kind) {
    case 'leaf':
      return r.candidates.map((c) => String(c.value)).join('|');
    case 'unknown':
      return '?';
    case 'seq':
      return `[${r.items.map(label).join(',')}]`;
    case 'map':
      return `{${[...r.entries].map(([k, e]) => `${k}:${label(e.value)}`).join(',')}}`;
  }
}

function scenarioLabel(s: Scenario): string {
  const assignment = [...s.assignment].map(([k, v]) => `${k}=${v}`);
  const params = [...s.params].map(([k, v]) => `${k}:${[...v].sort().join('/')}`);
  return `${assignment.join(',')} ${params.sort().join(',')} ${s.conditionsUnknown}`;
}

interface Setting {
  t: Template;
  props: SNode;
  conditions: Set<string>;
  own: string | undefined;
}

function setting(r: Resource): Setting {
  const t = template(render(r));
  const res = t.resources.get('R')!;
  const conditions = conditionsIn(res.properties);
  if (res.condition) conditions.add(res.condition);
  return { t, props: res.properties!, conditions, own: res.condition };
}

/** Exact for the busy resources: at most 4 × 2^8 parameter worlds (P0 without AllowedValues: a, b, empty, other) times 2^5 for unknown parts. */
const UNCAPPED: Bounds = { scenarios: Infinity, worlds: 1 << 15 };

/** Scenarios as the full enumeration gives them, with the resource's Condition applied. */
function enumerated(s: Setting, bounds?: Bounds): Scenario[] {
  let all = new ConditionAnalyzer(s.t).scenariosFor(s.conditions, bounds);
  if (s.own !== undefined) {
    const existing = all.filter((x) => x.assignment.get(s.own!) !== false);
    if (existing.length) all = existing;
  }
  return all;
}

function propOf(s: Setting, name: string): SNode {
  return getValue(s.props, name)!;
}

/** Each property's value in a scenario. */
function valuesIn(s: Setting, scenario: Scenario, names: string[]): string[] {
  const resolver = new Resolver(s.t, scenario);
  return names.map((name) => label(resolver.resolve(propOf(s, name), ['Resources', 'R', 'Properties', name])));
}

/** Groups (by index) a property's value depends on: its `Fn::If` conditions and the parameters it reads. */
function groupsRead(s: Setting, groups: string[][], analyzer: ConditionAnalyzer, name: string): Set<number> {
  const out = new Set<number>();
  const node = propOf(s, name);
  const used = conditionsIn(node);
  const refs = new Set((JSON.stringify(toPlain(node)).match(/P\d/g) ?? []).map((p) => `var:${p}`));
  groups.forEach((g, i) => {
    if (g.some((c) => used.has(c) || analyzer.dependencies(c).some((d) => refs.has(d)))) out.add(i);
  });
  return out;
}

function toPlain(n: SNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toPlain);
  return Object.fromEntries(n.pairs.map((p) => [String(p.key.value), toPlain(p.value)]));
}

describe('scenario scoping (property)', () => {
  it('within 64 scenarios, the views are the full enumeration, and independent groups multiply to it', () => {
    let checked = 0;
    fc.assert(
      fc.property(resource, (r) => {
        const s = setting(r);
        const full = enumerated(s);
        if (full.length === 1 && full[0].conditionsUnknown) return;
        checked++;
        const views = new TemplateViews(s.t).views(s.t.resources.get('R')!);
        const expected = full.map((x) => `${scenarioLabel(x)} ${label(new Resolver(s.t, x).resolve(s.props, ['Resources', 'R', 'Properties']))}`);
        assert.deepEqual(
          views.map((v) => `${scenarioLabel(v.scenario)} ${label(v.props)}`),
          expected,
        );
        // The groups are independent: their scenarios combine to exactly the consistent ones.
        const analyzer = new ConditionAnalyzer(s.t);
        const product = independentGroups(analyzer, s.conditions)
          .map((g) => analyzer.scenariosFor(new Set(g)))
          .reduce<string[]>(
            (acc, list) => acc.flatMap((a) => list.map((x) => (a ? `${a},` : '') + [...x.assignment].map(([k, v]) => `${k}=${v}`).join(','))),
            [''],
          );
        const joint = analyzer.scenariosFor(s.conditions).map((x) => [...x.assignment].map(([k, v]) => `${k}=${v}`));
        const canonical = (l: string[]): string[] => l.map((x) => x.split(',').filter(Boolean).sort().join(',')).sort();
        assert.deepEqual(canonical(product), canonical(joint.map((x) => x.join(','))));
      }),
      { numRuns: 300 },
    );
    assert.ok(checked > 50, `${checked} resources within the bound`);
  });

  it('beyond 64 scenarios, every value pair seen is real, and pairs within the strength are all seen', () => {
    let busy = 0;
    fc.assert(
      fc.property(busyResource, (r) => {
        if (freesOf(r) > 5) return;
        const s = setting(r);
        const capped = enumerated(s);
        if (!(capped.length === 1 && capped[0].conditionsUnknown)) return;
        const full = enumerated(s, UNCAPPED);
        busy++;
        const analyzer = new ConditionAnalyzer(s.t);
        const plan = planScenarios(analyzer, s.conditions, s.own);
        const groups = plan.groups.map((g) => g.conditions);
        const undecided = new Set(
          plan.groups.flatMap((g, i) => (g.scenarios.length === 1 && g.scenarios[0].assignment.size === 0 && g.conditions.length ? [i] : [])),
        );
        const views = new TemplateViews(s.t).views(s.t.resources.get('R')!);
        assert.ok(views.length <= 64, `${views.length} views`);
        // Pairs of groups fit in 64 rows unless the two largest groups alone need more.
        const [first, second] = plan.groups.map((g) => g.scenarios.length).sort((a, b) => b - a);
        const strength = first * (second ?? 1) <= 64 ? Math.max(2, plan.strength) : plan.strength;
        const names = isMap(s.props) ? s.props.pairs.map((p) => String(p.key.value)) : [];
        const read = names.map((x) => groupsRead(s, groups, analyzer, x));
        const truthValues = full.map((sc) => valuesIn(s, sc, names));
        const seenValues = views.map((v) => valuesIn(s, v.scenario, names));
        for (let i = 0; i < names.length; i++) {
          for (let j = i; j < names.length; j++) {
            const both = new Set([...read[i], ...read[j]]);
            if ([...both].some((g) => undecided.has(g))) continue;
            const truth = new Set(truthValues.map((v) => `${v[i]} ${v[j]}`));
            const seen = new Set(seenValues.map((v) => `${v[i]} ${v[j]}`));
            for (const p of seen) assert.ok(truth.has(p), `${names[i]}, ${names[j]}: ${p} is not a real combination`);
            if (both.size <= strength) assert.deepEqual([...seen].sort(), [...truth].sort(), `${names[i]}, ${names[j]} read groups ${[...both]}`);
          }
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(busy > 100, `${busy} busy resources`);
  });
});
