import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, defaultRegistry, lintText } from '../../../rules/src/index';
import { editorReport, templateInventory } from '../../../server/src/inventory';
import type { EditorInventoryReport, EditorTemplateInventory } from '../../../server/src/protocol';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'inventory');

/** The editor's inventory of the inventory fixtures, as the server builds it. */
export function fixtureReport(files = ['web.yaml', 'platform.yaml', 'services.json', 'serverless.yaml']): EditorInventoryReport {
  const registry = defaultRegistry();
  const templates: EditorTemplateInventory[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
    const result = lintText(text, f, registry, { settings: DEFAULT_SETTINGS });
    const inv = templateInventory({ name: f, uri: `file:///ws/${f}`, folderUri: 'file:///ws', result, settings: DEFAULT_SETTINGS });
    if (inv) templates.push(inv);
  }
  return editorReport(templates);
}
