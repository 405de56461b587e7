import type { FixValue } from '../engine/types';
import { CFN_TAGS, CfnTag, TagNodeKind } from '../parse/cfn-tags';
import { intrinsicKey } from './locate';
import { spaces } from './text';
import { yamlKey, yamlScalar } from './yaml-scalar';
import type { RenderCtx } from './yaml-style';

/** FixValue to YAML text: inline (scalars, tags, flow collections) or block lines at an indentation. */

const TAG_BY_LONG_FORM: ReadonlyMap<string, CfnTag> = new Map(CFN_TAGS.map((t) => [t.longForm, t]));

type Obj = { [key: string]: FixValue };

function isObj(v: FixValue): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function kindOf(v: FixValue): TagNodeKind {
  if (Array.isArray(v)) return 'seq';
  return isObj(v) ? 'map' : 'scalar';
}

/** The short-form tag and argument of an intrinsic, when it can be written as one. */
export function shortForm(v: FixValue, ctx: RenderCtx): { tag: string; arg: FixValue } | undefined {
  if (!ctx.shortForms || !isObj(v)) return undefined;
  const key = intrinsicKey(v);
  const tag = key && TAG_BY_LONG_FORM.get(key);
  if (!key || !tag) return undefined;
  let arg = v[key];
  if (key === 'Condition' && typeof arg !== 'string') return undefined;
  if (key === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2 && arg.every((a) => typeof a === 'string') && !(arg[0] as string).includes('.')) {
    arg = `${arg[0]}.${arg[1]}`;
  }
  // A tagged scalar always reads as a string: other scalars stay long form.
  if (arg === null || typeof arg === 'number' || typeof arg === 'boolean' || !tag.kinds.includes(kindOf(arg))) return undefined;
  // `!Base64 !Sub x` is not YAML (one tag per node): the outer function stays long form.
  if (isObj(arg) && shortForm(arg, ctx)) return undefined;
  return { tag: tag.tag, arg };
}

/** Written on the line of its key or dash: scalars, short forms, empty collections. */
export function isInline(v: FixValue, ctx: RenderCtx): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (isObj(v)) return Object.keys(v).length === 0 || shortForm(v, ctx) !== undefined;
  return true;
}

/** A value on one line; collections in flow style. */
export function inlineValue(v: FixValue, ctx: RenderCtx, flow: boolean): string {
  if (!Array.isArray(v) && !isObj(v)) return yamlScalar(v, flow, ctx.policy);
  const sf = shortForm(v, ctx);
  if (sf) return `${sf.tag} ${inlineValue(sf.arg, ctx, flow)}`;
  if (Array.isArray(v)) return `[${v.map((i) => inlineValue(i, ctx, true)).join(', ')}]`;
  const entries = Object.entries(v).map(([k, x]) => `${yamlKey(k, ctx.policy.quote)}: ${inlineValue(x, ctx, true)}`);
  if (!entries.length) return '{}';
  const pad = ctx.flowSpace ? ' ' : '';
  return `{${pad}${entries.join(', ')}${pad}}`;
}

/** Lines of a block map or sequence whose first line starts at `indent`. */
export function blockLines(v: FixValue, indent: number, ctx: RenderCtx): string[] {
  if (Array.isArray(v)) return v.flatMap((item) => itemLines(item, indent, ctx));
  if (isObj(v)) return Object.entries(v).flatMap(([k, x]) => keyedLines(k, x, indent, ctx));
  return [spaces(indent) + inlineValue(v, ctx, false)];
}

/** `key: value` lines of one mapping entry at `indent`. */
export function keyedLines(key: string, v: FixValue, indent: number, ctx: RenderCtx): string[] {
  const head = spaces(indent) + yamlKey(key, ctx.policy.quote) + ':';
  if (isInline(v, ctx)) return [`${head} ${inlineValue(v, ctx, false)}`];
  return [head, ...blockLines(v, indent + (Array.isArray(v) ? ctx.seqIndent : ctx.step), nested(ctx))];
}

/** Below the first level the neighbours' quoting no longer applies: plain where YAML allows. */
function nested(ctx: RenderCtx): RenderCtx {
  return ctx.policy.quoteAll ? { ...ctx, policy: { quote: ctx.policy.quote } } : ctx;
}

/** `- value` lines of one sequence item whose dash is at `dashCol`. */
export function itemLines(v: FixValue, dashCol: number, ctx: RenderCtx): string[] {
  if (isInline(v, ctx)) return [`${spaces(dashCol)}- ${inlineValue(v, ctx, false)}`];
  const lines = blockLines(v, dashCol + 2, ctx);
  lines[0] = `${spaces(dashCol)}- ${lines[0].slice(dashCol + 2)}`;
  return lines;
}
