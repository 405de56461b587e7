import type { EditorFinding, EditorInventoryReport, EditorTemplateInventory, LspRange } from './protocol';
import {
  buildInventory,
  inventoryMarkdown,
  inventoryReport,
  InventoryFinding,
  TemplateInventory,
  type Diagnostic,
  type LintResult,
  type Settings,
  type Template,
  type Path,
} from '../../rules/src/index';

/** One linted file for the inventory: the name it is listed under, where it is, its lint, the settings it ran with. */
export interface InventoryInput {
  name: string;
  uri: string;
  folderUri: string | null;
  result: LintResult;
  settings: Settings;
}

/**
 * The inventory (docs/inventory.md) of one linted file, with the ranges an editor reveals;
 * undefined when the file is not a template. Never throws: a template the builder fails on is
 * listed with `error`.
 */
export function templateInventory(i: InventoryInput, onError: (e: unknown) => void = () => undefined): EditorTemplateInventory | undefined {
  const { result } = i;
  if (!result.template) return undefined;
  const empty = { file: i.name, uri: i.uri, folderUri: i.folderUri, production: false, certificates: [], endpoints: [] };
  if (!result.parsed) {
    const error = result.diagnostics.find((d) => d.rule === 'template-parse-error')?.message ?? 'the template does not parse';
    return { ...empty, error };
  }
  try {
    const inv = buildInventory(result.parsed, result.diagnostics, { file: i.name, settings: i.settings, views: result.views });
    return locate(inv, result.parsed, result.diagnostics, i);
  } catch (e) {
    onError(e);
    return { ...empty, error: `the inventory could not be built: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The report (schema version 1, with the editor fields) of some templates, in name order. */
export function editorReport(templates: readonly EditorTemplateInventory[]): EditorInventoryReport {
  const sorted = [...templates].sort((a, b) => a.file.localeCompare(b.file));
  return { ...inventoryReport(sorted), templates: sorted };
}

/** The Markdown report `--inventory` prints, over the editor's view of the workspace. */
export function editorMarkdown(templates: readonly EditorTemplateInventory[]): string {
  return inventoryMarkdown(editorReport(templates));
}

/** As the entries' `line`: a resource or parameter is its logical id, anything else its value. */
function rangeOfPath(template: Template, path: Path): LspRange {
  const named = path.length === 2 && (path[0] === 'Resources' || path[0] === 'Parameters');
  return template.rangeOf(path, named ? 'key' : 'value');
}

function findingKey(f: { rule: string; path: Path; message: string }): string {
  return `${f.rule}\u0000${f.path.join('\u0001')}\u0000${f.message}`;
}

function locate(inv: TemplateInventory, template: Template, diagnostics: readonly Diagnostic[], i: InventoryInput): EditorTemplateInventory {
  // A finding is revealed where its diagnostic is (which may be a key, or a narrower part of a value).
  const byFinding = new Map<string, LspRange>();
  for (const d of diagnostics) if (!byFinding.has(findingKey(d))) byFinding.set(findingKey(d), d.range);
  const finding = (f: InventoryFinding): EditorFinding => ({ ...f, range: byFinding.get(findingKey(f)) ?? rangeOfPath(template, f.path) });
  return {
    ...inv,
    uri: i.uri,
    folderUri: i.folderUri,
    certificates: inv.certificates.map((c) => ({
      ...c,
      range: rangeOfPath(template, c.path),
      consumers: c.consumers.map((u) => ({ ...u, range: rangeOfPath(template, u.path), findings: u.findings.map(finding) })),
      findings: c.findings.map(finding),
    })),
    endpoints: inv.endpoints.map((e) => ({ ...e, range: rangeOfPath(template, e.path), findings: e.findings.map(finding) })),
  };
}
