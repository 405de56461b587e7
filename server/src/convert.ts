import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEPRECATED_VALUE_RULES, UNNECESSARY_RULES } from './diagnostic-tags';
import { docsUrl, type Diagnostic as EngineDiagnostic, type TextEdit as OffsetEdit } from '../../rules/src/index';

export const SOURCE = 'cfn-tls-lint';

/** What a published diagnostic carries in `data`: enough to find and fix it again. */
export interface DiagnosticData {
  rule: string;
  path: (string | number)[];
  resource: string | null;
  fixes: { title: string; safe: boolean }[];
  facts?: Record<string, unknown>;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

function onProperty(d: EngineDiagnostic, names: readonly string[] | undefined): boolean {
  return !!names && d.path.some((p) => typeof p === 'string' && names.includes(p));
}

export function tagsFor(d: EngineDiagnostic): DiagnosticTag[] | undefined {
  const tags: DiagnosticTag[] = [];
  if (onProperty(d, DEPRECATED_VALUE_RULES[d.rule]) && d.severity !== 'info') tags.push(DiagnosticTag.Deprecated);
  if (onProperty(d, UNNECESSARY_RULES[d.rule])) tags.push(DiagnosticTag.Unnecessary);
  return tags.length ? tags : undefined;
}

export function toLspDiagnostic(d: EngineDiagnostic, uri: string): Diagnostic {
  const data: DiagnosticData = { rule: d.rule, path: d.path, resource: d.resource, fixes: d.fixes.map((f) => ({ title: f.title, safe: f.safe })) };
  if (d.data) data.facts = d.data;
  const out: Diagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    source: SOURCE,
    code: d.rule,
    codeDescription: { href: docsUrl(d.rule) },
    message: d.message,
    data,
  };
  if (d.related.length) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  const tags = tagsFor(d);
  if (tags) out.tags = tags;
  return out;
}

/** Offset edits of the edit layer to LSP edits on a document. */
export function toLspEdits(doc: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Edits that turn `before` into `after`, line by line, touching only the lines
 * that differ (fix-all returns a whole text; the editor should see small edits).
 */
export function diffEdits(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const offsetOf = (lines: string[], n: number): number => lines.slice(0, n).reduce((s, l) => s + l.length, 0);
  const base = offsetOf(a, pre);
  if (am.length * bm.length > 4_000_000) {
    return [{ start: base, end: base + am.join('').length, newText: bm.join('') }];
  }
  // LCS over the differing middle; runs of unmatched lines become one edit each.
  const n = am.length;
  const m = bm.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const edits: OffsetEdit[] = [];
  let i = 0;
  let j = 0;
  let offset = base;
  let pending: { start: number; end: number; newText: string } | undefined;
  const flush = (): void => {
    if (pending) edits.push(pending);
    pending = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      flush();
      offset += am[i].length;
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      pending ??= { start: offset, end: offset, newText: '' };
      pending.newText += bm[j++];
    } else {
      pending ??= { start: offset, end: offset, newText: '' };
      offset += am[i].length;
      pending.end = offset;
      i++;
    }
  }
  flush();
  return edits;
}

/** Lines with their line breaks kept, so joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}
