import * as fs from 'fs';
import * as path from 'path';
import { ConfigLayer, defaultRegistry, lintText, mergeSettings, RuleSetting, Settings, SeverityOrOff } from '../../rules/src/index';
import { ConfigLocator, loadConfigFile, LoadedConfig } from '../../rules/src/node/config-files';
import { excludedByConfig } from '../../rules/src/node/config-excludes';
import { CliArgs, HELP, parseArgs, UsageError } from './args';
import { applyBaseline, BaselineError, readBaseline, writeBaseline } from './baseline';
import { collectFiles } from './files';
import { fixFile } from './fix';
import { formatInventory } from './inventory';
import { FileOutcome, lintFile } from './lint-file';
import { lintInPool } from './pool';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { FileReport, summarize } from './format/report';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';

declare const CLI_VERSION: string | undefined;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : '0.0.0-dev';

export interface CliIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Runs the CLI; resolves to the exit status. Never calls process.exit (output must drain). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cfn-tls-lint: ${e.message}\nRun cfn-tls-lint --help for usage.\n`);
      return 2;
    }
    throw e;
  }
  const registry = defaultRegistry();
  if (args.help) {
    io.out(HELP + '\n');
    return 0;
  }
  if (args.version) {
    io.out(VERSION + '\n');
    return 0;
  }
  if (args.listRules) {
    io.out(listRules(registry.allMetas()));
    return 0;
  }
  if (!args.paths.length) {
    io.err('cfn-tls-lint: no paths given.\nRun cfn-tls-lint --help for usage.\n');
    return 2;
  }

  // CLI --rule flags: the top layer.
  const cliRules = new Map<string, RuleSetting>();
  for (const [id, sev] of args.ruleOverrides) {
    if (!registry.metas.has(id)) {
      io.err(`cfn-tls-lint: --rule: unknown rule "${id}" (see --list-rules)\n`);
      return 2;
    }
    if (!SEVERITIES.has(sev)) {
      io.err(`cfn-tls-lint: --rule ${id}: severity must be off, info, warning or error, got "${sev}"\n`);
      return 2;
    }
    cliRules.set(id, { severity: sev as SeverityOrOff });
  }
  const cliLayer: ConfigLayer = { rules: cliRules };

  let status = 0;
  const reportedConfigs = new Set<string>();
  const reportConfig = (c: LoadedConfig | undefined): void => {
    if (!c || reportedConfigs.has(c.file)) return;
    reportedConfigs.add(c.file);
    for (const e of c.errors) {
      io.err(`cfn-tls-lint: config error: ${path.relative(io.cwd, e.file) || e.file}:${e.line + 1}: ${e.detail}\n`);
      status = 2;
    }
  };
  let explicitConfig: LoadedConfig | undefined;
  if (args.config) {
    const abs = path.resolve(io.cwd, args.config);
    if (!fs.existsSync(abs)) {
      io.err(`cfn-tls-lint: config file ${args.config} does not exist\n`);
      return 2;
    }
    explicitConfig = loadConfigFile(abs, registry);
    reportConfig(explicitConfig);
  }
  const locator = new ConfigLocator(registry);
  const settingsCache = new Map<string, Settings>();
  const settingsOf = (c: LoadedConfig | undefined): Settings => {
    const key = c?.file ?? '';
    let s = settingsCache.get(key);
    if (!s) settingsCache.set(key, (s = mergeSettings(c?.layer, cliLayer)));
    return s;
  };
  const settingsFor = (file: string): Settings => {
    const c = explicitConfig ?? locator.forFile(file);
    reportConfig(c);
    return settingsOf(c);
  };

  let baseline: Set<string> | undefined;
  if (args.baseline) {
    try {
      baseline = readBaseline(path.resolve(io.cwd, args.baseline));
    } catch (e) {
      if (!(e instanceof BaselineError)) throw e;
      io.err(`cfn-tls-lint: ${e.message}\n`);
      return 2;
    }
  }

  const { files: found, explicit, missing, unreadable } = await collectFiles(args.paths, io.cwd);
  // Config `exclude` globs (relative to the config file's folder) apply to files found by a walk.
  const files = found.filter((f) => explicit.has(f) || !excludedByConfig(f, settingsFor(f).exclude, (explicitConfig ?? locator.forFile(f))?.file, io.cwd));
  for (const m of missing) {
    io.err(`cfn-tls-lint: no such file or directory: ${m}\n`);
    status = 2;
  }
  // What could not be read is said, never passed over as clean (robustness.md, "F5: paths that cannot be read").
  const readErrors = unreadable.map((u) => ({ path: relativeTo(io.cwd, u.path).split(path.sep).join('/') || u.path, error: u.reason }));
  for (const u of readErrors) {
    io.err(`cfn-tls-lint: ${u.path}: ${u.error}\n`);
    status = 2;
  }
  if (missing.length && !files.length && !readErrors.length) return 2;

  const started = performance.now();
  const reports: FileReport[] = [];
  const fixDiffs: string[] = [];
  const failedRules = new Set<string>();
  const fixing = args.fix || args.fixDryRun;
  // Many files: worker threads and this thread lint them (pool.ts), outcomes in file order; config
  // errors and rule failures are still reported below, where a sequential run reports them.
  // `--fix` stays in-process.
  const lintHere = (f: string, s: Settings): FileOutcome => lintFile(f, registry, () => s, { showSuppressed: args.showSuppressed });
  const pooled = fixing ? undefined : await lintInPool(files, (f) => settingsOf(explicitConfig ?? locator.forFile(f)), args.showSuppressed, lintHere);
  for (const [index, file] of files.entries()) {
    const relPath = relativeTo(io.cwd, file).split(path.sep).join('/') || path.basename(file);
    const report: FileReport = { file, relPath, template: false, diagnostics: [] };
    reports.push(report);
    const fixText = (text: string): string => {
      const settings = settingsFor(file);
      const fixed = fixFile({ file, relPath, text, dryRun: args.fixDryRun, lint: (t) => lintText(t, file, registry, { settings }) });
      if (fixed.error) {
        io.err(`cfn-tls-lint: ${relPath}: ${fixed.error}\n`);
        status = 2;
      }
      if (fixed.diff) fixDiffs.push(fixed.diff);
      return fixed.text;
    };
    const done = pooled?.[index];
    if (done?.read) settingsFor(file);
    const result = done ?? lintFile(file, registry, () => settingsFor(file), { showSuppressed: args.showSuppressed, beforeLint: fixing ? fixText : undefined });
    if (result.readError) {
      report.readError = result.readError;
      io.err(`cfn-tls-lint: ${relPath}: ${report.readError}\n`);
      status = 2;
      continue;
    }
    report.template = result.template;
    report.skipped = result.skipped;
    report.diagnostics = result.diagnostics;
    for (const f of result.ruleFailures) {
      if (failedRules.has(f.rule)) continue;
      failedRules.add(f.rule);
      io.err(`cfn-tls-lint: rule ${f.rule} failed on ${relPath}: ${f.message} (other rules still ran; further failures of this rule are not repeated)\n`);
    }
  }
  if (baseline && args.baseline) applyBaseline(reports, baseline, path.resolve(io.cwd, args.baseline));
  if (args.quiet) for (const r of reports) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  if (args.writeBaseline) {
    const n = writeBaseline(reports, path.resolve(io.cwd, args.writeBaseline));
    io.err(`cfn-tls-lint: wrote ${n} finding${n === 1 ? '' : 's'} to ${args.writeBaseline}\n`);
  }

  if (args.inventory) {
    // A report, not a verdict: the exit status says only whether everything could be read.
    io.out(formatInventory(reports, settingsFor, args.format));
    return status;
  }

  const summary = summarize(reports, performance.now() - started);
  if (args.fixDryRun) io.out(fixDiffs.join(''));
  else switch (args.format) {
    case 'json':
      io.out(formatJson(reports, summary, readErrors));
      break;
    case 'sarif':
      io.out(formatSarif(reports, registry.allMetas(), VERSION));
      break;
    case 'github':
      io.out(formatGithub(reports, readErrors));
      break;
    default:
      io.out(formatStylish(reports, summary, args.color ?? io.isTty, readErrors));
  }
  if (status === 2) return 2;
  if (summary.errors > 0) return 1;
  if (args.maxWarnings !== undefined && summary.warnings > args.maxWarnings) return 1;
  return 0;
}

/**
 * path.relative(cwd, file) for absolute, normalised paths (collectFiles resolves them): a
 * slice when the file is below cwd, the common case (path.relative cost ~30 µs a call cold).
 */
function relativeTo(cwd: string, file: string): string {
  const base = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  return file.startsWith(base) ? file.slice(base.length) : path.relative(cwd, file);
}

function listRules(metas: { id: string; severity: string; fixable: boolean; summary: string }[]): string {
  const w = Math.max(...metas.map((m) => m.id.length));
  const lines = metas.map((m) => `${m.id.padEnd(w)}  ${m.severity.padEnd(7)}  ${m.fixable ? 'fixable' : '       '}  ${m.summary}`);
  return `${'rule'.padEnd(w)}  severity fixable  summary\n` + lines.join('\n') + '\n';
}

/** Entry point of the bundled CLI. */
export function cliMain(): void {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTty: process.stdout.isTTY === true && !process.env.NO_COLOR,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cfn-tls-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
