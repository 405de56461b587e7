import type { LintResult, Settings } from '../../rules/src/index';
import { buildInventory, inventoryMarkdown, inventoryReport, TemplateInventory } from '../../rules/src/inventory/index';

/** One linted file for the inventory: the name it is listed under, its lint, the settings it ran with. */
export interface InventoryInput {
  name: string;
  result: LintResult;
  settings: Settings;
}

/**
 * The certificate and endpoint inventory (docs/inventory.md) of linted files, as
 * Markdown: the report `--inventory` prints, over the editor's view of the
 * workspace (open buffers, and the scanned files on disk).
 */
export function inventoryOf(inputs: readonly InventoryInput[]): string {
  const templates: TemplateInventory[] = [];
  for (const i of [...inputs].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!i.result.template) continue;
    if (!i.result.parsed) {
      const error = i.result.diagnostics.find((d) => d.rule === 'template-parse-error')?.message ?? 'the template does not parse';
      templates.push({ file: i.name, production: false, certificates: [], endpoints: [], error });
    } else {
      templates.push(buildInventory(i.result.parsed, i.result.diagnostics, { file: i.name, settings: i.settings }));
    }
  }
  return inventoryMarkdown(inventoryReport(templates));
}
