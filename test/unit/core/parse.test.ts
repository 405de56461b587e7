import { strict as assert } from 'assert';
import { parseSource } from '../../../rules/src/parse/index';
import { isTemplateRoot, mayBeTemplate, mayLintAsTemplate, showsTemplateMarkers } from '../../../rules/src/parse/detect';
import { nodeAtPath, positionAt, SNode } from '../../../rules/src/parse/source-tree';
import { CFN_TAGS } from '../../../rules/src/parse/cfn-tags';

function textOf(text: string, n: SNode): string {
  return text.slice(n.start, n.end);
}

describe('parse', () => {
  describe('YAML short-form tags', () => {
    const text = [
      'Resources:',
      '  A:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Name: !Ref Param',
      '      Arn: !GetAtt B.Arn',
      '      Arn2: !GetAtt [B, Arn]',
      '      Sub: !Sub "x-${AWS::Region}"',
      '      SubList: !Sub',
      '        - "${a}"',
      '        - {a: 1}',
      '      If: !If [Cond, a, !Ref AWS::NoValue]',
      '      Map: !FindInMap [M, !Ref K, v]',
      '      Tr: !Transform {Name: X}',
      '',
    ].join('\n');
    const src = parseSource(text, 't.yaml');

    it('parses without errors', () => assert.deepEqual(src.errors, []));

    it('normalises !Ref to {Ref: X} with the key spanning the tag', () => {
      const hit = nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Name'])!;
      assert.equal(hit.node.kind, 'map');
      const ref = nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Name', 'Ref'])!;
      assert.equal(textOf(text, ref.key!), '!Ref');
      assert.equal(textOf(text, ref.node), 'Param');
      assert.equal(textOf(text, hit.node), '!Ref Param');
    });

    it('splits !GetAtt A.B into [A, B] with ranges', () => {
      const a = nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Arn', 'Fn::GetAtt', 0])!;
      const b = nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Arn', 'Fn::GetAtt', 1])!;
      assert.equal(textOf(text, a.node), 'B');
      assert.equal(textOf(text, b.node), 'Arn');
      assert.ok(nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Arn2', 'Fn::GetAtt', 1]));
    });

    it('takes !Sub as scalar and sequence, !If nested tags, !Transform on a map', () => {
      assert.ok(nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Sub', 'Fn::Sub']));
      assert.equal(nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'SubList', 'Fn::Sub'])!.node.kind, 'seq');
      assert.ok(nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'If', 'Fn::If', 2, 'Ref']));
      assert.ok(nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Map', 'Fn::FindInMap', 1, 'Ref']));
      assert.ok(nodeAtPath(src.root, ['Resources', 'A', 'Properties', 'Tr', 'Fn::Transform', 'Name']));
    });

    it('registers every CloudFormation tag of the issue', () => {
      const names = CFN_TAGS.map((t) => t.tag);
      for (const t of [
        '!Sub',
        '!GetAtt',
        '!If',
        '!Join',
        '!Select',
        '!FindInMap',
        '!Base64',
        '!ImportValue',
        '!Condition',
        '!Cidr',
        '!GetAZs',
        '!Split',
        '!And',
        '!Or',
        '!Not',
        '!Equals',
        '!Transform',
        '!ForEach',
        '!Ref',
      ]) {
        assert.ok(names.includes(t), t);
      }
    });

    it('reports positions 0-based', () => {
      const hit = nodeAtPath(src.root, ['Resources', 'A', 'Type'])!;
      assert.deepEqual(positionAt(src.lineStarts, hit.node.start), { line: 2, character: 10 });
    });
  });

  describe('YAML errors and hostile input', () => {
    it('reports a syntax error at its line', () => {
      const src = parseSource('Resources:\n  A:\n    Type: [AWS::S3::Bucket\n', 't.yaml');
      assert.ok(src.errors.length > 0);
    });
    it('refuses an alias bomb in bounded time', () => {
      const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 9; i++)
        lines.push(
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
        );
      const t0 = Date.now();
      const src = parseSource(lines.join('\n') + '\nResources: {}\n', 'bomb.yaml');
      assert.ok(
        src.errors.some((e) => /alias/i.test(e.message)),
        JSON.stringify(src.errors),
      );
      assert.ok(Date.now() - t0 < 5000);
    });
    it('reads only the first document and flags a second one', () => {
      const src = parseSource('Resources: {}\n---\nother: 1\n', 't.yaml');
      assert.equal(src.errors.length, 1);
    });
    it('reads numbers as CloudFormation does (YAML 1.1): 1.10 is 1.1, 0443 is octal', () => {
      const src = parseSource('a: 1.10\nb: 443\nc: 0443\nd: "1.10"\n', 't.yaml');
      const value = (k: string): unknown => (nodeAtPath(src.root, [k])!.node as { value: unknown }).value;
      assert.deepEqual([value('a'), value('b'), value('c'), value('d')], [1.1, 443, 291, '1.10']);
    });
  });

  describe('JSON', () => {
    it('parses with offsets', () => {
      const text = '{\n  "Resources": {"A": {"Type": "AWS::S3::Bucket"}}\n}';
      const src = parseSource(text, 't.json');
      assert.deepEqual(src.errors, []);
      const hit = nodeAtPath(src.root, ['Resources', 'A', 'Type'])!;
      assert.equal(textOf(text, hit.node), '"AWS::S3::Bucket"');
      assert.equal(textOf(text, hit.key!), '"Type"');
    });
    it('rejects trailing commas and comments', () => {
      assert.equal(parseSource('{"a": 1,}', 't.json').errors.length, 1);
      assert.equal(parseSource('{"a": [1,]}', 't.json').errors.length, 1);
      assert.equal(parseSource('{"a": 1 // x\n}', 't.json').errors.length, 1);
    });
    it('takes duplicate keys as JSON.parse does (the last wins) and records them', () => {
      const src = parseSource('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}', 't.json');
      assert.deepEqual(src.errors, []);
      assert.equal((nodeAtPath(src.root, ['a'])!.node as { value: unknown }).value, 3);
      assert.equal((nodeAtPath(src.root, ['b', 'c'])!.node as { value: unknown }).value, 2);
      assert.deepEqual(
        src.duplicateKeys!.map((d) => [d.earlier.start, d.later.start]),
        [
          [15, 23],
          [1, 32],
        ],
      );
    });
    it('decodes escapes and accepts a BOM', () => {
      const src = parseSource('\ufeff{"a": "x\\u0041\\n"}', 't.json');
      assert.equal((nodeAtPath(src.root, ['a'])!.node as { value: unknown }).value, 'xA\n');
    });
    it('refuses 100,000-deep nesting without overflowing the stack', () => {
      const text = '['.repeat(100_000) + ']'.repeat(100_000);
      const src = parseSource(text, 'deep.json');
      assert.equal(src.errors.length, 1);
    });
    it('parses .template files starting with { as JSON', () => {
      assert.equal(parseSource('{"Resources": {}}', 'x.template').format, 'json');
      assert.equal(parseSource('Resources: {}', 'x.template').format, 'yaml');
    });
  });

  describe('template detection', () => {
    const root = (t: string, f = 't.yaml'): SNode | null => parseSource(t, f).root;
    it('AWSTemplateFormatVersion makes a template', () => assert.ok(isTemplateRoot(root("AWSTemplateFormatVersion: '2010-09-09'\n"))));
    it('Resources with AWS:: types makes a template', () => assert.ok(isTemplateRoot(root('Resources:\n  A:\n    Type: AWS::S3::Bucket\n'))));
    it('Custom:: and Alexa:: types count', () => assert.ok(isTemplateRoot(root('Resources:\n  A:\n    Type: Custom::Thing\n'))));
    it('SAM transform makes a template', () => assert.ok(isTemplateRoot(root('Transform: AWS::Serverless-2016-10-31\n'))));
    it('a Kubernetes manifest is not', () => assert.ok(!isTemplateRoot(root('apiVersion: v1\nkind: Service\nmetadata: {name: x}\n'))));
    it('Resources of other tools are not', () => assert.ok(!isTemplateRoot(root('Resources:\n  a:\n    Type: bucket\n'))));
    it('registry types and modules next to AWS types make a template', () =>
      assert.ok(
        isTemplateRoot(
          root('Resources:\n  Mod:\n    Type: Some::IAM::Role::MODULE\n  Atlas:\n    Type: MongoDB::Atlas::Cluster\n  Bucket:\n    Type: AWS::S3::Bucket\n'),
        ),
      ));
    it('registry types alone are not enough', () => assert.ok(!isTemplateRoot(root('Resources:\n  Report:\n    Type: Initech::TPS::Report\n'))));
    it('an entry without a type name is not a template', () =>
      assert.ok(!isTemplateRoot(root('Resources:\n  a:\n    Type: AWS::S3::Bucket\n  b:\n    Type: load-balancer\n'))));
    it('package.json is not', () => assert.ok(!isTemplateRoot(root('{"name": "x", "version": "1.0.0"}', 'package.json'))));
    it('sniffs cheaply', () => {
      assert.ok(!mayBeTemplate('name: x\nsteps: []\n'));
      assert.ok(showsTemplateMarkers('  Type: "AWS::S3::Bucket"'));
      assert.ok(!showsTemplateMarkers('Type: something'));
    });
    it('the lint sniff passes what isTemplateRoot may take, and skips files that only say Resources', () => {
      assert.ok(mayLintAsTemplate("AWSTemplateFormatVersion: '2010-09-09'\n"));
      assert.ok(mayLintAsTemplate('Resources:\n  B:\n    Type: AWS::S3::Bucket\n'));
      assert.ok(mayLintAsTemplate('Resources:\n  R:\n    Type: Custom::Thing\n'));
      assert.ok(mayLintAsTemplate('Transform: AWS::Serverless-2016-10-31\n'));
      assert.ok(!mayLintAsTemplate('paths:\n  /a:\n    get:\n      tags: [Resources]\n'));
      assert.ok(!mayLintAsTemplate('Resources:\n  a:\n    Type: bucket\n'));
      assert.ok(!mayLintAsTemplate('note: AWS::S3::Bucket\n'), 'a type name alone, without Resources or Transform');
    });
  });
});
