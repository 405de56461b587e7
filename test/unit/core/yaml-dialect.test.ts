import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../rules/src/engine/lint';
import { parseYaml } from '../../../rules/src/parse/yaml';
import { flowContinuationPads, OffsetMap, padText } from '../../../rules/src/parse/yaml-lenient';
import { resolvePlain11 } from '../../../rules/src/parse/yaml-scalars';
import { nodeAtPath, SNode } from '../../../rules/src/parse/source-tree';
import { defaultRegistry } from '../../../rules/src/rules/index';

/** CloudFormation's YAML dialect (docs/yaml-dialect.md), case by case; the differential test covers the class. */

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'yaml-dialect', 'quoted-policy-at-key-indent.yaml'), 'utf8');

const at = (root: SNode | null, ...p: (string | number)[]): SNode => nodeAtPath(root, p)!.node;
const value = (n: SNode): unknown => (n.kind === 'scalar' ? n.value : undefined);

describe('YAML dialect: indentation inside flow nodes (PyYAML leniency)', () => {
  const src = parseYaml(FIXTURE);

  it('parses the template without errors', () => assert.deepEqual(src.errors, []));

  it('reads a quoted JSON policy whose closing line sits at its key indentation', () => {
    const doc = at(src.root, 'Resources', 'Policy', 'Properties', 'PolicyDocument', 'Fn::Sub');
    assert.equal(
      value(doc),
      '{ "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:${AWS::Partition}:s3:::bucket/*"}] }',
    );
  });

  it('reads a double-quoted ZipFile whose lines start at column 0', () => {
    assert.equal(
      value(at(src.root, 'Resources', 'Function', 'Properties', 'Code', 'ZipFile')),
      "import json def handler(event, context): return {'ok': True} ",
    );
  });

  it('reads flow collections whose entries and closing brackets sit at the key indentation', () => {
    assert.equal(value(at(src.root, 'Resources', 'Topic', 'Properties', 'TopicName', 'Fn::Sub')), '${AWS::StackName}-topic');
    assert.equal(value(at(src.root, 'Resources', 'Topic', 'Properties', 'Tags', 1, 'Value')), 'prod');
  });

  it('keeps every range exact in the original text', () => {
    const slice = (n: SNode): string => FIXTURE.slice(n.start, n.end);
    assert.equal(
      slice(at(src.root, 'Resources', 'Policy', 'Properties', 'PolicyDocument', 'Fn::Sub'))
        .split('\n')
        .pop(),
      "      }'",
    );
    assert.equal(slice(at(src.root, 'Resources', 'Topic', 'Properties', 'Tags', 1, 'Value')), 'prod');
    assert.equal(slice(at(src.root, 'Resources', 'Domain', 'Type')), 'AWS::OpenSearchService::Domain');
    const topic = nodeAtPath(src.root, ['Resources', 'Topic'])!;
    assert.equal(FIXTURE.slice(topic.key!.start, topic.key!.end), 'Topic');
  });

  it('lints such a template as usual', () => {
    const d = lintText(FIXTURE, 'template.yaml', defaultRegistry()).diagnostics;
    assert.deepEqual(
      d.filter((x) => x.rule === 'template-parse-error'),
      [],
    );
  });

  it('still refuses what PyYAML refuses: an unclosed quote, a document marker inside a quoted scalar', () => {
    assert.ok(parseYaml("a: 'x\n  y\n").errors.length > 0);
    assert.ok(parseYaml('a: "x\n---\ny"\n').errors.length > 0);
  });

  it('maps padded offsets back, inside and after the inserted spaces', () => {
    const text = "a: '1\nb'\nc: 2\n";
    const pads = flowContinuationPads(text);
    assert.deepEqual(pads, [{ at: 6, count: 1 }]);
    assert.equal(padText(text, pads), "a: '1\n b'\nc: 2\n");
    const map = new OffsetMap(pads);
    assert.deepEqual(
      [0, 5, 6, 7, 8, 11].map((o) => map.toOriginal(o)),
      [0, 5, 6, 6, 7, 10],
    );
  });
});

describe('YAML dialect: YAML 1.1 scalars, as CloudFormation reads them', () => {
  const cases: [string, unknown][] = [
    ['yes', true],
    ['No', false],
    ['ON', true],
    ['off', false],
    ['true', true],
    ['y', 'y'],
    ['n', 'n'],
    ['~', null],
    ['null', null],
    ['', null],
    ['443', 443],
    ['0443', 291],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['1:20', 80],
    ['-0', 0],
    ['09', '09'],
    ['5.10', 5.1],
    ['7.0', 7],
    ['1e3', '1e3'],
    ['1.0e+3', 1000],
    ['.5', 0.5],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['2010-09-09', '2010-09-09'],
    ['12345678901234567890', '12345678901234567890'],
    ['1.2.3', '1.2.3'],
    ['0o17', '0o17'],
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)} is ${JSON.stringify(expected)}`, () => assert.deepEqual(resolvePlain11(text), expected));

  it('reads NaN', () => assert.ok(Number.isNaN(resolvePlain11('.nan') as number)));

  it('quoted and tagged scalars stay text', () => {
    const src = parseYaml("a: 'yes'\nb: !Ref yes\nc: !!str 443\n");
    assert.deepEqual([value(at(src.root, 'a')), value(at(src.root, 'b', 'Ref')), value(at(src.root, 'c'))], ['yes', 'yes', '443']);
  });

  it('EnforceHTTPS: yes is the boolean true (opensearch-enforce-https sees it)', () => {
    const d = lintText(FIXTURE.replace('EnforceHTTPS: yes', 'EnforceHTTPS: no'), 'template.yaml', defaultRegistry()).diagnostics;
    assert.ok(
      d.some((x) => x.rule === 'opensearch-enforce-https'),
      d.map((x) => x.rule).join(),
    );
    const ok = lintText(FIXTURE, 'template.yaml', defaultRegistry()).diagnostics;
    assert.ok(!ok.some((x) => x.rule === 'opensearch-enforce-https'));
  });
});

describe('YAML dialect: tags, merge keys and keys', () => {
  it('any local tag on any node is its long form', () => {
    const src = parseYaml('a: !Ref [x]\nb: !ValueOf [P, VpcId]\nc: !Rain::Embed f.py\nd: !GetAtt Res\n');
    assert.deepEqual(src.errors, []);
    assert.equal(at(src.root, 'a', 'Ref').kind, 'seq');
    assert.equal(at(src.root, 'b', 'Fn::ValueOf').kind, 'seq');
    assert.equal(value(at(src.root, 'c', 'Fn::Rain::Embed')), 'f.py');
    assert.equal(value(at(src.root, 'd', 'Fn::GetAtt', 0)), 'Res');
  });

  it("merges `<<` keys as PyYAML does: the mapping's own keys win, then earlier merged maps", () => {
    const src = parseYaml('x: &x {p: 1, q: 1}\ny: &y {q: 2, r: 2}\nz:\n  <<: [*x, *y]\n  r: 3\n');
    assert.deepEqual(src.errors, []);
    assert.deepEqual(
      ['p', 'q', 'r'].map((k) => value(at(src.root, 'z', k))),
      [1, 1, 3],
    );
  });

  it('refuses keys PyYAML cannot hash, and a colon without a key', () => {
    assert.match(parseYaml('a: [!ImportValue x: y]\n').errors[0].message, /cannot be an intrinsic/);
    assert.match(parseYaml('[a]: b\n').errors[0].message, /single value, not a list/);
    assert.match(parseYaml('a: 1\n: x\n').errors[0].message, /key is missing/);
    assert.deepEqual(parseYaml('? \n: x\n').errors, []);
  });

  it('a tag alone on a line tags the node below, which cannot carry a second tag', () => {
    assert.match(parseYaml('a: !Not\n  !Equals\n    - x\n    - y\n').errors[0].message, /at most one tag/);
  });
});
