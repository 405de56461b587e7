import path = require('path');
import { compileGlobs } from '../util/glob';
import type { EnvironmentSetting, Settings } from './config';
import { capText, lintText, LintOptions, LintResult } from './lint';
import { DEFAULT_SETTINGS } from './config';
import type { RuleRegistry } from './registry';
import type { Diagnostic } from './types';

/**
 * Per-environment lints (config `environments`): a template deployed to several environments is
 * linted once with each environment's parameter values, and a finding says in which it holds.
 */

/**
 * The environments that deploy a file: those whose parameter files a front end has read and whose
 * `templates` globs match it (no globs: every template).
 */
export function environmentsFor(settings: Settings, fileName: string): EnvironmentSetting[] {
  return settings.environments.filter((env) => {
    if (!env.read) return false;
    if (!env.templates.length) return true;
    const rel = path.relative(path.resolve(env.baseDir), path.resolve(fileName)).split(path.sep).join('/');
    return compileGlobs(env.templates).matches(rel);
  });
}

/**
 * One lint per environment, merged: the same finding (rule, place, message) in several
 * environments is one diagnostic naming them (`environments`, and the message's last words).
 * A text that is not a template, or does not parse, is read once.
 */
export function lintInEnvironments(
  text: string,
  fileName: string,
  registry: RuleRegistry,
  environments: readonly EnvironmentSetting[],
  opts: LintOptions & { settings: Settings },
): LintResult {
  const groups = new Map<string, { d: Diagnostic; names: string[] }>();
  let first: LintResult | undefined;
  const failures = new Map<string, string>();
  for (const env of environments) {
    const parameterValues = new Map([...env.parameterValues, ...opts.settings.parameterValues]);
    // Each environment parses on its own, and the history keeps each one's lint apart (by its parameter values).
    const r = lintText(text, fileName, registry, { ...opts, settings: { ...opts.settings, parameterValues } });
    first ??= r;
    if (!r.parsed) return r;
    for (const f of r.ruleFailures) if (!failures.has(f.rule)) failures.set(f.rule, f.message);
    for (const d of r.diagnostics) {
      const key = `${d.rule}\u0000${d.offsets.start}\u0000${d.offsets.end}\u0000${d.suppressed}\u0000${d.message}`;
      const g = groups.get(key);
      if (g) g.names.push(env.name);
      else groups.set(key, { d, names: [env.name] });
    }
  }
  if (!first) return lintText(text, fileName, registry, opts);
  const diagnostics = [...groups.values()].map(({ d, names }) => ({ ...d, message: capText(`${d.message} (in ${listed(names)})`), environments: names }));
  diagnostics.sort((a, b) => a.offsets.start - b.offsets.start || a.rule.localeCompare(b.rule));
  return { ...first, diagnostics, ruleFailures: [...failures].map(([rule, message]) => ({ rule, message })) };
}

/** `prod`, `dev and prod`, `dev, qa and prod`. */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** lintText, or one lint per environment when the settings' environments deploy the file. */
export function lintDeployed(text: string, fileName: string, registry: RuleRegistry, opts: LintOptions = {}): LintResult {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const environments = environmentsFor(settings, fileName);
  return environments.length ? lintInEnvironments(text, fileName, registry, environments, { ...opts, settings }) : lintText(text, fileName, registry, opts);
}
