import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, RuleRegistry, Settings } from '../../rules/src/index';

/** One open document version as the features see it: its one lint, which carries its one parse. */
export interface DocView {
  uri: string;
  doc: TextDocument;
  fileName: string;
  settings: Settings;
  registry: RuleRegistry;
  result: LintResult;
}
