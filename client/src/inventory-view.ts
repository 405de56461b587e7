/**
 * The client side of the certificate inventory: the "TLS Inventory" view, its commands, and the
 * Markdown report, all fed by the server (`cfnTlsLint/inventory`, `cfn-tls-lint.inventory`) and
 * refreshed on its `cfnTlsLint/inventoryChanged`.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, ExecuteCommandRequest, State } from 'vscode-languageclient';
import { EditorInventoryReport, INVENTORY_CHANGED_NOTIFICATION, INVENTORY_REQUEST, InventoryParams, LspRange } from '../../server/src/protocol';
import { inventoryDescription } from './inventory-nodes';
import { InventoryReportProvider, REPORT_SCHEME } from './inventory-report';
import { INVENTORY_VIEW, InventoryTreeProvider, REVEAL_COMMAND, revealInTemplate } from './inventory-tree';
import { INVENTORY_COMMAND } from '../../server/src/protocol';

/** Registers the view and the commands; returns what the scan notifications drive. */
export function registerInventory(context: vscode.ExtensionContext, client: BaseLanguageClient): { scanning(busy: boolean): void } {
  const tree = new InventoryTreeProvider(async () => {
    const params: InventoryParams = {};
    return (await client.sendRequest(INVENTORY_REQUEST, params)) as EditorInventoryReport | null;
  });
  const view = vscode.window.createTreeView(INVENTORY_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.onLoaded = (report) => (view.description = inventoryDescription(report));
  const report = new InventoryReportProvider(async () => {
    const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: INVENTORY_COMMAND, arguments: [] })) as { markdown: string } | null;
    return r?.markdown ?? null;
  });
  const refresh = (): void => {
    tree.refresh();
    report.refresh();
  };
  client.onNotification(INVENTORY_CHANGED_NOTIFICATION, refresh);
  // A restarted server knows nothing of what the client showed: ask it again.
  let started = false;
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      if (started) refresh();
      started = true;
    }),
  );
  context.subscriptions.push(
    tree,
    view,
    report,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, report),
    vscode.commands.registerCommand('cfnTlsLint.showInventory', () => report.show()),
    vscode.commands.registerCommand('cfnTlsLint.refreshInventory', () => tree.refresh()),
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, range: LspRange) => revealInTemplate(uri, range)),
  );
  // The view's `when` clause.
  void vscode.commands.executeCommand('setContext', 'cfnTlsLint.active', true);
  return {
    scanning(busy: boolean): void {
      view.message = busy ? 'Scanning the workspace…' : undefined;
    },
  };
}
