import { Hover, MarkupKind, Position } from 'vscode-languageserver/node';
import { docsUrl } from '../../rules/src/index';
import { isTemplateRoot } from '../../rules/src/parse/detect';
import { getValue, isScalar, Path, scalarString, SNode } from '../../rules/src/parse/source-tree';
import { docsFor } from '../../rules/src/spec/index';
import type { DocView } from './doc-view';
import { locate, Located, propertyPathOf } from './locate';
import { describePolicyValue, isPolicyProperty, PolicyProperty } from './policy-info';

/** The resource type of the resource a path is in, read from the tree. */
export function resourceTypeAt(root: SNode | null, path: Path): string | undefined {
  if (path[0] !== 'Resources' || typeof path[1] !== 'string') return undefined;
  return scalarString(getValue(getValue(getValue(root, 'Resources'), path[1]), 'Type'));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The policy property a located value belongs to, Beanstalk's `SSLPolicy` option included. */
export function policyPropertyOf(loc: Located): PolicyProperty | undefined {
  const last = loc.path[loc.path.length - 1];
  if (isPolicyProperty(last)) return last;
  if (last === 'Value' && loc.parent) {
    const name = scalarString(getValue(loc.parent, 'OptionName'));
    const ns = scalarString(getValue(loc.parent, 'Namespace')) ?? '';
    if (name === 'SSLPolicy' && ns.startsWith('aws:elbv2:listener')) return 'SslPolicy';
  }
  return undefined;
}

/** Hover: the rule behind a diagnostic (summary and link); a policy value's TLS versions; the spec's docs for types and properties. */
export function hover(view: DocView, position: Position): Hover | null {
  const parts: string[] = [];
  for (const d of view.result.diagnostics) {
    if (d.suppressed || !before(d.range.start, position) || !before(position, d.range.end)) continue;
    const meta = view.registry.metas.get(d.rule);
    const summary = meta?.summary ? `\n\n${meta.summary}` : '';
    // Not the message: the editor shows the diagnostic's own text next to the hover already.
    parts.push(`**${d.rule}** (${d.severity})${summary}\n\n[Documentation for ${d.rule}](${docsUrl(d.rule)})`);
  }
  const source = view.result.source;
  if (source && isTemplateRoot(source.root)) {
    const loc = locate(source.root, view.doc.offsetAt(position));
    if (loc) {
      const type = resourceTypeAt(source.root, loc.path);
      const policy = loc.onKey ? undefined : policyPropertyOf(loc);
      if (policy && isScalar(loc.node)) {
        const text = describePolicyValue(policy, loc.node.value, type, view.settings);
        if (text) parts.push(text);
      }
      const spec = specDocs(loc, type);
      if (spec) parts.push(spec);
    }
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

function specDocs(loc: Located, type: string | undefined): string | undefined {
  if (!type) return undefined;
  try {
    if (!loc.onKey && loc.path.length === 3 && loc.path[2] === 'Type') {
      const d = docsFor(type);
      return d ? `**${type}**${d.text ? `\n\n${d.text}` : ''}${d.url ? `\n\n[CloudFormation reference](${d.url})` : ''}` : undefined;
    }
    const prop = loc.onKey ? propertyPathOf(loc.path) : undefined;
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
