import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from './lsp';
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
