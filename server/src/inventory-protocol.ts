import {
  type CertificateEntry,
  type ConsumerRef,
  type EndpointEntry,
  type InventoryFinding,
  type InventoryReport,
  type TemplateInventory,
} from '../../rules/src/index';
/**
 * The inventory's custom LSP messages, shared by the server and the VS Code client (types and
 * names only: the client bundle pulls in nothing else from here).
 *
 * The response is an `InventoryReport` of schema version 1 (docs/inventory.md) with editor
 * fields added, as version 1 allows: `uri` and `folderUri` on each template, and an LSP `range`
 * (0-based) on every certificate, consumer, endpoint and finding, so a client can reveal them.
 */

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
