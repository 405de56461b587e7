'use strict';
// `util` in the browser bundles: inspect for the server's log lines. See README.md.
function inspect(value) {
  if (value instanceof Error) return value.stack || value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

module.exports = { inspect };
