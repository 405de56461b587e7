import path = require('path');
import type { CancellationToken } from 'vscode-languageserver/node';
import type { LintResult, Settings } from '../../rules/src/index';
import { throwIfCancelled } from './cancel';
import type { Folder } from './folders';
import { editorMarkdown, editorReport, templateInventory } from './editor-inventory';
import type { EditorInventoryReport, EditorTemplateInventory, InventoryChangedParams } from './protocol';
import { fileUri, uriKey, uriToPath } from './uri';
import { Throttle } from './throttle';
import type { InventoryName } from './worker-protocol';

/** What the inventory reads: the server's open documents and the workspace scan's files. */
export interface InventorySources {
  folders(): Folder[];
  folderOf(filePath: string | undefined): Folder | undefined;
  /** Open documents that are linted, with their current lint (one per version). */
  openDocuments(): Promise<OpenDocument[]>;
  /** Closed files the scan keeps results for (paths). */
  scannedFiles(): string[];
  /** A closed file's inventory entry from disk, now (built where the rules run); undefined: not linted. */
  lintFromDisk(filePath: string, name: InventoryName): Promise<{ inv: EditorTemplateInventory | undefined } | undefined>;
}

/** An open document as the inventory reads it. */
export interface OpenDocument {
  uri: string;
  /** Its lint, which parses the text on first use of `parsed`/`source` (on the main thread). */
  result: LintResult;
  settings: Settings;
  /** The entry the lint worker built with the lint (null: not a template); undefined: not built then. */
  inventory?: EditorTemplateInventory | null;
}

/** One file's inventory (undefined: not a template) and its JSON, which tells whether it changed. */
interface Entry {
  inv: EditorTemplateInventory | undefined;
  json: string;
}

const DEFAULT_DEBOUNCE_MS = 300;
/** During a long scan the tree still fills in: a change is announced at most this late. */
const MAX_WAIT_MS = 2000;

/**
 * The workspace's certificate inventory, kept per file: an open editor's from its lint (per
 * version), a closed file's from the scan's lint of it. Until a client asks for the inventory,
 * closed files are inventoried lazily (re-linted from disk on the first request); from then on
 * each scan lint updates its file's entry, and a debounced `inventoryChanged` goes out when what
 * the client was given is no longer current.
 */
export class InventoryService {
  /** Closed files by path. */
  private readonly closed = new Map<string, Entry>();
  /** Open documents: by the lint of their current version, which the server keeps one of per version. */
  private readonly open = new WeakMap<LintResult, Entry & { name: string }>();
  private active = false;
  /** The entries' JSON as last given to (or announced to) the client, in order. */
  private last: string[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pendingSince: number | undefined;
  private checking = false;
  private recheck = false;
  private disposed = false;

  constructor(
    private readonly sources: InventorySources,
    private readonly notify: (p: InventoryChangedParams) => void,
    private readonly onError: (e: unknown) => void,
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
  ) {}

  /** The inventory for a client (all folders, or one); changes are announced from now on. */
  async report(folderUri?: string, token?: CancellationToken): Promise<EditorInventoryReport> {
    this.active = true;
    const entries = await this.entries(token);
    this.last = entries.map((e) => e.json);
    const templates = entries.map((e) => e.inv!);
    const folder = folderUri ? uriKey(folderUri) : undefined;
    return editorReport(folder ? templates.filter((t) => t.folderUri && uriKey(t.folderUri) === folder) : templates);
  }

  /** The Markdown report of the whole workspace (the "Show Certificate Inventory" command); changes are announced from now on. */
  async markdown(): Promise<string> {
    this.active = true;
    const entries = await this.entries();
    this.last = entries.map((e) => e.json);
    return editorMarkdown(entries.map((e) => e.inv!));
  }

  /** How the scan should name a closed file's entry when it lints it; undefined until a client asks for the inventory. */
  inventoryName(filePath: string): InventoryName | undefined {
    if (!this.active) return undefined;
    const key = path.resolve(filePath);
    return { ...this.nameOf(key, fileUri(key)), uri: fileUri(key) };
  }

  /**
   * How an open document's lint should name its entry, so that the worker builds it with the
   * lint (no second parse on the main thread); undefined until a client asks for the inventory.
   */
  openDocumentName(uri: string): InventoryName | undefined {
    if (!this.active) return undefined;
    return { ...this.nameOf(uriToPath(uri), uri), uri };
  }

  /** The scan linted a closed file: its entry (null: not a template; undefined: not built, as before the first request). */
  linted(filePath: string, inv: EditorTemplateInventory | null | undefined): void {
    const key = path.resolve(filePath);
    // Not asked for yet: drop the entry, the first request inventories the file again.
    if (this.active && inv !== undefined) this.closed.set(key, entryOf(inv ?? undefined));
    else this.closed.delete(key);
    this.changed();
  }

  /** The scan dropped a closed file's results (deleted, excluded, folder removed). */
  forgotten(filePath: string): void {
    this.closed.delete(path.resolve(filePath));
    this.changed();
  }

  /** Names may change with the workspace folders: inventory again. */
  foldersChanged(): void {
    this.closed.clear();
    this.changed();
  }

  /** Something the inventory reads may have changed (an open document was linted or closed). */
  changed(): void {
    if (!this.active || this.disposed) return;
    const now = Date.now();
    this.pendingSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.pendingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pendingSince = undefined;
      void this.check();
    }, wait);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async check(): Promise<void> {
    if (this.checking) {
      this.recheck = true;
      return;
    }
    this.checking = true;
    try {
      const entries = await this.entries();
      const jsons = entries.map((e) => e.json);
      if (this.disposed || sameList(jsons, this.last)) return;
      this.last = jsons;
      const templates = entries.map((e) => e.inv!);
      this.notify({
        templates: templates.length,
        certificates: templates.reduce((n, t) => n + t.certificates.length, 0),
        endpoints: templates.reduce((n, t) => n + t.endpoints.length, 0),
      });
    } catch (e) {
      this.onError(e);
    } finally {
      this.checking = false;
      if (this.recheck) {
        this.recheck = false;
        this.changed();
      }
    }
  }

  /** The templates' entries, in name order: open editors win over the scan's copy of a file. */
  private async entries(token?: CancellationToken): Promise<Entry[]> {
    const out: Entry[] = [];
    const seen = new Set<string>();
    const open = await this.sources.openDocuments();
    throwIfCancelled(token);
    for (const doc of open) {
      const filePath = uriToPath(doc.uri);
      seen.add(uriKey(doc.uri));
      const { name } = this.nameOf(filePath, doc.uri);
      let e = this.open.get(doc.result);
      if (!e || e.name !== name) {
        // The worker's entry when it built one under this name; else built here (the lint came before the first request).
        const built = doc.inventory !== undefined && (doc.inventory === null || doc.inventory.file === name) ? entryOf(doc.inventory ?? undefined) : undefined;
        this.open.set(doc.result, (e = { ...(built ?? this.build(filePath, doc.uri, doc.result, doc.settings)), name }));
      }
      out.push(e);
    }
    const files = new Set(this.sources.scannedFiles().map((f) => path.resolve(f)));
    for (const key of [...this.closed.keys()]) if (!files.has(key)) this.closed.delete(key);
    const throttle = new Throttle();
    for (const key of files) {
      if (seen.has(key)) continue;
      let e = this.closed.get(key);
      if (!e) {
        const r = await this.sources.lintFromDisk(key, { ...this.nameOf(key, fileUri(key)), uri: fileUri(key) });
        throwIfCancelled(token);
        if (!r) continue;
        e = entryOf(r.inv);
        // A scan lint that came in meanwhile is the newer one.
        if (this.closed.has(key)) e = this.closed.get(key)!;
        else this.closed.set(key, e);
      }
      out.push(e);
      await throttle.maybeYield();
      throwIfCancelled(token);
    }
    return out.filter((e) => e.inv).sort((a, b) => a.inv!.file.localeCompare(b.inv!.file));
  }

  private build(filePath: string | undefined, uri: string, result: LintResult, settings: Settings): Entry {
    return entryOf(templateInventory({ ...this.nameOf(filePath, uri), uri, result, settings }, this.onError));
  }

  /** Relative to its workspace folder (prefixed with the folder's name in a multi-root workspace). */
  private nameOf(filePath: string | undefined, uri: string): { name: string; folderUri: string | null } {
    const folder = this.sources.folderOf(filePath);
    if (!filePath || !folder?.path) return { name: filePath ?? uri, folderUri: folder?.uri ?? null };
    const rel = path.relative(folder.path, filePath).split(path.sep).join('/');
    return { name: this.sources.folders().length > 1 ? `${path.basename(folder.path)}/${rel}` : rel, folderUri: folder.uri };
  }
}

function entryOf(inv: EditorTemplateInventory | undefined): Entry {
  return { inv, json: inv ? JSON.stringify(inv) : '' };
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  return !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}
