import { carriable } from './graft';
import { parseJson } from './json';
import { computeLineStarts, keyString, SMap, SNode, SPair, SourceFile } from './source-tree';
import { parseYaml } from './yaml';
import { parseYamlFast } from './yaml-fast';

/**
 * The parse of a document's new text from its previous parse, when the edit lies inside one
 * resource: only that resource's text is parsed again (its lines in YAML, its object in JSON),
 * and every other node is the previous version's, moved by the edit's length. What reads
 * versions by node identity (the views of model/views.ts) keeps what it derived from them.
 *
 * Undefined when that cannot be shown to give the tree a whole parse gives (the edit reaches
 * outside the resource, its text alone does not parse as one resource with the same logical id
 * at the same indentation, the previous version had errors, repeated keys or aliases, a
 * document marker or directive): the caller parses the whole text. test/unit/core/reparse.test.ts
 * compares both on random edits of real templates.
 *
 * The previous tree is changed in place (its offsets): results of the previous version must
 * not be read after this.
 */
export function reparseEdited(previous: SourceFile, text: string): SourceFile | undefined {
  const root = previous.root;
  if (!carriable(previous) || root?.kind !== 'map' || root.flow) return undefined;
  const old = previous.text;
  const edit = changedSpan(old, text);
  if (!edit) return undefined;
  const at = root.pairs.findIndex((p) => p.key.value === 'Resources');
  const resources = root.pairs[at]?.value;
  if (!resources || resources.kind !== 'map' || resources.flow) return undefined;
  // The resource the edit starts in: the last one that starts before it (reparse* check that the edit ends in it too).
  let i = -1;
  while (i + 1 < resources.pairs.length && resources.pairs[i + 1]!.key.start <= edit.start) i++;
  if (i < 0) return undefined;
  const replaced =
    previous.format === 'json' ? reparseJsonValue(resources.pairs[i]!, edit, text) : reparseYamlPair(previous, root, at, resources, i, edit, text);
  if (!replaced) return undefined;

  // Everything after the edit moves by its length. A block map ends where its last value ends
  // (trailing comments are not in it), a flow one at its bracket, after the edit.
  const delta = edit.newEnd - edit.oldEnd;
  const endAfter = (map: SMap, lastEndBefore: number, lastEndNow: number): number =>
    map.end === lastEndBefore ? lastEndNow : map.end >= edit.oldEnd ? map.end + delta : map.end;
  const lastResourceEnd = resources.pairs[resources.pairs.length - 1]!.value.end;
  const lastRootEnd = root.pairs[root.pairs.length - 1]!.value.end;
  if (delta) {
    for (let k = i + 1; k < resources.pairs.length; k++) shiftPair(resources.pairs[k]!, delta);
    for (let k = at + 1; k < root.pairs.length; k++) shiftPair(root.pairs[k]!, delta);
  }
  const pairs = resources.pairs.slice();
  pairs[i] = replaced;
  const newResources: SMap = { ...resources, pairs, end: endAfter(resources, lastResourceEnd, pairs[pairs.length - 1]!.value.end) };
  const rootPairs = root.pairs.slice();
  rootPairs[at] = { key: root.pairs[at]!.key, value: newResources };
  const newRoot: SMap = { ...root, pairs: rootPairs, end: endAfter(root, lastRootEnd, rootPairs[rootPairs.length - 1]!.value.end) };
  return { text, format: previous.format, lineStarts: computeLineStarts(text), root: newRoot, errors: [] };
}

interface Edit {
  /** First changed offset (the same in both texts). */
  start: number;
  /** End of the changed text in the old text and in the new one. */
  oldEnd: number;
  newEnd: number;
}

/** The one span where two texts differ: their common prefix and suffix left out. */
function changedSpan(old: string, text: string): Edit | undefined {
  if (old === text) return undefined;
  const max = Math.min(old.length, text.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { start, oldEnd: old.length - tail, newEnd: text.length - tail };
}

/** JSON: the resource's object, when the edit is inside its braces. */
function reparseJsonValue(pair: SPair, edit: Edit, text: string): SPair | undefined {
  const value = pair.value;
  if (value.kind !== 'map' || edit.start <= value.start || edit.oldEnd >= value.end) return undefined;
  const end = value.end + edit.newEnd - edit.oldEnd;
  const part = parsedOrUndefined(() => parseJson(text.slice(value.start, end)));
  if (!part) return undefined;
  if (!carriable(part) || part.root!.end !== end - value.start) return undefined;
  shift(part.root!, value.start);
  return { key: pair.key, value: part.root! };
}

/** Directives, document markers and tabs: a resource's lines alone would not read as in the whole text. */
const NOT_LOCAL = /^(?:---|\.\.\.|%)|\t/m;
/** The last line with text is a comment. */
const TRAILING_COMMENT = /(?:^|\n)[ \r]*#[^\n]*(?:\n[ \r]*)*$/;

/**
 * YAML: the resource's lines, from its logical id's line to the next key's line of `Resources`
 * (or of the template, after the last resource), when the edit is inside them.
 */
function reparseYamlPair(previous: SourceFile, root: SMap, at: number, resources: SMap, i: number, edit: Edit, text: string): SPair | undefined {
  const old = previous.text;
  const pair = resources.pairs[i]!;
  const from = lineStart(old, pair.key.start);
  const nextKey = resources.pairs[i + 1]?.key ?? root.pairs[at + 1]?.key;
  const to = nextKey ? lineStart(old, nextKey.start) : old.length;
  // Inside those lines, and the next key still starts a line of its own.
  if (edit.start < from || edit.oldEnd > to || (nextKey && old.charCodeAt(to - 1) !== 10)) return undefined;
  const end = to + edit.newEnd - edit.oldEnd;
  if (nextKey && text.charCodeAt(end - 1) !== 10) return undefined;
  const lines = text.slice(from, end);
  if (NOT_LOCAL.test(lines)) return undefined;
  const part = parsedOrUndefined(() => parseYamlFast(lines, pair.key.start - from) ?? parseYaml(lines));
  const r = part?.root;
  if (!part || !carriable(part) || !r || r.kind !== 'map' || r.flow || r.pairs.length !== 1) return undefined;
  const only = r.pairs[0]!;
  // The same logical id at the same indentation: a sibling of the other resources, as before.
  if (keyString(only.key.value) !== keyString(pair.key.value) || only.key.start !== pair.key.start - from) return undefined;
  // A comment after the resource's last value: a whole parse ends the value where the next key starts.
  if (TRAILING_COMMENT.test(lines)) return undefined;
  shift(only.key, from);
  shift(only.value, from);
  return only;
}

/** The parsers bound their depth; a stack overflow below them is left to the whole parse to report. */
function parsedOrUndefined(parse: () => SourceFile): SourceFile | undefined {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function shiftPair(p: SPair, delta: number): void {
  shift(p.key, delta);
  shift(p.value, delta);
}

/** Moves a subtree's offsets (in place). */
function shift(node: SNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.kind === 'map') for (const p of node.pairs) shiftPair(p, delta);
  else if (node.kind === 'seq') for (const item of node.items) shift(item, delta);
}
