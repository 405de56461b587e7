import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlGeneral } from '../../../rules/src/parse/yaml';
import { parseYamlFast } from '../../../rules/src/parse/yaml-fast';
import { prng, yamlFilesUnder } from '../../support/yaml-differential';

/**
 * The YAML fast path must build exactly the tree the general (`yaml` package) path builds,
 * or decline. Checked on real templates, on snippets for the subtle cases (comment lines
 * after a collection, empty values, block scalars), and on random mutations of templates.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');

/** Same tree, offsets and errors (the fast path only accepts valid YAML: no errors). */
function assertSameParse(text: string, label: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  const general = parseYamlGeneral(text);
  assert.deepStrictEqual(fast, general, `${label}: fast path differs from the general path`);
  return true;
}

describe('YAML fast path', () => {
  const SNIPPETS = [
    'a: 1\nb:\n  c: x   # comment\n  d: [1, "two", !Ref X]\ne:\n  - f\n  - g: 1\n    h: 2\n\n# trailing\n',
    'a:\nb: 1\n',
    'a:   \nb: 1\n',
    'a:',
    'a: 1',
    'a:\n  b:\n',
    '- a\n-\n- c\n',
    'a:\n- x\n- y\nb: 1\n',
    'a:\n  - - x\n    - y\n  - z\n',
    // comment lines after the last value of a collection
    'a:\n  b: 1\n    # c\nd: 2\n',
    'a:\n  b: 1\n    # c\n\nd: 2\n',
    'a:\n  b: 1\n    # c\n\n    # e\nd: 2\n',
    'a:\n  b: 1\n # x\n    # c\nd: 2\n',
    'a:\n  b: 1\n  # c\n\nd: 2\n',
    'a: 1\n  # c\n',
    'a:\n  b:\n    c: 1\n      # deep\n   # mid\n # low\nd: 2\n',
    'a:\n  b:\n    c: 1\n   # mid\n      # deep\nd: 2\n',
    'a:\n  - b: 1\n    # c\nd: 2\n',
    'a:\n  - b: 1\n      # c\nd: 2\n',
    'R:\n  B:\n    Type: X\n    Properties:\n      P: v\n      # c\n  C:\n    Type: Y\n',
    // block scalars
    'a: |\n  x\n  y\n\nb: 1\n',
    'a: |-\n  x\n\n',
    'a: >\n  x\n  y\n\n  z\nb: 1\n',
    'a: |+\n  x\n\n\nb: 1',
    'a: |\n  x\n# c\nb: 1\n',
    'a:\n  b: |\n    x\n   # c\nd: 2\n',
    'a: !Sub |\n  x\nb: 2\n',
    // tags, flow collections, scalars
    'a: !Ref X\n',
    // a tag on any kind of node, and YAML 1.1 scalars
    'a: !Ref [x]\n',
    'a: !ValueOf [P, Attr]\nb: !Rain::Embed f.py\n',
    'a: yes\nb: Off\nc: 0755\nd: 1:20\ne: 1_000\nf: 1e3\ng: 5.10\nh: 2010-09-09\ni: .inf\n',
    'on: 1\n443: x\n',
    'a: !If\n  - c\n  - 1\n  - 2\n',
    'a:\n  !If [c, 1, 2]\nb: 1\n',
    'a: !GetAZs\nb: 1\n',
    'a: !GetAtt A.B.C\n',
    'a: [1, 2,]\n',
    'a: {k: v, "q": 1, r: [x, {s: t}]}\n',
    'a: "\\t\\"q\\" \\u00e9"\nb: \'it\'\'s\'\n',
    'a: 1.10\nb: 0443\nc: 0x1F\nd: ~\ne: True\nf: .inf\ng: 1e3\nh: -0\n1: one\ntrue: yes\n',
    '---\nAWSTemplateFormatVersion: "2010-09-09"\n',
    // other local tags are dropped, as the general path drops them
    'a: !Foo 1\nb: !ValueOf [p, q]\nc: !Rain::Module\n  d: 1\ne: [!Foo 1, !Ref x]\n',
    // plain scalars that start with - ? or : before another character
    'a: :x # c\nb: [-z]\nc:\n  - :lambda:path/2015-03-31/functions/\n  - :*\n  - ?x\n',
    // spaces before a key's colon
    'a  :  1\n"b" : 2\nc :\n  d : [x]\n',
    // block scalars: indentation indicators, leading blank lines, more-indented folded lines, tabs in the text
    'a: |2\n    x\nb:\n  - |1-\n     y\n  - >2+\n     z\n\nc: |-2\n  w\n',
    'a: |\n\n\n  x\n  y\nb: >\n \n  x\n',
    'a: >\n  x\n\n    y\n\n  z\nb: >-\n  x\n    y\n    w\n  v\n',
    'a: |\n  x\ty\n  x\t\nb: >\n  x\t\n  y\n',
    // flow collections over several lines, one on lines of its own, a value on the line after its key
    'a: [1,\n 2]\nb:\n  {\n    "c": 1,\n      "d":\n        [\n        x\n      ]\n  }\ne: {x: 1,\n\n  y: 2} # c\n',
    'a:\n  - [1,\n    2]\n  - !If [c,\n     1, 2]\n',
    // single pairs in flow sequences
    'a: [0, b: c, d: !Ref e, "f": 1, g: [1, 2]]\n',
    // a tag above a sequence in its key's column
    'a: !If\n- c\n- 1\n- 2\nb: 1\n',
  ];

  it('parses the tricky snippets exactly as the general path', () => {
    let accepted = 0;
    for (const s of SNIPPETS) if (assertSameParse(s, JSON.stringify(s))) accepted++;
    assert.ok(accepted >= SNIPPETS.length - 3, `accepted ${accepted} of ${SNIPPETS.length}`);
  });

  it('declines what it does not mirror, and errors', () => {
    for (const s of [
      'a: &x 1\nb: *x\n',
      '? a\n: b\n',
      'a: b\n---\nc: d\n',
      'a:\n\tb: 1\n',
      'a: "x\n  y"\n',
      'a: b\n  c\n',
      'a: 1\na: 2\n',
      'a: [1,\n2]\n',
      'a: [:x]\n', // PyYAML refuses it (and reads `[?x]` as a mapping): the general path decides
      'a: [?x]\n',
      'a: [1, # c\n  2]\n',
      'a: [a\n  b]\n',
      'a: |\n  \tx\n',
      'a: x\t\n',
      'a: >\n    \n  x\n',
      'a: |+\n  x\n\n  ', // spaces after the last line break (found by a longer run of the mutation test)
      'a: !!str x\n',
      'a: {<<: {b: 1}}\n',
      'a: b: c\n',
      'a: |3\n  x\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\r\nb: 2\r\n',
    ]) {
      assert.equal(parseYamlFast(s), undefined, JSON.stringify(s));
    }
  });

  const files = [
    ...yamlFilesUnder(path.join(SHARED, 'corpus')),
    ...yamlFilesUnder(path.join(SHARED, 'acceptance')),
    ...yamlFilesUnder(path.join(ROOT, 'examples')),
  ];

  it(`parses real templates exactly as the general path (${files.length} files)`, function () {
    // Without ../shared this would shrink to the three examples: fail loudly instead.
    assert.ok(files.length >= 500, `only ${files.length} templates: this test needs ../shared/corpus and ../shared/acceptance next to the project`);
    this.timeout(120000);
    let accepted = 0;
    for (const f of files) if (assertSameParse(fs.readFileSync(f, 'utf8'), path.relative(SHARED, f))) accepted++;
    // The fast path is only worth it if it takes most templates.
    assert.ok(accepted / files.length > 0.7, `fast path took ${accepted} of ${files.length} files`);
  });

  it('stays exact on random mutations of real templates', function () {
    if (!files.length) this.skip();
    this.timeout(120000);
    const rnd = prng(20261127);
    const texts = files.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20000);
    const pieces = [':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '!', '&', '*', '|', '>', '?', ' ', '\\', ': ', ' #', '- '];
    const lines = [
      '- - x',
      'k: |',
      '  text',
      'k: >-',
      'k: !GetAZs',
      'k:',
      '- ',
      'k: [a, b',
      'k: {a: 1}',
      '!If',
      '!Join [a, [b]]',
      'k: "a\\tb"',
      "k: 'it''s'",
      '---',
      '# c',
      '',
      'k: |+',
      '- !If',
      'k: 1.10',
      'k: [a,',
      '  b]',
      'k: {a: 1,',
      '{',
      '}',
      'k: |2',
      'k: >',
      '    more',
      'k: [x: y, z]',
      'k : v',
      '- :x',
      'k: a\tb',
    ];
    for (let i = 0; i < 1500; i++) {
      const doc = texts[rnd(texts.length)].split('\n');
      for (let m = 1 + rnd(4); m > 0; m--) {
        if (!doc.length) doc.push('');
        const at = rnd(doc.length);
        switch (rnd(6)) {
          case 0:
            doc.splice(at, 0, ' '.repeat(rnd(14)) + '# c');
            break;
          case 1:
            doc.splice(at, 0, ' '.repeat(rnd(3)));
            break;
          case 2:
            doc[at] = rnd(2) ? ' '.repeat(1 + rnd(2)) + doc[at] : doc[at].replace(/^ {1,2}/, '');
            break;
          case 3:
            doc.splice(at, 1);
            break;
          case 4: {
            const p = rnd(doc[at].length + 1);
            doc[at] = doc[at].slice(0, p) + pieces[rnd(pieces.length)] + doc[at].slice(p + rnd(2));
            break;
          }
          default:
            doc.splice(at, 0, ' '.repeat(2 * rnd(5)) + lines[rnd(lines.length)]);
        }
      }
      const text = doc.join('\n');
      assertSameParse(text, `mutation ${i}: ${JSON.stringify(text.slice(0, 300))}`);
    }
  });
});
