import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, tempDir } from '../../support/cli';

/**
 * A SAM app as `sam init` and `sam deploy --config-env` lay it out (issue 17, part 2): the implicit
 * API of `Events` under a `Globals` domain, an HTTP API, a function URL, and samconfig.toml
 * environments whose values are linted.
 */

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sam-app');

interface JsonDiagnostic {
  rule: string;
  path: (string | number)[];
  fixable: boolean;
  environments?: string[];
  related?: { message: string }[];
}

function app(extra: Record<string, string> = {}): string {
  return tempDir({
    'template.yaml': fs.readFileSync(path.join(FIXTURE, 'template.yaml'), 'utf8'),
    'samconfig.toml': fs.readFileSync(path.join(FIXTURE, 'samconfig.toml'), 'utf8'),
    ...extra,
  });
}
const findings = (dir: string, ...args: string[]): JsonDiagnostic[] =>
  (JSON.parse(runCli(['--format', 'json', ...args, 'template.yaml'], dir).stdout) as { files: { diagnostics: JsonDiagnostic[] }[] }).files[0].diagnostics;

describe('a SAM app (CLI)', () => {
  it('with its defaults: the Globals domain of the implicit API and the HTTP API domain are TLS 1.2, nothing to report', () => {
    assert.deepEqual(findings(app()), []);
  });

  it("a samconfig environment's values: the weak policy it passes is reported on the Globals domain, related to samconfig.toml, no fix", () => {
    const [d] = findings(app(), '--parameters', 'samconfig.toml#legacy');
    assert.equal(d.rule, 'apigw-domain-tls-version');
    assert.deepEqual(d.path, ['Globals', 'Api', 'Domain', 'SecurityPolicy']);
    assert.equal(d.fixable, false);
    assert.match(d.related![0].message, /comes from the value samconfig\.toml gives parameter DomainPolicy/);
  });

  it('config environments over samconfig.toml: the finding names the environment it holds in', () => {
    const dir = app({ '.cfn-tls-lint.yaml': 'environments:\n  dev: { parameters: samconfig.toml }\n  legacy: { parameters: "samconfig.toml#legacy" }\n' });
    assert.deepEqual(
      findings(dir).map((d) => [d.rule, d.environments]),
      [['apigw-domain-tls-version', ['legacy']]],
    );
  });

  it('the inventory lists the Globals domain, the HTTP API domain and the function URL', () => {
    const out = JSON.parse(runCli(['--inventory', '--format', 'json', 'template.yaml'], app()).stdout) as {
      templates: { endpoints: { key: string; kind: string; tlsFloor: string | null; details: Record<string, string[]> }[] }[];
    };
    assert.deepEqual(
      out.templates[0].endpoints.map((e) => [e.key, e.kind, e.tlsFloor]),
      [
        ['Globals.Api.Domain', 'apigw-domain', '1.2'],
        ['OrdersFunction.FunctionUrlConfig', 'lambda-function-url', null],
        ['ReportsApi', 'apigw-domain', '1.2'],
      ],
    );
    assert.deepEqual(out.templates[0].endpoints[1].details.authType, ['AWS_IAM']);
  });
});
