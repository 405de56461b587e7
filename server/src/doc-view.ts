import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, RuleRegistry, Settings } from '../../rules/src/index';
import type { EditorTemplateInventory } from './protocol';

/** One open document version as the features see it: its one lint, which carries its one parse. */
export interface DocView {
  uri: string;
  doc: TextDocument;
  fileName: string;
  settings: Settings;
  registry: RuleRegistry;
  /** The rules' findings; `source` and `parsed` parse the text on this thread when first read. */
  result: LintResult;
  /** The inventory entry the lint worker built with the lint, when it was asked to. */
  inventory?: EditorTemplateInventory | null;
}
