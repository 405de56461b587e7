import { CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, MarkupKind, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mayBeTemplate } from '../../rules/src/parse/detect';
import type { Settings } from '../../rules/src/index';
import type { SourceFile } from '../../rules/src/parse/source-tree';
import { resourceTypeAt } from './hover';
import { locate } from './locate';
import { isPolicyProperty, policyChoices, PolicyProperty } from './policy-info';

/**
 * Completion of policy values after `SslPolicy:`, `MinimumProtocolVersion:` …
 * Read from the text before the cursor (the buffer is often not parseable while
 * typing); recommended values first, the TLS floor in the detail.
 */

interface Context {
  property: PolicyProperty;
  /** Offset where the typed part of the value starts. */
  start: number;
  /** JSON value needing quotes around the inserted text. */
  addQuotes: boolean;
}

const YAML_LINE = /^\s*(?:-\s+)*(["']?)([A-Za-z]+)\1\s*:\s+(["']?)([\w.-]*)$/;
const JSON_LINE = /"([A-Za-z]+)"\s*:\s*(")?([\w.-]*)$/;

function contextAt(doc: TextDocument, position: Position, format: 'yaml' | 'json'): Context | undefined {
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const offset = doc.offsetAt(position);
  const prefix = doc.getText().slice(lineStart, offset);
  if (format === 'json') {
    const m = JSON_LINE.exec(prefix);
    if (!m || !isPolicyProperty(m[1])) return undefined;
    return { property: m[1], start: offset - m[3].length, addQuotes: !m[2] };
  }
  const m = YAML_LINE.exec(prefix);
  if (!m || !isPolicyProperty(m[2])) return undefined;
  return { property: m[2], start: offset - m[4].length, addQuotes: false };
}

function formatOf(doc: TextDocument, fileName: string): 'yaml' | 'json' {
  if (/\.json$/i.test(fileName) || doc.languageId === 'json' || doc.languageId === 'jsonc') return 'json';
  if (/\.ya?ml$/i.test(fileName) || doc.languageId === 'yaml') return 'yaml';
  return /^\s*\{/.test(doc.getText()) ? 'json' : 'yaml';
}

export function completion(doc: TextDocument, fileName: string, position: Position, source: SourceFile | undefined, settings: Settings): CompletionList | null {
  const text = doc.getText();
  if (!mayBeTemplate(text)) return null;
  const ctx = contextAt(doc, position, formatOf(doc, fileName));
  if (!ctx) return null;
  let type: string | undefined;
  if (source?.root) {
    const loc = locate(source.root, ctx.start);
    if (loc) type = resourceTypeAt(source.root, loc.path);
  }
  const range = { start: doc.positionAt(ctx.start), end: position };
  const items: CompletionItem[] = policyChoices(ctx.property, type, settings).map((c, i) => {
    const item: CompletionItem = {
      label: c.name,
      kind: CompletionItemKind.EnumMember,
      detail: c.detail,
      sortText: `${c.verdict === 'recommended' ? 0 : c.verdict === 'acceptable' ? 1 : 2}${String(i).padStart(3, '0')}`,
      textEdit: { range, newText: ctx.addQuotes ? `"${c.name}"` : c.name },
      filterText: ctx.addQuotes ? `"${c.name}"` : c.name,
    };
    if (c.notes.length) item.documentation = { kind: MarkupKind.Markdown, value: c.notes.map((n) => `- ${n}`).join('\n') };
    if (i === 0) item.preselect = true;
    if (c.verdict === 'weak') item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
  return { isIncomplete: false, items };
}
