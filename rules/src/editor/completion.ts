import type { Settings } from '../engine/config';
import { mayBeTemplate } from '../parse/detect';
import type { SourceFile } from '../parse/source-tree';
import { nodeAtOffset, resourceTypeAt } from './node-at-offset';
import { isPolicyProperty, PolicyChoice, policyChoices, PolicyProperty } from './policy-info';

/**
 * Completion of policy values after `SslPolicy:`, `MinimumProtocolVersion:` … read from the text
 * before the cursor (the buffer often does not parse while typing): recommended values first,
 * weak ones last, each with its TLS range. The language server maps the answer to LSP items.
 */
export interface PolicyCompletion {
  property: PolicyProperty;
  /** Offset where the typed part of the value starts (what the completion replaces). */
  start: number;
  /** A JSON value typed without its opening quote: insert the quotes too. */
  addQuotes: boolean;
  choices: PolicyChoice[];
}

const YAML_LINE = /^\s*(?:-\s+)*(["']?)([A-Za-z]+)\1\s*:\s+(["']?)([\w.-]*)$/;
const JSON_LINE = /"([A-Za-z]+)"\s*:\s*(")?([\w.-]*)$/;

/**
 * The completion at `offset` of a document's text; undefined where there is none. `source` is
 * the last parse of the text, when there is one (it tells the resource type).
 */
export function policyCompletionAt(
  text: string,
  offset: number,
  format: 'yaml' | 'json',
  source: SourceFile | undefined,
  settings: Settings,
): PolicyCompletion | undefined {
  if (!mayBeTemplate(text)) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  let property: string;
  let start: number;
  let addQuotes = false;
  if (format === 'json') {
    const m = JSON_LINE.exec(prefix);
    if (!m) return undefined;
    [property, start, addQuotes] = [m[1], offset - m[3].length, !m[2]];
  } else {
    const m = YAML_LINE.exec(prefix);
    if (!m) return undefined;
    [property, start] = [m[2], offset - m[4].length];
  }
  if (!isPolicyProperty(property)) return undefined;
  let type: string | undefined;
  if (source?.root) {
    const at = nodeAtOffset(source.root, start);
    if (at) type = resourceTypeAt(source.root, at.path);
  }
  return { property, start, addQuotes, choices: policyChoices(property, type, settings) };
}
