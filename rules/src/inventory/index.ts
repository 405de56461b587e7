/** The certificate and endpoint inventory (docs/inventory.md): model, builder, reports. */
export { buildInventory } from './build';
export type { InventoryOptions } from './build';
export { inventoryReport, summarize, floorGroup } from './summary';
export { inventoryMarkdown } from './markdown';
export { inventoryCsv, CSV_COLUMNS } from './csv';
export * from './model';
