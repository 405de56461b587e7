import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { FixIntent, FixValue } from '../../../rules/src/engine/types';
import { apply, normalised, valueAt } from './support';

/** Property tests: any value, written anywhere, reads back as itself and leaves a parseable file. */

const nasty = fc.constantFrom(
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'null',
  '~',
  '',
  ' ',
  '2010-09-09',
  '1:20',
  '0x1F',
  '0o17',
  '1e3',
  '.5',
  '-',
  '- a',
  '? x',
  ': x',
  'a: b',
  'a:',
  '#x',
  'a #b',
  '[x]',
  '{y}',
  'a,b',
  '!Ref x',
  '*a',
  '&a',
  '%x',
  '@x',
  '`x',
  '"q"',
  "'s'",
  "it's",
  'multi\nline',
  'tab\there',
  ' lead',
  'trail ',
  'TLSv1.2',
  'AWS::NoValue',
  'arn:aws:acm:eu-west-1:123456789012:certificate/x',
  '${AWS::Region}',
  '<<',
  '=',
  'ELBSecurityPolicy-2016-08',
  '\u0085nel',
  'x\u2028y',
  '\ufeffbom',
  'caf\u00e9',
  '\u00a0nbsp',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const scalar: fc.Arbitrary<FixValue> = fc.oneof(text, fc.integer({ min: -100000, max: 100000 }), fc.boolean(), fc.constant(null));
const key = fc
  .oneof(fc.constantFrom('Ref', 'Fn::Sub', 'Type', 'Properties', 'a b', 'true', '1', 'x: y', "'q'"), fc.string({ minLength: 1, maxLength: 8 }))
  .filter((k) => k !== '__proto__');

const { value } = fc.letrec<{ value: FixValue; obj: FixValue; arr: FixValue; intrinsic: FixValue }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('obj'), tie('arr'), tie('intrinsic')),
  obj: fc.dictionary(key, tie('value'), { maxKeys: 3 }) as fc.Arbitrary<FixValue>,
  arr: fc.array(tie('value'), { maxLength: 3 }),
  intrinsic: fc.oneof(
    text.map((t) => ({ Ref: t })),
    fc.tuple(fc.constantFrom('Cert', 'A.B', 'Lb'), text).map(([a, b]) => ({ 'Fn::GetAtt': [a, b] })),
    text.map((t) => ({ 'Fn::Sub': t })),
    fc.tuple(text, tie('value'), tie('value')).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
    tie('intrinsic').map((v) => ({ 'Fn::Base64': v })),
    fc.tuple(text, fc.array(tie('value'), { maxLength: 2 })).map(([d, l]) => ({ 'Fn::Join': [d, l] })),
  ),
}));

const templates: Record<string, { fileName: string; text: string }> = {
  'YAML block, 2 spaces, sequences not indented': {
    fileName: 't.yaml',
    text: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  R:\n    Type: X\n    Properties:\n      Old: x   # c\n      List:\n      - a\n      Map: {k: v}\n      Tagged: !Ref P\n",
  },
  'YAML block, 4 spaces, sequences indented, CRLF': {
    fileName: 't.yaml',
    text: 'Resources:\r\n    R:\r\n        Type: X\r\n        Properties:\r\n            Old: "x"\r\n            List:\r\n                - a\r\n            Map: { k: v }\r\n            Tagged: !GetAtt A.B\r\n',
  },
  'YAML long forms': {
    fileName: 't.yaml',
    text: 'Resources:\n  R:\n    Type: X\n    Properties:\n      Old:\n        Ref: P\n      List: [a]\n      Map:\n        k: v\n      Tagged:\n        Fn::GetAtt: [A, B]\n',
  },
  'JSON 2 spaces': {
    fileName: 't.json',
    text: JSON.stringify({ Resources: { R: { Type: 'X', Properties: { Old: 'x', List: ['a'], Map: { k: 'v' }, Tagged: { Ref: 'P' } } } } }, null, 2) + '\n',
  },
  'JSON tabs, one-line objects': {
    fileName: 't.json',
    text: '{\n\t"Resources": {\n\t\t"R": { "Type": "X", "Properties": { "Old": "x", "List": ["a"], "Map": {"k": "v"}, "Tagged": { "Ref": "P" } } }\n\t}\n}',
  },
};

const P = ['Resources', 'R', 'Properties'];

describe('edit: properties', () => {
  for (const [name, t] of Object.entries(templates)) {
    it(`${name}: set / insert / append of any value read back as the value`, () => {
      fc.assert(
        fc.property(value, fc.constantFrom('Old', 'List', 'Map', 'Tagged'), fc.constantFrom('set', 'insert', 'append', 'nested', 'deep'), (v, target, how) => {
          let intents: FixIntent[];
          let path: (string | number)[];
          let expected: FixValue = v;
          switch (how) {
            case 'set':
              intents = [{ kind: 'set', path: [...P, target], value: v }];
              path = [...P, target];
              // A quoted string stays a string: numbers and booleans written there are quoted.
              if (target === 'Old' && (typeof v === 'number' || typeof v === 'boolean') && /Old": "|Old: "/.test(t.text)) expected = String(v);
              break;
            case 'insert':
              intents = [{ kind: 'insert', path: P, key: 'New', value: v }];
              path = [...P, 'New'];
              break;
            case 'append':
              intents = [{ kind: 'append', path: [...P, 'List'], value: v }];
              path = [...P, 'List', 1];
              break;
            case 'nested':
              intents = [{ kind: 'insert', path: [...P, 'Map'], key: 'k2', value: v }];
              path = [...P, 'Map', 'k2'];
              break;
            default:
              intents = [{ kind: 'insert', path: [...P, 'Missing', 'Deeper'], key: 'K', value: v }];
              path = [...P, 'Missing'];
              expected = { Deeper: { K: v } };
          }
          const out = apply(t.text, intents, t.fileName).text;
          assert.deepEqual(valueAt(out, path, t.fileName), normalised(expected), out);
          // Everything else is still there.
          if (how !== 'set' || target !== 'Old') assert.deepEqual(valueAt(out, [...P, 'Old'], t.fileName), valueAt(t.text, [...P, 'Old'], t.fileName));
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: remove and rename leave the rest intact`, () => {
      fc.assert(
        fc.property(fc.subarray(['Old', 'List', 'Map', 'Tagged'], { minLength: 1 }), key, (gone, newKey) => {
          const keep = ['Old', 'List', 'Map', 'Tagged'].filter((k) => !gone.includes(k));
          fc.pre(!keep.includes(newKey));
          const intents: FixIntent[] = gone.map((k) => ({ kind: 'remove' as const, path: [...P, k] }));
          if (keep.length) intents.push({ kind: 'rename', path: [...P, keep[0]], newKey });
          const out = apply(t.text, intents, t.fileName).text;
          const props = valueAt(out, P, t.fileName) as Record<string, FixValue>;
          const before = valueAt(t.text, P, t.fileName) as Record<string, FixValue>;
          const want: Record<string, FixValue> = {};
          for (const k of keep) want[k === keep[0] ? newKey : k] = before[k];
          assert.deepEqual(props, want, out);
        }),
        { numRuns: 150 },
      );
    });
  }
});
