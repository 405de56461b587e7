import fs = require('fs');
import path = require('path');
import { ConfigError, ConfigLayer, CONFIG_FILE_NAME, parseConfig } from '../engine/config';
import type { RuleRegistry } from '../engine/registry';
import { FileReadError, MAX_CONFIG_BYTES, readRegularTextSync } from './read-file';
import { isRepositoryRoot } from './repository';

/** A loaded config file: its layer and problems (a broken file still yields its valid parts). */
export interface LoadedConfig {
  file: string;
  layer: ConfigLayer;
  errors: ConfigError[];
  /** The text read (undefined when it could not be read): the editor places diagnostics on its lines. */
  text?: string;
}

export function loadConfigFile(file: string, registry: RuleRegistry): LoadedConfig {
  let text: string;
  try {
    text = readRegularTextSync(file, MAX_CONFIG_BYTES);
  } catch (e) {
    const reason = e instanceof FileReadError ? e.reason : String(e);
    return { file, layer: { file }, errors: [new ConfigError(file, 0, `cannot read the config file: ${reason}`)] };
  }
  const { layer, errors } = parseConfig(text, file, registry.metas);
  return { file, layer, errors, text };
}

/** Whether a path exists at all (a dangling symlink or a FIFO counts: it is reported, not skipped). */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the nearest `.cfn-tls-lint.yaml` walking up from a file's folder, caching per folder so a
 * tree of templates costs one lookup per folder. The walk never goes above the repository root
 * (the nearest folder holding `.git`), nor above `stopAt` (the editor's workspace folder): a
 * config planted in a shared parent, such as the system temp folder, must not switch rules off
 * for a repository cloned below it. Outside any repository it goes up to the file system's root.
 */
export class ConfigLocator {
  private readonly byDir = new Map<string, LoadedConfig | null>();

  constructor(
    private readonly registry: RuleRegistry,
    private readonly stopAt?: string,
  ) {}

  forFile(file: string): LoadedConfig | undefined {
    return this.forDir(path.dirname(path.resolve(file))) ?? undefined;
  }

  private forDir(dir: string): LoadedConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: LoadedConfig | null = null;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) found = loadConfigFile(candidate, this.registry);
    else {
      const parent = path.dirname(dir);
      const last = parent === dir || isRepositoryRoot(dir) || (this.stopAt !== undefined && dir === path.resolve(this.stopAt));
      if (!last) found = this.forDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** Forgets cached lookups (a config file changed). */
  clear(): void {
    this.byDir.clear();
  }
}
