import { CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, MarkupKind, Position } from './lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { policyCompletionAt, Settings, SourceFile } from '../../rules/src/index';

function formatOf(doc: TextDocument, fileName: string): 'yaml' | 'json' {
  if (/\.json$/i.test(fileName) || doc.languageId === 'json' || doc.languageId === 'jsonc') return 'json';
  if (/\.ya?ml$/i.test(fileName) || doc.languageId === 'yaml') return 'yaml';
  return /^\s*\{/.test(doc.getText()) ? 'json' : 'yaml';
}

/** Completion: the engine's policy choices at the cursor, as LSP items (weak ones struck through). */
export function completion(doc: TextDocument, fileName: string, position: Position, source: SourceFile | undefined, settings: Settings): CompletionList | null {
  const found = policyCompletionAt(doc.getText(), doc.offsetAt(position), formatOf(doc, fileName), source, settings);
  if (!found) return null;
  const range = { start: doc.positionAt(found.start), end: position };
  const items: CompletionItem[] = found.choices.map((c, i) => {
    const text = found.addQuotes ? `"${c.name}"` : c.name;
    const item: CompletionItem = {
      label: c.name,
      kind: CompletionItemKind.EnumMember,
      detail: c.detail,
      sortText: `${c.verdict === 'recommended' ? 0 : c.verdict === 'acceptable' ? 1 : 2}${String(i).padStart(3, '0')}`,
      textEdit: { range, newText: text },
      filterText: text,
    };
    if (c.notes.length) item.documentation = { kind: MarkupKind.Markdown, value: c.notes.map((n) => `- ${n}`).join('\n') };
    if (i === 0) item.preselect = true;
    if (c.verdict === 'weak') item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
  return { isIncomplete: false, items };
}
