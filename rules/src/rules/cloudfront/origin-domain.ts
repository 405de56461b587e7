import { isS3WebsiteEndpoint } from '../../data/cloudfront';
import type { Scenario } from '../../evaluate/conditions';
import type { RNode } from '../../evaluate/values';
import { strings } from '../../evaluate/values';
import { intrinsicName, isMap, isScalar, isSeq, Path, scalarString, SNode } from '../../parse/source-tree';
import type { RuleContext } from '../../engine/types';

/**
 * Is an origin's `DomainName` an S3 website endpoint (HTTP only)? Beyond literal values, the
 * domain is often built: `!Sub '${Bucket}.s3-website-${AWS::Region}.amazonaws.com'`, `!Join`, or
 * `!Select [2, !Split ['/', !GetAtt Bucket.WebsiteURL]]`. Such values are unknown to the
 * resolver, but their *shape* is not: we evaluate them to strings with holes for the parts that
 * can't be known, and test the shape.
 */
export type WebsiteVerdict = 'website' | 'other' | 'mixed' | 'unknown';

/** Stands for an unknown part of a string. */
const HOLE = '\u0000';
const MAX_SHAPES = 16;
const MAX_DEPTH = 20;

/** Representative values of pseudo parameters, as far as a domain's shape needs them. */
const PSEUDO: Readonly<Record<string, string>> = { 'AWS::URLSuffix': 'amazonaws.com' };

const S3_BUCKET = 'AWS::S3::Bucket';

export function s3WebsiteVerdict(ctx: RuleContext, domain: RNode | undefined, scenario: Scenario): WebsiteVerdict {
  if (!domain) return 'unknown';
  let shapes: string[] | undefined;
  if (domain.kind === 'leaf') shapes = strings(domain);
  else if (domain.kind === 'unknown') shapes = new Shaper(ctx, scenario).shape(domain.node, domain.path, 0);
  if (!shapes || !shapes.length) return 'unknown';
  const website = shapes.filter((s) => isS3WebsiteEndpoint(s.split(HOLE).join('x')));
  if (website.length === shapes.length) return 'website';
  if (website.length) return 'mixed';
  return shapes.some((s) => s.includes(HOLE)) ? 'unknown' : 'other';
}

class Shaper {
  constructor(
    private readonly ctx: RuleContext,
    private readonly scenario: Scenario,
  ) {}

  /** Possible strings of a node, with holes; undefined when not even the shape is knowable. */
  shape(node: SNode, path: Path, depth: number): string[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (isScalar(node)) return node.value === null ? undefined : [String(node.value)];
    const fn = intrinsicName(node);
    if (!fn || !isMap(node)) return undefined;
    const arg = node.pairs[0].value;
    const argPath = [...path, fn];
    switch (fn) {
      case 'Ref': {
        const name = scalarString(arg);
        if (name === undefined) return undefined;
        if (PSEUDO[name] !== undefined) return [PSEUDO[name]];
        return this.resolved(node, path);
      }
      case 'Fn::GetAtt': {
        const [target, attribute] = isSeq(arg) ? arg.items.map((i) => scalarString(i)) : (scalarString(arg) ?? '').split(/\.(.*)/s);
        return [this.attribute(target, attribute)];
      }
      case 'Fn::Sub':
        return this.sub(arg, argPath, depth);
      case 'Fn::Join': {
        if (!isSeq(arg) || arg.items.length !== 2 || !isSeq(arg.items[1])) return undefined;
        const delim = scalarString(arg.items[0]);
        if (delim === undefined) return undefined;
        let out = [''];
        for (const [i, item] of arg.items[1].items.entries()) {
          const parts = this.shape(item, [...argPath, 1, i], depth + 1) ?? [HOLE];
          out = product(out, parts, (a, b) => (i === 0 ? b : a + delim + b));
          if (out.length > MAX_SHAPES) return undefined;
        }
        return out;
      }
      case 'Fn::Select': {
        if (!isSeq(arg) || arg.items.length !== 2) return undefined;
        const index = Number(scalarString(arg.items[0]));
        if (!Number.isInteger(index) || index < 0) return undefined;
        const list = arg.items[1];
        if (isSeq(list)) return index < list.items.length ? this.shape(list.items[index], [...argPath, 1, index], depth + 1) : undefined;
        const split = isMap(list) && intrinsicName(list) === 'Fn::Split' ? list.pairs[0].value : undefined;
        if (!isSeq(split) || split.items.length !== 2) return this.resolved(node, path);
        const delim = scalarString(split.items[0]);
        const sources = this.shape(split.items[1], [...argPath, 1, 'Fn::Split', 1], depth + 1);
        if (!delim || !sources) return undefined;
        const picked = sources.map((s) => s.split(delim)[index]);
        return picked.every((p) => p !== undefined) ? picked : undefined;
      }
      case 'Fn::If': {
        if (!isSeq(arg) || arg.items.length !== 3) return undefined;
        const cond = scalarString(arg.items[0]);
        const value = cond === undefined || this.scenario.conditionsUnknown ? undefined : this.scenario.assignment.get(cond);
        const branches = value === undefined ? [1, 2] : [value ? 1 : 2];
        const out: string[] = [];
        for (const i of branches) {
          const s = this.shape(arg.items[i], [...argPath, i], depth + 1);
          if (!s) return undefined;
          out.push(...s);
        }
        return out;
      }
      case 'Fn::FindInMap':
        return this.resolved(node, path);
      default:
        return [HOLE];
    }
  }

  /** A value the resolver knows (parameters, mappings), or a hole. */
  private resolved(node: SNode, path: Path): string[] {
    const values = strings(this.ctx.resolve(node, path, this.scenario));
    return values.length ? values : [HOLE];
  }

  /** `Fn::GetAtt Bucket.WebsiteURL` of an in-template bucket is `http://<bucket>.s3-website-<region>.amazonaws.com`. */
  private attribute(target: string | undefined, attribute: string | undefined): string {
    const type = target === undefined ? undefined : this.ctx.template.resources.get(target)?.type;
    if (type === S3_BUCKET && attribute === 'WebsiteURL') return `http://${HOLE}.s3-website-${HOLE}.amazonaws.com`;
    return HOLE;
  }

  private sub(arg: SNode, argPath: Path, depth: number): string[] | undefined {
    const text = isSeq(arg) ? scalarString(arg.items[0]) : scalarString(arg);
    if (text === undefined) return undefined;
    const vars = isSeq(arg) && isMap(arg.items[1]) ? arg.items[1] : undefined;
    let out = [''];
    const re = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const literal = text.slice(last, m.index);
      last = m.index + m[0].length;
      const name = m[1];
      let parts: string[];
      if (name.startsWith('!')) parts = ['${' + name.slice(1) + '}'];
      else if (vars && vars.pairs.some((p) => p.key.value === name)) {
        const v = vars.pairs.find((p) => p.key.value === name)!;
        parts = this.shape(v.value, [...argPath, 1, name], depth + 1) ?? [HOLE];
      } else if (PSEUDO[name] !== undefined) parts = [PSEUDO[name]];
      else if (name.includes('.')) {
        const [target, attribute] = name.split(/\.(.*)/s);
        parts = [this.attribute(target, attribute)];
      } else if (this.ctx.template.parameters.has(name)) {
        parts = this.resolved(refTo(name), argPath);
      } else parts = [HOLE];
      out = product(out, parts, (a, b) => a + literal + b);
      if (out.length > MAX_SHAPES) return undefined;
    }
    const tail = text.slice(last);
    return out.map((s) => s + tail);
  }
}

/** A synthetic `{Ref: name}` node, to resolve a `${Param}` of `Fn::Sub` as a `Ref`. */
function refTo(name: string): SNode {
  const scalar = (value: string): SNode & { kind: 'scalar' } => ({ kind: 'scalar', value, start: 0, end: 0 });
  return { kind: 'map', start: 0, end: 0, pairs: [{ key: scalar('Ref'), value: scalar(name) }] };
}

function product(a: string[], b: string[], join: (x: string, y: string) => string): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(join(x, y));
  return out;
}
