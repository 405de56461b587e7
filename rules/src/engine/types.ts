import type { Path } from '../parse/source-tree';
import type { Range } from '../template/template';
import type { ResourceView, TemplateReader } from '../model/reader';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** JSON-like value a fix writes; `{Ref: X}` and `{"Fn::…": …}` become short-form tags in YAML. */
export type FixValue = string | number | boolean | null | FixValue[] | { [key: string]: FixValue };

/** What a fix does, by template path; the edit layer turns intents into minimal text edits. */
export type FixIntent =
  | { kind: 'set'; path: Path; value: FixValue }
  | { kind: 'insert'; path: Path; key: string; value: FixValue }
  /** `occurrence`: which of the pairs written with the path's last key (0 = the first); by default the one CloudFormation reads, the last. */
  | { kind: 'remove'; path: Path; occurrence?: number }
  | { kind: 'rename'; path: Path; newKey: string }
  | { kind: 'append'; path: Path; value: FixValue }
  | { kind: 'addParameter'; name: string; definition: FixValue }
  | { kind: 'addResource'; name: string; definition: FixValue };

export interface Fix {
  title: string;
  intents: FixIntent[];
  /** False when fix-all and `--fix` must not apply it (e.g. one of several guesses). */
  safe: boolean;
}

export interface RelatedInfo {
  path: Path;
  message: string;
  /** Exact offsets, for a place no path names (the earlier of two keys written alike). */
  offsets?: { start: number; end: number };
}

export interface OptionSchema {
  type: 'string' | 'string[]' | 'number' | 'boolean';
  description: string;
  /** Allowed values for a string option. */
  values?: readonly string[];
}

export interface RuleDocs {
  /** When the severity depends on the trigger: "info when `SecurityPolicy` is absent". */
  severityNote?: string;
  /** What the fix covers, or that it is offered in the editor only. */
  fixNote?: string;
  /** The resources the rule reads, where `resourceTypes` does not say it all (SAM, `Globals`, consumers). */
  appliesTo?: string;
}

export interface RuleMeta {
  id: string;
  severity: SeverityOrOff;
  /** One line, for `--list-rules` and the docs index. */
  summary: string;
  fixable: boolean;
  /** Peer tools' check ids this rule covers (checkov, cfn_nag, Security Hub, Trivy, guard, cfn-lint). */
  peers: readonly string[];
  /** What the rule page's header says beyond the fields above (docs/rules/<id>.md, generated). */
  docs?: RuleDocs;
  /** Resource types whose presence makes the rule run; `'*'` runs on every template. */
  resourceTypes: readonly string[] | '*';
  /**
   * Those of `resourceTypes` the rule reads only around its check (an S3 bucket without a
   * policy): unknown-property does not look for misspelt names in them on its account.
   */
  contextTypes?: readonly string[];
  options?: Readonly<Record<string, OptionSchema>>;
}

export interface Report {
  /** Template path of the node the diagnostic sits on. */
  path: Path;
  /** `key` for a missing property (reported on the key of the object that should hold it). */
  target?: 'key' | 'value';
  message: string;
  /** Overrides the rule's severity for this finding (a rule whose severity depends on the trigger). */
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Extra facts for front ends (never parsed from the message). */
  data?: Record<string, unknown>;
  /**
   * Findings of a rule with the same path and key are one finding (scenarios and
   * candidates merge their related information). Defaults to the path.
   */
  key?: string;
}

/** What a rule sees: the template reader, its configuration, and where its findings go. */
export interface RuleContext extends TemplateReader {
  /** This rule's options from the configuration. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The configured severity of this rule. */
  readonly severity: Severity;
  report(r: Report): void;
  /**
   * The text one top-level section's value (`'Parameters'`) or one resource's value
   * (`'Resources', id`) is written in, for a rule that looks at text ('' when there is none;
   * a repeated key's values one per line). Unlike the template's whole text, which depends on
   * every edit, it counts as a read of that resource only.
   */
  sourceText(section: string, resourceId?: string): string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  resource: string | null;
  path: Path;
  range: Range;
  /** Offsets of the range in the text (front ends that edit need them). */
  offsets: { start: number; end: number };
  fixable: boolean;
  suppressed: boolean;
  /** How it was suppressed, when it was. */
  suppression?: { kind: string; reason?: string };
  /** `file`: a place in another file (a parent stack's value), named as the front end names files. */
  related: { path: Path; range: Range; message: string; offsets?: { start: number; end: number }; file?: string }[];
  fixes: Fix[];
  data?: Record<string, unknown>;
  /** The environments (config `environments`) whose lint made it, when the file is linted per environment. */
  environments?: string[];
  /** The CDK construct of the resource, when the template comes from a cloud assembly (front ends set it). */
  construct?: { path: string; source?: { file: string; line: number; column: number } };
}

export type { ResourceView, TemplateReader };
