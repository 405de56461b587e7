import { strict as assert } from 'assert';
import { applyEdits, planEdits, TextEdit } from '../../../rules/src/edit/index';
import type { FixIntent, FixValue } from '../../../rules/src/engine/types';
import { parseSource } from '../../../rules/src/parse/index';
import { nodeAtPath, Path, SNode } from '../../../rules/src/parse/source-tree';

/** Plain JSON of a source-tree node (short forms are already long form in the tree). */
export function plain(n: SNode): FixValue {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  const out: Record<string, FixValue> = {};
  for (const p of n.pairs) out[String(p.key.value)] = plain(p.value);
  return out;
}

/** `!GetAtt A.B` reads as [A, B]: what the tree of a written value looks like. */
export function normalised(v: FixValue): FixValue {
  if (Array.isArray(v)) return v.map(normalised);
  if (v && typeof v === 'object') {
    const out: Record<string, FixValue> = {};
    for (const [k, x] of Object.entries(v))
      out[k] = k === 'Fn::GetAtt' && typeof x === 'string' && x.includes('.') ? [x.slice(0, x.indexOf('.')), x.slice(x.indexOf('.') + 1)] : normalised(x);
    return out;
  }
  return v;
}

export interface Applied {
  text: string;
  edits: TextEdit[];
}

/**
 * Applies one fix's intents and checks what every edit must guarantee: the result
 * parses without errors, keeps the line endings, and only the edited spans changed.
 */
export function apply(text: string, intents: FixIntent[], fileName = 'template.yaml'): Applied {
  const src = parseSource(text, fileName);
  assert.deepEqual(src.errors, [], 'the input parses');
  const edits = planEdits(src, { title: 'test', intents, safe: true });
  const out = applyEdits(text, edits);
  const re = parseSource(out, fileName);
  assert.deepEqual(re.errors, [], `the result parses:\n${out}`);
  assertOnlyEditsChanged(text, out, edits);
  if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(out) && !out.startsWith('\n'), 'CRLF file has no bare LF');
  else assert.ok(!out.includes('\r'), 'LF file has no CR');
  return { text: out, edits };
}

/** Text between edits is byte-for-byte the original. */
export function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let i = 0;
  let j = 0;
  for (const e of sorted) {
    const keep = before.slice(i, e.start);
    assert.equal(after.slice(j, j + keep.length), keep, 'unchanged text before an edit');
    j += keep.length;
    assert.equal(after.slice(j, j + e.newText.length), e.newText);
    j += e.newText.length;
    i = e.end;
  }
  assert.equal(after.slice(j), before.slice(i), 'unchanged text after the last edit');
}

/** The value at a path after the edit, as plain JSON. */
export function valueAt(text: string, path: Path, fileName = 'template.yaml'): FixValue | undefined {
  const src = parseSource(text, fileName);
  const at = nodeAtPath(src.root, path);
  return at ? plain(at.node) : undefined;
}

/** Applies, then checks the exact text and (when given) the value now at a path. */
export function check(text: string, intents: FixIntent[], expected: string, fileName = 'template.yaml'): string {
  const out = apply(text, intents, fileName).text;
  assert.equal(out, expected);
  for (const intent of intents) {
    if (intent.kind === 'set') assert.deepEqual(valueAt(out, intent.path, fileName), normalised(intent.value), `value at ${intent.path.join('.')}`);
    if (intent.kind === 'insert')
      assert.deepEqual(valueAt(out, [...intent.path, intent.key], fileName), normalised(intent.value), `value at ${[...intent.path, intent.key].join('.')}`);
  }
  return out;
}

/** Lines of a template joined with LF (keeps the test tables readable). */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}
