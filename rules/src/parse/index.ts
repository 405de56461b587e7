import { parseJson } from './json';
import { SourceFile } from './source-tree';
import { parseYaml } from './yaml';

export * from './source-tree';
export * from './detect';

/**
 * Parses a file's text: `.json` files as strict JSON, `.yaml`/`.yml` as YAML, and
 * anything else (`.template`, untitled buffers) as JSON when it starts with `{`.
 */
export function parseSource(text: string, fileName: string): SourceFile {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return parseJson(text);
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return parseYaml(text);
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first && first[0] === '{' ? parseJson(text) : parseYaml(text);
}
