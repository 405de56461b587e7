import { InlayHint, Range } from './lsp';
import type { DocView } from './doc-view';
import { environmentsFor, Template, valueHints, type ValueHint } from '../../rules/src/index';

/**
 * Inlay hints: what each property written through `Ref`, `Fn::If` or `Fn::FindInMap` resolves to,
 * per environment of the config (`environments`) or per scenario, with a policy's TLS floor
 * (rules/src/editor/value-hints.ts). Computed once per version and settings, on this thread's parse.
 */
const computed = new WeakMap<Template, { settings: DocView['settings']; hints: ValueHint[] }>();

export function inlayHints(view: DocView, range: Range): InlayHint[] {
  const parsed = view.result.parsed;
  if (!parsed) return [];
  const cached = computed.get(parsed);
  let hints = cached?.settings === view.settings ? cached.hints : undefined;
  if (!hints) {
    const environments = environmentsFor(view.settings, view.fileName);
    const runs = environments.length
      ? environments.map((e) => ({
          environment: e.name,
          template: new Template(parsed.source, view.fileName, new Map([...e.parameterValues, ...view.settings.parameterValues])),
        }))
      : [{ template: parsed }];
    hints = valueHints(runs, view.settings);
    computed.set(parsed, { settings: view.settings, hints });
  }
  const start = view.doc.offsetAt(range.start);
  const end = view.doc.offsetAt(range.end);
  return hints.filter((h) => h.offset >= start && h.offset <= end).map((h) => ({ position: view.doc.positionAt(h.offset), label: h.label, paddingLeft: true }));
}
