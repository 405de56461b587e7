import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, RuleRegistry, Settings } from '../../rules/src/index';
import type { SourceFile } from '../../rules/src/parse/source-tree';

/** One open document version as the features see it: its one parse and lint. */
export interface DocView {
  uri: string;
  doc: TextDocument;
  fileName: string;
  settings: Settings;
  registry: RuleRegistry;
  /** The lint of this version with these settings (it carries the parse). */
  result: LintResult;
}

export function sourceOf(view: DocView): SourceFile | undefined {
  return view.result.source;
}
