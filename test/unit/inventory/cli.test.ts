import { strict as assert } from 'assert';
import { runCli, tempDir, WEAK_LISTENER } from '../../support/cli';

const ERROR_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: a.example.com
      ValidationMethod: DNS
      KeyAlgorithm: RSA_1024 # cfn-tls-lint-disable-line acm-key-algorithm -- fixture
`;

describe('CLI --inventory', () => {
  it('markdown and csv are formats of --inventory only; sarif and github are not inventory formats', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    for (const args of [
      ['--format', 'markdown', 'a.yaml'],
      ['--format', 'csv', 'a.yaml'],
      ['--inventory', '--format', 'sarif', 'a.yaml'],
      ['--inventory', '--format', 'github', 'a.yaml'],
      ['--inventory', '--fix-dry-run', 'a.yaml'],
    ]) {
      const r = runCli(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /inventory/);
    }
  });

  it('lists templates only; a template that does not parse is listed with the reason; exit 0', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER, 'notes.yaml': 'name: x\n', 'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n" });
    const r = runCli(['--inventory', '--format', 'json', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.templates.map((t: { file: string }) => t.file).sort(), ['a.yaml', 'broken.yaml']);
    const broken = out.templates.find((t: { file: string }) => t.file === 'broken.yaml');
    assert.match(broken.error, /Syntax error/);
    assert.deepEqual([broken.certificates, broken.endpoints], [[], []]);
    assert.equal(out.summary.templates, 2);
  });

  it('a missing path still exits 2', () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    const r = runCli(['--inventory', 'a.yaml', 'nope.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /\| `a\.yaml` \|/);
  });

  it('findings follow the lint options: --show-suppressed marks suppressed ones, --quiet keeps errors', () => {
    const dir = tempDir({ 't.yaml': ERROR_TEMPLATE });
    const plain = JSON.parse(runCli(['--inventory', '--format', 'json', 't.yaml'], dir).stdout);
    const rules = (out: { templates: { certificates: { findings: { rule: string; suppressed?: true }[] }[] }[] }) => out.templates[0].certificates[0].findings;
    assert.ok(!rules(plain).some((f) => f.rule === 'acm-key-algorithm'));
    const shown = JSON.parse(runCli(['--inventory', '--format', 'json', '--show-suppressed', 't.yaml'], dir).stdout);
    assert.deepEqual(
      rules(shown)
        .filter((f) => f.rule === 'acm-key-algorithm')
        .map((f) => f.suppressed),
      [true],
    );
    const quiet = JSON.parse(runCli(['--inventory', '--format', 'json', '--quiet', 't.yaml'], dir).stdout);
    assert.ok(rules(quiet).every((f) => (f as unknown as { severity: string }).severity === 'error'));
  });

  it('--help names the inventory formats', () => {
    assert.match(runCli(['--help'], tempDir()).stdout, /--inventory[\s\S]*markdown/);
  });
});
