// Mocha's account of the failed tests (its spec reporter's "N failing" section), kept from a
// suite's output so that the run's summary repeats it: CI logs show their end first.
'use strict';

class FailureReport {
  constructor() {
    this.lines = [];
    this.on = false;
    /** The last line while it is incomplete (a pipe's chunks end anywhere). */
    this.partial = '';
  }

  /** Feeds output: whole lines or any chunk of it. */
  add(text) {
    const lines = (this.partial + String(text)).split('\n');
    this.partial = lines.pop();
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (/^\s*\d+ failing\s*$/.test(line)) this.on = true;
    if (this.on) this.lines.push(line);
  }

  /** The section, or '' when nothing failed. */
  text() {
    const lines = [...this.lines];
    if (this.on && this.partial) lines.push(this.partial);
    return lines.join('\n').trim();
  }
}

module.exports = { FailureReport };
