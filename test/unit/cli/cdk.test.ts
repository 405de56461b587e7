import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findCloudAssembly, readCloudAssembly, userFrame } from '../../../rules/src/node/cdk-assembly';
import { runCli, tempDir } from '../../support/cli';

/**
 * CDK (issue 17, part 1) over a real synthesis: test/fixtures/cdk-app/cdk.out is what
 * scripts/synth-cdk-fixture.sh made from app.ts with aws-cdk-lib and the aws-cdk CLI (stack
 * traces on: `cdk synth --debug`). Its frames name the machine that synthesised it; these tests
 * run on a copy elsewhere, so that relocating them is always exercised.
 */

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cdk-app');

function copyApp(): string {
  const dir = tempDir();
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

interface JsonDiagnostic {
  rule: string;
  fixable: boolean;
  resource: string | null;
  construct?: { path: string; source?: { file: string; line: number; column: number } };
}
interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

const lint = (cwd: string, ...args: string[]): JsonReport => JSON.parse(runCli(['--format', 'json', ...args], cwd).stdout) as JsonReport;
const rulesOf = (r: JsonReport, file: string): string[] => r.files.find((f) => f.path === file)!.diagnostics.map((d) => d.rule);

describe('CDK cloud assemblies (CLI)', () => {
  it('an app folder (cdk.json) or its cdk.out: every stack template, stage assemblies included', () => {
    const dir = copyApp();
    const stacks = ['cdk.out/WebStack.template.json', 'cdk.out/assembly-Prod/ProdWebF45B1510.template.json'];
    const ofApp = lint(dir, '.').files.filter((f) => f.path.startsWith('cdk.out/'));
    assert.deepEqual(ofApp.map((f) => f.path).sort(), [...stacks].sort());
    assert.deepEqual(
      lint(dir, 'cdk.out')
        .files.map((f) => f.path)
        .sort(),
      [...stacks].sort(),
    );
    assert.equal(findCloudAssembly(dir), path.join(dir, 'cdk.out'));
    assert.equal(findCloudAssembly(path.join(dir, 'cdk.out')), path.join(dir, 'cdk.out'));
    // A stage's own assembly can be named too; its frames still relocate to the app above it.
    const stage = path.join(dir, 'cdk.out', 'assembly-Prod');
    assert.equal(findCloudAssembly(stage), stage);
    assert.deepEqual(readCloudAssembly(stage).stacks[0].constructs.get('HttpsListener1C292967')?.source, {
      file: path.join(dir, 'app.ts'),
      line: 21,
      column: 5,
    });
  });

  it('each finding carries its construct path and the app line that created it, relocated to this checkout', () => {
    const dir = copyApp();
    const report = lint(dir, 'cdk.out');
    const weak = report.files.find((f) => f.path === 'cdk.out/WebStack.template.json')!.diagnostics.find((d) => d.rule === 'elbv2-ssl-policy-weak')!;
    assert.deepEqual(weak.construct, { path: 'WebStack/HttpsListener/Resource', source: { file: 'app.ts', line: 21, column: 5 } });
    assert.match(fs.readFileSync(path.join(dir, 'app.ts'), 'utf8').split('\n')[20], /new ApplicationListener\(this, 'HttpsListener'/);
    assert.equal(weak.fixable, false, 'the next synth rewrites the template: no fix there');
    const prod = report.files.find((f) => f.path.endsWith('ProdWebF45B1510.template.json'))!.diagnostics;
    assert.ok(prod.every((d) => d.construct?.path.startsWith('Prod/Web/')));
  });

  it("the stack's region is its target region: certificate-region only where the app deploys outside us-east-1", () => {
    const report = lint(copyApp(), 'cdk.out');
    assert.ok(!rulesOf(report, 'cdk.out/WebStack.template.json').includes('certificate-region'), 'WebStack deploys in us-east-1');
    assert.ok(rulesOf(report, 'cdk.out/assembly-Prod/ProdWebF45B1510.template.json').includes('certificate-region'), 'Prod deploys in eu-west-1');
  });

  it('SARIF points at the source line, with the template as a related location; github annotates the source', () => {
    const dir = copyApp();
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'cdk.out'], dir).stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            logicalLocations: { kind: string; fullyQualifiedName?: string }[];
          }[];
          relatedLocations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    const weak = sarif.runs[0].results.find((r) => r.ruleId === 'elbv2-ssl-policy-weak')!;
    assert.equal(weak.locations[0].physicalLocation.artifactLocation.uri, 'app.ts');
    assert.equal(weak.locations[0].physicalLocation.region.startLine, 21);
    assert.ok(weak.locations[0].logicalLocations.some((l) => l.kind === 'construct' && l.fullyQualifiedName?.endsWith('HttpsListener/Resource')));
    assert.match(weak.relatedLocations[0].physicalLocation.artifactLocation.uri, /cdk\.out\/.*\.template\.json$/);
    const github = runCli(['--format', 'github', 'cdk.out/WebStack.template.json'], dir).stdout;
    assert.match(github, /::warning file=app\.ts,line=21,col=5,title=elbv2-ssl-policy-weak::/);
    assert.match(runCli(['cdk.out'], dir).stdout, /\(construct WebStack\/HttpsListener\/Resource, app\.ts:21:5\)/);
  });

  it('--fix leaves the cloud assembly alone', () => {
    const dir = copyApp();
    const file = path.join(dir, 'cdk.out', 'WebStack.template.json');
    const before = fs.readFileSync(file, 'utf8');
    runCli(['--fix', 'cdk.out'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });

  it('stack frames: the first frame of the app, in the forms Node and the CDK write them', () => {
    const dir = tempDir({ 'lib/web.ts': '', 'bin/app.ts': '' });
    assert.deepEqual(userFrame(['...new Vpc2 in aws-cdk-lib...', 'new WebStack (/ci/build/lib/web.ts:19:17)', '<anonymous> (/ci/build/bin/app.ts:3:1)'], dir), {
      file: path.join(dir, 'lib/web.ts'),
      line: 19,
      column: 17,
    });
    assert.deepEqual(userFrame(['    at new X (/x/node_modules/aws-cdk-lib/a.js:1:2)', `    at ${dir}/bin/app.ts:7:3`], dir), {
      file: path.join(dir, 'bin/app.ts'),
      line: 7,
      column: 3,
    });
    assert.deepEqual(userFrame([`at file://${dir}/bin/app.ts:2:9`], dir), { file: path.join(dir, 'bin/app.ts'), line: 2, column: 9 });
    assert.equal(userFrame(['...node internals...', 'node:internal/modules/cjs/loader:1:1', 42], dir), undefined);
  });

  it('a manifest that is not JSON: a clear error (exit 2), no crash', () => {
    const dir = tempDir({ 'cdk.out/manifest.json': '{ nope', 'cdk.out/cdk.out': '{"version":"48.0.0"}' });
    const r = runCli(['cdk.out'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cloud assembly: .*manifest\.json: not valid JSON/);
    assert.deepEqual(readCloudAssembly(path.join(dir, 'cdk.out')).stacks, []);
  });
});
