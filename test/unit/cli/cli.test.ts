import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, runCli, tempDir, WEAK_LISTENER } from '../../support/cli';

const NO_POLICY = WEAK_LISTENER.replace('      SslPolicy: ELBSecurityPolicy-2016-08\n', '');

describe('CLI', () => {
  it('prints the JSON contract', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER, 'notes.yaml': 'name: x\n' });
    const r = runCli(['--format', 'json', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    const a = out.files.find((f: { path: string }) => f.path === 'a.yaml');
    assert.equal(a.template, true);
    const d = a.diagnostics.find((x: { rule: string }) => x.rule === 'elbv2-ssl-policy-weak');
    for (const k of ['rule', 'severity', 'message', 'resource', 'path', 'range', 'fixable', 'suppressed']) assert.ok(k in d, k);
    assert.equal(d.resource, 'Listener');
    assert.deepEqual(d.path, ['Resources', 'Listener', 'Properties', 'SslPolicy']);
    assert.deepEqual(d.range.start, { line: 7, character: 17 });
    assert.equal(d.fixable, true);
    const notes = out.files.find((f: { path: string }) => f.path === 'notes.yaml');
    assert.deepEqual(notes, { path: 'notes.yaml', template: false, diagnostics: [] });
    assert.equal(out.summary.files, 2);
    assert.equal(out.summary.templates, 1);
    assert.equal(out.summary.warnings >= 1, true);
  });

  it('exits 1 on an error-severity finding and follows --rule overrides', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    assert.equal(runCli(['a.yaml'], dir).status, 0);
    assert.equal(runCli(['--rule', 'elbv2-ssl-policy-weak=error', 'a.yaml'], dir).status, 1);
    const off = runCli(['--rule', 'elbv2-ssl-policy-weak=off', '--format', 'json', 'a.yaml'], dir);
    assert.ok(!off.stdout.includes('elbv2-ssl-policy-weak'));
  });

  it('--max-warnings and --quiet', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    assert.equal(runCli(['--max-warnings', '0', 'a.yaml'], dir).status, 1);
    assert.equal(runCli(['--max-warnings', '5', 'a.yaml'], dir).status, 0);
    const quiet = runCli(['--quiet', '--format', 'json', 'a.yaml'], dir);
    assert.equal(JSON.parse(quiet.stdout).files[0].diagnostics.length, 0);
  });

  it('a missing path gives one clear line and exit 2', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    const r = runCli(['nope.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no such file or directory: nope\.yaml/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('bad usage exits 2', () => {
    const dir = tempDir();
    assert.equal(runCli(['--format', 'xml', '.'], dir).status, 2);
    assert.equal(runCli(['--rule', 'no-such-rule=error', '.'], dir).status, 2);
    assert.equal(runCli([], dir).status, 2);
  });

  it('a broken config file gives a clear line naming file and line, exit 2, and the files are still linted', () => {
    const dir = tempDir({ '.cfn-tls-lint.yaml': 'rules:\n  elbv2-ssl-policy-weak: [warning\n', 'a.yaml': WEAK_LISTENER });
    const r = runCli(['--format', 'json', 'a.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.cfn-tls-lint\.yaml:\d+:/);
    assert.ok(JSON.parse(r.stdout).files[0].diagnostics.length > 0);
    const unknown = tempDir({ '.cfn-tls-lint.yaml': 'rules:\n  no-such-rule: error\nregions: [eu-west-1]\n', 'a.yaml': WEAK_LISTENER });
    const u = runCli(['a.yaml'], unknown);
    assert.equal(u.status, 2);
    assert.match(u.stderr, /\.cfn-tls-lint\.yaml:2: unknown rule "no-such-rule"/);
  });

  it('uses the nearest config file, and --config instead of it', () => {
    const dir = tempDir({
      'team/.cfn-tls-lint.yaml': 'rules:\n  elbv2-ssl-policy-weak: error\n',
      'team/a.yaml': WEAK_LISTENER,
      'other.yaml': 'rules:\n  elbv2-ssl-policy-weak: info\n',
    });
    assert.equal(runCli(['team/a.yaml'], dir).status, 1);
    const r = runCli(['--config', 'other.yaml', '--format', 'json', 'team/a.yaml'], dir);
    assert.equal(r.status, 0);
    assert.equal(JSON.parse(r.stdout).files[0].diagnostics.find((d: { rule: string }) => d.rule === 'elbv2-ssl-policy-weak').severity, 'info');
  });

  it('a syntax error gets template-parse-error at its line and other files are still linted', () => {
    const dir = tempDir({ 'bad.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: [AWS::S3::Bucket\n", 'good.yaml': WEAK_LISTENER });
    const r = runCli(['--format', 'json', '.'], dir);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    const bad = out.files.find((f: { path: string }) => f.path === 'bad.yaml');
    assert.equal(bad.template, true);
    assert.equal(bad.diagnostics[0].rule, 'template-parse-error');
    assert.ok(out.files.find((f: { path: string }) => f.path === 'good.yaml').diagnostics.length > 0);
  });

  it('refuses a 50 MB file and an alias bomb in bounded time', () => {
    const big = 'Resources:\n' + '#'.repeat(50 * 1024 * 1024) + '\n';
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const dir = tempDir({ 'big.yaml': big, 'bomb.yaml': lines.join('\n') + '\n' });
    const t0 = Date.now();
    const r = runCli(['--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout);
    assert.match(out.files.find((f: { path: string }) => f.path === 'big.yaml').skipped, /over the 10 MB limit/);
    const bomb = out.files.find((f: { path: string }) => f.path === 'bomb.yaml');
    assert.ok(bomb.diagnostics.some((d: { message: string }) => /alias/.test(d.message)));
    assert.ok(Date.now() - t0 < 30_000);
  });

  it('walks directories honouring .gitignore and the default excludes', () => {
    const dir = tempDir({
      '.gitignore': 'ignored/\n*.generated.yaml\n',
      'ignored/a.yaml': WEAK_LISTENER,
      'x.generated.yaml': WEAK_LISTENER,
      'node_modules/p/a.yaml': WEAK_LISTENER,
      'cdk.out/a.json': '{}',
      'src/a.yaml': WEAK_LISTENER,
      'src/readme.md': '# x',
    });
    fs.mkdirSync(path.join(dir, '.git'));
    const r = runCli(['--format', 'json', '.'], dir);
    assert.deepEqual(
      JSON.parse(r.stdout).files.map((f: { path: string }) => f.path),
      ['src/a.yaml'],
    );
    const explicit = runCli(['--format', 'json', 'ignored/a.yaml'], dir);
    assert.equal(JSON.parse(explicit.stdout).files.length, 1);
    const glob = runCli(['--format', 'json', 'src/*.yaml'], dir);
    assert.deepEqual(
      JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path),
      ['src/a.yaml'],
    );
  });

  it('writes a large JSON report whole through a pipe', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`t${i}.yaml`] = NO_POLICY;
    const dir = tempDir(files);
    // A consumer that reads slowly through a real pipe.
    const script = `const {spawn}=require('child_process');const p=spawn(process.execPath,[${JSON.stringify(CLI)},'--format','json','.'],{cwd:${JSON.stringify(dir)}});let s='';p.stdout.on('data',d=>{s+=d;p.stdout.pause();setTimeout(()=>p.stdout.resume(),1)});p.on('close',()=>{const o=JSON.parse(s);process.stdout.write(String(o.files.length))})`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.stdout, '400', r.stderr);
  });

  it('a reader that closes the pipe early (| head) ends the run quietly', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`t${i}.yaml`] = NO_POLICY;
    const dir = tempDir(files);
    const script = `const {spawn}=require('child_process');const p=spawn(process.execPath,[${JSON.stringify(CLI)},'--format','json','.'],{cwd:${JSON.stringify(dir)}});let err='';p.stderr.on('data',d=>err+=d);p.stdout.once('data',()=>p.stdout.destroy());p.on('close',(code)=>process.stdout.write(JSON.stringify({code,err})))`;
    const r = JSON.parse(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout) as { code: number; err: string };
    assert.equal(r.err, '', 'no stack trace');
    const whole = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.code, whole.status, 'the exit status of the findings, as when the whole report is read');
  });

  it('sarif output is SARIF 2.1.0 with rule help URIs', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    const out = JSON.parse(runCli(['--format', 'sarif', 'a.yaml'], dir).stdout);
    assert.equal(out.version, '2.1.0');
    const run = out.runs[0];
    assert.ok(run.tool.driver.rules.length > 1);
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/.+\.md$/);
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'elbv2-ssl-policy-weak');
    assert.equal(result.level, 'warning');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'a.yaml');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 8);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'elbv2-ssl-policy-weak');
  });

  it('github output is workflow annotations', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    const out = runCli(['--format', 'github', 'a.yaml'], dir).stdout;
    assert.match(out, /^::warning file=a\.yaml,line=8,col=18,endLine=8,endColumn=\d+,title=elbv2-ssl-policy-weak::SslPolicy/m);
  });

  it('baseline: recorded findings are ignored by template path, even after lines move', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    const w = runCli(['--write-baseline', 'baseline.json', 'a.yaml'], dir);
    assert.equal(w.status, 0);
    fs.writeFileSync(path.join(dir, 'a.yaml'), '# a new comment line\n' + WEAK_LISTENER);
    const r = runCli(['--baseline', 'baseline.json', '--format', 'json', 'a.yaml'], dir);
    assert.ok(!r.stdout.includes('elbv2-ssl-policy-weak'));
    assert.equal(runCli(['--baseline', 'missing.json', 'a.yaml'], dir).status, 2);
  });

  it('--list-rules lists ids, severities, fixable and summaries', () => {
    const r = runCli(['--list-rules'], tempDir());
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^elbv2-ssl-policy-weak\s+warning\s+fixable\s+\S/m);
    assert.match(r.stdout, /^template-parse-error\s+error\s+\S/m);
  });

  it('--show-suppressed marks suppressed findings', () => {
    const text = WEAK_LISTENER.replace('      SslPolicy:', '      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-weak -- kiosk clients\n      SslPolicy:');
    const dir = tempDir({ 'a.yaml': text });
    assert.ok(!runCli(['--format', 'json', 'a.yaml'], dir).stdout.includes('elbv2-ssl-policy-weak'));
    const shown = JSON.parse(runCli(['--format', 'json', '--show-suppressed', 'a.yaml'], dir).stdout);
    const d = shown.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'elbv2-ssl-policy-weak');
    assert.equal(d.suppressed, true);
  });
});
