import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ParameterFileError, overridePairs, readParameterFile } from '../../../rules/src/node/parameter-files';
import { defaultRegistry, lintText, mergeSettings, type SuppliedParameter } from '../../../rules/src/index';
import { runCli, tempDir } from '../../support/cli';

/** `--parameters` (issue 17, part 4): values for the run replace a parameter's Default and AllowedValues. */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'parameters');
const fixture = (name: string): string => path.join(FIXTURES, name);
const values = (m: Map<string, SuppliedParameter>): Record<string, string | undefined> => Object.fromEntries([...m].map(([k, v]) => [k, v.value]));
const registry = defaultRegistry();

function lintWith(values: Record<string, string>, text = fs.readFileSync(fixture('template.yaml'), 'utf8')) {
  const parameterValues = new Map(Object.entries(values).map(([k, v]) => [k, { value: v, from: 'test.json' }]));
  return lintText(text, 'template.yaml', registry, { settings: mergeSettings({ parameterValues }) });
}

describe('parameter values for a run (--parameters)', () => {
  it('reads the AWS CLI list, a CodePipeline configuration and SAM configuration (toml, yaml; default or #env)', () => {
    assert.deepEqual(values(readParameterFile(fixture('prod.json'))), {
      Environment: 'prod',
      ListenerPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
    });
    assert.deepEqual(values(readParameterFile(fixture('legacy-pipeline.json'))), { Environment: 'dev', ListenerPolicy: 'ELBSecurityPolicy-2016-08' });
    assert.deepEqual(values(readParameterFile(fixture('samconfig.toml'))), { Environment: 'dev', ListenerPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' });
    assert.deepEqual(values(readParameterFile(`${fixture('samconfig.toml')}#prod`)), { Environment: 'prod', ListenerPolicy: 'ELBSecurityPolicy-FS-2018-06' });
    assert.deepEqual(values(readParameterFile(fixture('samconfig.yaml'))), { Environment: 'prod', ListenerPolicy: 'ELBSecurityPolicy-2016-08' });
    assert.equal(readParameterFile(fixture('prod.json')).get('Environment')!.from, 'prod.json');
  });

  it('parameter_overrides: quoted values with blanks, the AWS CLI shorthand; a word that is not Key=Value is an error', () => {
    assert.deepEqual(Object.fromEntries(overridePairs(['A=1 B="two words" C=\'x y\'', 'ParameterKey=D,ParameterValue=4'])), {
      A: '1',
      B: 'two words',
      C: 'x y',
      D: '4',
    });
    assert.throws(() => overridePairs(['A=1 oops']), ParameterFileError);
  });

  it('a file that is none of these, missing or broken: a clear error', () => {
    const dir = tempDir({ 'a.json': '{"name": "x"}', 'b.json': '[{"Value": 1}]', 'c.json': '{ nope', 'samconfig.toml': 'version = 0.1\n' });
    assert.throws(() => readParameterFile(path.join(dir, 'a.json')), /no parameters found/);
    assert.throws(() => readParameterFile(path.join(dir, 'b.json')), /without ParameterKey/);
    assert.throws(() => readParameterFile(path.join(dir, 'c.json')), /not valid JSON/);
    assert.throws(() => readParameterFile(path.join(dir, 'samconfig.toml')), /no parameter_overrides in \[default.deploy.parameters\]/);
    assert.throws(() => readParameterFile(path.join(dir, 'missing.json')), /no such file/);
  });

  it('a supplied value replaces Default and AllowedValues: reported on the property, related at the parameter, no fix', () => {
    const none = lintWith({});
    assert.deepEqual(
      none.diagnostics.map((d) => d.rule),
      ['cloudfront-tls-version'],
      'the AllowedValues are strong: nothing on the listener',
    );
    const weak = lintWith({ ListenerPolicy: 'ELBSecurityPolicy-2016-08' }).diagnostics.find((d) => d.rule === 'elbv2-ssl-policy-weak')!;
    assert.deepEqual(weak.path, ['Resources', 'Listener', 'Properties', 'SslPolicy']);
    assert.equal(weak.related[0].message, "'ELBSecurityPolicy-2016-08' comes from the value test.json gives parameter ListenerPolicy");
    assert.deepEqual(weak.related[0].path, ['Parameters', 'ListenerPolicy']);
    assert.deepEqual(weak.fixes, [], 'the template is not where the value is set');
    // Conditions follow the supplied value: prod takes the TLS 1.2 branch only.
    assert.deepEqual(
      lintWith({ Environment: 'prod' }).diagnostics.map((d) => d.rule),
      [],
    );
    // A value outside the template's AllowedValues is still the run's value.
    assert.deepEqual(
      lintWith({ Environment: 'prod', ListenerPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' }).diagnostics.map((d) => d.rule),
      ['elbv2-ssl-policy-weak'],
    );
  });

  it('CLI: --parameters, repeatable (later files win); --fix leaves a supplied value alone; a bad file exits 2', () => {
    const dir = tempDir({
      'template.yaml': fs.readFileSync(fixture('template.yaml'), 'utf8'),
      'legacy.json': fs.readFileSync(fixture('legacy-pipeline.json'), 'utf8'),
      'prod.json': fs.readFileSync(fixture('prod.json'), 'utf8'),
    });
    const rules = (args: string[]): string[] =>
      (
        JSON.parse(runCli(['--format', 'json', ...args, 'template.yaml'], dir).stdout) as { files: { diagnostics: { rule: string }[] }[] }
      ).files[0].diagnostics.map((d) => d.rule);
    assert.deepEqual(rules(['--parameters', 'legacy.json']), ['elbv2-ssl-policy-weak', 'cloudfront-tls-version']);
    assert.deepEqual(rules(['--parameters', 'legacy.json', '--parameters', 'prod.json']), []);
    const before = fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8');
    runCli(['--parameters', 'legacy.json', '--rule', 'cloudfront-tls-version=off', '--fix', 'template.yaml'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'), before);
    const bad = runCli(['--parameters', 'missing.json', 'template.yaml'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--parameters missing\.json: no such file/);
  });
});
