import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextDocumentEdit, WorkspaceEdit } from './lsp';
import { DiagnosticData, sameRange, samePath, SOURCE, toLspEdits } from './convert';
import type { DocView } from './doc-view';
import { isKept } from './kept-findings';
import { SHOW_DOCUMENTATION_COMMAND } from './protocol';
import { metadataSuppressionFix } from './suppress';
import {
  MISSING_REASON_RULE,
  PARSE_ERROR_RULE,
  editsForFix,
  lineDiffEdits,
  TextEdit as OffsetEdit,
  disableNextLineEdit,
  type Diagnostic as EngineDiagnostic,
  type Fix,
} from '../../rules/src/index';

/** The source action that `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** What a lazily computed action carries until `codeAction/resolve`. */
export interface ResolveData {
  kind: 'fixAll';
  uri: string;
  /** Only this rule's fixes; all safe fixes when absent. */
  rule?: string;
}

export interface ActionOptions {
  /** The client resolves `edit` lazily (codeAction/resolve). */
  canResolve: boolean;
  /** The client takes `documentChanges` (versioned edits). */
  documentChanges: boolean;
  log: (message: string) => void;
  /** The document's text after every safe fix (of one rule, or all), to a fixed point: computed where the rules run. */
  fixedText: (rule?: string) => Promise<string | undefined>;
}

function kindWanted(only: string[] | undefined, kind: string): boolean {
  if (!only || !only.length) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function workspaceEdit(view: DocView, edits: readonly OffsetEdit[], documentChanges: boolean): WorkspaceEdit {
  const lsp = toLspEdits(view.doc, edits);
  if (documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: view.uri, version: view.doc.version }, lsp)] };
  return { changes: { [view.uri]: lsp } };
}

/** The engine diagnostic a client diagnostic stands for, in this version's lint. */
function engineDiagnostic(view: DocView, d: Diagnostic): EngineDiagnostic | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  const rule = typeof d.code === 'string' ? d.code : data?.rule;
  if (!rule) return undefined;
  const same = view.result.diagnostics.filter((e) => e.rule === rule && !e.suppressed && (!data?.path || samePath(e.path, data.path)));
  return same.find((e) => sameRange(e.range, d.range)) ?? (same.length === 1 ? same[0] : undefined);
}

function safeFixes(d: EngineDiagnostic): Fix[] {
  return d.fixes.filter((f) => f.safe);
}

/** The edit from the document's text to its fixed text (undefined: the fixes could not be computed). */
export function fixAllEdit(view: DocView, fixed: string | undefined, documentChanges: boolean): WorkspaceEdit {
  const before = view.doc.getText();
  return workspaceEdit(view, fixed === undefined ? [] : lineDiffEdits(before, fixed), documentChanges);
}

/** Code actions for a range: quick fixes of the diagnostics in it, suppressions, docs, fix-all. */
export async function codeActions(view: DocView, params: CodeActionParams, opts: ActionOptions): Promise<CodeAction[]> {
  const only = params.context.only;
  const out: CodeAction[] = [];
  const fixableSafe = view.result.diagnostics.filter((d) => !d.suppressed && safeFixes(d).length > 0);
  // Findings kept from an earlier version have no actions: their fixes were made for that text.
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && !isKept(d));

  // The parse is read only for diagnostics of ours under the cursor: typing elsewhere parses nothing here.
  const source = kindWanted(only, CodeActionKind.QuickFix) && ours.length ? view.result.source : undefined;
  if (source) {
    const rulesDone = new Set<string>();
    for (const d of ours) {
      const e = engineDiagnostic(view, d);
      if (!e) continue;
      for (const fix of e.fixes) {
        try {
          const edits = editsForFix(source, fix);
          if (!edits.length) continue;
          out.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: e.fixes.length === 1 && fix.safe ? true : undefined,
            edit: workspaceEdit(view, edits, opts.documentChanges),
          });
        } catch (err) {
          opts.log(`fix "${fix.title}" of ${e.rule} could not be turned into edits: ${(err as Error).message}`);
        }
      }
      if (!rulesDone.has(e.rule)) {
        rulesDone.add(e.rule);
        const sameRule = fixableSafe.filter((x) => x.rule === e.rule);
        if (sameRule.length > 1) {
          const action: CodeAction = { title: `Fix all ${e.rule} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d] };
          const data: ResolveData = { kind: 'fixAll', uri: view.uri, rule: e.rule };
          if (opts.canResolve) action.data = data;
          else action.edit = fixAllEdit(view, await opts.fixedText(e.rule), opts.documentChanges);
          out.push(action);
        }
      }
      // The engine's own findings (syntax errors, reasonless suppressions) cannot be suppressed.
      const suppressible = e.rule !== PARSE_ERROR_RULE && e.rule !== MISSING_REASON_RULE;
      if (suppressible && e.resource && view.result.parsed) {
        const fix = metadataSuppressionFix(view.result.parsed, e.resource, e.rule);
        if (fix) {
          try {
            out.push({
              title: `Disable ${e.rule} for this resource`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              edit: workspaceEdit(view, editsForFix(source, fix), opts.documentChanges),
            });
          } catch (err) {
            opts.log(`the Metadata suppression of ${e.rule} could not be turned into edits: ${(err as Error).message}`);
          }
        }
      }
      if (suppressible && source.format === 'yaml') {
        const edit = disableNextLineEdit(view.doc.getText(), e.range.start.line, e.rule);
        if (edit.newText)
          out.push({
            title: `Disable ${e.rule} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: workspaceEdit(view, [edit], opts.documentChanges),
          });
      }
      out.push({
        title: `Show documentation for ${e.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        // The rule id, not its URL: the server builds the URL (show-documentation.ts).
        command: { title: `Show documentation for ${e.rule}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [e.rule] },
      });
    }
  }

  // The source action only when asked for by kind (Source Action menu, codeActionsOnSave).
  if (only && kindWanted(only, FIX_ALL_KIND) && fixableSafe.length) {
    const action: CodeAction = { title: 'Fix all auto-fixable cfn-tls-lint problems', kind: FIX_ALL_KIND };
    const explicit = only.some((o) => o === FIX_ALL_KIND || o === CodeActionKind.SourceFixAll);
    if (opts.canResolve && !explicit) action.data = { kind: 'fixAll', uri: view.uri } satisfies ResolveData;
    else action.edit = fixAllEdit(view, await opts.fixedText(), opts.documentChanges);
    out.push(action);
  }
  return dedupeDocs(out);
}

/** One "Show documentation" per rule when several of its diagnostics are in range. */
function dedupeDocs(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    if (!a.command) return true;
    const key = a.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
