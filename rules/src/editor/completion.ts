import type { Settings } from '../engine/config';
import { mayBeTemplate } from '../parse/detect';
import type { SourceFile } from '../parse/source-tree';
import { nodeAtOffset, propertyPathOf, resourceTypeAt } from './node-at-offset';
import { isPolicyProperty, PolicyChoice, policyChoices } from './policy-info';
import { transitSetting } from '../data/transit-settings';
import { transitChoices, transitSettingAt } from './transit-info';

/**
 * Completion of policy values after `SslPolicy:`, `MinimumProtocolVersion:` … read from the text
 * before the cursor (the buffer often does not parse while typing): recommended values first,
 * weak ones last, each with its TLS range. The language server maps the answer to LSP items.
 */
export interface PolicyCompletion {
  property: string;
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
  let type: string | undefined;
  let path: (string | number)[] | undefined;
  if (source?.root) {
    const at = nodeAtOffset(source.root, start);
    if (at) [type, path] = [resourceTypeAt(source.root, at.path), at.path];
  }
  // A setting known only under a parent key (`NodeToNodeEncryptionOptions.Enabled`) needs the parse to say where it is.
  const named = path ? propertyPathOf(path)?.filter((s) => !/^\d+$/.test(s)) : undefined;
  const setting = named?.[named.length - 1] === property ? transitSettingAt(type, path!) : transitSetting(type, property);
  // Resource-specific first: `SecurityPolicy` of an IoT domain is not API Gateway's.
  if (setting && (!setting.parent || named?.[named.length - 2] === setting.parent)) return { property, start, addQuotes, choices: transitChoices(setting) };
  if (isPolicyProperty(property)) return { property, start, addQuotes, choices: policyChoices(property, type, settings) };
  return undefined;
}
