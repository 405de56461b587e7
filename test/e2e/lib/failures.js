// Mocha's account of the failed tests (its spec reporter's "N failing" section), kept from a
// suite's output so that the run's summary repeats it: CI logs show their end first.
'use strict';

class FailureReport {
  constructor() {
    this.lines = [];
    this.on = false;
  }

  /** Feeds output (any number of lines). */
  add(text) {
    for (const line of String(text).split('\n')) {
      if (/^\s*\d+ failing\s*$/.test(line)) this.on = true;
      if (this.on) this.lines.push(line);
    }
  }

  /** The section, or '' when nothing failed. */
  text() {
    return this.lines.join('\n').trim();
  }
}

module.exports = { FailureReport };
