import { Hover, MarkupKind, Position } from './lsp';
import { hoverMarkdown } from '../../rules/src/index';
import type { DocView } from './doc-view';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Hover: the engine's Markdown for the findings under the cursor and the node there. */
export function hover(view: DocView, position: Position): Hover | null {
  const findings = view.result.diagnostics.filter((d) => before(d.range.start, position) && before(position, d.range.end));
  const value = hoverMarkdown({ source: view.result.source, offset: view.doc.offsetAt(position), findings, registry: view.registry, settings: view.settings });
  return value ? { contents: { kind: MarkupKind.Markdown, value } } : null;
}
