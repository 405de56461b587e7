/**
 * The engine's public surface: everything the CLI, the language server, the client and the
 * browser server use. Front ends import the engine from here only (and Node-only helpers from
 * `rules/src/node/`); what is not exported here is the engine's own business.
 */

// Linting
export { lintText, parseDocument, MAX_TEMPLATE_BYTES, PARSE_ERROR_RULE, MISSING_REASON_RULE, RuleTimeout, DEFAULT_RULE_BUDGET_MS } from './engine/lint';
export type { LintResult, LintOptions, ParsedDocument, RuleFailure } from './engine/lint';
export { LintHistory } from './engine/history';
export { RuleRegistry, docsUrl, DOCS_BASE_URL } from './engine/registry';
export { defaultRegistry, ALL_RULES } from './rules/index';
export type { Diagnostic, Fix, FixIntent, FixValue, Report, Rule, RuleContext, RuleMeta, Severity, SeverityOrOff } from './engine/types';
export { keyRedactor } from './engine/redact';

// Configuration
export { parseConfig, mergeSettings, didYouMean, DEFAULT_SETTINGS, CONFIG_FILE_NAME, ConfigError } from './engine/config';
export type { Settings, ConfigLayer, RuleSetting, EnvironmentSetting } from './engine/config';
export { environmentsFor, lintDeployed, lintInEnvironments } from './engine/environments';

// Parsing and the template
export { parseSource } from './parse/index';
export { isCandidateFile, isTemplateRoot, looksBinary, mayBeTemplate, DEFAULT_SKIPPED_DIRS } from './parse/detect';
export { getValue, isMap, isScalar, isSeq, pathKey, scalarString } from './parse/source-tree';
export type { Path, SNode, SourceFile } from './parse/source-tree';
export { Template, type SuppliedParameter } from './template/template';
export { nestedStacksIn, MAX_PARAMETER_SETS } from './model/nested-stacks';
export type { NestedStack, PassedParameter } from './model/nested-stacks';

// Fixes and edits
export { applyEdits, diffLines, editsForFix, fixAll, lineDiffEdits, unifiedDiff } from './edit/index';
export type { LineChange, LintOutcome as FixAllLint, TextEdit } from './edit/index';
export { disableNextLineEdit } from './edit/suppress-comment';

// What the editor shows: hover, completion, the node under the cursor
export { hoverMarkdown } from './editor/hover';
export { valueHints } from './editor/value-hints';
export type { HintRun, ValueHint } from './editor/value-hints';
export type { HoverInput } from './editor/hover';
export { policyCompletionAt } from './editor/completion';
export type { PolicyCompletion } from './editor/completion';
export type { PolicyChoice } from './editor/policy-info';
export { nodeAtOffset, resourceTypeAt } from './editor/node-at-offset';
export type { NodeAtOffset } from './editor/node-at-offset';

// The inventory
export { buildInventory, floorGroup, inventoryCsv, inventoryMarkdown, inventoryReport } from './inventory/index';
export type {
  CertificateEntry,
  CertificateKind,
  CertificateSource,
  ConsumerRef,
  EndpointEntry,
  EndpointKind,
  InventoryFinding,
  InventoryReport,
  TemplateInventory,
} from './inventory/index';
export { endpointKindText } from './inventory/text';

// TLS versions
export { DEFAULT_MINIMUM_TLS, isBelow, TLS_FLOORS } from './data/tls';
export type { TlsFloor } from './data/tls';
