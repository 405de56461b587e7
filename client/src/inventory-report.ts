/**
 * "Show Certificate Inventory": the Markdown report in a preview, from a read-only virtual
 * document (no untitled buffer left asking to be saved). While the document is open it follows
 * the server's `inventoryChanged`, so the preview stays current.
 */
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'cfn-tls-lint-inventory';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Certificate Inventory.md' });

export class InventoryReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly fetch: () => Promise<string | null>) {}

  async provideTextDocumentContent(): Promise<string> {
    try {
      return (await this.fetch()) ?? 'The CloudFormation TLS Lint server is not running.';
    } catch (e) {
      return `The inventory could not be read: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** The inventory changed: an open report reads it again. */
  refresh(): void {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === REPORT_URI.toString())) this.changed.fire(REPORT_URI);
  }

  async show(): Promise<void> {
    this.refresh();
    await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
