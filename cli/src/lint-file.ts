import { bytePathOf } from './byte-path';
import { mayNestStacks } from './nested-stacks';
import { Diagnostic, lintDeployed, LintResult, MAX_TEMPLATE_BYTES, RuleFailure, RuleRegistry, Settings } from '../../rules/src/index';
import { FileReadError, readRegularFileSync } from '../../rules/src/node/read-file';

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
  /** The text of a template that names a nested stack type (its stacks are linted with what it passes them). */
  nestingText?: string;
}

export interface LintFileOptions {
  showSuppressed: boolean;
  /**
   * Rewrites the text before the lint (`--fix`), given the bytes it was decoded from; may return
   * the lint of the text it returns (fix-all ends with one). Runs on the main thread only.
   */
  beforeLint?: (text: string, bytes: Buffer) => { text: string; lint?: LintResult };
  /** The file was seen to be a regular file when it was collected (files.ts `regular`). */
  seenRegular?: boolean;
}

/**
 * Reads and lints one file: the same steps on the main thread and in the workers. `settings`
 * is asked for only once the file has been read (a sequential run reports config errors then).
 */
export function lintFile(file: string, registry: RuleRegistry, settings: () => Settings, opts: LintFileOptions): FileOutcome {
  const read = readTemplate(file, opts.seenRegular);
  if ('skipped' in read) return { template: false, diagnostics: [], skipped: read.skipped, ruleFailures: [], read: false };
  if ('readError' in read) return { template: false, diagnostics: [], readError: read.readError, ruleFailures: [], read: false };
  const bytes = read.bytes;
  let text = bytes.toString('utf8');
  const fileSettings = settings();
  const fixed = opts.beforeLint?.(text, bytes);
  if (fixed) text = fixed.text;
  const result = fixed?.lint ?? lintDeployed(text, file, registry, { settings: fileSettings, showSuppressed: opts.showSuppressed });
  const outcome: FileOutcome = {
    template: result.template,
    diagnostics: result.diagnostics,
    skipped: result.skipped,
    ruleFailures: result.ruleFailures,
    read: true,
  };
  if (result.template && mayNestStacks(text)) outcome.nestingText = text;
  return outcome;
}

type ReadOutcome = { bytes: Buffer } | { skipped: string } | { readError: string };

/** The file's bytes, unless it is too large, not a regular file, or cannot be read. */
function readTemplate(file: string, seenRegular = false): ReadOutcome {
  let outcome = readBytes(file, seenRegular);
  if ('readError' in outcome && outcome.code === 'ENOENT') {
    // A name that is not valid UTF-8 reached us with U+FFFD in it (byte-path.ts).
    const named = bytePathOf(file);
    if (named && 'ambiguous' in named)
      return {
        readError:
          'cannot read file: its name is not valid UTF-8, and other names in its folder read the same once the invalid bytes are replaced (U+FFFD); rename it',
      };
    if (named) outcome = readBytes(named.path);
  }
  return outcome;
}

function readBytes(file: string | Buffer, seenRegular = false): ReadOutcome & { code?: string } {
  try {
    return { bytes: readRegularFileSync(file, MAX_TEMPLATE_BYTES, seenRegular) };
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    if (e.kind === 'too-large')
      return {
        skipped: `file is ${((e.size ?? 0) / 1048576).toFixed(1)} MB, over the ${MAX_TEMPLATE_BYTES / 1048576} MB limit (CloudFormation accepts at most 1 MB)`,
      };
    return { readError: `cannot read file: ${e.reason}`, code: e.code };
  }
}
