import * as fs from 'fs';
import { bytePathOf } from './byte-path';
import { Diagnostic, lintText, LintResult, MAX_TEMPLATE_BYTES, RuleFailure, RuleRegistry, Settings } from '../../rules/src/index';

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
  /**
   * Rewrites the text before the lint (`--fix`), given the bytes it was decoded from; may return
   * the lint of the text it returns (fix-all ends with one). Runs on the main thread only.
   */
  beforeLint?: (text: string, bytes: Buffer) => { text: string; lint?: LintResult };
}

/**
 * Reads and lints one file: the same steps on the main thread and in the workers. `settings`
 * is asked for only once the file has been read (a sequential run reports config errors then).
 */
export function lintFile(file: string, registry: RuleRegistry, settings: () => Settings, opts: LintFileOptions): FileOutcome {
  const read = readTemplate(file);
  if ('skipped' in read) return { template: false, diagnostics: [], skipped: read.skipped, ruleFailures: [], read: false };
  if ('readError' in read) return { template: false, diagnostics: [], readError: read.readError, ruleFailures: [], read: false };
  const bytes = read.bytes;
  let text = bytes.toString('utf8');
  const fileSettings = settings();
  const fixed = opts.beforeLint?.(text, bytes);
  if (fixed) text = fixed.text;
  const result = fixed?.lint ?? lintText(text, file, registry, { settings: fileSettings, showSuppressed: opts.showSuppressed });
  return { template: result.template, diagnostics: result.diagnostics, skipped: result.skipped, ruleFailures: result.ruleFailures, read: true };
}

type ReadOutcome = { bytes: Buffer } | { skipped: string } | { readError: string };

/** The file's bytes, unless it is too large or cannot be read. */
function readTemplate(file: string): ReadOutcome {
  try {
    return readBytes(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A name that is not valid UTF-8 reached us with U+FFFD in it (byte-path.ts).
      const named = bytePathOf(file);
      if (named && 'ambiguous' in named) return { readError: 'cannot read file: its name is not valid UTF-8, and other names in its folder read the same once the invalid bytes are replaced (U+FFFD); rename it' };
      if (named) {
        try {
          return readBytes(named.path);
        } catch (again) {
          e = again;
        }
      }
    }
    return { readError: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

function readBytes(file: string | Buffer): ReadOutcome {
  const size = fs.statSync(file).size;
  if (size > MAX_TEMPLATE_BYTES) return { skipped: `file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_TEMPLATE_BYTES / 1048576} MB limit (CloudFormation accepts at most 1 MB)` };
  return { bytes: fs.readFileSync(file) };
}
