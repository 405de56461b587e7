import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../support/cli';

/**
 * The GitHub Action (action.yml, issue 18, part 3): its script run as the runner runs it, with
 * the environment GitHub sets (GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, INPUT_*).
 */

const SCRIPT = path.join(ROOT, 'scripts', 'github-action.js');

function runAction(inputs: Record<string, string>): { status: number | null; stdout: string; summary: string; output: string; workspace: string } {
  const workspace = tempDir({ 'stacks/web.yaml': fs.readFileSync(path.join(ROOT, 'examples', 'web-alb.yaml'), 'utf8') });
  fs.cpSync(path.join(ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  const runner = tempDir({ summary: '', output: '' });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
    GITHUB_OUTPUT: path.join(runner, 'output'),
    GITHUB_ACTION_PATH: ROOT,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: workspace, env, encoding: 'utf8' });
  return {
    status: r.status,
    stdout: r.stdout,
    summary: fs.readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    output: fs.readFileSync(env.GITHUB_OUTPUT!, 'utf8'),
    workspace,
  };
}

describe('the GitHub Action', function () {
  this.timeout(60000);

  it('action.yml passes every input to the script and exposes its outputs', () => {
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: { env?: Record<string, string>; run: string }[] };
    };
    assert.equal(action.runs.using, 'composite');
    const env = action.runs.steps.find((s) => s.run.includes('github-action.js'))!.env!;
    for (const name of Object.keys(action.inputs)) assert.equal(env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`);
    for (const [name, o] of Object.entries(action.outputs)) assert.equal(o.value, `\${{ steps.lint.outputs.${name} }}`);
  });

  it('writes SARIF with its category, annotations, the job summary and the outputs; fails on warnings when asked', () => {
    const r = runAction({ paths: 'stacks examples', 'sarif-file': 'reports/tls.sarif', category: 'infra', 'fail-on': 'warning', args: '' });
    assert.equal(r.status, 1);
    const sarif = JSON.parse(fs.readFileSync(path.join(r.workspace, 'reports', 'tls.sarif'), 'utf8')) as {
      runs: { automationDetails: { id: string }; results: unknown[] }[];
    };
    assert.match(sarif.runs[0].automationDetails.id, /^infra\//);
    assert.ok(sarif.runs[0].results.length > 0);
    assert.match(r.stdout, /^::warning file=stacks\/web\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=elbv2-ssl-policy-weak::/m);
    assert.match(r.summary, /^## cfn-tls-lint$/m);
    assert.match(
      r.summary,
      /\| \[elbv2-ssl-policy-weak\]\(https:\/\/github\.com\/cfn-tls-lint\/cfn-tls-lint\/blob\/main\/docs\/rules\/elbv2-ssl-policy-weak\.md\) \| warning \| 2 \| 2 \|/,
    );
    assert.match(r.summary, /### TLS inventory\n\n\d+ certificates?, \d+ endpoints?: \d+ accepts? TLS below 1\.2/);
    assert.match(r.output, /^sarif-file=reports\/tls\.sarif\nerrors=\d+\nwarnings=\d+\n$/);
  });

  it('fail-on error (the default) passes with warnings only; a bad input is a clear error', () => {
    assert.equal(runAction({ paths: 'stacks' }).status, 0);
    const bad = runAction({ paths: 'stacks', 'fail-on': 'sometimes' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /::error::cfn-tls-lint: fail-on must be error, warning or never/);
  });
});
