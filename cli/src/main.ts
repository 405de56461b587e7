import fs = require('fs');
import path = require('path');
import {
  ConfigLayer,
  defaultRegistry,
  didYouMean,
  lintText,
  LintResult,
  mergeSettings,
  RuleSetting,
  Settings,
  SeverityOrOff,
  type SuppliedParameter,
} from '../../rules/src/index';
import { ConfigLocator, loadConfigFile, LoadedConfig } from '../../rules/src/node/config-files';
import { excludedByConfig } from '../../rules/src/node/config-excludes';
import { CliArgs, HELP, parseArgs, UsageError } from './args';
import { applyBaseline, BaselineError, readBaseline, writeBaseline } from './baseline';
import { collectFiles } from './files';
import { fixFile } from './fix';
import { formatInventory } from './inventory-command';
import { FileOutcome, lintFile } from './lint-file';
import { lintInPool } from './pool';
import { lintNestedStacks } from './nested-stacks';
import { attachConstructs } from './cdk';
import { stackSettings, type CdkStack } from '../../rules/src/node/cdk-assembly';
import { ParameterFileError, readParameterFile, withEnvironmentValues } from '../../rules/src/node/parameter-files';
import { formatGithub } from './format/github';
import { formatGitlab } from './format/gitlab';
import { formatJunit } from './format/junit';
import { formatJson } from './format/json';
import { jsonSafe, printableLines } from './format/printable';
import { FileReport, RunError, summarize } from './format/report';
import { documentFormat, formatAsked, printFailure } from './run-failure';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { tuneJitForLinting } from '../../rules/src/node/code-cache';

declare const CLI_VERSION: string | undefined;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : '0.0.0-dev';

export interface CliIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/**
 * Runs over fewer files (without `--fix`, which lints each file several times) end before V8
 * would optimise much: tuning its JIT (code-cache.ts) would only cost them its 3 ms.
 */
const JIT_TUNING_MIN_FILES = 20;

/** Runs the CLI; resolves to the exit status. Never calls process.exit (output must drain). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let printed = false;
  // Text from files (names, values, messages) never reaches a terminal raw (format/printable.ts).
  const safe: CliIo = {
    ...io,
    out: (s) => {
      printed = true;
      io.out(s);
    },
    err: (s) => io.err(printableLines(s)),
  };
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    safe.err(`cfn-tls-lint: ${e.message}\nRun cfn-tls-lint --help for usage.\n`);
    printFailure(safe, documentFormat(formatAsked(argv)), [{ message: e.message }], VERSION);
    return 2;
  }
  try {
    return await run(args, safe);
  } catch (e) {
    // An engine or CLI bug: stderr gets the stack; JSON and SARIF still get a document.
    safe.err(`cfn-tls-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    if (!printed) printFailure(safe, documentFormat(args), [{ message: `internal error: ${String(e)}` }], VERSION);
    return 2;
  }
}

async function run(args: CliArgs, io: CliIo): Promise<number> {
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
  const machine = documentFormat(args);
  const stop = (message: string): number => {
    io.err(`cfn-tls-lint: ${message}\n`);
    printFailure(io, machine, [{ message }], VERSION);
    return 2;
  };
  if (!args.paths.length) {
    io.err('cfn-tls-lint: no paths given.\nRun cfn-tls-lint --help for usage.\n');
    printFailure(io, machine, [{ message: 'no paths given' }], VERSION);
    return 2;
  }

  // CLI --rule flags: the top layer.
  const cliRules = new Map<string, RuleSetting>();
  for (const [id, sev] of args.ruleOverrides) {
    if (!registry.metas.has(id)) return stop(`--rule: unknown rule "${id}"${didYouMean(id, registry.metas.keys())} (see --list-rules)`);
    if (!SEVERITIES.has(sev)) return stop(`--rule ${id}: severity must be off, info, warning or error, got "${sev}"`);
    cliRules.set(id, { severity: sev as SeverityOrOff });
  }
  const parameterValues = new Map<string, SuppliedParameter>();
  for (const file of args.parameterFiles) {
    try {
      for (const [k, v] of readParameterFile(file)) parameterValues.set(k, v);
    } catch (e) {
      if (e instanceof ParameterFileError) return stop(`--parameters ${file}: ${e.message}`);
      throw e;
    }
  }
  const cliLayer: ConfigLayer = {
    rules: cliRules,
    ...(args.serverless ? { serverless: true } : {}),
    ...(args.noInlineSuppressions ? { suppressions: false } : {}),
    // Values given for the run replace the configured environments.
    ...(parameterValues.size ? { parameterValues, environments: [] } : {}),
  };

  let status = 0;
  const errors: RunError[] = [];
  /** A problem of the run: stderr, the `errors` of JSON and SARIF, exit status 2. */
  const fail = (message: string, file?: string): void => {
    io.err(`cfn-tls-lint: ${file !== undefined ? `${file}: ` : ''}${message}\n`);
    errors.push(file !== undefined ? { message, path: file } : { message });
    status = 2;
  };
  const reportedConfigs = new Set<string>();
  const reportConfig = (c: LoadedConfig | undefined): void => {
    if (!c || reportedConfigs.has(c.file)) return;
    reportedConfigs.add(c.file);
    for (const e of c.errors) fail(`config error: ${path.relative(io.cwd, e.file) || e.file}:${e.line + 1}: ${e.detail}`);
  };
  let explicitConfig: LoadedConfig | undefined;
  if (args.config) {
    const abs = path.resolve(io.cwd, args.config);
    if (!fs.existsSync(abs)) return stop(`config file ${args.config} does not exist`);
    explicitConfig = loadConfigFile(abs, registry);
    reportConfig(explicitConfig);
  }
  const relPathOf = (file: string): string => relativeTo(io.cwd, file).split(path.sep).join('/') || path.basename(file);
  const locator = new ConfigLocator(registry);
  const settingsCache = new Map<string, Settings>();
  const settingsOf = (c: LoadedConfig | undefined): Settings => {
    const key = c?.file ?? '';
    let s = settingsCache.get(key);
    if (!s)
      settingsCache.set(
        key,
        (s = withEnvironmentValues(mergeSettings(c?.layer, cliLayer), (m) => fail(`config error: ${c ? relPathOf(c.file) : 'config'}:${m}`))),
      );
    return s;
  };
  /** CDK stacks of the run (collectFiles): their region is their target region. */
  let stacks: ReadonlyMap<string, CdkStack> = new Map();
  const settingsFor = (file: string): Settings => {
    const c = explicitConfig ?? locator.forFile(file);
    reportConfig(c);
    return stackSettings(settingsOf(c), stacks.get(file));
  };

  let baseline: Set<string> | undefined;
  if (args.baseline) {
    try {
      baseline = readBaseline(path.resolve(io.cwd, args.baseline));
    } catch (e) {
      if (!(e instanceof BaselineError)) throw e;
      return stop(e.message);
    }
  }

  const { files: found, explicit, missing, unreadable, cdk, regular } = await collectFiles(args.paths, io.cwd);
  stacks = cdk;
  // Config `exclude` globs (relative to the config file's folder) apply to files found by a walk.
  const files = found.filter((f) => explicit.has(f) || !excludedByConfig(f, settingsFor(f).exclude, (explicitConfig ?? locator.forFile(f))?.file, io.cwd));
  for (const m of missing) fail(`no such file or directory: ${m}`);
  // What could not be read is said, never passed over as clean (robustness.md, "F5: paths that cannot be read").
  for (const u of unreadable) fail(u.reason, relativeTo(io.cwd, u.path).split(path.sep).join('/') || u.path);
  if (missing.length && !files.length && !unreadable.length) {
    printFailure(io, machine, errors, VERSION);
    return 2;
  }

  const started = performance.now();
  const reports: FileReport[] = [];
  const fixDiffs: string[] = [];
  const failedRules = new Set<string>();
  const fixing = args.fix || args.fixDryRun;
  if (fixing || files.length >= JIT_TUNING_MIN_FILES) tuneJitForLinting();
  // Many files: worker threads and this thread lint them (pool.ts), outcomes in file order; config
  // errors and rule failures are still reported below, where a sequential run reports them.
  // `--fix` stays in-process.
  const lintHere = (f: string, s: Settings): FileOutcome =>
    lintFile(f, registry, () => s, { showSuppressed: args.showSuppressed, seenRegular: regular.has(f) });
  const pooled = fixing
    ? undefined
    : await lintInPool(files, (f) => stackSettings(settingsOf(explicitConfig ?? locator.forFile(f)), stacks.get(f)), args.showSuppressed, lintHere);
  for (const [index, file] of files.entries()) {
    const relPath = relPathOf(file);
    const report: FileReport = { file, relPath, template: false, diagnostics: [] };
    reports.push(report);
    const fixText = (text: string, bytes: Buffer): { text: string; lint?: LintResult } => {
      const settings = settingsFor(file);
      // The lint options of the report, so that fix-all's last lint is the report's.
      const lint = (t: string): LintResult => lintText(t, file, registry, { settings, showSuppressed: args.showSuppressed });
      const fixed = fixFile({ file, relPath, text, bytes, dryRun: args.fixDryRun, lint });
      if (fixed.error) fail(fixed.error, relPath);
      if (fixed.notice) io.err(`cfn-tls-lint: ${relPath}: ${fixed.notice}\n`);
      if (fixed.diff) fixDiffs.push(fixed.diff);
      // Another program changed the file: the report describes it as it now is.
      if (fixed.changedOnDisk) return { text: readNow(file) ?? text };
      return { text: fixed.text, lint: fixed.lint };
    };
    const done = pooled?.[index];
    if (done?.read) settingsFor(file);
    // The next `cdk synth` rewrites a cloud assembly's templates: the fix belongs in the app's source.
    const fixHere = fixing && !stacks.has(file);
    const result =
      done ??
      lintFile(file, registry, () => settingsFor(file), {
        showSuppressed: args.showSuppressed,
        beforeLint: fixHere ? fixText : undefined,
        seenRegular: regular.has(file),
      });
    if (result.readError) {
      report.readError = result.readError;
      fail(result.readError, relPath);
      continue;
    }
    report.template = result.template;
    report.skipped = result.skipped;
    report.diagnostics = result.diagnostics;
    if (result.nestingText !== undefined) report.nestingText = result.nestingText;
    for (const f of result.ruleFailures) {
      if (failedRules.has(f.rule)) continue;
      failedRules.add(f.rule);
      io.err(`cfn-tls-lint: rule ${f.rule} failed on ${relPath}: ${f.message} (other rules still ran; further failures of this rule are not repeated)\n`);
    }
  }
  attachConstructs(reports, cdk, relPathOf);
  if (!args.inventory) {
    lintNestedStacks(reports, {
      registry,
      settingsFor,
      showSuppressed: args.showSuppressed,
      relPath: relPathOf,
      note: (m) => io.err(`cfn-tls-lint: ${m}\n`),
    });
  }
  if (baseline && args.baseline) applyBaseline(reports, baseline, path.resolve(io.cwd, args.baseline));
  if (args.quiet) for (const r of reports) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  if (args.writeBaseline) {
    try {
      const n = writeBaseline(reports, path.resolve(io.cwd, args.writeBaseline));
      io.err(`cfn-tls-lint: wrote ${n} finding${n === 1 ? '' : 's'} to ${args.writeBaseline}\n`);
    } catch (e) {
      fail(`cannot write baseline ${args.writeBaseline}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }

  if (args.inventory) {
    // A report, not a verdict: the exit status says only whether everything could be read.
    const inventory = formatInventory(reports, settingsFor, args.format);
    io.out(args.format === 'json' ? jsonSafe(inventory) : printableLines(inventory));
    return status;
  }

  const summary = summarize(reports, performance.now() - started);
  // A diff is a patch (the file's own bytes) unless a person reads it on a terminal.
  if (args.fixDryRun) io.out(io.isTty ? printableLines(fixDiffs.join('')) : fixDiffs.join(''));
  else
    switch (args.format) {
      case 'json':
        io.out(formatJson(reports, summary, errors));
        break;
      case 'sarif':
        io.out(
          formatSarif(reports, registry.allMetas(), VERSION, errors, io.cwd, {
            category: args.sarifCategory,
            startedAt: new Date(Date.now() - (performance.now() - started)),
          }),
        );
        break;
      case 'github':
        io.out(formatGithub(reports, errors));
        break;
      case 'junit':
        io.out(formatJunit(reports, summary, errors));
        break;
      case 'gitlab':
        io.out(formatGitlab(reports));
        break;
      default:
        io.out(formatStylish(reports, summary, args.color ?? io.isTty, errors));
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

/** The file's text now, after another program changed it during `--fix`. */
function readNow(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listRules(metas: { id: string; severity: string; fixable: boolean; summary: string }[]): string {
  const w = Math.max(...metas.map((m) => m.id.length));
  const lines = metas.map((m) => `${m.id.padEnd(w)}  ${m.severity.padEnd(7)}  ${m.fixable ? 'fixable' : '       '}  ${m.summary}`);
  return `${'rule'.padEnd(w)}  severity fixable  summary\n` + lines.join('\n') + '\n';
}

/** Entry point of the bundled CLI. */
export function cliMain(): void {
  // Once nothing is left to do, exit at once: a normal end first frees the V8 heap page by page
  // (some 20 ms after a corpus run), which the system does anyway when the process exits.
  process.once('beforeExit', () => process.exit());
  // A reader that stops early (`| head`): what is left is not written, and the run ends as it would.
  const closed = new Set<NodeJS.WriteStream>();
  const writer = (stream: NodeJS.WriteStream) => {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed.add(stream);
    });
    return (s: string): void => void (closed.has(stream) || stream.write(s));
  };
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    out: writer(process.stdout),
    err: writer(process.stderr),
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
