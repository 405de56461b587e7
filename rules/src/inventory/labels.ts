/**
 * Readable names for what a template writes where a certificate goes, when it is not a plain
 * name: `Certificate (if HasCert) / parameter ExistingCertificate (unless HasCert)`,
 * `Stack.CertificateArn`, `!ImportValue ${Parent}-Cert`. Never the expression's JSON.
 */
import { SERVERLESS_VARIABLE } from '../parse/serverless';
import { intrinsicName, isMap, isScalar, isSeq, scalarString, SNode } from '../parse/source-tree';

/** What the label needs of the template: which names are resources and which parameters. */
export interface LabelNames {
  resources: ReadonlyMap<string, unknown>;
  parameters: ReadonlyMap<string, unknown>;
}

/** Longest label; longer ones keep their start and end (`arn:${AWS::Partition}:acm:…:certificate/${Id}`). */
export const MAX_LABEL = 120;
const MAX_DEPTH = 12;

/** The label of a node (intrinsics in long form, as parsed from YAML or JSON). */
export function expressionLabel(node: SNode, names: LabelNames, max = MAX_LABEL): string {
  const text = alternatives(node, names, 0)
    .map((a) => (a.when.length ? `${a.text} (${a.when.join(', ')})` : a.text))
    .join(' / ');
  return shortenMiddle(text.replace(/\s+/g, ' ').trim(), max);
}

/** `s` at most `max` characters: its start and end around `…`. */
export function shortenMiddle(s: string, max = MAX_LABEL): string {
  if (s.length <= max) return s;
  const tail = Math.floor((max - 1) / 3);
  return `${s.slice(0, max - 1 - tail)}…${s.slice(s.length - tail)}`;
}

interface Alternative {
  text: string;
  /** `if C` / `unless C`, outermost first. */
  when: string[];
}

/** The values an `Fn::If` chooses between, each with the conditions that choose it. */
function alternatives(node: SNode, names: LabelNames, depth: number): Alternative[] {
  const branches = ifBranches(node);
  if (!branches || depth > MAX_DEPTH) return [{ text: valueText(node, names, depth), when: [] }];
  const [condition, yes, no] = branches;
  const side = (n: SNode, when: string): Alternative[] => alternatives(n, names, depth + 1).map((a) => ({ text: a.text, when: [when, ...a.when] }));
  return [...side(yes, `if ${condition}`), ...side(no, `unless ${condition}`)];
}

function ifBranches(node: SNode): [string, SNode, SNode] | undefined {
  if (intrinsicName(node) !== 'Fn::If' || !isMap(node)) return undefined;
  const arg = node.pairs[0].value;
  const condition = isSeq(arg) && arg.items.length === 3 ? scalarString(arg.items[0]) : undefined;
  return isSeq(arg) && condition !== undefined ? [condition, arg.items[1], arg.items[2]] : undefined;
}

function argOf(node: SNode): SNode | undefined {
  return isMap(node) ? node.pairs[0]?.value : undefined;
}

/** `X.Attr` of `Fn::GetAtt` (list or dotted string). */
function getAttText(arg: SNode | undefined): string {
  if (isSeq(arg)) return arg.items.map((i) => scalarString(i) ?? '…').join('.');
  return scalarString(arg) ?? '…';
}

/** One value, read as a name: a resource's logical id, `parameter X`, `X.Attr`, a literal… */
function valueText(node: SNode, names: LabelNames, depth: number): string {
  if (depth > MAX_DEPTH) return '…';
  if (isScalar(node)) return node.value === null ? 'null' : String(node.value);
  const fn = intrinsicName(node);
  const arg = argOf(node);
  switch (fn) {
    case 'Ref': {
      const name = scalarString(arg) ?? '…';
      if (name === 'AWS::NoValue') return 'none';
      return names.parameters.has(name) && !names.resources.has(name) ? `parameter ${name}` : name;
    }
    case 'Fn::GetAtt':
      return getAttText(arg);
    case 'Fn::ImportValue':
      return `!ImportValue ${arg ? inline(arg, names, depth + 1) : '…'}`;
    case 'Fn::Sub':
    case 'Fn::Join':
      return inline(node, names, depth);
    case 'Fn::FindInMap':
      return findInMapText(arg, names, depth);
    case 'Fn::Select':
      return isSeq(arg) && arg.items.length === 2
        ? `item ${inline(arg.items[0], names, depth + 1)} of ${valueText(arg.items[1], names, depth + 1)}`
        : '!Select …';
    case SERVERLESS_VARIABLE:
      return scalarString(arg) ?? '…'; // as written: `${ssm:/app/certificate-arn}`
    case 'Fn::If':
      return `(${alternatives(node, names, depth + 1)
        .map((a) => `${a.text} ${a.when.join(', ')}`)
        .join(' / ')})`;
    case undefined:
      break;
    default:
      return `!${fn.replace(/^Fn::/, '')} ${arg ? inline(arg, names, depth + 1) : ''}`.trim();
  }
  if (isSeq(node)) return `[${node.items.map((i) => valueText(i, names, depth + 1)).join(', ')}]`;
  return isMap(node) ? `{${node.pairs.map((p) => String(p.key.value)).join(', ')}}` : '…';
}

/** `Map[key][key]` of `Fn::FindInMap`. */
function findInMapText(arg: SNode | undefined, names: LabelNames, depth: number): string {
  if (!isSeq(arg) || !arg.items.length) return '!FindInMap …';
  const [map, ...keys] = arg.items;
  return `${inline(map, names, depth + 1)}${keys.map((k) => `[${inline(k, names, depth + 1)}]`).join('')}`;
}

/**
 * A value as text with what is computed in `${…}`, as `Fn::Sub` writes it: a string, the text of
 * a `Sub` (its variables' values put in), a `Join` of such texts, `${Param}`, `${X.Attr}`.
 */
function inline(node: SNode, names: LabelNames, depth: number): string {
  if (depth > MAX_DEPTH) return '…';
  if (isScalar(node)) return node.value === null ? '' : String(node.value);
  const fn = intrinsicName(node);
  const arg = argOf(node);
  if (fn === 'Ref') return `\${${scalarString(arg) ?? '…'}}`;
  if (fn === 'Fn::GetAtt') return `\${${getAttText(arg)}}`;
  if (fn === 'Fn::Sub') return subText(arg, names, depth);
  if (fn === SERVERLESS_VARIABLE) return scalarString(arg) ?? '';
  if (fn === 'Fn::Join' && isSeq(arg) && arg.items.length === 2 && isSeq(arg.items[1])) {
    const delimiter = scalarString(arg.items[0]) ?? '';
    return arg.items[1].items.map((i) => inline(i, names, depth + 1)).join(delimiter);
  }
  return `\${${valueText(node, names, depth + 1)}}`;
}

/** The text of `Fn::Sub`, a variable given in its map shown as its value. */
function subText(arg: SNode | undefined, names: LabelNames, depth: number): string {
  const text = scalarString(isSeq(arg) ? arg.items[0] : arg);
  if (text === undefined) return '!Sub …';
  const vars = isSeq(arg) && isMap(arg.items[1]) ? arg.items[1] : undefined;
  if (!vars) return text;
  return text.replace(/\$\{([^!}][^}]*)\}/g, (whole, name: string) => {
    const given = vars.pairs.find((p) => String(p.key.value) === name.trim());
    return given ? inline(given.value, names, depth + 1) : whole;
  });
}
