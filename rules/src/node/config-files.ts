import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, ConfigLayer, CONFIG_FILE_NAME, parseConfig } from '../engine/config';
import type { RuleRegistry } from '../engine/registry';

/** A loaded config file: its layer and problems (a broken file still yields its valid parts). */
export interface LoadedConfig {
  file: string;
  layer: ConfigLayer;
  errors: ConfigError[];
}

export function loadConfigFile(file: string, registry: RuleRegistry): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    return { file, layer: { file }, errors: [new ConfigError(file, 0, `cannot read the config file (${code})`)] };
  }
  const { layer, errors } = parseConfig(text, file, registry.metas);
  return { file, layer, errors };
}

/**
 * Finds the nearest `.cfn-tls-lint.yaml` walking up from a file's folder (stopping
 * at `stopAt` when given), caching per folder so a tree of templates costs one
 * lookup per folder.
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
    if (fs.existsSync(candidate)) found = loadConfigFile(candidate, this.registry);
    else {
      const parent = path.dirname(dir);
      if (parent !== dir && (!this.stopAt || dir !== path.resolve(this.stopAt))) found = this.forDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** Forgets cached lookups (a config file changed). */
  clear(): void {
    this.byDir.clear();
  }
}
