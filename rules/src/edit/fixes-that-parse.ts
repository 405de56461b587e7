import type { TextEdit } from './writer';

/**
 * The fixes of a pass (in priority order) whose edits together still parse, when all of them
 * together do not. Halves are tried in turn, so one broken fix among thousands costs a few dozen
 * parses of the file, not one per fix; past a budget of about twice the depth of that search
 * (a few broken fixes), the rest wait for the next pass, which re-lints and plans them again.
 */
export function fixesThatParse(fixes: readonly TextEdit[][], parseTogether: (fixes: TextEdit[][]) => boolean): TextEdit[][] {
  const kept: TextEdit[][] = [];
  let budget = 2 * Math.ceil(Math.log2(fixes.length + 1)) + 4;
  const tryAdd = (batch: readonly TextEdit[][], knownBad: boolean): void => {
    if (!batch.length || budget <= 0) return;
    if (!knownBad) {
      budget--;
      if (parseTogether([...kept, ...batch])) {
        kept.push(...batch);
        return;
      }
    }
    if (batch.length === 1) return;
    const mid = batch.length >> 1;
    tryAdd(batch.slice(0, mid), false);
    tryAdd(batch.slice(mid), false);
  };
  tryAdd(fixes, true);
  return kept;
}
