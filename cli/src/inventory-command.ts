/** `--inventory`: the certificate and endpoint inventory of the linted templates (docs/inventory.md). */
import { FileReadError, readRegularFileSync } from '../../rules/src/node/read-file';
import { openablePath } from './byte-path';
import type { Format } from './args';
import type { FileReport } from './format/report';
import {
  MAX_TEMPLATE_BYTES,
  parseDocument,
  Settings,
  Template,
  keyRedactor,
  buildInventory,
  inventoryCsv,
  inventoryMarkdown,
  inventoryReport,
  TemplateInventory,
} from '../../rules/src/index';

/**
 * The template a report was linted from. Lint outcomes are plain data (they may come from worker
 * threads), so the main thread parses the file again; after `--fix` that is the fixed text the
 * diagnostics describe.
 */
function templateOf(r: FileReport, settings: Settings): Template | string {
  let text: string;
  try {
    text = readRegularFileSync(openablePath(r.file), MAX_TEMPLATE_BYTES).toString('utf8');
  } catch (e) {
    return `cannot read file: ${e instanceof FileReadError ? e.reason : String(e)}`;
  }
  const parseError = r.diagnostics.find((d) => d.rule === 'template-parse-error')?.message;
  if (parseError) return parseError;
  try {
    // As the lint read it (a Serverless Framework service: the template under `resources:`).
    const doc = parseDocument(text, r.file, undefined, settings);
    if (!doc.parsed) return 'the template does not parse';
    return doc.parsed;
  } catch (e) {
    return `the template could not be parsed (${e instanceof Error ? e.message : String(e)})`;
  }
}

/**
 * The inventory of every template among the reports (files that are not templates are left
 * out; a template that cannot be read or parsed is listed with the reason), in `json`, `csv`, or
 * Markdown (`markdown`, and `stylish`, the default format).
 */
export function formatInventory(reports: readonly FileReport[], settingsFor: (file: string) => Settings, format: Format): string {
  const templates: TemplateInventory[] = [];
  // The inventory quotes names and ARNs as written; none may print private-key material.
  const redactors: ((s: string) => string)[] = [];
  for (const r of reports) {
    if (!r.template) continue;
    const template = templateOf(r, settingsFor(r.file));
    const redact = typeof template === 'string' ? undefined : keyRedactor(template.text);
    if (redact) redactors.push(redact);
    const failed = (error: string): TemplateInventory => ({ file: r.relPath, production: false, certificates: [], endpoints: [], error });
    if (typeof template === 'string') {
      templates.push(failed(template));
      continue;
    }
    try {
      templates.push(buildInventory(template, r.diagnostics, { file: r.relPath, settings: settingsFor(r.file) }));
    } catch (e) {
      // One template the inventory can't read must not cost the report of the others.
      templates.push(failed(`the inventory could not be built (${e instanceof Error ? e.message : String(e)})`));
    }
  }
  const report = inventoryReport(templates);
  const text = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'csv' ? inventoryCsv(report) : inventoryMarkdown(report);
  return redactors.reduce((t, redact) => redact(t), text);
}
