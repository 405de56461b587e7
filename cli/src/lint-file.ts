import * as fs from 'fs';
import { Diagnostic, lintText, MAX_TEMPLATE_BYTES, RuleFailure, RuleRegistry, Settings } from '../../rules/src/index';

/**
 * One file's lint outcome: plain data, so a worker thread can send it to the main thread
 * (structured clone) and the main thread reports it exactly as if it had linted the file.
 */
export interface FileOutcome {
  template: boolean;
  diagnostics: Diagnostic[];
  /** Why the file was not linted (too large, binary). */
  skipped?: string;
  /** Why the file could not be read. */
  readError?: string;
  ruleFailures: RuleFailure[];
  /** The file was read and its settings used (the main thread reports config errors then). */
  read: boolean;
}

export interface LintFileOptions {
  showSuppressed: boolean;
  /** Rewrites the text before the lint (`--fix`); runs on the main thread only. */
  beforeLint?: (text: string) => string;
}

/**
 * Reads and lints one file: the same steps on the main thread and in the workers. `settings`
 * is asked for only once the file has been read (a sequential run reports config errors then).
 */
export function lintFile(file: string, registry: RuleRegistry, settings: () => Settings, opts: LintFileOptions): FileOutcome {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_TEMPLATE_BYTES) {
      const skipped = `file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_TEMPLATE_BYTES / 1048576} MB limit (CloudFormation accepts at most 1 MB)`;
      return { template: false, diagnostics: [], skipped, ruleFailures: [], read: false };
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { template: false, diagnostics: [], readError: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, ruleFailures: [], read: false };
  }
  const fileSettings = settings();
  if (opts.beforeLint) text = opts.beforeLint(text);
  const result = lintText(text, file, registry, { settings: fileSettings, showSuppressed: opts.showSuppressed });
  return { template: result.template, diagnostics: result.diagnostics, skipped: result.skipped, ruleFailures: result.ruleFailures, read: true };
}
