import { ConfigError, ConfigLayer, mergeSettings, parseConfig, RuleRegistry, Settings } from '../../rules/src/index';
import { ConfigLocator, LoadedConfig } from '../../rules/src/node/config-files';
import type { EditorSettings } from './settings';
import { withEnvironmentValues } from '../../rules/src/node/parameter-files';

/**
 * Settings for one file: built-in defaults < nearest `.cfn-tls-lint.yaml` (looked
 * up no higher than the file's workspace folder) < `cfnTlsLint.rules` of that
 * folder (README "Configuration", docs/editor.md "Settings"). Lookups are cached until `reset()`.
 */
export class ConfigService {
  private readonly locators = new Map<string, ConfigLocator>();
  private readonly editorLayers = new Map<string, { layer: ConfigLayer; errors: ConfigError[] }>();
  private readonly merged = new Map<string, Settings>();
  private readonly seen = new Set<string>();
  /** Bumped on every reset: cached lint results of an older generation are stale. */
  generation = 0;

  constructor(
    /** The rules, read when first needed (the engine loads after `initialize`). */
    private readonly rules: () => RuleRegistry,
    /** Called once per config file per generation, when it is first used. */
    private readonly onConfigLoaded: (c: LoadedConfig) => void,
    /** Called once per distinct `cfnTlsLint.rules` value that has problems. */
    private readonly onSettingsErrors: (errors: ConfigError[]) => void,
    /** A parameter file of the config's `environments` that cannot be read (that environment is left out). */
    private readonly onEnvironmentProblem: (message: string) => void = () => {},
  ) {}

  /** The config file that applies to a file on disk (none for untitled or virtual documents). */
  configFor(filePath: string | undefined, folder: string | undefined): LoadedConfig | undefined {
    if (!filePath) return undefined;
    const stop = folder ?? '';
    let locator = this.locators.get(stop);
    if (!locator) this.locators.set(stop, (locator = new ConfigLocator(this.rules(), folder)));
    const c = locator.forFile(filePath);
    if (c && !this.seen.has(c.file)) {
      this.seen.add(c.file);
      this.onConfigLoaded(c);
    }
    return c;
  }

  private editorLayer(editor: EditorSettings): { key: string; layer: ConfigLayer } {
    const key = JSON.stringify(editor.rules);
    let hit = this.editorLayers.get(key);
    if (!hit) {
      const { layer, errors } = parseConfig(JSON.stringify({ rules: editor.rules }), 'cfnTlsLint.rules', this.rules().metas);
      delete layer.file;
      hit = { layer, errors };
      this.editorLayers.set(key, hit);
      if (errors.length) this.onSettingsErrors(errors);
    }
    return { key, layer: hit.layer };
  }

  /** Merged engine settings, and a stamp that changes whenever they may have. */
  settingsFor(filePath: string | undefined, folder: string | undefined, editor: EditorSettings): { settings: Settings; stamp: string } {
    const config = this.configFor(filePath, folder);
    const { key, layer } = this.editorLayer(editor);
    const stamp = `${this.generation}\u0000${config?.file ?? ''}\u0000${key}`;
    let settings = this.merged.get(stamp);
    if (!settings) {
      // The config's environments with their parameter files' values, read once per generation.
      const merged = mergeSettings(config?.layer, layer);
      settings = withEnvironmentValues(merged, (m) => this.onEnvironmentProblem(`${config?.file ?? 'config'}:${m}`));
      this.merged.set(stamp, settings);
    }
    return { settings, stamp };
  }

  /** Forget every lookup (a config file or the settings changed). */
  reset(): void {
    this.locators.clear();
    this.merged.clear();
    this.editorLayers.clear();
    this.seen.clear();
    this.generation++;
  }
}
