import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { testKeys } from './keys';

/**
 * One repository holding every hostile input of issue #13 at once, as a clone could carry it
 * (docs/robustness.md): a config with a backtracking pattern, a many-star glob, a weak
 * recommended policy and `__proto__` options; a `.gitignore` of 50,000 patterns; symlinks to
 * /dev/zero and a FIFO where the config, an ignore file and templates are read; a folder nobody
 * may read; file names with `#`, `?`, control characters and invalid UTF-8; a 50 MB file, binary
 * content, an alias bomb, deep nesting; a bare private key; and a config planted in the folder
 * above the repository that would switch every rule off.
 */

export interface HostileRepository {
  /** The folder above the repository (it holds the planted config). */
  outer: string;
  /** The repository (it has a `.git`). */
  repo: string;
  /** A bare private-key body written into a template: it must never be echoed. */
  keyBody: string;
  /** The template whose weak listener must still be reported. */
  weakTemplate: string;
  remove(): void;
}

const LONG_NAME = `${'a'.repeat(95)}.yaml`;
const CONTROL = '\u001b]0;owned\u0007\u001b[2J';

const WEAK_LISTENER = (policy: string, environment: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Environment:
    Type: String
    Default: ${environment}
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb
      Port: 443
      Protocol: HTTPS
      SslPolicy: ${policy}
      Certificates:
        - CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
`;

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

export function makeHostileRepository(): HostileRepository {
  // World-readable, so that the tests can lint it as an unprivileged user too.
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-hostile-'));
  fs.chmodSync(outer, 0o755);
  const repo = path.join(outer, 'repo');
  const at = (...p: string[]): string => path.join(repo, ...p);
  fs.mkdirSync(at('.git'), { recursive: true });

  // A config above the repository: it must not apply.
  write(path.join(outer, '.cfn-tls-lint.yaml'), 'rules:\n  elbv2-ssl-policy-weak: off\n');
  write(
    at('.cfn-tls-lint.yaml'),
    [
      'production:',
      '  valuePattern: "^(a+)+$"',
      '  files: ["*a*a*a*a*a*a*a*b"]',
      'exclude: ["*a*a*a*a*a*a*a*b"]',
      'recommendedPolicies:',
      '  elbv2: ELBSecurityPolicy-TLS-1-0-2015-04',
      'rules:',
      '  elbv2-ssl-policy-weak: [warning, {__proto__: {minimumTls: "1.0"}, constructor: x}]',
      '',
    ].join('\n'),
  );
  const patterns: string[] = [];
  for (let i = 0; i < 50_000; i++) patterns.push(i % 10 === 0 ? `*generated-${i}*.yaml` : `build-${i}/`);
  write(at('.gitignore'), patterns.join('\n') + '\n');

  const weakTemplate = at('templates', 'listener.yaml');
  write(weakTemplate, WEAK_LISTENER('ELBSecurityPolicy-2016-08', 'a'.repeat(34)));
  write(at('templates', LONG_NAME), WEAK_LISTENER('ELBSecurityPolicy-TLS-1-1-2017-01', 'prod'));
  write(at('templates', 'control.yaml'), WEAK_LISTENER(JSON.stringify(CONTROL), 'dev'));
  write(at('templates', 'hash#q?.yaml'), WEAK_LISTENER('ELBSecurityPolicy-2016-08', 'dev'));
  write(at('templates', `bell\u0007name.yaml`), WEAK_LISTENER('ELBSecurityPolicy-2016-08', 'dev'));
  const keyBody = testKeys().keys.rsaPkcs8.toString('base64');
  write(
    at('templates', 'key.yaml'),
    WEAK_LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06', 'dev').replace('Parameters:\n', `Parameters:\n  Key:\n    Type: String\n    Default: ${keyBody}\n`),
  );
  write(at('templates', 'bomb.yaml'), aliasBomb());
  write(at('templates', 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
  write(at('templates', 'binary.yaml'), Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256)));
  const huge = fs.openSync(at('templates', 'huge.yaml'), 'w');
  fs.writeSync(huge, 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: ');
  fs.ftruncateSync(huge, 50 * 1024 * 1024);
  fs.closeSync(huge);

  // Special files where the linter reads: a config and an ignore file in a sub-project, templates.
  fs.symlinkSync('/dev/zero', at('templates', 'zero.yaml'));
  execFileSync('mkfifo', [at('templates', 'fifo.yaml')]);
  fs.mkdirSync(at('project'), { recursive: true });
  fs.symlinkSync('/dev/zero', at('project', '.gitignore'));
  execFileSync('mkfifo', [at('project', '.cfn-tls-lint.yaml')]);
  write(at('project', 'stack.yaml'), WEAK_LISTENER('ELBSecurityPolicy-2016-08', 'dev'));

  // A name that is not valid UTF-8 (bytes 0xff 0xfe).
  const dirBytes = Buffer.from(at('templates'));
  fs.writeFileSync(Buffer.concat([dirBytes, Buffer.from('/bad-\xff\xfe.yaml', 'latin1')]), WEAK_LISTENER('ELBSecurityPolicy-2016-08', 'dev'));

  // A folder nobody but root may read.
  write(at('locked', 'stack.yaml'), WEAK_LISTENER('ELBSecurityPolicy-2016-08', 'dev'));
  fs.chmodSync(at('locked'), 0o000);

  for (const d of walkDirs(repo)) fs.chmodSync(d, 0o755);
  return {
    outer,
    repo,
    keyBody,
    weakTemplate,
    remove: () => {
      fs.chmodSync(at('locked'), 0o755);
      fs.rmSync(outer, { recursive: true, force: true });
    },
  };
}

/** Every folder below a root (the locked one excluded). */
function walkDirs(root: string): string[] {
  const out = [root];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== 'locked') out.push(...walkDirs(path.join(root, e.name)));
  }
  return out;
}

/** Billion laughs, with template markers so that it is parsed. */
function aliasBomb(): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Metadata:', '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push('Resources: {}');
  return lines.join('\n') + '\n';
}
