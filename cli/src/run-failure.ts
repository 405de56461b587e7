import { defaultRegistry } from '../../rules/src/index';
import type { CliArgs } from './args';
import { formatJson } from './format/json';
import { RunError, summarize } from './format/report';
import { formatSarif } from './format/sarif';
import type { CliIo } from './main';

/**
 * A run that stops before its report (bad usage, a missing path or config, a baseline that is
 * not one, an internal error) still prints a document in `--format json` and `--format sarif`,
 * listing why; stderr says it too. Other formats print nothing on stdout then.
 */

type Asked = Pick<CliArgs, 'format' | 'inventory' | 'fixDryRun'>;

/** The format JSON/SARIF documents are printed in, or undefined (stylish, github, the inventory, a diff). */
export function documentFormat(a: Asked): 'json' | 'sarif' | undefined {
  if (a.inventory || a.fixDryRun) return undefined;
  return a.format === 'json' || a.format === 'sarif' ? a.format : undefined;
}

/** What the command line asks for, read leniently: for reporting a usage error in the format asked for. */
export function formatAsked(argv: string[]): Asked {
  const asked: Asked = { format: 'stylish', inventory: argv.includes('--inventory'), fixDryRun: argv.includes('--fix-dry-run') };
  argv.forEach((a, i) => {
    const value = a.startsWith('--format=') ? a.slice('--format='.length) : a === '--format' || a === '-f' ? argv[i + 1] : undefined;
    if (value === 'json' || value === 'sarif') asked.format = value;
    else if (value !== undefined) asked.format = 'stylish';
  });
  return asked;
}

/** A run that stops before linting: JSON and SARIF still print a document listing why (stderr said it too). */
export function printFailure(io: CliIo, format: 'json' | 'sarif' | undefined, errors: RunError[], version: string): void {
  if (format === 'json') io.out(formatJson([], summarize([], 0), errors));
  else if (format === 'sarif') io.out(formatSarif([], defaultRegistry().allMetas(), version, errors, io.cwd));
}
