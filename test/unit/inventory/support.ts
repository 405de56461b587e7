import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, Settings } from '../../../rules/src/engine/config';
import { lintText } from '../../../rules/src/engine/lint';
import { defaultRegistry } from '../../../rules/src/rules/index';
import { buildInventory, inventoryReport, InventoryReport, TemplateInventory } from '../../../rules/src/inventory/index';
import { ROOT } from '../../support/cli';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'inventory');
export const EXPECTED = path.join(FIXTURES, 'expected');
/** The fixture templates, in the order the CLI walks them. */
export const FIXTURE_FILES = ['platform.yaml', 'serverless.yaml', 'services.json', 'web.yaml'];

/** `UPDATE_INVENTORY_EXPECTED=1 npx mocha …` rewrites the expected files (review the diff!). */
export const UPDATE = process.env.UPDATE_INVENTORY_EXPECTED === '1';

const registry = defaultRegistry();

/** Lints a text and builds its inventory, as the CLI does. */
export function inventoryOf(text: string, file = 'template.yaml', settings: Settings = DEFAULT_SETTINGS): TemplateInventory {
  const result = lintText(text, file, registry, { settings });
  if (!result.parsed) throw new Error(`${file} is not a parsed template`);
  return buildInventory(result.parsed, result.diagnostics, { file, settings });
}

export function fixtureReport(): InventoryReport {
  return inventoryReport(FIXTURE_FILES.map((f) => inventoryOf(fs.readFileSync(path.join(FIXTURES, f), 'utf8'), f)));
}

/**
 * The JSON with every finding message replaced: messages are the rules' wording (pinned by the
 * rules' own tests), the inventory pins where findings land.
 */
export function withoutMessages(json: string): unknown {
  return JSON.parse(json, (key, value) => (key === 'message' && typeof value === 'string' && value.length ? '…' : value));
}

/** Compares with an expected file, or writes it in update mode. */
export function expectFile(name: string, actual: string, compare: (expected: string) => void): void {
  const file = path.join(EXPECTED, name);
  if (UPDATE) {
    fs.mkdirSync(EXPECTED, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  compare(fs.readFileSync(file, 'utf8'));
}
