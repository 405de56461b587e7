import type { Connection } from 'vscode-languageserver/node';
import type { ConfigService } from './config-service';
import type { Log } from './log';
import { SETTINGS_SECTIONS } from './protocol';
import { DEFAULT_EDITOR_SETTINGS, EditorSettings, normalizeSettings } from './settings';
import { isInside } from './uri';

export interface Folder {
  uri: string;
  /** Undefined for a folder that is not on disk (virtual workspaces). */
  path: string | undefined;
}

/** The workspace folders and their editor settings (asked for per folder, cached until they change). */
export class Folders {
  list: Folder[] = [];
  /** The client answers workspace/configuration. */
  canAsk = false;
  /** Settings pushed by clients that cannot be asked. */
  pushed: unknown;
  private readonly cache = new Map<string, Promise<EditorSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly config: ConfigService,
    private readonly log: Log,
  ) {}

  /** The innermost folder holding a file. */
  folderOf(filePath: string | undefined): Folder | undefined {
    if (!filePath) return undefined;
    let best: Folder | undefined;
    for (const f of this.list) {
      if (f.path && isInside(f.path, filePath) && (!best || f.path.length > best.path!.length)) best = f;
    }
    return best;
  }

  settings(folder: Folder | undefined): Promise<EditorSettings> {
    const key = folder?.uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.fetch(folder?.uri);
      this.cache.set(key, p);
    }
    return p;
  }

  /** Settings that no settings or config change overtook while they were fetched. */
  async stableSettings(folder: Folder | undefined): Promise<EditorSettings> {
    for (;;) {
      const generation = this.config.generation;
      const settings = await this.settings(folder);
      if (generation === this.config.generation) return settings;
    }
  }

  /** Forget the settings (they changed). */
  clear(): void {
    this.cache.clear();
  }

  private async fetch(scopeUri: string | undefined): Promise<EditorSettings> {
    if (!this.canAsk) {
      const s = (this.pushed ?? {}) as Record<string, Record<string, unknown> | undefined>;
      return normalizeSettings(s.cfnTlsLint, s.files?.exclude, s.search?.exclude);
    }
    try {
      const sections = SETTINGS_SECTIONS.map((section) => ({ scopeUri, section }));
      const [ours, files, search] = (await this.connection.workspace.getConfiguration(sections)) as unknown[];
      return normalizeSettings(ours, files, search);
    } catch (e) {
      this.log.errorOnce('configuration request', `cfn-tls-lint: could not read the settings (${(e as Error).message}); using the defaults.`);
      return { ...DEFAULT_EDITOR_SETTINGS };
    }
  }
}
