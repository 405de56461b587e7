'use strict';
// cfn-lint, the yardstick of B1 and B7: its version, or undefined when it is not on PATH.
const { execFileSync } = require('child_process');

function cfnLintVersion() {
  try {
    return execFileSync('cfn-lint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

module.exports = { cfnLintVersion };
