/** The engine's public surface: what the CLI, the language server and tests use. */
export { lintText, MAX_TEMPLATE_BYTES, PARSE_ERROR_RULE, MISSING_REASON_RULE, RuleTimeout, DEFAULT_RULE_BUDGET_MS } from './engine/lint';
export type { LintResult, LintOptions, RuleFailure } from './engine/lint';
export { RuleRegistry, docsUrl, DOCS_BASE_URL } from './engine/registry';
export { defaultRegistry, ALL_RULES } from './rules/index';
export { parseConfig, mergeSettings, DEFAULT_SETTINGS, CONFIG_FILE_NAME, ConfigError } from './engine/config';
export type { Settings, ConfigLayer, RuleSetting } from './engine/config';
export type { Diagnostic, Fix, FixIntent, FixValue, Rule, RuleMeta, Severity, SeverityOrOff } from './engine/types';
export { parseSource } from './parse/index';
export { isCandidateFile, DEFAULT_SKIPPED_DIRS } from './parse/detect';
export { Template } from './template/template';
