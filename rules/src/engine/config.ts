import type { SuppliedParameter } from '../template/template';
import path = require('path');
import { isMap as yIsMap, isScalar as yIsScalar, isSeq as yIsSeq, LineCounter, parseDocument, Node as YNode, YAMLMap } from 'yaml';
import { RECOMMENDED_POLICY_KINDS, RECOMMENDED_POLICY_MINIMUM_TLS } from '../data/recommended-policies';
import { isBelow, tlsLabel } from '../data/tls';
import { closestNames, editDistance } from '../util/edit-distance';
import { compileGlob } from '../util/glob';
import { compileUserRegex } from '../util/safe-regex';
import type { RuleMeta, SeverityOrOff } from './types';

/** Everything configurable, after merging defaults, config file, editor settings and CLI flags. */
export interface Settings {
  rules: ReadonlyMap<string, RuleSetting>;
  recommendedPolicies: Readonly<Record<string, string>>;
  allowedDomains: readonly string[] | undefined;
  production: ProductionSettings;
  regions: readonly string[] | undefined;
  include: readonly string[];
  exclude: readonly string[];
  /** Lint the template under a Serverless Framework service's `resources:` (parse/serverless.ts). */
  serverless: boolean;
  /** Parameter values for the run (`--parameters`): they replace a parameter's Default and AllowedValues. */
  parameterValues: ReadonlyMap<string, SuppliedParameter>;
  /** Deployments of the templates (config `environments`): each matching one is a lint of its own (environments.ts). */
  environments: readonly EnvironmentSetting[];
  /** False: the template's own suppressions (comments, Metadata) do not apply (`--no-inline-suppressions`). */
  suppressions: boolean;
  /** Rules whose findings no suppression in a template hides. */
  unsuppressible: readonly string[];
  /** The day suppression expiries are read against (YYYY-MM-DD); unset: today (UTC). */
  today?: string;
}

/** One `environments` entry: its parameter files, and the values a front end has read from them. */
export interface EnvironmentSetting {
  name: string;
  /** Parameter files as written (relative to `baseDir`; `samconfig.toml#prod` names a SAM environment). */
  parameterFiles: readonly string[];
  /** Globs of the templates it deploys, relative to `baseDir`; empty: every template. */
  templates: readonly string[];
  /** The config file's folder. */
  baseDir: string;
  /** Filled by the front end that reads the files (the engine reads no file); `read` then says so. */
  parameterValues: ReadonlyMap<string, SuppliedParameter>;
  read?: true;
  /** Line of the entry in the config file, for messages about its files. */
  line: number;
}

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Readonly<Record<string, unknown>>;
}

export interface ProductionSettings {
  files: readonly string[];
  /** Folder the `files` globs are relative to. */
  baseDir: string;
  parameterNames: readonly string[];
  valuePattern: string;
}

export const DEFAULT_PRODUCTION_PARAMETER_NAMES = ['Environment', 'EnvironmentName', 'EnvironmentType', 'Env', 'EnvName', 'Stage', 'StageName'];

export const DEFAULT_SETTINGS: Settings = {
  rules: new Map(),
  recommendedPolicies: Object.freeze(Object.create(null) as Record<string, string>),
  allowedDomains: undefined,
  production: { files: [], baseDir: '.', parameterNames: DEFAULT_PRODUCTION_PARAMETER_NAMES, valuePattern: '^prod' },
  regions: undefined,
  include: ['**/*.{yaml,yml,json,template}'],
  exclude: [],
  serverless: false,
  parameterValues: new Map(),
  environments: [],
  suppressions: true,
  unsuppressible: [],
};

export const CONFIG_FILE_NAME = '.cfn-tls-lint.yaml';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line + 1}: ${detail}`);
  }
}

/** A config file's own content (not yet merged), plus the problems found in it. */
export interface ConfigLayer {
  file?: string;
  rules?: Map<string, RuleSetting>;
  recommendedPolicies?: Record<string, string>;
  allowedDomains?: string[];
  production?: Partial<ProductionSettings>;
  regions?: string[];
  include?: string[];
  exclude?: string[];
  serverless?: boolean;
  /** From the command line only (`--parameters`); later values win. */
  parameterValues?: ReadonlyMap<string, SuppliedParameter>;
  environments?: EnvironmentSetting[];
  suppressions?: boolean;
  unsuppressible?: string[];
}

export interface ParsedConfig {
  layer: ConfigLayer;
  errors: ConfigError[];
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);
const TOP_KEYS = new Set([
  'rules',
  'recommendedPolicies',
  'allowedDomains',
  'production',
  'regions',
  'include',
  'exclude',
  'serverless',
  'environments',
  'suppressions',
  'unsuppressible',
]);
const ENVIRONMENT_KEYS = new Set(['parameters', 'templates']);
/** Environment names appear in messages and JSON: a word, as `prod`, `dev`, `eu-prod`. */
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const POLICY_KEYS: ReadonlySet<string> = new Set(RECOMMENDED_POLICY_KINDS.keys());
const PRODUCTION_KEYS = new Set(['files', 'parameterNames', 'valuePattern']);

/**
 * Parses `.cfn-tls-lint.yaml` text. Every problem names the file and line; what is
 * valid is kept, so linting continues with the rest (README, "Configuration").
 */
export function parseConfig(text: string, file: string, rules: ReadonlyMap<string, RuleMeta>): ParsedConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = [];
  const lineOf = (n: YNode | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line - 1 : 0);
  const err = (n: YNode | null | undefined, msg: string): void => {
    errors.push(new ConfigError(file, lineOf(n), msg));
  };
  const layer: ConfigLayer = { file };
  if (doc.errors.length) {
    // The first syntax error is the one to fix; the rest are mostly its echoes (an unclosed
    // bracket gives one per nesting level). A stack overflow on deep nesting is said plainly.
    const deep = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    const e = deep ?? doc.errors[0];
    const detail = deep ? 'the YAML is nested too deeply to read' : e.message.split('\n')[0];
    errors.push(new ConfigError(file, lc.linePos(e.pos[0]).line - 1, detail));
    return { layer, errors };
  }
  const root = doc.contents as YNode | null;
  if (root === null || (yIsScalar(root) && (root.value === null || root.value === ''))) return { layer, errors };
  if (!yIsMap(root)) {
    err(root, 'the configuration must be a mapping of settings');
    return { layer, errors };
  }
  const stringList = (n: YNode | null | undefined, what: string): string[] | undefined => {
    if (!yIsSeq(n) || !n.items.every((i) => yIsScalar(i) && typeof i.value === 'string')) {
      err(n, `${what} must be a list of strings`);
      return undefined;
    }
    return n.items.map((i) => String((i as { value: unknown }).value));
  };
  for (const pair of (root as YAMLMap).items) {
    const keyNode = pair.key as YNode;
    const key = yIsScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YNode | null;
    if (!TOP_KEYS.has(key)) {
      err(keyNode, `unknown setting "${key}"${didYouMean(key, TOP_KEYS) || ` (known: ${[...TOP_KEYS].join(', ')})`}`);
      continue;
    }
    switch (key) {
      case 'rules':
        layer.rules = parseRules(value, rules, err);
        break;
      case 'recommendedPolicies': {
        if (!yIsMap(value)) {
          err(value ?? keyNode, 'recommendedPolicies must be a mapping');
          break;
        }
        const policies: Record<string, string> = Object.create(null);
        for (const p of value.items) {
          const k = yIsScalar(p.key) ? String(p.key.value) : '';
          if (!POLICY_KEYS.has(k)) err(p.key as YNode, `unknown recommendedPolicies entry "${k}" (known: ${[...POLICY_KEYS].join(', ')})`);
          else if (!yIsScalar(p.value) || typeof p.value.value !== 'string') err((p.value ?? p.key) as YNode, `recommendedPolicies.${k} must be a policy name`);
          else {
            const problem = recommendedPolicyProblem(k, p.value.value);
            if (problem) err(p.value as YNode, problem);
            else policies[k] = p.value.value;
          }
        }
        layer.recommendedPolicies = policies;
        break;
      }
      case 'serverless':
      case 'suppressions':
        if (yIsScalar(value) && typeof value.value === 'boolean') layer[key] = value.value;
        else err(value ?? keyNode, `${key} must be true or false`);
        break;
      case 'unsuppressible': {
        const list = stringList(value ?? keyNode, key);
        if (!list) break;
        const unknown = list.filter((id) => !rules.has(id));
        for (const id of unknown) err(value, `unsuppressible: unknown rule "${id}"${didYouMean(id, rules.keys())}`);
        layer.unsuppressible = list.filter((id) => rules.has(id));
        break;
      }
      case 'environments':
        layer.environments = parseEnvironments(value ?? keyNode, path.dirname(file), lineOf, err, stringList);
        break;
      case 'allowedDomains':
      case 'regions':
      case 'include':
      case 'exclude': {
        const list = stringList(value ?? keyNode, key);
        if (!list) break;
        if (key === 'include' || key === 'exclude') {
          const problem = globProblem(list);
          if (problem) {
            err(value, `${key}: ${problem}`);
            break;
          }
        }
        layer[key] = key === 'allowedDomains' ? list.map((d) => d.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '')) : list;
        break;
      }
      case 'production': {
        if (!yIsMap(value)) {
          err(value ?? keyNode, 'production must be a mapping (files, parameterNames, valuePattern)');
          break;
        }
        const prod: Partial<ProductionSettings> = { baseDir: path.dirname(file) };
        for (const p of value.items) {
          const k = yIsScalar(p.key) ? String(p.key.value) : '';
          if (!PRODUCTION_KEYS.has(k)) {
            err(p.key as YNode, `unknown production setting "${k}" (known: ${[...PRODUCTION_KEYS].join(', ')})`);
            continue;
          }
          if (k === 'valuePattern') {
            const v = yIsScalar(p.value) ? p.value.value : undefined;
            if (typeof v !== 'string') err((p.value ?? p.key) as YNode, 'production.valuePattern must be a string');
            else {
              const compiled = compileUserRegex(v, { ignoreCase: true });
              if (compiled.ok) prod.valuePattern = v;
              else err(p.value as YNode, `production.valuePattern "${v}" ${compiled.problem}`);
            }
            continue;
          }
          const list = stringList((p.value ?? p.key) as YNode, `production.${k}`);
          if (!list) continue;
          if (k === 'files') {
            const problem = globProblem(list);
            if (problem) err(p.value as YNode, `production.files: ${problem}`);
            else prod.files = list;
          } else prod.parameterNames = list;
        }
        layer.production = prod;
        break;
      }
    }
  }
  return { layer, errors };
}

function parseEnvironments(
  value: YNode,
  baseDir: string,
  lineOf: (n: YNode | null | undefined) => number,
  err: (n: YNode | null | undefined, m: string) => void,
  stringList: (n: YNode | null | undefined, what: string) => string[] | undefined,
): EnvironmentSetting[] {
  const out: EnvironmentSetting[] = [];
  if (!yIsMap(value)) {
    err(value, 'environments must be a mapping of environment name to { parameters, templates }');
    return out;
  }
  for (const p of value.items) {
    const name = yIsScalar(p.key) ? String(p.key.value) : '';
    if (!ENVIRONMENT_NAME.test(name)) {
      err(p.key as YNode, `environments: "${name}" is not an environment name (letters, digits, ".", "_", "-")`);
      continue;
    }
    const v = p.value as YNode | null;
    if (!yIsMap(v)) {
      err(v ?? (p.key as YNode), `environments.${name} must be a mapping with parameters (files) and optionally templates (globs)`);
      continue;
    }
    let parameterFiles: string[] | undefined;
    let parametersWritten = false;
    let templates: string[] = [];
    for (const e of v.items) {
      const k = yIsScalar(e.key) ? String(e.key.value) : '';
      const ev = (e.value ?? e.key) as YNode;
      if (!ENVIRONMENT_KEYS.has(k)) err(e.key as YNode, `environments.${name}: unknown setting "${k}" (known: ${[...ENVIRONMENT_KEYS].join(', ')})`);
      else if (k === 'parameters' && (parametersWritten = true))
        parameterFiles = yIsScalar(ev) && typeof ev.value === 'string' ? [ev.value] : stringList(ev, `environments.${name}.parameters`);
      else {
        const list = stringList(ev, `environments.${name}.templates`);
        const problem = list && globProblem(list);
        if (problem) err(ev, `environments.${name}.templates: ${problem}`);
        else if (list) templates = list;
      }
    }
    if (!parameterFiles?.length) {
      // A list that is not one was reported where it is written.
      if (!parametersWritten || parameterFiles) err(p.key as YNode, `environments.${name} needs parameters: the parameter files of that environment`);
      continue;
    }
    out.push({ name, parameterFiles, templates, baseDir, parameterValues: new Map(), line: lineOf(p.key as YNode) });
  }
  return out;
}

function parseRules(
  value: YNode | null,
  rules: ReadonlyMap<string, RuleMeta>,
  err: (n: YNode | null | undefined, m: string) => void,
): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  if (value === null || (yIsScalar(value) && value.value === null)) return out;
  if (!yIsMap(value)) {
    err(value, 'rules must be a mapping of rule id to severity or [severity, options]');
    return out;
  }
  for (const p of value.items) {
    const id = yIsScalar(p.key) ? String(p.key.value) : '';
    const meta = rules.get(id);
    if (!meta) {
      err(p.key as YNode, `unknown rule "${id}"${didYouMean(id, rules.keys())}`);
      continue;
    }
    const v = p.value as YNode | null;
    let sevNode: YNode | null | undefined = v;
    let optNode: YNode | null | undefined;
    if (yIsSeq(v)) {
      sevNode = v.items[0] as YNode;
      optNode = v.items[1] as YNode | undefined;
      if (v.items.length > 2) err(v, `rules.${id}: expected [severity, options]`);
    }
    const sev = yIsScalar(sevNode) ? String(sevNode.value) : undefined;
    if (!sev || !SEVERITIES.has(sev)) {
      err(sevNode ?? (p.key as YNode), `rules.${id}: severity must be one of off, info, warning, error`);
      continue;
    }
    const setting: RuleSetting = { severity: sev as SeverityOrOff };
    if (optNode) {
      if (!yIsMap(optNode)) err(optNode, `rules.${id}: options must be a mapping`);
      else {
        // No prototype: an option named `__proto__` or `toString` is data, never Object's own.
        const options: Record<string, unknown> = Object.create(null);
        for (const op of optNode.items) {
          const name = yIsScalar(op.key) ? String(op.key.value) : '';
          const schema = meta.options && Object.hasOwn(meta.options, name) ? meta.options[name] : undefined;
          if (!schema) {
            const known = Object.keys(meta.options ?? {});
            const hint = known.length ? didYouMean(name, known) || ` (known: ${known.join(', ')})` : ' (the rule takes no options)';
            err(op.key as YNode, `rules.${id}: unknown option "${name}"${hint}`);
            continue;
          }
          const raw = (op.value as YNode | null) ? (op.value as { toJSON(): unknown }).toJSON() : null;
          const problem = checkOption(raw, schema.type, schema.values);
          if (problem) err(op.value as YNode, `rules.${id}.${name}: ${problem}`);
          else options[name] = schema.type === 'string' && typeof raw === 'number' ? numberToString(raw) : raw;
        }
        setting.options = options;
      }
    }
    out.set(id, setting);
  }
  return out;
}

/**
 * ` (did you mean "a"?)`, or ` (did you mean "a" or "b"?)`, for a name that is close to known
 * ones (closestNames: a typo, a case slip); '' when none is close.
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const close = closestNames(name, known, 3);
  if (!close.length) return '';
  // The nearest only (two when tied): "weakk" is "weak", not also "missing" six edits away.
  const lower = name.toLowerCase();
  const distance = (c: string): number => (c.toLowerCase() === lower ? -1 : editDistance(lower, c.toLowerCase()));
  const best = distance(close[0]);
  const picked = close.filter((c) => distance(c) === best).slice(0, 2);
  return ` (did you mean ${picked.map((c) => `"${c}"`).join(' or ')}?)`;
}

function checkOption(v: unknown, type: string, values?: readonly string[]): string | undefined {
  switch (type) {
    case 'string':
      if (typeof v === 'number') v = numberToString(v);
      if (typeof v !== 'string') return 'must be a string';
      if (values && !values.includes(v as string)) return `must be one of ${values.join(', ')}`;
      return undefined;
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'must be a list of strings';
    case 'number':
      return typeof v === 'number' ? undefined : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
  }
  return undefined;
}

/** YAML reads `minimumTls: 1.0` as the number 1; options mean the text. */
function numberToString(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/** The first glob of a list that cannot be used, said plainly (`the glob "[x" does not compile: …`). */
function globProblem(globs: readonly string[]): string | undefined {
  for (const g of globs) {
    const r = compileGlob(g);
    if (!r.ok) return `the glob "${g}" ${r.problem}`;
  }
  return undefined;
}

/** Why a `recommendedPolicies` value cannot be what fixes insert (undefined when it can). */
function recommendedPolicyProblem(key: string, name: string): string | undefined {
  const kind = RECOMMENDED_POLICY_KINDS.get(key)!;
  const policy = kind.lookup(name);
  const instead = `; the built-in ${kind.builtIn} is used`;
  if (!policy) return `recommendedPolicies.${key}: "${name}" is not ${kind.what} this linter knows${instead}`;
  if (isBelow(policy.minTls, RECOMMENDED_POLICY_MINIMUM_TLS)) {
    return `recommendedPolicies.${key}: "${name}" accepts ${tlsLabel(policy.minTls)}; a recommended policy must accept only ${tlsLabel(RECOMMENDED_POLICY_MINIMUM_TLS)} and newer${instead}`;
  }
  if (kind.mustBeFips && !policy.fips) return `recommendedPolicies.${key}: "${name}" is not a FIPS policy${instead}`;
  return undefined;
}

/** Merges layers, lowest precedence first. A later layer's rule setting replaces an earlier one's. */
export function mergeSettings(...layers: (ConfigLayer | undefined)[]): Settings {
  const rules = new Map<string, RuleSetting>();
  let s: Settings = DEFAULT_SETTINGS;
  for (const l of layers) {
    if (!l) continue;
    for (const [id, r] of l.rules ?? []) {
      const prev = rules.get(id);
      rules.set(id, { severity: r.severity ?? prev?.severity, options: r.options ?? prev?.options });
    }
    s = {
      rules,
      recommendedPolicies: Object.assign(Object.create(null) as Record<string, string>, s.recommendedPolicies, l.recommendedPolicies),
      allowedDomains: l.allowedDomains ?? s.allowedDomains,
      production: { ...s.production, ...(l.production ?? {}) },
      regions: l.regions ?? s.regions,
      include: l.include ?? s.include,
      exclude: l.exclude ?? s.exclude,
      serverless: l.serverless ?? s.serverless,
      parameterValues: l.parameterValues ? new Map([...s.parameterValues, ...l.parameterValues]) : s.parameterValues,
      environments: l.environments ?? s.environments,
      // A layer that turns suppressions off or makes rules unsuppressible is never undone below it.
      suppressions: s.suppressions && (l.suppressions ?? true),
      unsuppressible: l.unsuppressible ? [...new Set([...s.unsuppressible, ...l.unsuppressible])] : s.unsuppressible,
      ...(s.today !== undefined ? { today: s.today } : {}),
    };
  }
  return { ...s, rules };
}

/** Rule option with a default. */
export function ruleOption<T>(options: Readonly<Record<string, unknown>>, name: string, fallback: T): T {
  const v = Object.hasOwn(options, name) ? options[name] : undefined;
  return v === undefined ? fallback : (v as T);
}
