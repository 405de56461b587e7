import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, tempDir } from '../../support/cli';

/** Nested stacks (issue 17, part 3): a local child template is linted with the values its parent passes. */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'nested-stacks');

interface JsonRelated {
  message: string;
  file?: string;
  path: (string | number)[];
  range: { start: { line: number; character: number } };
}
interface JsonDiagnostic {
  rule: string;
  message: string;
  fixable: boolean;
  path: (string | number)[];
  related?: JsonRelated[];
}
interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

/** The fixture copied to a temporary folder (the CLI may be asked to --fix it). */
function fixtureCopy(): string {
  const files: Record<string, string> = {};
  for (const name of ['parent.yaml', 'stacks/web.yaml', 'stacks/api.yaml']) files[name] = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return tempDir(files);
}

const lintJson = (dir: string, ...args: string[]): { report: JsonReport; stderr: string; status: number | null } => {
  const r = runCli(['--format', 'json', ...args], dir);
  return { report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr, status: r.status };
};
const findings = (report: JsonReport, file: string): JsonDiagnostic[] => report.files.find((f) => f.path === file)?.diagnostics ?? [];

describe('nested stacks (CLI)', () => {
  it("a weak policy passed by the parent is reported on the child's property, related to the parent's value, with no fix", () => {
    const dir = fixtureCopy();
    const { report } = lintJson(dir, 'parent.yaml');
    const [weak] = findings(report, 'stacks/web.yaml');
    assert.equal(weak.rule, 'elbv2-ssl-policy-weak');
    assert.deepEqual(weak.path, ['Resources', 'HttpsListener', 'Properties', 'SslPolicy']);
    assert.match(weak.message, /with the parameters passed to it as nested stack Web of parent\.yaml\)$/);
    assert.equal(weak.fixable, false, "the child's value serves every parent: no fix");
    const atParent = weak.related!.find((r) => r.file === 'parent.yaml')!;
    assert.deepEqual(atParent.path, ['Resources', 'Web', 'Properties', 'Parameters', 'ListenerPolicy']);
    assert.equal(atParent.range.start.line, 12, 'the line where parent.yaml writes the value');
    assert.match(atParent.message, /Web passes ListenerPolicy = "ELBSecurityPolicy-2016-08"/);
  });

  it('the child alone keeps its defaults; an unknown passed value (a resource Ref) is never reported', () => {
    const dir = fixtureCopy();
    const { report } = lintJson(dir, 'stacks/web.yaml');
    assert.deepEqual(
      findings(report, 'stacks/web.yaml'),
      [],
      "web.yaml's own defaults are strong, and its certificate default is not reported once the parent passes a Ref",
    );
    const both = lintJson(dir, 'parent.yaml', 'stacks/web.yaml').report;
    assert.deepEqual(
      findings(both, 'stacks/web.yaml').map((d) => d.rule),
      ['elbv2-ssl-policy-weak'],
      "the child's own lint plus what the parent's values add, once",
    );
  });

  it('grandchildren get the values passed down; the message names the chain', () => {
    const { report } = lintJson(fixtureCopy(), 'parent.yaml');
    const [weak] = findings(report, 'stacks/api.yaml');
    assert.equal(weak.rule, 'elbv2-ssl-policy-weak');
    assert.match(weak.message, /as nested stack Api of stacks\/web\.yaml, itself nested stack Web of parent\.yaml\)$/);
    assert.ok(weak.related!.some((r) => r.file === 'stacks/web.yaml'));
  });

  it('a missing child and a cycle: a note on stderr, no failure; URLs are not followed', () => {
    const { stderr, status, report } = lintJson(fixtureCopy(), 'parent.yaml');
    assert.equal(status, 0);
    assert.match(stderr, /parent\.yaml: nested stack Missing: stacks\/not-built-yet\.yaml does not exist/);
    assert.match(stderr, /stacks\/api\.yaml: nested stack Loop: parent\.yaml is already one of its parents \(a cycle\)/);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['parent.yaml', 'stacks/web.yaml', 'stacks/api.yaml'],
    );
  });

  it('a dynamic reference or a URL as the location is not a local file: no note, nothing followed', () => {
    const parent = `Resources:
  FromSsm:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: '{{resolve:ssm:/templates/web:1}}'
  FromS3:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: s3://bucket/web.yaml
`;
    const r = runCli(['--format', 'json', 'parent.yaml'], tempDir({ 'parent.yaml': parent }));
    assert.equal(r.stderr, '');
    assert.deepEqual(
      (JSON.parse(r.stdout) as JsonReport).files.map((f) => f.path),
      ['parent.yaml'],
    );
  });

  it('SAM applications with a local Location, and one lint per distinct set of values the scenarios pass', () => {
    const child = `Parameters:
  Policy: { Type: String, Default: ELBSecurityPolicy-TLS13-1-2-2021-06 }
Resources:
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Scheme: internet-facing, Subnets: [a, b] } }
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 443
      Protocol: HTTPS
      SslPolicy: !Ref Policy
      Certificates: [{ CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555 }]
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: '200' } }]
`;
    const parent = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: { Type: String, AllowedValues: [prod, dev], Default: prod }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  App:
    Type: AWS::Serverless::Application
    Properties:
      Location: child.yaml
      Parameters:
        Policy: !If [IsProd, ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS-1-1-2017-01]
`;
    const dir = tempDir({ 'parent.yaml': parent, 'child.yaml': child });
    const { report } = lintJson(dir, 'parent.yaml');
    const weak = findings(report, 'child.yaml');
    assert.deepEqual(
      weak.map((d) => d.rule),
      ['elbv2-ssl-policy-weak'],
    );
    assert.match(weak[0].message, /ELBSecurityPolicy-TLS-1-1-2017-01/);
    assert.match(weak[0].message, /nested stack App of parent\.yaml/);
  });

  it('--fix does not touch a child for what a parent passes', () => {
    const dir = fixtureCopy();
    const before = fs.readFileSync(path.join(dir, 'stacks/web.yaml'), 'utf8');
    runCli(['--fix', 'parent.yaml', 'stacks/web.yaml'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'stacks/web.yaml'), 'utf8'), before);
  });

  it('SARIF: the related location in the parent names the parent file', () => {
    const r = runCli(['--format', 'sarif', 'parent.yaml'], fixtureCopy());
    const sarif = JSON.parse(r.stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const weak = sarif.runs[0].results.find((x) => x.ruleId === 'elbv2-ssl-policy-weak')!;
    assert.ok(weak.relatedLocations!.some((l) => l.physicalLocation.artifactLocation.uri === 'parent.yaml'));
  });
});
