import path = require('path');
import { CancellationToken, CancellationTokenSource, Connection, WorkDoneProgressReporter } from './lsp';
import { MAX_TEMPLATE_BYTES, Settings } from '../../rules/src/index';
import { excludedByConfig } from '../../rules/src/node/config-excludes';
import { PathFilter } from '../../rules/src/node/path-filter';
import { readRegularText } from '../../rules/src/node/read-file';
import { walkFiles } from '../../rules/src/node/walk';
import type { ConfigService } from './config-service';
import type { Folder, Folders } from './folders';
import { SCAN_NOTIFICATION, type EditorTemplateInventory, type ScanSummary } from './protocol';

export type { ScanSummary };
// Node-free (the browser server publishes with it too); kept importable from here.
export { lspDiagnostics };
import type { Linter } from './linter';
import { Throttle } from './throttle';
import type { EditorSettings } from './settings';
import { lspDiagnostics } from './publish';
import { fileUri, isInside } from './uri';
import type { InventoryName } from './worker-protocol';

/** How often the scan's progress is reported at most. */
const PROGRESS_INTERVAL_MS = 100;
/** Files the scan has in flight at once. */
const SCAN_LANES = 3;

/** A scan the client asked for: its request's cancellation, and the progress on the client's workDoneToken. */
export interface ScanRequest {
  token?: CancellationToken;
  progress?: WorkDoneProgressReporter;
}

/** Told of each closed file's fresh lint and of each file whose results are dropped (the inventory follows the scan). */
export interface ScanListener {
  /** How to name the file's inventory entry, when the lint should build one. */
  inventoryName(filePath: string): InventoryName | undefined;
  /** The entry built with the lint (null: not a template; undefined: none was asked for). */
  linted(filePath: string, inventory: EditorTemplateInventory | null | undefined): void;
  forgotten(filePath: string): void;
}

interface ScanEntry {
  uri: string;
  folder: string;
  problems: number;
}

/** The scan's summary for the output channel. */
export function summaryLine(state: string, s: ScanSummary): string {
  const more = [s.truncated ? 'stopped at cfnTlsLint.maxScanFiles' : '', s.unreadable.length ? `${s.unreadable.length} unreadable` : ''].filter(Boolean);
  return `workspace scan ${state}: ${s.files} files, ${s.templates} templates, ${s.problems} findings, ${s.ms} ms${more.length ? ` (${more.join(', ')})` : ''}`;
}

/**
 * Diagnostics for closed files: the workspace scan and the single-file re-lints
 * that watchers ask for. Publishes without a version, and never for a file that
 * is open in an editor (the editor's buffer wins).
 */
export class WorkspaceScanner {
  /** Files the scan published for (by path), with their problem counts. */
  private readonly scanned = new Map<string, ScanEntry>();
  private readonly scannedFolders = new Set<string>();
  private readonly matchers = new Map<string, { key: string; matcher: PathFilter }>();
  private current: { cts: CancellationTokenSource; folders: Folder[] } | undefined;
  private stopped = false;
  listener: ScanListener | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
    private readonly config: ConfigService,
    private readonly linter: Linter,
    private readonly isOpen: (file: string) => boolean,
    /** Resolves when the open documents' lints are done: the scan lints a file only then. */
    private readonly openLintsSettled: () => Promise<void> = () => Promise.resolve(),
  ) {}

  stop(): void {
    this.stopped = true;
    this.current?.cts.cancel();
  }

  hasScanned(folder: Folder): boolean {
    return !!folder.path && this.scannedFolders.has(folder.path);
  }

  /** Whether the scan keeps results for this file (its folder was scanned and it is not excluded). */
  covers(filePath: string): boolean {
    const folder = this.folders.folderOf(filePath);
    if (!folder?.path || !this.scannedFolders.has(folder.path)) return false;
    const m = this.matchers.get(folder.path);
    return !!m && !m.matcher.skipsFile(filePath);
  }

  knows(filePath: string): boolean {
    return this.scanned.has(path.resolve(filePath));
  }

  /** Drops the results of a folder (removed, or its scan switched off). */
  forgetFolder(folderPath: string): void {
    this.forget((e) => e.folder === folderPath);
    this.scannedFolders.delete(folderPath);
    this.matchers.delete(folderPath);
  }

  /** Drops the results of every file at or under a path (a deleted file or folder). */
  forgetPath(p: string): void {
    const abs = path.resolve(p);
    this.forget((_e, key) => isInside(abs, key));
  }

  /** A .gitignore changed: its folder's matcher must read it again. */
  gitignoreChanged(folder: Folder): void {
    if (folder.path) this.matchers.delete(folder.path);
  }

  private forget(which: (e: ScanEntry, key: string) => boolean): void {
    for (const [key, e] of [...this.scanned]) {
      if (!which(e, key)) continue;
      this.scanned.delete(key);
      if (e.problems > 0 && !this.isOpen(key)) this.connection.sendDiagnostics({ uri: e.uri, diagnostics: [] });
      this.listener?.forgotten(key);
    }
  }

  private matcherFor(folder: Folder, settings: EditorSettings): PathFilter {
    const globs = [...settings.editorExcludes, ...settings.exclude];
    const key = globs.join('\u0000');
    const hit = this.matchers.get(folder.path!);
    if (hit && hit.key === key) return hit.matcher;
    const matcher = new PathFilter(folder.path!, globs);
    this.matchers.set(folder.path!, { key, matcher });
    return matcher;
  }

  /**
   * Lints a closed file from disk and publishes its diagnostics (`force`: even
   * when there are none and none were published before, as after a close).
   * Returns whether the file is a template.
   */
  async lintFile(filePath: string, force = false): Promise<boolean> {
    if (this.isOpen(filePath)) return false;
    const key = path.resolve(filePath);
    const uri = fileUri(filePath);
    const folder = this.folders.folderOf(filePath);
    const forget = (): false => {
      const e = this.scanned.get(key);
      this.scanned.delete(key);
      if ((e && e.problems > 0) || force) this.connection.sendDiagnostics({ uri: e?.uri ?? uri, diagnostics: [] });
      if (e) this.listener?.forgotten(key);
      return false;
    };
    let text: string;
    try {
      text = await readRegularText(filePath, MAX_TEMPLATE_BYTES);
    } catch {
      return forget(); // gone, not a regular file (a FIFO never blocks the read), or too large
    }
    const editor = await this.folders.stableSettings(folder);
    if (this.isOpen(filePath)) return false; // opened meanwhile
    if (!editor.enable) return forget();
    const { settings } = this.config.settingsFor(filePath, folder?.path, editor);
    if (this.configExcludes(filePath, settings)) return forget();
    // The rules run in the lint worker, behind the open documents' lints.
    const inventory = folder?.path ? this.listener?.inventoryName(key) : undefined;
    const result = await this.linter.lint(text, filePath, settings, uri, { background: true, inventory });
    if (!result) return false; // could not be linted (logged): what was published stays
    if (this.isOpen(filePath)) return false; // opened meanwhile: the editor's buffer wins
    if (folder?.path && !this.scannedFolders.has(folder.path)) return false; // its folder's results were dropped meanwhile
    const diagnostics = lspDiagnostics(result, uri, editor.rulesCustomizations);
    const before = this.scanned.get(key);
    if (folder?.path) this.scanned.set(key, { uri, folder: folder.path, problems: diagnostics.length });
    if (diagnostics.length || (before && before.problems > 0) || force) this.connection.sendDiagnostics({ uri, diagnostics });
    if (folder?.path) this.listener?.linted(key, result.inventory);
    return result.template;
  }

  /** Files the scan keeps results for (paths). */
  files(): string[] {
    return [...this.scanned.keys()];
  }

  /** A closed file's inventory entry, for reports (nothing is published). */
  async lintForReport(filePath: string, name: InventoryName): Promise<{ inv: EditorTemplateInventory | undefined } | undefined> {
    let text: string;
    try {
      text = await readRegularText(filePath, MAX_TEMPLATE_BYTES);
    } catch {
      return undefined;
    }
    const folder = this.folders.folderOf(filePath);
    const editor = await this.folders.stableSettings(folder);
    if (!editor.enable) return undefined;
    const { settings } = this.config.settingsFor(filePath, folder?.path, editor);
    const result = await this.linter.lint(text, filePath, settings, fileUri(filePath), { background: true, inventory: name });
    return result ? { inv: result.inventory ?? undefined } : undefined;
  }

  /** The config file's `exclude` globs, relative to its folder (as the CLI applies them to walks). */
  private configExcludes(filePath: string, settings: Settings): boolean {
    if (!settings.exclude.length) return false;
    const folder = this.folders.folderOf(filePath);
    const config = this.config.configFor(filePath, folder?.path);
    return excludedByConfig(filePath, settings.exclude, config?.file, folder?.path);
  }

  /**
   * Scans folders: walk (honouring the excludes), then lint each file, yielding to
   * the event loop between slices. A new scan cancels the running one and takes
   * over its folders; the user can cancel from the progress notification.
   */
  async scan(requested: Folder[], request: ScanRequest = {}): Promise<ScanSummary> {
    const started = performance.now();
    const previous = this.current;
    const folders = [...requested];
    if (previous) {
      previous.cts.cancel();
      for (const f of previous.folders) if (!folders.some((x) => x.uri === f.uri)) folders.push(f);
    }
    const cts = new CancellationTokenSource();
    const scan = { cts, folders };
    this.current = scan;
    // The client's own progress (its notification, cancelled through the request), or one the server creates.
    let progress: WorkDoneProgressReporter | undefined = request.progress;
    let progressToken: CancellationToken | undefined;
    if (!progress) {
      try {
        const created = await this.connection.window.createWorkDoneProgress();
        progress = created;
        progressToken = created.token;
      } catch {
        progress = undefined;
      }
    }
    const cancelled = (): boolean =>
      cts.token.isCancellationRequested || this.stopped || !!progressToken?.isCancellationRequested || !!request.token?.isCancellationRequested;
    const summary: ScanSummary = { files: 0, templates: 0, problems: 0, truncated: false, cancelled: false, unreadable: [], ms: 0 };
    progress?.begin('CloudFormation TLS Lint', 0, 'Looking for templates…', true);
    void this.connection.sendNotification(SCAN_NOTIFICATION, { state: 'started' });
    const throttle = new Throttle();
    const work: string[] = [];
    const walked: string[] = [];
    try {
      for (const folder of folders) {
        if (!folder.path || cancelled()) continue;
        const settings = await this.folders.settings(folder);
        if (!settings.enable) continue;
        const matcher = this.matcherFor(folder, settings);
        const r = await walkFiles(matcher, { limit: settings.maxScanFiles, isCancelled: cancelled, pause: () => throttle.maybeYield() });
        if (r.cancelled || cancelled()) break;
        if (r.unreadable.length) {
          summary.unreadable.push(...r.unreadable);
          // Said once per scan and folder: files below these paths are not in the Problems panel.
          const shown = r.unreadable.slice(0, 3).map((u) => `${path.relative(folder.path!, u.path) || u.path} (${u.reason})`);
          const more = r.unreadable.length > 3 ? ` and ${r.unreadable.length - 3} more` : '';
          void this.connection.window.showWarningMessage(
            `cfn-tls-lint: the workspace scan of ${path.basename(folder.path)} could not read ${shown.join(', ')}${more}; files below them were not linted.`,
          );
          for (const u of r.unreadable) this.connection.console.warn(`cfn-tls-lint: workspace scan: ${u.path}: ${u.reason}`);
        }
        if (r.truncated) {
          summary.truncated = true;
          void this.connection.window.showInformationMessage(
            `cfn-tls-lint: the workspace scan of ${path.basename(folder.path)} stopped at ${settings.maxScanFiles} files (cfnTlsLint.maxScanFiles). Raise the limit or exclude folders with cfnTlsLint.exclude; open files are always linted.`,
          );
        }
        work.push(...r.files);
        walked.push(folder.path);
        this.scannedFolders.add(folder.path);
      }
      progress?.report(0, `Linting ${work.length} file${work.length === 1 ? '' : 's'}…`);
      let lastReport = performance.now();
      const seen = new Set<string>();
      let next = 0;
      // A few files in flight: one is read while the lint worker runs the rules on another.
      const lane = async (): Promise<void> => {
        while (next < work.length && !cancelled()) {
          // Open documents first: a keystroke's lint never waits for the scan's reads.
          await this.openLintsSettled();
          if (next >= work.length || cancelled()) break;
          const file = work[next++];
          seen.add(path.resolve(file));
          if (await this.lintFile(file)) summary.templates++;
          summary.files++;
          if (performance.now() - lastReport > PROGRESS_INTERVAL_MS) {
            lastReport = performance.now();
            progress?.report(Math.floor((summary.files * 100) / work.length), `${summary.files}/${work.length} files`);
          }
          await throttle.maybeYield();
        }
      };
      await Promise.all(Array.from({ length: SCAN_LANES }, lane));
      summary.cancelled = cancelled();
      // Files that are gone or now excluded lose their results.
      if (!summary.cancelled) this.forget((e, key) => walked.includes(e.folder) && !seen.has(key));
    } finally {
      for (const e of this.scanned.values()) summary.problems += e.problems;
      summary.ms = Math.round(performance.now() - started);
      progress?.done();
      if (this.current === scan) this.current = undefined;
      const state = summary.cancelled ? 'cancelled' : 'finished';
      this.connection.console.info(`cfn-tls-lint: ${summaryLine(state, summary)}`);
      void this.connection.sendNotification(SCAN_NOTIFICATION, { state, ...summary });
    }
    return summary;
  }
}
