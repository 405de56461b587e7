import { Diagnostic, lintText, MAX_TEMPLATE_BYTES, RuleFailure, RuleRegistry, Settings } from '../../rules/src/index';
import { FileReadError, readRegularTextSync } from '../../rules/src/node/read-file';

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
    text = readRegularTextSync(file, MAX_TEMPLATE_BYTES);
  } catch (e) {
    if (e instanceof FileReadError && e.kind === 'too-large') {
      const skipped = `file is ${((e.size ?? 0) / 1048576).toFixed(1)} MB, over the ${MAX_TEMPLATE_BYTES / 1048576} MB limit (CloudFormation accepts at most 1 MB)`;
      return { template: false, diagnostics: [], skipped, ruleFailures: [], read: false };
    }
    const reason = e instanceof FileReadError ? e.reason : String(e);
    return { template: false, diagnostics: [], readError: `cannot read file: ${reason}`, ruleFailures: [], read: false };
  }
  const fileSettings = settings();
  if (opts.beforeLint) text = opts.beforeLint(text);
  const result = lintText(text, file, registry, { settings: fileSettings, showSuppressed: opts.showSuppressed });
  return { template: result.template, diagnostics: result.diagnostics, skipped: result.skipped, ruleFailures: result.ruleFailures, read: true };
}
