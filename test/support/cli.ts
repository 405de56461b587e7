import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'bin', 'cfn-tls-lint.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (build it first: `npm test` does) in a working directory. */
export function runCli(args: string[], cwd: string, input?: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];
// Temporary folders of a test run are removed when the run ends.
process.on('exit', () => {
  for (const dir of created) {
    try {
      fs.chmodSync(dir, 0o755); // some tests make a folder read-only
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: a leftover temp folder is not a test failure
    }
  }
});

/** A fresh temporary folder with the given files (path -> text), removed when the process exits. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-'));
  created.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export const WEAK_LISTENER = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      SslPolicy: ELBSecurityPolicy-2016-08
      Certificates:
        - CertificateArn: !Ref CertificateArn
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
Parameters:
  CertificateArn:
    Type: String
`;

/** One file in a fresh temporary folder, with a mode. */
export function tempFile(name: string, text: string, mode = 0o644): { dir: string; file: string } {
  const dir = tempDir({ [name]: text });
  const file = path.join(dir, name);
  fs.chmodSync(file, mode);
  return { dir, file };
}
