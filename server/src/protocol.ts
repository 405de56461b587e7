import type { CertificateEntry, ConsumerRef, EndpointEntry, InventoryFinding, InventoryReport, TemplateInventory } from '../../rules/src/index';
/**
 * The server's own LSP messages and commands, shared by the server and the VS Code client (names
 * and types only: the client bundle pulls in nothing else from here). docs/editor.md describes
 * them for other clients.
 */

// ------------------------------------------------------------------ commands (workspace/executeCommand)

/** Scans the workspace folders now; answers a `ScanSummary` (progress on the request's workDoneToken). */
export const SCAN_COMMAND = 'cfn-tls-lint.scanWorkspace';
/** Answers `{ markdown }`: the certificate inventory of the workspace as Markdown. */
export const INVENTORY_COMMAND = 'cfn-tls-lint.inventory';
/** Shows a rule's documentation page; its one argument is the rule id (the server builds the URI). */
export const SHOW_DOCUMENTATION_COMMAND = 'cfn-tls-lint.showDocumentation';

// ------------------------------------------------------------------ notifications (server to client)

/**
 * The settings the servers read, per folder (workspace/configuration): our own section and the
 * excludes the scan honours. The client tells the server when one of them changes.
 */
export const SETTINGS_SECTIONS = ['cfnTlsLint', 'files.exclude', 'search.exclude'] as const;

/** After each lint of an open document: what the status bar shows. */
export const DID_LINT_NOTIFICATION = 'cfnTlsLint/didLint';

export interface DidLintParams {
  uri: string;
  version: number;
  /** Diagnostics published for this version. */
  problems: number;
  /** From the change to the published diagnostics. */
  ms: number;
}

/** When a workspace scan starts (`state: 'started'`) and ends (the summary, with `state`). */
export const SCAN_NOTIFICATION = 'cfnTlsLint/scan';

/** A folder or ignore file the scan could not read: what is below it was not linted. */
export interface UnreadablePath {
  path: string;
  reason: string;
}

export interface ScanSummary {
  files: number;
  templates: number;
  problems: number;
  truncated: boolean;
  cancelled: boolean;
  unreadable: UnreadablePath[];
  ms: number;
}

export type ScanNotificationParams = { state: 'started' } | ({ state: 'finished' | 'cancelled' } & ScanSummary);

// ------------------------------------------------------------------ the inventory
//
// The response is an `InventoryReport` of schema version 1 (docs/inventory.md) with editor
// fields added, as version 1 allows: `uri` and `folderUri` on each template, and an LSP `range`
// (0-based) on every certificate, consumer, endpoint and finding, so a client can reveal them.

/** Request: the inventory of the workspace (open documents and scanned files). */
export const INVENTORY_REQUEST = 'cfnTlsLint/inventory';
/** Notification (server to client, debounced): the inventory a client asked for has changed; ask again. */
export const INVENTORY_CHANGED_NOTIFICATION = 'cfnTlsLint/inventoryChanged';

export interface InventoryParams {
  /** Only the templates of this workspace folder; all of them when absent. */
  folderUri?: string;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface EditorFinding extends InventoryFinding {
  /** The diagnostic's range. */
  range: LspRange;
}

export interface EditorConsumer extends Omit<ConsumerRef, 'findings'> {
  /** The consumer property's value. */
  range: LspRange;
  findings: EditorFinding[];
}

export interface EditorCertificate extends Omit<CertificateEntry, 'consumers' | 'findings'> {
  /** The logical id or parameter name; the written literal or expression. */
  range: LspRange;
  consumers: EditorConsumer[];
  findings: EditorFinding[];
}

export interface EditorEndpoint extends Omit<EndpointEntry, 'findings'> {
  /** The logical id for a whole resource; the list item, behaviour or option otherwise. */
  range: LspRange;
  findings: EditorFinding[];
}

export interface EditorTemplateInventory extends Omit<TemplateInventory, 'certificates' | 'endpoints'> {
  /** The document (an open editor's URI, or the file's `file:` URI). */
  uri: string;
  /** The workspace folder it is in, if any. */
  folderUri: string | null;
  certificates: EditorCertificate[];
  endpoints: EditorEndpoint[];
}

export interface EditorInventoryReport extends Omit<InventoryReport, 'templates'> {
  templates: EditorTemplateInventory[];
}

/** What changed is not said: the counts are for logs and status lines only. */
export interface InventoryChangedParams {
  templates: number;
  certificates: number;
  endpoints: number;
}

/** Languages of CDK app sources the client sends (cdk-sources.ts): the CDK records a Node app's stack frames. */
export const CDK_SOURCE_LANGUAGES: readonly string[] = ['typescript', 'javascript'];
