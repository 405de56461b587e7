import { parseCustomizations, type SeverityCustomization } from './severity-customizations';

/**
 * Editor settings (`cfnTlsLint.*`, docs/editor.md "Settings"), read per workspace
 * folder and normalised: anything malformed falls back to its default, so a
 * typo in settings.json never stops linting.
 */

export type RunMode = 'onType' | 'onSave';
export type ScanMode = 'onStartup' | 'onCommand' | 'off';

export interface EditorSettings {
  enable: boolean;
  /** `cfnTlsLint.rules`: id -> severity or [severity, options], as in the config file. */
  rules: Record<string, unknown>;
  run: RunMode;
  workspaceScan: ScanMode;
  exclude: string[];
  maxScanFiles: number;
  /** `files.exclude` and `search.exclude` globs that are switched on (the scan honours both). */
  editorExcludes: string[];
  /** `cfnTlsLint.rulesCustomizations`: severities the editor shows, by rule pattern (severity-customizations.ts). */
  rulesCustomizations: SeverityCustomization[];
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  enable: true,
  rules: {},
  run: 'onType',
  workspaceScan: 'onStartup',
  exclude: [],
  maxScanFiles: 5000,
  editorExcludes: [],
  rulesCustomizations: [],
};

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Globs of a `files.exclude`-shaped object whose value is `true` (`{when: …}` entries need sibling files: skipped). */
function enabledGlobs(v: unknown): string[] {
  const r = record(v);
  if (!r) return [];
  return Object.keys(r).filter((k) => r[k] === true);
}

/** Builds settings from the raw `cfnTlsLint` section and the two exclude objects. */
export function normalizeSettings(raw: unknown, filesExclude?: unknown, searchExclude?: unknown): EditorSettings {
  const r = record(raw) ?? {};
  const s: EditorSettings = { ...DEFAULT_EDITOR_SETTINGS, editorExcludes: [] };
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (record(r.rules)) s.rules = { ...record(r.rules) };
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (r.workspaceScan === 'onStartup' || r.workspaceScan === 'onCommand' || r.workspaceScan === 'off') s.workspaceScan = r.workspaceScan;
  if (Array.isArray(r.exclude)) s.exclude = r.exclude.filter((x): x is string => typeof x === 'string');
  if (typeof r.maxScanFiles === 'number' && Number.isFinite(r.maxScanFiles) && r.maxScanFiles >= 0) s.maxScanFiles = Math.floor(r.maxScanFiles);
  s.editorExcludes = [...new Set([...enabledGlobs(filesExclude), ...enabledGlobs(searchExclude)])];
  s.rulesCustomizations = parseCustomizations(r.rulesCustomizations);
  return s;
}
