import { getValue, isMap, isScalar, isSeq, scalarString, SMap, SNode, SourceFile } from './source-tree';

/**
 * Serverless Framework services (`serverless.yml`, `serverless.json`) carry CloudFormation under
 * `resources:` (`Resources`, `Outputs`, `Conditions`...), which the framework merges into the
 * stack it deploys. The engine lints that part as a template: the view below is the same
 * source with its root moved to the `resources` mapping, so every template path, range and
 * edit lands at its place in the service file.
 *
 * The framework's own variables (`${self:custom.policy}`, `${opt:stage}`, `${ssm:/key}`,
 * `${file(x.yml)}`) are resolved before CloudFormation sees the template, so the engine cannot
 * know them: a string that holds one becomes an opaque intrinsic (SERVERLESS_VARIABLE), read as
 * an unknown value everywhere, as any intrinsic the engine does not evaluate. A `Fn::Sub`
 * string with `${…}` was unknown already.
 */

/** The intrinsic name a string with a framework variable is read as: unknown, never reported. */
export const SERVERLESS_VARIABLE = 'Fn::ServerlessVariable';

/** The `resources` mapping of a Serverless Framework service for AWS, when the root is one. */
function serverlessResources(root: SNode | null): SMap | undefined {
  if (!isMap(root) || getValue(root, 'service') === undefined) return undefined;
  const provider = getValue(root, 'provider');
  // `provider: aws` (older services) or `provider: { name: aws, … }`.
  const providerName = isMap(provider) ? scalarString(getValue(provider, 'name')) : scalarString(provider);
  if (providerName !== 'aws') return undefined;
  const resources = getValue(root, 'resources');
  return isMap(resources) ? resources : undefined;
}

/**
 * The source seen as the template a Serverless Framework service embeds (root: its `resources`
 * mapping, framework variables opaque); undefined when the file is not such a service. A
 * `resources` list (fragments the framework merges, often `${file(…)}` includes) is not read.
 */
export function serverlessTemplateView(source: SourceFile): SourceFile | undefined {
  const resources = serverlessResources(source.root);
  if (!resources) return undefined;
  return { ...source, root: withOpaqueVariables(resources, 0), embedded: 'serverless' };
}

/** A copy of the tree in which each string holding `${…}` is an opaque intrinsic over the same text. */
function withOpaqueVariables<T extends SNode>(node: T, depth: number): T {
  // The parsers bound nesting; past this a subtree is kept as it is.
  if (depth > 1000) return node;
  if (isScalar(node)) {
    if (typeof node.value !== 'string' || !/\$\{(?!!)/.test(node.value)) return node;
    const key = { kind: 'scalar' as const, value: SERVERLESS_VARIABLE, start: node.start, end: node.start };
    return { kind: 'map', start: node.start, end: node.end, pairs: [{ key, value: node }], shortForm: true } as SMap as T;
  }
  if (isSeq(node)) return { ...node, items: node.items.map((item) => withOpaqueVariables(item, depth + 1)) };
  const map = node as SMap;
  return { ...map, pairs: map.pairs.map((p) => ({ key: p.key, value: withOpaqueVariables(p.value, depth + 1) })) } as SMap as T;
}
