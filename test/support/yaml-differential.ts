import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { SNode } from '../../rules/src/parse/source-tree';

/**
 * The YAML differential test's machinery: documents shaped like real templates (seeds from
 * the corpus and the acceptance suite, then mutated towards the shapes PyYAML and the `yaml`
 * package read differently), PyYAML as the oracle (test/support/pyyaml-oracle.py, the loader
 * cfn-lint uses, with CloudFormation's tags), and a comparison of what each accepts and the
 * values it reads.
 */

export const ORACLE = path.join(__dirname, '..', '..', '..', 'test', 'support', 'pyyaml-oracle.py');

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): (n: number) => number {
  let s = seed | 0;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

export function yamlFilesUnder(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yamlFilesUnder(full, out);
    else if (/\.ya?ml$/i.test(e.name)) out.push(full);
  }
  return out.sort();
}

// ------------------------------------------------------------------ the oracle

export type OracleValue =
  | { m: [OracleValue, OracleValue][] }
  | { s: OracleValue[] }
  | { str: string }
  | { int: string }
  | { float: string }
  | { bool: boolean }
  | { null: true }
  | { bytes: string }
  | { set: string[] };

export type OracleResult = { ok: true; value: OracleValue } | { ok: false; error: string };

/** Whether python3 with PyYAML is here (cfn-lint depends on it). */
export function oracleAvailable(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  if (r.error) return 'python3 is not installed';
  if (r.status !== 0) return 'python3 has no PyYAML (pip install pyyaml)';
  return undefined;
}

/** PyYAML's reading of each document (batched: one python process per few thousand documents). */
export function oracle(docs: string[], pure = false): OracleResult[] {
  const out: OracleResult[] = [];
  const BATCH = 4000;
  for (let i = 0; i < docs.length; i += BATCH) {
    const r = spawnSync('python3', [ORACLE, ...(pure ? ['--pure'] : [])], {
      input: JSON.stringify(docs.slice(i, i + BATCH)),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (r.status !== 0) throw new Error(`pyyaml-oracle failed: ${r.stderr}`);
    out.push(...(JSON.parse(r.stdout) as OracleResult[]));
  }
  return out;
}

// ------------------------------------------------------------------ comparing values

/**
 * Where our tree and PyYAML's value differ, a short description of the first difference;
 * undefined when they read the same. Mappings compare as Python dicts do (a repeated key keeps
 * its first position and its last value).
 */
export function differs(ours: SNode | null, theirs: OracleValue, at = '$'): string | undefined {
  if (ours === null) return 'null' in theirs ? undefined : `${at}: ours is empty`;
  if (ours.kind === 'map') {
    if (!('m' in theirs)) return `${at}: ours is a mapping, PyYAML's ${kindOf(theirs)}`;
    const merged = new Map<string, { key: SNode; value: SNode }>();
    for (const p of ours.pairs) {
      const id = scalarId(p.key.value);
      const prior = merged.get(id);
      merged.set(id, { key: prior?.key ?? p.key, value: p.value });
    }
    const entries = [...merged.values()];
    if (entries.length !== theirs.m.length) return `${at}: ${entries.length} keys, PyYAML ${theirs.m.length}`;
    for (let i = 0; i < entries.length; i++) {
      const [tk, tv] = theirs.m[i];
      const keyAt = `${at}.${String((entries[i].key as { value: unknown }).value)}`;
      const dk = differs(entries[i].key, tk, `${keyAt}(key)`);
      if (dk) return dk;
      const dv = differs(entries[i].value, tv, keyAt);
      if (dv) return dv;
    }
    return undefined;
  }
  if (ours.kind === 'seq') {
    if (!('s' in theirs)) return `${at}: ours is a sequence, PyYAML's ${kindOf(theirs)}`;
    if (ours.items.length !== theirs.s.length) return `${at}: ${ours.items.length} items, PyYAML ${theirs.s.length}`;
    for (let i = 0; i < ours.items.length; i++) {
      const d = differs(ours.items[i], theirs.s[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const v = ours.value;
  const show = (x: unknown): string => JSON.stringify(x)?.slice(0, 60) ?? String(x);
  const fail = `${at}: ours ${show(v)}, PyYAML ${show(theirs)}`;
  if ('str' in theirs) return v === theirs.str ? undefined : fail;
  if ('bool' in theirs) return v === theirs.bool ? undefined : fail;
  if ('null' in theirs) return v === null ? undefined : fail;
  if ('int' in theirs) {
    if (typeof v === 'number') return Number.isInteger(v) && BigInt(v) === BigInt(theirs.int) ? undefined : fail;
    // Past 2^53 an integer is kept as its decimal text.
    return typeof v === 'string' && v === theirs.int ? undefined : fail;
  }
  if ('float' in theirs) {
    if (typeof v !== 'number') return fail;
    const f = theirs.float === 'nan' ? NaN : theirs.float === 'inf' ? Infinity : theirs.float === '-inf' ? -Infinity : Number(theirs.float);
    return Object.is(v, f) || (Number.isNaN(v) && Number.isNaN(f)) || v === f ? undefined : fail;
  }
  return fail;
}

function kindOf(v: OracleValue): string {
  return Object.keys(v)[0];
}

function scalarId(v: unknown): string {
  return `${typeof v}:${String(v)}`;
}

// ------------------------------------------------------------------ documents

/** Seeds: real templates, cut to windows of whole top-level sections so that documents stay small. */
export function seedWindows(files: string[], maxLines = 80): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const lines = text.split('\n');
    if (lines.length <= maxLines) {
      out.push(text);
      continue;
    }
    let start = 0;
    while (start < lines.length) {
      let end = Math.min(lines.length, start + maxLines);
      // End before the next top-level key so the window is whole sections (or part of one).
      for (let i = end; i > start + 10 && i < lines.length; i--) {
        if (/^[A-Za-z]/.test(lines[i])) {
          end = i;
          break;
        }
      }
      out.push(lines.slice(start, end).join('\n') + '\n');
      start = end;
      // Windows that start inside a section start at its first top-level key after.
      while (start < lines.length && !/^[A-Za-z"']/.test(lines[start])) start++;
    }
  }
  return out;
}

type Rand = (n: number) => number;
type Mutator = (lines: string[], r: Rand) => boolean;

const SCALARS_11 = [
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'NO',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  'y',
  'Y',
  'n',
  'N',
  'true',
  'True',
  'FALSE',
  '0755',
  '0o17',
  '0x1F',
  '0x_1F',
  '0b101',
  '1_000',
  '1:20',
  '190:20:30',
  '1:20.5',
  '09',
  '08.5',
  '+12',
  '-0',
  '00',
  '0',
  '1.5',
  '5.10',
  '7.0',
  '1e3',
  '1.0e+3',
  '1.0e3',
  '1E-2',
  '.5',
  '-.5',
  '1.',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  '~',
  'null',
  'Null',
  'NULL',
  '2010-09-09',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '12:30:45',
  '1.2.3',
  '443',
  '-443',
  '0.0.0.0/0',
  '123456789012',
  '12345678901234567890',
  '1__2',
  '_1',
  '0x',
  '0b',
  '=',
  '<<',
  '.',
  '-',
  '+',
  '1_2.3_4',
];

/** A line `  key: value` whose value is a plain, one-line scalar. */
function plainValueLine(line: string): { indent: number; keyEnd: number; value: string } | undefined {
  const m = /^( *)([A-Za-z0-9_.:/-]+): ([^'"{[!&*|>#%@`\s][^#]*?)\s*$/.exec(line);
  if (!m || m[3].includes(': ')) return undefined;
  return { indent: m[1].length, keyEnd: m[1].length + m[2].length + 1, value: m[3] };
}

function pickLine(lines: string[], r: Rand, test: (l: string, i: number) => boolean): number {
  const idx: number[] = [];
  lines.forEach((l, i) => test(l, i) && idx.push(i));
  return idx.length ? idx[r(idx.length)] : -1;
}

const INDENT_CHOICES = (indent: number, keyCol: number): number[] => [0, 1, indent, indent + 1, indent + 2, keyCol, keyCol + 2, Math.max(0, indent - 2)];

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const MUTATORS: Record<string, Mutator> = {
  /** A value as a multi-line quoted scalar whose continuation and closing lines sit anywhere. */
  quotedMultiline(lines, r) {
    const i = pickLine(lines, r, (l) => !!plainValueLine(l));
    if (i < 0) return false;
    const pv = plainValueLine(lines[i])!;
    const single = r(2) === 0;
    const q = single ? "'" : '"';
    const esc = (s: string): string => (single ? s.replace(/'/g, "''") : s.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
    const words = pv.value.split(/(?<=[-/.: ])/);
    const extra = ['{', '"Version": "2012-10-17",', 'import json', "return {'statusCode': 200}", '}', ''];
    const parts = [...words, ...Array.from({ length: r(3) }, () => extra[r(extra.length)])];
    const choices = INDENT_CHOICES(pv.indent, pv.keyEnd);
    const out = [`${lines[i].slice(0, pv.keyEnd)} ${q}${esc(parts[0])}`];
    for (const p of parts.slice(1)) out.push(' '.repeat(choices[r(choices.length)]) + esc(p));
    if (r(2) === 0) out.push(' '.repeat(choices[r(choices.length)]) + q);
    else out[out.length - 1] += q;
    lines.splice(i, 1, ...out);
    return true;
  },
  /** A block mapping or sequence of plain scalars written as a flow collection over several lines. */
  flowMultiline(lines, r) {
    const i = pickLine(lines, r, (l, k) => /^ *[A-Za-z0-9_]+:\s*$/.test(l) && k + 1 < lines.length && indentOf(lines[k + 1]) > indentOf(l));
    if (i < 0) return false;
    const indent = indentOf(lines[i]);
    const child = indentOf(lines[i + 1]);
    const items: string[] = [];
    let end = i + 1;
    let seq = false;
    for (; end < lines.length; end++) {
      const l = lines[end];
      if (!l.trim()) continue;
      const ind = indentOf(l);
      if (ind < child) break;
      if (ind > child) return false;
      const s = /^ *- ([^'"{[!&*|>#%@`\s][^#:]*?)\s*$/.exec(l);
      const m = /^ *([A-Za-z0-9_]+): ([^'"{[!&*|>#%@`\s][^#]*?)\s*$/.exec(l);
      if (s && (seq || !items.length)) {
        seq = true;
        items.push(JSON.stringify(s[1]));
      } else if (m && !seq && !m[2].includes(': ')) items.push(`${JSON.stringify(m[1])}: ${JSON.stringify(m[2])}`);
      else return false;
    }
    if (!items.length) return false;
    const [open, close] = seq ? ['[', ']'] : ['{', '}'];
    const choices = INDENT_CHOICES(indent, indent + 2);
    const out = [`${lines[i].trimEnd()} ${open}${r(2) ? items[0] + ',' : ''}`];
    const rest = out[0].endsWith(',') ? items.slice(1) : items;
    rest.forEach((it, k) => out.push(' '.repeat(choices[r(choices.length)]) + it + (k < rest.length - 1 ? ',' : '')));
    out.push(' '.repeat(choices[r(choices.length)]) + close);
    lines.splice(i, end - i, ...out);
    return true;
  },
  /** A plain value continued on the next lines, at any indentation. */
  plainMultiline(lines, r) {
    const i = pickLine(lines, r, (l) => !!plainValueLine(l) && plainValueLine(l)!.value.length > 3);
    if (i < 0) return false;
    const pv = plainValueLine(lines[i])!;
    const cut = 1 + r(pv.value.length - 1);
    const choices = INDENT_CHOICES(pv.indent, pv.keyEnd);
    lines.splice(i, 1, lines[i].slice(0, pv.keyEnd + 1) + pv.value.slice(0, cut), ' '.repeat(choices[r(choices.length)]) + pv.value.slice(cut));
    return true;
  },
  /** YAML 1.1 scalars as values. */
  scalar11(lines, r) {
    const i = pickLine(lines, r, (l) => !!plainValueLine(l));
    if (i < 0) return false;
    const pv = plainValueLine(lines[i])!;
    lines[i] = `${lines[i].slice(0, pv.keyEnd)} ${SCALARS_11[r(SCALARS_11.length)]}`;
    return true;
  },
  /** A line moved left or right. */
  reindent(lines, r) {
    const i = pickLine(lines, r, (l) => l.trim() !== '');
    if (i < 0) return false;
    const ind = indentOf(lines[i]);
    lines[i] = ' '.repeat(Math.max(0, ind + r(7) - 3)) + lines[i].trimStart();
    return true;
  },
  /** A repeated key. */
  duplicateKey(lines, r) {
    const i = pickLine(lines, r, (l) => !!plainValueLine(l));
    if (i < 0) return false;
    lines.splice(i + 1, 0, lines[i]);
    return true;
  },
  /** Comments and blank lines in odd places. */
  comment(lines, r) {
    const i = r(lines.length + 1);
    const texts = ['# note', '#', '', '   ', '  # indented note', '#: odd'];
    lines.splice(i, 0, ' '.repeat(r(8)) + texts[r(texts.length)]);
    return true;
  },
  /** A short-form tag on a node of another kind, or a tag CloudFormation does not define. */
  tags(lines, r) {
    const i = pickLine(lines, r, (l) => !!plainValueLine(l));
    if (i < 0) return false;
    const pv = plainValueLine(lines[i])!;
    const forms = [
      '!Ref [a, b]',
      '!Sub {a: b}',
      '!Bogus x',
      '!GetAtt A.B.C',
      '!If [C, a, b]',
      '!Ref',
      '!!str 443',
      '!!int "12"',
      '!Join ["", [a, b]]',
      '!Base64 x',
      '!Condition C',
    ];
    lines[i] = `${lines[i].slice(0, pv.keyEnd)} ${forms[r(forms.length)]}`;
    return true;
  },
  /** Characters inserted or deleted anywhere (broken documents both readers must refuse alike). */
  noise(lines, r) {
    const i = r(lines.length);
    const l = lines[i];
    const at = r(l.length + 1);
    const tokens = [':', ': ', '- ', '{', '}', '[', ']', ',', '"', "'", '#', ' #', '\t', ' ', '&a ', '*a', '!', '|', '>', '? ', '%', '@', '`', '\\'];
    lines[i] = r(3) === 0 ? l.slice(0, at) + l.slice(at + 1) : l.slice(0, at) + tokens[r(tokens.length)] + l.slice(at);
    return true;
  },
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/** `count` documents: each a seed window with one to three mutations, the dialect's shapes weighted up. */
export function mutatedDocuments(seeds: string[], count: number, seed = 1): string[] {
  const r = prng(seed);
  const weighted = [
    'quotedMultiline',
    'quotedMultiline',
    'quotedMultiline',
    'flowMultiline',
    'flowMultiline',
    'flowMultiline',
    'plainMultiline',
    'plainMultiline',
    'scalar11',
    'scalar11',
    'reindent',
    'duplicateKey',
    'comment',
    'tags',
    'noise',
  ];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const lines = seeds[r(seeds.length)].split('\n');
    const n = 1 + r(3);
    for (let j = 0; j < n; j++) MUTATORS[weighted[r(weighted.length)]](lines, r);
    out.push(lines.join('\n'));
  }
  return out;
}
