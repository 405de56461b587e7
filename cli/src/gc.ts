import v8 = require('v8');
import vm = require('vm');

/**
 * A full garbage collection, around the lints of a large `--fix`. V8 lets the heap grow until it
 * nears a limit set from the machine's memory, so the garbage of one lint of a large template
 * (hundreds of MB) was still there when the next step allocated as much again: `--fix` on 16,000
 * listeners peaked at 700 MB where one lint needs 430 MB. The collector is reached as
 * `--expose-gc` would expose it, switched on at run time once (jest's leak detector does the
 * same); where that fails, nothing happens.
 */
let collect: (() => void) | null | undefined = null;

export function collectGarbage(): void {
  if (collect === null) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = undefined;
    }
  }
  collect?.();
}
