import { SAM_CHECKED_PROPERTIES, SPEC_MISSING_PROPERTIES, TRANSFORMS_KEEPING_PROPERTIES } from '../../data/spec-gaps';
import { getValue, intrinsicName, isMap, isSeq, scalarString, SNode } from '../../parse/source-tree';
import { closestNames, specAt, type ObjectSpec } from '../../spec/index';
import type { Report, Rule } from '../../engine/types';
import type { ResourceInfo } from '../../template/template';
import { ResourceMemo } from '../helpers';

const MAX_DEPTH = 64;

/**
 * Property names the bundled resource specification does not know, in the
 * resource types the other rules read (a misspelt `SSLPolicy` looks present to a
 * reader, and CloudFormation rejects it). The types come from the registry, so the
 * rule is built by a factory once the other rules are known.
 */
export function makeUnknownPropertyRule(resourceTypes: readonly string[]): Rule {
  return {
    meta: {
      id: 'unknown-property',
      severity: 'error',
      summary: 'A property name the resource specification does not know, with a did-you-mean.',
      fixable: true,
      docs: { fixNote: 'when one name is closest', appliesTo: 'every resource type another rule reads' },
      peers: ['E3002'],
      resourceTypes,
    },
    check(ctx) {
      if (macroTransformed(ctx.template.root)) return;
      for (const resource of ctx.resources(...resourceTypes)) {
        // A function of the resource's text and the bundled specification: kept per resource node.
        for (const r of unknownNames.get(resource.id, resource.node, () => unknownNamesIn(resource))) ctx.report(r);
      }
    },
  };
}

const unknownNames = new ResourceMemo<Report[]>();

function unknownNamesIn(resource: ResourceInfo): Report[] {
  const found: Report[] = [];
  if (!resource.type || !isMap(resource.properties)) return found;
  const path = ['Resources', resource.id, 'Properties'];
  if (!resource.type.startsWith('AWS::Serverless::')) {
    walk(found, resource.type, resource.properties, path, []);
    return found;
  }
  // SAM: the names of its properties (current: data/sam-properties.json), and below them only
  // the properties the rules read (the shapes of the bundled SAM types lag SAM).
  const spec = specAt(resource.type, []);
  if (spec && !spec.open) {
    for (const pair of resource.properties.pairs) {
      const name = String(pair.key.value);
      if (!spec.properties.has(name)) reportUnknown(found, spec, resource.type, name, path, false);
    }
  }
  for (const name of SAM_CHECKED_PROPERTIES[resource.type] ?? []) {
    const value = getValue(resource.properties, name);
    if (value) walk(found, resource.type, value, [...path, name], [name]);
  }
  return found;
}

/** Whether a template-level Transform names a macro, which may consume properties of its own. */
function macroTransformed(root: SNode): boolean {
  const transform = getValue(root, 'Transform');
  if (!transform) return false;
  const names = isSeq(transform) ? transform.items.map(scalarString) : [scalarString(transform)];
  // A transform that is not a plain name (e.g. Name/Parameters form) is a macro too.
  return names.some((n) => n === undefined || !TRANSFORMS_KEEPING_PROPERTIES.has(n));
}

/** Names the specification lacks at a place (data/spec-gaps.ts). */
function missingFromSpec(specName: string, name: string): boolean {
  return specName.split('|').some((t) => SPEC_MISSING_PROPERTIES[t]?.includes(name));
}

/**
 * Walks written keys; `specPath` is the path below Properties without intrinsic steps. Both paths
 * are extended and shortened in place (this visits every property of every resource); a report copies them.
 */
function walk(found: Report[], type: string, node: SNode, path: (string | number)[], specPath: (string | number)[]): void {
  if (path.length > MAX_DEPTH) return;
  const fn = intrinsicName(node);
  if (fn) {
    // Only Fn::If carries written objects of the same shape in its branches.
    if (fn === 'Fn::If' && isMap(node) && isSeq(node.pairs[0].value)) {
      const items = node.pairs[0].value.items;
      for (const i of [1, 2]) {
        if (!items[i]) continue;
        path.push('Fn::If', i);
        walk(found, type, items[i], path, specPath);
        path.length -= 2;
      }
    }
    return;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      specPath.push(i);
      walk(found, type, node.items[i], path, specPath);
      path.pop();
      specPath.pop();
    }
    return;
  }
  if (!isMap(node)) return;
  // A macro invoked here (Fn::Transform next to other keys) rewrites this object first.
  if (node.pairs.some((p) => p.key.value === 'Fn::Transform')) return;
  const spec = specAt(type, specPath);
  if (!spec || spec.open) return;
  for (const pair of node.pairs) {
    const name = String(pair.key.value);
    if (spec.properties.has(name)) {
      path.push(name);
      specPath.push(name);
      walk(found, type, pair.value, path, specPath);
      path.pop();
      specPath.pop();
      continue;
    }
    reportUnknown(found, spec, type, name, path, specPath.length > 0);
  }
}

/** A name the specification does not know at a place (`nested`: below Properties), with a did-you-mean and its rename fixes. */
function reportUnknown(found: Report[], spec: ObjectSpec, type: string, name: string, path: (string | number)[], nested: boolean): void {
  // Fn::ForEach (AWS::LanguageExtensions) expands into properties; its body is not a property.
  if (name.startsWith('Fn::ForEach::') || missingFromSpec(spec.name, name)) return;
  const suggestions = closestNames(name, spec.properties.keys(), 3);
  const where = nested ? `${spec.name.replace(/^.*\./, '')} (${type})` : type;
  const at = [...path, name];
  found.push({
    path: at,
    target: 'key',
    message: `${name} is not a property of ${where}${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'} CloudFormation rejects unknown properties, and until then the setting only looks present.`,
    fixes: suggestions.map((s, i) => ({
      title: `Rename ${name} to ${s}`,
      intents: [{ kind: 'rename' as const, path: at, newKey: s }],
      safe: i === 0 && suggestions.length === 1,
    })),
    data: { suggestions },
  });
}
