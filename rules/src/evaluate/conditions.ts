import { getValue, intrinsicName, isMap, isScalar, isSeq, scalarString, SNode } from '../parse/source-tree';
import { Template } from '../template/template';

/**
 * Conditions as boolean formulas over parameter values, and the scenarios a set
 * of conditions gives rise to (README, "Rules"; docs/scenarios.md).
 */

export interface Scenario {
  /** Truth value of each condition the checked values depend on. */
  readonly assignment: ReadonlyMap<string, boolean>;
  /** Parameters whose known values this scenario narrows (absent: not narrowed). */
  readonly params: ReadonlyMap<string, ReadonlySet<string>>;
  /** True when there were too many scenarios: every `Fn::If` is then unknown. */
  readonly conditionsUnknown: boolean;
}

export const EMPTY_SCENARIO: Scenario = { assignment: new Map(), params: new Map(), conditionsUnknown: false };

/** Whether two scenarios agree on every condition both decide. */
export function agrees(a: Scenario, b: Scenario): boolean {
  for (const [k, v] of a.assignment) {
    const w = b.assignment.get(k);
    if (w !== undefined && w !== v) return false;
  }
  return true;
}

/** More than this many scenarios for one check and condition-dependent values are unknown. */
export const MAX_SCENARIOS = 64;
/** Parameter-value worlds enumerated to relate conditions to parameters. */
const MAX_WORLDS = 4096;

/** The caps of one enumeration (tests raise them to compute the full enumeration). */
export interface Bounds {
  scenarios: number;
  worlds: number;
}
const BOUNDS: Bounds = { scenarios: MAX_SCENARIOS, worlds: MAX_WORLDS };
const OTHER = '\u0000other';

type Operand = { kind: 'lit'; value: string } | { kind: 'var'; name: string } | { kind: 'unknown' };
type Formula =
  | { op: 'and' | 'or'; args: Formula[] }
  | { op: 'not'; arg: Formula }
  | { op: 'eq'; a: Operand; b: Operand }
  | { op: 'const'; value: boolean }
  | { op: 'free'; id: number };

export class ConditionAnalyzer {
  private readonly formulas = new Map<string, Formula>();
  private freeIds = 0;

  constructor(private readonly template: Template) {}

  /** All scenarios for the given condition names (deduplicated, at most `bounds.scenarios`). */
  scenariosFor(conditions: ReadonlySet<string>, bounds: Bounds = BOUNDS): Scenario[] {
    if (conditions.size === 0) return [EMPTY_SCENARIO];
    const names = [...conditions];
    const formulas = names.map((n) => this.formula(n));
    const vars = new Map<string, Set<string>>();
    const frees = new Set<number>();
    for (const f of formulas) collect(f, vars, frees);
    const domains: [string, string[]][] = [];
    let worlds = 2 ** frees.size;
    for (const [name, literals] of vars) {
      const d = this.domainOf(name, literals);
      domains.push([name, d]);
      worlds *= d.length;
      if (worlds > bounds.worlds) break;
    }
    if (worlds > bounds.worlds) return this.unconstrained(names, bounds.scenarios);

    const freeList = [...frees];
    const byKey = new Map<string, { assignment: Map<string, boolean>; params: Map<string, Set<string>> }>();
    const env = new Map<string, string>();
    const freeEnv = new Map<number, boolean>();
    const visit = (i: number): void => {
      if (i < domains.length) {
        const [name, domain] = domains[i];
        for (const v of domain) {
          env.set(name, v);
          visit(i + 1);
        }
        return;
      }
      const fcount = freeList.length;
      for (let bits = 0; bits < 2 ** fcount; bits++) {
        freeList.forEach((id, k) => freeEnv.set(id, ((bits >> k) & 1) === 1));
        const values = formulas.map((f) => evaluate(f, env, freeEnv));
        const key = values.map((v) => (v ? '1' : '0')).join('');
        let sc = byKey.get(key);
        if (!sc) {
          sc = { assignment: new Map(names.map((n, k) => [n, values[k]])), params: new Map() };
          byKey.set(key, sc);
        }
        for (const [name] of domains) {
          if (!this.template.parameters.has(name)) continue;
          let set = sc.params.get(name);
          if (!set) sc.params.set(name, (set = new Set()));
          const v = env.get(name)!;
          if (v !== OTHER) set.add(v);
        }
      }
    };
    visit(0);
    if (byKey.size > bounds.scenarios) return [{ ...EMPTY_SCENARIO, conditionsUnknown: true }];
    return [...byKey.values()].map((s) => ({ assignment: s.assignment, params: s.params, conditionsUnknown: false }));
  }

  /**
   * What a condition's value depends on: the variables (parameters, pseudo parameters) it
   * compares and its free (unknown) parts. A referenced sub-condition shares its formula, so
   * conditions built on the same sub-condition share its dependencies. Conditions with no
   * dependency in common are independent: every combination of their values can happen.
   */
  dependencies(condition: string): string[] {
    const vars = new Map<string, Set<string>>();
    const frees = new Set<number>();
    collect(this.formula(condition), vars, frees);
    return [...[...vars.keys()].map((v) => `var:${v}`), ...[...frees].map((id) => `free:${id}`)];
  }

  private unconstrained(names: string[], maxScenarios: number): Scenario[] {
    if (2 ** names.length > maxScenarios) return [{ ...EMPTY_SCENARIO, conditionsUnknown: true }];
    const out: Scenario[] = [];
    for (let bits = 0; bits < 2 ** names.length; bits++) {
      out.push({ assignment: new Map(names.map((n, k) => [n, ((bits >> k) & 1) === 1])), params: new Map(), conditionsUnknown: false });
    }
    return out;
  }

  /** The values a variable can take: AllowedValues, or Default and compared literals plus "something else". */
  private domainOf(name: string, literals: Set<string>): string[] {
    const p = this.template.parameters.get(name);
    if (p && p.allowedValues.length) {
      const allowed = p.allowedValues.map(scalarString).filter((v): v is string => v !== undefined);
      if (allowed.length === p.allowedValues.length) return [...new Set(allowed)];
    }
    const d = new Set(literals);
    const def = p ? scalarString(p.defaultNode) : undefined;
    if (def !== undefined) d.add(def);
    d.add(OTHER);
    return [...d];
  }

  private formula(name: string, stack: string[] = []): Formula {
    const cached = this.formulas.get(name);
    if (cached) return cached;
    const node = this.template.conditions.get(name);
    let f: Formula;
    if (!node || stack.includes(name)) f = { op: 'free', id: this.freeIds++ };
    else f = this.parse(node, [...stack, name]);
    if (!stack.length || node) this.formulas.set(name, f);
    return f;
  }

  private parse(node: SNode, stack: string[]): Formula {
    const fn = intrinsicName(node);
    const arg = fn && isMap(node) ? node.pairs[0].value : undefined;
    if (fn === 'Condition') {
      const ref = scalarString(arg);
      return ref === undefined ? this.free() : this.formula(ref, stack);
    }
    if ((fn === 'Fn::And' || fn === 'Fn::Or') && isSeq(arg)) {
      return { op: fn === 'Fn::And' ? 'and' : 'or', args: arg.items.map((i) => this.parse(i, stack)) };
    }
    if (fn === 'Fn::Not' && isSeq(arg) && arg.items.length === 1) return { op: 'not', arg: this.parse(arg.items[0], stack) };
    if (fn === 'Fn::Equals' && isSeq(arg) && arg.items.length === 2) {
      const a = this.operand(arg.items[0]);
      const b = this.operand(arg.items[1]);
      if (a.kind === 'unknown' || b.kind === 'unknown') return this.free();
      if (a.kind === 'lit' && b.kind === 'lit') return { op: 'const', value: a.value === b.value };
      return { op: 'eq', a, b };
    }
    if (isScalar(node) && typeof node.value === 'boolean') return { op: 'const', value: node.value };
    return this.free();
  }

  private free(): Formula {
    return { op: 'free', id: this.freeIds++ };
  }

  private operand(node: SNode): Operand {
    if (isScalar(node)) return node.value === null ? { kind: 'unknown' } : { kind: 'lit', value: String(node.value) };
    const fn = intrinsicName(node);
    const arg = fn && isMap(node) ? node.pairs[0].value : undefined;
    if (fn === 'Ref') {
      const name = scalarString(arg);
      if (name === undefined) return { kind: 'unknown' };
      const p = this.template.parameters.get(name);
      if (p && p.type && p.type.startsWith('AWS::SSM::Parameter::Value')) return { kind: 'unknown' };
      if (p || name.startsWith('AWS::')) return { kind: 'var', name };
      return { kind: 'unknown' };
    }
    if (fn === 'Fn::FindInMap' && isSeq(arg) && arg.items.length >= 3) {
      const keys = arg.items.slice(0, 3).map(scalarString);
      if (keys.every((k) => k !== undefined) && this.template.mappings) {
        const v = scalarString(getValue(getValue(getValue(this.template.mappings, keys[0]!), keys[1]!), keys[2]!));
        if (v !== undefined) return { kind: 'lit', value: v };
      }
    }
    if (fn === 'Fn::Sub') {
      const s = scalarString(isSeq(arg) ? arg.items[0] : arg);
      if (s !== undefined && !/\$\{(?!!)/.test(s)) return { kind: 'lit', value: s.replace(/\$\{!/g, '${') };
    }
    return { kind: 'unknown' };
  }
}

function collect(f: Formula, vars: Map<string, Set<string>>, frees: Set<number>): void {
  switch (f.op) {
    case 'and':
    case 'or':
      for (const a of f.args) collect(a, vars, frees);
      return;
    case 'not':
      collect(f.arg, vars, frees);
      return;
    case 'free':
      frees.add(f.id);
      return;
    case 'eq':
      for (const [x, y] of [
        [f.a, f.b],
        [f.b, f.a],
      ] as const) {
        if (x.kind !== 'var') continue;
        let set = vars.get(x.name);
        if (!set) vars.set(x.name, (set = new Set()));
        if (y.kind === 'lit') set.add(y.value);
      }
      return;
    default:
      return;
  }
}

function operandValue(o: Operand, env: Map<string, string>): string {
  return o.kind === 'lit' ? o.value : o.kind === 'var' ? (env.get(o.name) ?? OTHER) : OTHER;
}

function evaluate(f: Formula, env: Map<string, string>, frees: Map<number, boolean>): boolean {
  switch (f.op) {
    case 'and':
      return f.args.every((a) => evaluate(a, env, frees));
    case 'or':
      return f.args.some((a) => evaluate(a, env, frees));
    case 'not':
      return !evaluate(f.arg, env, frees);
    case 'const':
      return f.value;
    case 'free':
      return frees.get(f.id) ?? false;
    case 'eq': {
      const a = operandValue(f.a, env);
      const b = operandValue(f.b, env);
      // Two "something else" values are not known to be equal: treat as different.
      if (a === OTHER || b === OTHER) return false;
      return a === b;
    }
  }
}
