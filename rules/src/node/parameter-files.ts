import path = require('path');
import { parse as parseYaml } from 'yaml';
import { FileReadError, readRegularFileSync } from './read-file';
import type { Settings, SuppliedParameter } from '../index';

/**
 * `--parameters <file>`: parameter values for the run, in the formats deployments keep them in
 * (issue 17, part 4). They replace each named parameter's Default and AllowedValues in every
 * template linted:
 * - the AWS CLI's `[{"ParameterKey": "K", "ParameterValue": "V"}]`;
 * - a CodePipeline template configuration, `{"Parameters": {"K": "V"}}`;
 * - SAM CLI configuration (`samconfig.toml`, `.yaml`, `.json`): `parameter_overrides` of the
 *   `default` environment's `deploy` (or `global`) parameters, or of the environment named after a
 *   `#`: `samconfig.toml#prod`.
 */

export class ParameterFileError extends Error {}

const MAX_BYTES = 1024 * 1024;

export function readParameterFile(spec: string): Map<string, SuppliedParameter> {
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 && /samconfig/i.test(path.basename(spec.slice(0, hash))) ? spec.slice(0, hash) : spec;
  const env = file === spec ? 'default' : spec.slice(hash + 1);
  let text: string;
  try {
    text = readRegularFileSync(file, MAX_BYTES).toString('utf8');
  } catch (e) {
    throw new ParameterFileError(e instanceof FileReadError ? e.reason : String(e));
  }
  const from = path.basename(file);
  const values = /\.toml$/i.test(file) ? samconfigToml(text, env) : structured(text, file, env);
  return new Map([...values].map(([k, v]) => [k, { value: v, from }]));
}

/**
 * Settings whose `environments` carry the values of their parameter files (paths relative to the
 * config file). An environment with a file that cannot be read is left out, and `problem` says why.
 */
export function withEnvironmentValues(settings: Settings, problem: (message: string) => void): Settings {
  if (!settings.environments.length) return settings;
  const environments = settings.environments.flatMap((env) => {
    const parameterValues = new Map<string, SuppliedParameter>();
    for (const f of env.parameterFiles) {
      try {
        for (const [k, v] of readParameterFile(path.resolve(env.baseDir, f))) parameterValues.set(k, v);
      } catch (e) {
        if (!(e instanceof ParameterFileError)) throw e;
        problem(`${env.line + 1}: environments.${env.name}: ${f}: ${e.message}`);
        return [];
      }
    }
    return [{ ...env, parameterValues, read: true as const }];
  });
  return { ...settings, environments };
}

/** JSON (AWS CLI, CodePipeline, samconfig.json) or YAML (samconfig.yaml). */
function structured(text: string, file: string, env: string): Map<string, string> {
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(file) ? parseYaml(text, { logLevel: 'error' }) : JSON.parse(text);
  } catch (e) {
    throw new ParameterFileError(`not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
  const out = new Map<string, string>();
  if (Array.isArray(data)) {
    for (const item of data) {
      const key = (item as { ParameterKey?: unknown })?.ParameterKey;
      const value = (item as { ParameterValue?: unknown })?.ParameterValue;
      if (typeof key !== 'string') throw new ParameterFileError('an entry without ParameterKey (expected [{"ParameterKey": …, "ParameterValue": …}])');
      if (value !== undefined) out.set(key, String(value)); // UsePreviousValue: the deployed value, unknown here
    }
    return out;
  }
  const obj = (data ?? {}) as Record<string, unknown>;
  if (obj.Parameters && typeof obj.Parameters === 'object' && !Array.isArray(obj.Parameters)) {
    for (const [k, v] of Object.entries(obj.Parameters as Record<string, unknown>)) out.set(k, String(v));
    return out;
  }
  const envTable = obj[env] as Record<string, Record<string, Record<string, unknown>>> | undefined;
  const overrides = envTable?.deploy?.parameters?.parameter_overrides ?? envTable?.global?.parameters?.parameter_overrides;
  if (overrides !== undefined) return overridePairs(Array.isArray(overrides) ? overrides.map(String) : [String(overrides)]);
  throw new ParameterFileError(
    `no parameters found: expected [{"ParameterKey", "ParameterValue"}], {"Parameters": {…}}, or SAM configuration with ${env}.deploy.parameters.parameter_overrides`,
  );
}

/** `parameter_overrides` of `[<env>.deploy.parameters]` (or `[<env>.global.parameters]`) in samconfig.toml. */
function samconfigToml(text: string, env: string): Map<string, string> {
  const wanted = new Set([`${env}.deploy.parameters`, `${env}.global.parameters`]);
  let table = '';
  const found: string[][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const header = /^\[([^\]]+)\]\s*(#.*)?$/.exec(line);
    if (header) {
      table = header[1]
        .split('.')
        .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
        .join('.');
      continue;
    }
    const m = /^parameter_overrides\s*=\s*(.*)$/.exec(line);
    if (!m || !wanted.has(table)) continue;
    let value = m[1];
    // A list may span lines: read on to its closing bracket.
    if (value.startsWith('[')) while (!/\]\s*(#.*)?$/.test(value) && i + 1 < lines.length) value += '\n' + lines[++i];
    found[table.endsWith('.deploy.parameters') ? 0 : 1] = tomlStrings(value);
  }
  const strings = found[0] ?? found[1];
  if (!strings) throw new ParameterFileError(`no parameter_overrides in [${env}.deploy.parameters] or [${env}.global.parameters]`);
  return overridePairs(strings);
}

/** The strings of a TOML value: one basic or literal string, or an array of them. */
function tomlStrings(value: string): string[] {
  const out: string[] = [];
  const re = /"""([\s\S]*?)"""|'''([\s\S]*?)'''|"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m[3] !== undefined) out.push(m[3].replace(/\\(["\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)));
    else out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

/** `Key=Value Key2="a b"` pairs (SAM CLI's form), or `ParameterKey=K,ParameterValue=V` (the AWS CLI's shorthand). */
export function overridePairs(strings: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of strings) {
    for (const token of shellWords(s)) {
      const short = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(token);
      const eq = token.indexOf('=');
      if (short) out.set(short[1], short[2]);
      else if (eq > 0) out.set(token.slice(0, eq), token.slice(eq + 1));
      else throw new ParameterFileError(`"${token}" is not Key=Value`);
    }
  }
  return out;
}

/** Words split on blanks outside quotes; quotes removed (`Key="a b"` is one word, `Key=a b`). */
function shellWords(s: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) word += s[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}
