import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultRegistry, parseConfig } from '../../../rules/src/index';
import { runCli, tempDir } from '../../support/cli';

/** Config `environments` (issue 17, part 4): a template linted once per environment's parameter files. */

const PARAMETERS = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'parameters');
const read = (name: string): string => fs.readFileSync(path.join(PARAMETERS, name), 'utf8');
const metas = defaultRegistry().metas;

interface JsonDiagnostic {
  rule: string;
  message: string;
  environments?: string[];
}
const diagnostics = (stdout: string): JsonDiagnostic[] =>
  (JSON.parse(stdout) as { files: { diagnostics: JsonDiagnostic[] }[] }).files.flatMap((f) => f.diagnostics);

function project(config: string): string {
  return tempDir({
    '.cfn-tls-lint.yaml': config,
    'stacks/web.yaml': read('template.yaml'),
    'other/standalone.yaml': read('template.yaml'),
    'params/prod.json': read('prod.json'),
    'params/legacy.json': read('legacy-pipeline.json'),
    'samconfig.toml': read('samconfig.toml'),
  });
}

const CONFIG = `environments:
  prod:
    parameters: [params/prod.json]
    templates: ['stacks/**']
  legacy:
    parameters: params/legacy.json
    templates: ['stacks/**']
  sam-prod:
    parameters: ['samconfig.toml#prod']
    templates: ['stacks/**']
`;

describe('environments (config)', () => {
  it('parses names, parameter files (one or a list) and template globs; problems name their line', () => {
    const { layer, errors } = parseConfig(CONFIG, '/repo/.cfn-tls-lint.yaml', metas);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      layer.environments!.map((e) => [e.name, e.parameterFiles, e.templates, e.baseDir, e.line]),
      [
        ['prod', ['params/prod.json'], ['stacks/**'], '/repo', 1],
        ['legacy', ['params/legacy.json'], ['stacks/**'], '/repo', 4],
        ['sam-prod', ['samconfig.toml#prod'], ['stacks/**'], '/repo', 7],
      ],
    );
    const bad = parseConfig(
      'environments:\n  "no spaces": { parameters: a.json }\n  dev: { templates: [x] }\n  qa: { parameters: [1], colour: blue }\n  ok: { parameters: [], templates: ["[x"] }\n',
      'c.yaml',
      metas,
    );
    assert.deepEqual(
      bad.errors.map((e) => `${e.line + 1}: ${e.detail}`),
      [
        '2: environments: "no spaces" is not an environment name (letters, digits, ".", "_", "-")',
        '3: environments.dev needs parameters: the parameter files of that environment',
        '4: environments.qa.parameters must be a list of strings',
        '4: environments.qa: unknown setting "colour" (known: parameters, templates)',
        '5: environments.ok.templates: the glob "[x" does not compile: a "[" is never closed (write "\\[" for the character)',
        '5: environments.ok needs parameters: the parameter files of that environment',
      ],
    );
  });

  it('each matching template is linted per environment; a finding names the environments it holds in', () => {
    const dir = project(CONFIG);
    const r = runCli(['--format', 'json', 'stacks/web.yaml'], dir);
    assert.equal(r.stderr, '');
    const found = diagnostics(r.stdout);
    assert.deepEqual(
      found.map((d) => [d.rule, d.environments]),
      [
        ['elbv2-ssl-policy-weak', ['legacy']],
        ['elbv2-ssl-policy-weak', ['sam-prod']],
        ['cloudfront-tls-version', ['legacy']],
      ],
      'prod passes a strong policy; the prod environments take the IsProd branch of the distribution',
    );
    assert.match(found[0].message, /'ELBSecurityPolicy-2016-08' .* \(in legacy\)$/);
    assert.match(found[1].message, /'ELBSecurityPolicy-FS-2018-06' .* \(in sam-prod\)$/);
  });

  it('the same finding in several environments is one diagnostic; templates outside the globs keep their defaults', () => {
    const dir = project(CONFIG.replace('params/prod.json', 'params/legacy.json'));
    const found = diagnostics(runCli(['--format', 'json', 'stacks/web.yaml'], dir).stdout);
    assert.deepEqual(
      found.map((d) => d.environments),
      [['prod', 'legacy'], ['sam-prod'], ['prod', 'legacy']],
    );
    assert.match(found[0].message, /\(in prod and legacy\)$/);
    const standalone = diagnostics(runCli(['--format', 'json', 'other/standalone.yaml'], dir).stdout);
    assert.deepEqual(
      standalone.map((d) => [d.rule, d.environments]),
      [['cloudfront-tls-version', undefined]],
      'with its own Default and AllowedValues',
    );
  });

  it('--parameters replaces the environments; an unreadable parameter file is a config error (exit 2)', () => {
    const dir = project(CONFIG);
    const given = diagnostics(runCli(['--format', 'json', '--parameters', 'params/prod.json', 'stacks/web.yaml'], dir).stdout);
    assert.deepEqual(given, []);
    const broken = project(CONFIG.replace('params/prod.json', 'params/missing.json'));
    const r = runCli(['stacks/web.yaml'], broken);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /config error: \.cfn-tls-lint\.yaml:2: environments\.prod: params\/missing\.json: no such file/);
  });
});
