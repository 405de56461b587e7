/**
 * The "TLS Inventory" view in the Explorer: the server's inventory (`cfnTlsLint/inventory`) as
 * a tree. Fetched when the view is shown and again when the server says it changed; a click
 * reveals the item in its template.
 */
import * as vscode from 'vscode';
import type { EditorInventoryReport, LspRange } from '../../server/src/protocol';
import { InventoryNode, inventoryNodes, Tone } from './inventory-nodes';

export const INVENTORY_VIEW = 'cfnTlsLint.inventory';
export const REVEAL_COMMAND = 'cfnTlsLint.revealInventoryItem';

const TONE_COLORS: Record<Tone, string> = {
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
  good: 'testing.iconPassed',
};

export class InventoryTreeProvider implements vscode.TreeDataProvider<InventoryNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<InventoryNode[]> | undefined;
  /** Told of each fetched report (the view's description). */
  onLoaded: (report: EditorInventoryReport | null) => void = () => undefined;

  constructor(private readonly fetch: () => Promise<EditorInventoryReport | null>) {}

  /** Fetch again the next time the tree is drawn (now, if it is visible). */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire();
  }

  getChildren(node?: InventoryNode): Promise<InventoryNode[]> | InventoryNode[] {
    if (node) return node.children;
    this.roots ??= this.load();
    return this.roots;
  }

  getTreeItem(node: InventoryNode): vscode.TreeItem {
    const state = !node.children.length
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon, node.tone ? new vscode.ThemeColor(TONE_COLORS[node.tone]) : undefined);
    item.contextValue = node.contextValue;
    if (node.location) item.command = { command: REVEAL_COMMAND, title: 'Reveal in Template', arguments: [node.location.uri, node.location.range] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async load(): Promise<InventoryNode[]> {
    let report: EditorInventoryReport | null = null;
    try {
      report = await this.fetch();
    } catch {
      // The server is not running (starting, restarting, stopped): the view shows its welcome text.
    }
    this.onLoaded(report);
    return inventoryNodes(report);
  }
}

/** Opens the template with the item's range selected. */
export async function revealInTemplate(uri: string, range: LspRange): Promise<void> {
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { selection: r, preview: true });
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
