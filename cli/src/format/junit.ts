import type { FileReport, RunError, Summary } from './report';

/**
 * `--format junit`: JUnit XML for Jenkins, CodeBuild and other CI test reports. A file is a test
 * suite; each finding is a failing test case (its type the severity), and a file without one is a
 * passing case, so that the report lists every file linted. Problems of the run are errors of a
 * suite of their own. Validated against Jenkins' JUnit schema in the tests.
 */
export function formatJunit(reports: FileReport[], summary: Summary, errors: readonly RunError[] = []): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of reports) {
    const cases: string[] = [];
    const found = r.diagnostics.filter((d) => !d.suppressed);
    for (const d of found) {
      const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const name = `${d.rule} ${d.path.join('/') || '(file)'} (${at})`;
      const detail = `${r.relPath}:${at} ${d.severity} ${d.message} (${d.rule})`;
      cases.push(
        `    <testcase classname="${attr(r.relPath)}" name="${attr(name)}" time="0">\n      <failure message="${attr(d.message)}" type="${d.severity}">${text(detail)}</failure>\n    </testcase>`,
      );
    }
    if (r.readError)
      cases.push(
        `    <testcase classname="${attr(r.relPath)}" name="read" time="0">\n      <error message="${attr(r.readError)}" type="read-error"/>\n    </testcase>`,
      );
    if (!cases.length) cases.push(`    <testcase classname="${attr(r.relPath)}" name="${r.template ? 'no TLS findings' : 'not a template'}" time="0"/>`);
    const errs = r.readError ? 1 : 0;
    tests += cases.length;
    failures += found.length;
    suites.push(
      `  <testsuite name="${attr(r.relPath)}" tests="${cases.length}" failures="${found.length}" errors="${errs}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const runErrors = errors.filter((e) => !reports.some((r) => r.readError && r.relPath === e.path));
  if (runErrors.length) {
    const cases = runErrors.map(
      (e, i) =>
        `    <testcase classname="cfn-tls-lint" name="problem ${i + 1}" time="0">\n      <error message="${attr(e.message)}" type="run-error"/>\n    </testcase>`,
    );
    tests += cases.length;
    suites.push(
      `  <testsuite name="cfn-tls-lint run" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const seconds = (summary.ms / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cfn-tls-lint" tests="${tests}" failures="${failures}" time="${seconds}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F): shown as escapes. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const visible = (s: string): string => s.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function text(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
