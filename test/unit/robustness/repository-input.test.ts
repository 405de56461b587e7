import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, tempDir, WEAK_LISTENER } from '../../support/cli';

/**
 * A cloned repository is input, config and all (issue #13): its `.cfn-tls-lint.yaml`,
 * `.gitignore` files, symlinks and file names must not hang, exhaust or fool the linter. Each
 * case runs the bundled CLI in a child process with a generous time limit, so a regression
 * fails the test instead of hanging the suite; the inputs are sized so that the code before the
 * fix would take minutes or more (robustness.md, "Repository input").
 */

const LIMIT_MS = 60_000;

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: LIMIT_MS,
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined || r.signal !== null };
}

const WILDCARD_CERT = (environment: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Environment:
    Type: String
    Default: ${environment}
Resources:
  Certificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: '*.example.com'
      ValidationMethod: DNS
`;

function rulesOf(stdout: string, file: string): string[] {
  const f = JSON.parse(stdout).files.find((x: { path: string }) => x.path === file);
  return f ? f.diagnostics.map((d: { rule: string }) => d.rule) : [];
}

describe('robustness: repository input (issue #13)', function () {
  this.timeout(LIMIT_MS * 3);

  describe('F1: user regular expressions', () => {
    it('production.valuePattern "^(a+)+$" with a 60-character Default finishes (34 characters took > 30 s)', () => {
      const dir = tempDir({ '.cfn-tls-lint.yaml': 'production:\n  valuePattern: "^(a+)+$"\n', 't.yaml': WILDCARD_CERT('a'.repeat(60) + '!') });
      const r = cli(['--format', 'json', 't.yaml'], dir);
      assert.equal(r.timedOut, false);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!rulesOf(r.stdout, 't.yaml').includes('acm-wildcard-production'), 'not production: the pattern does not match');
      fs.writeFileSync(path.join(dir, 't.yaml'), WILDCARD_CERT('a'.repeat(60)));
      assert.ok(rulesOf(cli(['--format', 'json', 't.yaml'], dir).stdout, 't.yaml').includes('acm-wildcard-production'), 'the pattern still matches');
    });

    it('a pattern RE2 cannot run is a config error on its line; the default pattern applies', () => {
      const dir = tempDir({ '.cfn-tls-lint.yaml': 'production:\n  files: []\n  valuePattern: "^(a)\\\\1$"\n', 't.yaml': WILDCARD_CERT('prod') });
      const r = cli(['--format', 'json', 't.yaml'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /config error: \.cfn-tls-lint\.yaml:3: production\.valuePattern "\^\(a\)\\1\$" uses a backreference/);
      assert.ok(rulesOf(r.stdout, 't.yaml').includes('acm-wildcard-production'), '^prod still detects production');
    });
  });

  describe('F2: globs and .gitignore files', () => {
    const stars = '*a'.repeat(12) + '*b'; // picomatch: 8 stars on a 100-character name took 11 s
    const longName = 'a'.repeat(200) + '.yaml';

    it('exclude and production.files with many stars against a long file name finish', () => {
      const dir = tempDir({ '.cfn-tls-lint.yaml': `exclude: ["${stars}"]\nproduction:\n  files: ["${stars}"]\n`, [longName]: WEAK_LISTENER });
      const r = cli(['--format', 'json', '.'], dir);
      assert.equal(r.timedOut, false);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(rulesOf(r.stdout, longName).includes('elbv2-ssl-policy-weak'), 'not excluded: the glob does not match');
    });

    it('a .gitignore with 50,000 patterns over 2,000 files (51.6 s with the ignore package)', () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 2000; i++) files[`m${i % 40}/f-${i}.yaml`] = 'x: 1\n';
      files['m0/keep.yaml'] = WEAK_LISTENER;
      const lines = Array.from({ length: 50000 }, (_, i) => (i % 10 === 0 ? `*.tmp${i}` : i % 10 === 1 ? `/gen-${i}/**/x?.yaml` : `f-${i}.yaml`));
      files['.gitignore'] = lines.join('\n') + '\n';
      const dir = tempDir(files);
      fs.mkdirSync(path.join(dir, '.git'));
      const r = cli(['--format', 'json', '.'], dir);
      assert.equal(r.timedOut, false);
      const out = JSON.parse(r.stdout);
      // f-N.yaml is listed for N % 10 in 2..9: the files with N % 10 in 0..1 and keep.yaml remain.
      assert.equal(out.summary.files, 401);
      assert.ok(rulesOf(r.stdout, 'm0/keep.yaml').includes('elbv2-ssl-policy-weak'));
    });

    it('a glob that does not compile is a config error naming it', () => {
      const dir = tempDir({ '.cfn-tls-lint.yaml': 'exclude: ["@(a|b)/**"]\n', 't.yaml': WEAK_LISTENER });
      const r = cli(['t.yaml'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /\.cfn-tls-lint\.yaml:1: exclude: the glob "@\(a\|b\)\/\*\*" uses extended glob syntax/);
    });
  });

  describe('F3: special files', () => {
    const special = (dir: string, name: string, kind: 'fifo' | 'zero'): void => {
      const p = path.join(dir, name);
      if (kind === 'fifo') execFileSync('mkfifo', [p]);
      else fs.symlinkSync('/dev/zero', p);
    };

    for (const kind of ['fifo', 'zero'] as const) {
      const what = kind === 'fifo' ? 'a FIFO' : 'a symlink to /dev/zero';
      const says = kind === 'fifo' ? 'not a regular file \\(a FIFO\\)' : 'not a regular file \\(a character device\\)';

      it(`.cfn-tls-lint.yaml as ${what}: one config error, defaults for the rest`, () => {
        const dir = tempDir({ 't.yaml': WEAK_LISTENER });
        special(dir, '.cfn-tls-lint.yaml', kind);
        const r = cli(['--format', 'json', 't.yaml'], dir);
        assert.equal(r.timedOut, false);
        assert.equal(r.status, 2);
        assert.match(r.stderr, new RegExp(`config error: \\.cfn-tls-lint\\.yaml:1: cannot read the config file: ${says}`));
        assert.ok(rulesOf(r.stdout, 't.yaml').includes('elbv2-ssl-policy-weak'));
        // --config names it explicitly: the same.
        assert.match(cli(['--config', '.cfn-tls-lint.yaml', 't.yaml'], dir).stderr, new RegExp(says));
      });

      it(`.gitignore as ${what}: reported as unreadable, exit 2, the files still linted`, () => {
        const dir = tempDir({ 't.yaml': WEAK_LISTENER });
        special(dir, '.gitignore', kind);
        const r = cli(['--format', 'json', '.'], dir);
        assert.equal(r.timedOut, false);
        assert.equal(r.status, 2);
        assert.match(r.stderr, new RegExp(`\\.gitignore: cannot read ignore file: ${says}`));
        assert.deepEqual(JSON.parse(r.stdout).errors, [{ path: '.gitignore', message: `cannot read ignore file: ${says.replace(/\\/g, '')}` }]);
        assert.ok(rulesOf(r.stdout, 't.yaml').includes('elbv2-ssl-policy-weak'));
      });

      it(`a baseline and a template named on the command line as ${what}: refused`, () => {
        const dir = tempDir({ 't.yaml': WEAK_LISTENER });
        special(dir, 'base.json', kind);
        const b = cli(['--baseline', 'base.json', 't.yaml'], dir);
        assert.equal(b.timedOut, false);
        assert.equal(b.status, 2);
        assert.match(b.stderr, new RegExp(`cannot read baseline .*base\\.json: ${says}`));
        special(dir, 'x.yaml', kind);
        const x = cli(['--format', 'json', 'x.yaml', 't.yaml'], dir);
        assert.equal(x.timedOut, false);
        assert.equal(x.status, 2);
        assert.match(x.stderr, new RegExp(`x\\.yaml: ${says}`));
      });
    }

    it('a template that is a symlink to /dev/zero or a FIFO inside a walked folder is never opened', () => {
      const dir = tempDir({ 't.yaml': WEAK_LISTENER });
      special(dir, 'zero.yaml', 'zero');
      special(dir, 'fifo.yaml', 'fifo');
      const r = cli(['--format', 'json', '.'], dir);
      assert.equal(r.timedOut, false);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(
        JSON.parse(r.stdout).files.map((f: { path: string }) => f.path),
        ['t.yaml'],
      );
    });
  });

  describe('config lookup stops at the repository root', () => {
    const OFF = 'rules:\n  elbv2-ssl-policy-weak: "off"\n';

    for (const [what, makeGit] of [
      ['a .git folder', (d: string) => fs.mkdirSync(path.join(d, '.git'))],
      ['a .git file (worktree, submodule)', (d: string) => fs.writeFileSync(path.join(d, '.git'), 'gitdir: /elsewhere\n')],
    ] as [string, (d: string) => void][]) {
      it(`a config above the repository root (${what}) is not used`, () => {
        const outer = tempDir({ '.cfn-tls-lint.yaml': OFF, 'repo/templates/t.yaml': WEAK_LISTENER });
        makeGit(path.join(outer, 'repo'));
        const r = cli(['--format', 'json', 'templates/t.yaml'], path.join(outer, 'repo'));
        assert.ok(rulesOf(r.stdout, 'templates/t.yaml').includes('elbv2-ssl-policy-weak'), 'the planted config turned nothing off');
        // A config at the repository root (or below it) is used.
        fs.writeFileSync(path.join(outer, 'repo', '.cfn-tls-lint.yaml'), OFF);
        assert.ok(
          !rulesOf(cli(['--format', 'json', 'templates/t.yaml'], path.join(outer, 'repo')).stdout, 'templates/t.yaml').includes('elbv2-ssl-policy-weak'),
        );
      });
    }

    it('outside any repository the nearest config above is still used', () => {
      const outer = tempDir({ '.cfn-tls-lint.yaml': OFF, 'plain/t.yaml': WEAK_LISTENER });
      assert.ok(!rulesOf(cli(['--format', 'json', 't.yaml'], path.join(outer, 'plain')).stdout, 't.yaml').includes('elbv2-ssl-policy-weak'));
    });
  });

  describe('config values are checked, not trusted', () => {
    const HTTPS_NO_POLICY = WEAK_LISTENER.replace('      SslPolicy: ELBSecurityPolicy-2016-08\n', '');

    it('a recommendedPolicies entry below TLS 1.2, unknown, or not FIPS is a config error; --fix inserts the built-in policy', () => {
      const dir = tempDir({
        '.cfn-tls-lint.yaml': [
          'recommendedPolicies:',
          '  elbv2: ELBSecurityPolicy-TLS-1-0-2015-04',
          '  elbv2Fips: ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
          '  cloudfront: TLSv1.9_2099',
          '  opensearch: Policy-Min-TLS-1-2-PFS-2023-10',
        ].join('\n'),
        't.yaml': HTTPS_NO_POLICY,
      });
      const r = cli(['--fix', '--format', 'json', 't.yaml'], dir);
      assert.equal(r.status, 2);
      const lines = r.stderr.split('\n').filter((l) => l.includes('config error'));
      assert.equal(lines.length, 3, r.stderr);
      assert.match(
        lines[0],
        /\.cfn-tls-lint\.yaml:2: recommendedPolicies\.elbv2: "ELBSecurityPolicy-TLS-1-0-2015-04" accepts TLS 1\.0; a recommended policy must accept only TLS 1\.2 and newer; the built-in ELBSecurityPolicy-TLS13-1-2-Res-2021-06 is used/,
      );
      assert.match(lines[1], /:3: recommendedPolicies\.elbv2Fips: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" is not a FIPS policy/);
      assert.match(lines[2], /:4: recommendedPolicies\.cloudfront: "TLSv1\.9_2099" is not a CloudFront MinimumProtocolVersion this linter knows/);
      const fixed = fs.readFileSync(path.join(dir, 't.yaml'), 'utf8');
      assert.match(fixed, /SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06/);
      assert.ok(!fixed.includes('TLS-1-0-2015-04'));
    });

    it('option keys __proto__, constructor and toString are unknown options, and __proto__ takes no effect', () => {
      const TLS12 = WEAK_LISTENER.replace('ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06');
      const dir = tempDir({
        '.cfn-tls-lint.yaml': [
          'rules:',
          '  elbv2-ssl-policy-weak:',
          '    - warning',
          '    - __proto__: { minimumTls: "1.3" }',
          '      constructor: x',
          '      toString: y',
        ].join('\n'),
        't.yaml': TLS12,
      });
      const r = cli(['--format', 'json', 't.yaml'], dir);
      assert.equal(r.status, 2);
      const lines = r.stderr.split('\n').filter((l) => l.includes('config error'));
      assert.deepEqual(
        lines.map((l) => /unknown option "([^"]+)"/.exec(l)?.[1]),
        ['__proto__', 'constructor', 'toString'],
        r.stderr,
      );
      // Had `__proto__` become the options' prototype, minimumTls 1.3 would flag this TLS 1.2 policy.
      assert.ok(!rulesOf(r.stdout, 't.yaml').includes('elbv2-ssl-policy-weak'));
    });
  });
});
