import { docsUrl, RuleRegistry } from '../engine/registry';
import type { Settings } from '../engine/config';
import type { Diagnostic } from '../engine/types';
import { isTemplateRoot } from '../parse/detect';
import { getValue, isScalar, scalarString, SourceFile } from '../parse/source-tree';
import { docsFor } from '../spec/index';
import { nodeAtOffset, NodeAtOffset, propertyPathOf, resourceTypeAt } from './node-at-offset';
import { describePolicyValue, isPolicyProperty, PolicyProperty } from './policy-info';

/**
 * What the editor shows on hover, as Markdown: the rule behind each finding under the cursor
 * (summary and a link to its page), what a policy value accepts, and the resource
 * specification's documentation of a type or property. The language server only translates
 * positions and wraps the text; the browser server reuses the same knowledge.
 */
export interface HoverInput {
  /** The parse of the document's text (undefined when it was not parsed). */
  source: SourceFile | undefined;
  offset: number;
  /** The findings whose range covers the offset. */
  findings: readonly Diagnostic[];
  registry: RuleRegistry;
  settings: Settings;
}

export function hoverMarkdown(input: HoverInput): string | undefined {
  const parts: string[] = [];
  for (const d of input.findings) {
    if (d.suppressed) continue;
    const meta = input.registry.metas.get(d.rule);
    const summary = meta?.summary ? `\n\n${meta.summary}` : '';
    // Not the message: the editor shows the diagnostic's own text next to the hover already.
    parts.push(`**${d.rule}** (${d.severity})${summary}\n\n[Documentation for ${d.rule}](${docsUrl(d.rule)})`);
  }
  const source = input.source;
  if (source && isTemplateRoot(source.root)) {
    const at = nodeAtOffset(source.root, input.offset);
    if (at) {
      const type = resourceTypeAt(source.root, at.path);
      const policy = at.onKey ? undefined : policyPropertyOf(at);
      if (policy && isScalar(at.node)) {
        const text = describePolicyValue(policy, at.node.value, type, input.settings);
        if (text) parts.push(text);
      }
      const spec = specDocs(at, type);
      if (spec) parts.push(spec);
    }
  }
  return parts.length ? parts.join('\n\n---\n\n') : undefined;
}

/** The policy property a located value belongs to, Beanstalk's `SSLPolicy` option included. */
export function policyPropertyOf(at: NodeAtOffset): PolicyProperty | undefined {
  const last = at.path[at.path.length - 1];
  if (isPolicyProperty(last)) return last;
  if (last === 'Value' && at.parent) {
    const name = scalarString(getValue(at.parent, 'OptionName'));
    const ns = scalarString(getValue(at.parent, 'Namespace')) ?? '';
    if (name === 'SSLPolicy' && ns.startsWith('aws:elbv2:listener')) return 'SslPolicy';
  }
  return undefined;
}

function specDocs(at: NodeAtOffset, type: string | undefined): string | undefined {
  if (!type) return undefined;
  try {
    if (!at.onKey && at.path.length === 3 && at.path[2] === 'Type') {
      const d = docsFor(type);
      return d ? `**${type}**${d.text ? `\n\n${d.text}` : ''}${d.url ? `\n\n[CloudFormation reference](${d.url})` : ''}` : undefined;
    }
    const prop = at.onKey ? propertyPathOf(at.path) : undefined;
    if (prop && prop.length) {
      const d = docsFor(type, prop);
      const name = prop.filter((p) => !/^\d+$/.test(p)).pop();
      return d ? `**${name}** (${type})${d.text ? `\n\n${d.text}` : ''}${d.url ? `\n\n[CloudFormation reference](${d.url})` : ''}` : undefined;
    }
  } catch {
    // The bundled specification is missing or unreadable: no spec hover.
  }
  return undefined;
}
