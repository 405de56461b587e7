import type { SMap, SNode, SScalar } from './source-tree';

/**
 * CloudFormation short-form tags, the node kinds each one really takes, and the
 * long form it stands for: what completion, rendering (fixes write short forms) and the
 * editor's YAML settings use. Parsing reads every local tag, on any kind of node, the way
 * PyYAML-based tools do (`longFormName`).
 */

export type TagNodeKind = 'scalar' | 'seq' | 'map';

export interface CfnTag {
  tag: string;
  longForm: string;
  kinds: readonly TagNodeKind[];
}

export const CFN_TAGS: readonly CfnTag[] = [
  { tag: '!Ref', longForm: 'Ref', kinds: ['scalar'] },
  { tag: '!Condition', longForm: 'Condition', kinds: ['scalar'] },
  { tag: '!Sub', longForm: 'Fn::Sub', kinds: ['scalar', 'seq'] },
  { tag: '!GetAtt', longForm: 'Fn::GetAtt', kinds: ['scalar', 'seq'] },
  { tag: '!If', longForm: 'Fn::If', kinds: ['seq'] },
  { tag: '!Join', longForm: 'Fn::Join', kinds: ['seq'] },
  { tag: '!Select', longForm: 'Fn::Select', kinds: ['seq'] },
  { tag: '!FindInMap', longForm: 'Fn::FindInMap', kinds: ['seq'] },
  { tag: '!Base64', longForm: 'Fn::Base64', kinds: ['scalar', 'seq', 'map'] },
  { tag: '!ImportValue', longForm: 'Fn::ImportValue', kinds: ['scalar', 'seq', 'map'] },
  { tag: '!Cidr', longForm: 'Fn::Cidr', kinds: ['seq'] },
  { tag: '!GetAZs', longForm: 'Fn::GetAZs', kinds: ['scalar', 'map'] },
  { tag: '!Split', longForm: 'Fn::Split', kinds: ['seq'] },
  { tag: '!And', longForm: 'Fn::And', kinds: ['seq'] },
  { tag: '!Or', longForm: 'Fn::Or', kinds: ['seq'] },
  { tag: '!Not', longForm: 'Fn::Not', kinds: ['seq'] },
  { tag: '!Equals', longForm: 'Fn::Equals', kinds: ['seq'] },
  { tag: '!Transform', longForm: 'Fn::Transform', kinds: ['map'] },
  { tag: '!ForEach', longForm: 'Fn::ForEach', kinds: ['seq'] },
  { tag: '!ToJsonString', longForm: 'Fn::ToJsonString', kinds: ['seq', 'map'] },
  { tag: '!Length', longForm: 'Fn::Length', kinds: ['seq', 'map'] },
  { tag: '!GetParam', longForm: 'Fn::GetParam', kinds: ['seq'] },
  // Functions of a template's Rules section.
  { tag: '!Contains', longForm: 'Fn::Contains', kinds: ['seq'] },
  { tag: '!EachMemberEquals', longForm: 'Fn::EachMemberEquals', kinds: ['seq'] },
  { tag: '!EachMemberIn', longForm: 'Fn::EachMemberIn', kinds: ['seq'] },
  { tag: '!RefAll', longForm: 'Fn::RefAll', kinds: ['scalar'] },
  { tag: '!ValueOf', longForm: 'Fn::ValueOf', kinds: ['seq'] },
  { tag: '!ValueOfAll', longForm: 'Fn::ValueOfAll', kinds: ['seq'] },
];

/**
 * The long form of a local tag, as PyYAML-based tools (cfn-lint, SAM) build it: `!Ref` and
 * `!Condition` keep their name, any other `!Name` is `Fn::Name` (so `!ValueOf`, `!Rain::Embed`
 * or a tag CloudFormation does not define become intrinsics, whose values are unknown rather
 * than the tagged text). Undefined for `!!` tags, verbatim tags and `!` alone.
 */
export function longFormName(tag: string): string | undefined {
  if (tag.length < 2 || tag[1] === '!' || tag[1] === '<') return undefined;
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * The long form of a tagged node: a one-key map whose key spans the tag (`!Ref X` is
 * `{Ref: X}`); `!GetAtt A.B.C` becomes `[A, B.C]`. Both YAML paths build it here.
 */
export function longFormOf(text: string, longForm: string, tag: string, inner: SNode): SMap {
  const found = text.lastIndexOf(tag, inner.start);
  const start = found >= 0 ? found : inner.start;
  const key: SScalar = { kind: 'scalar', value: longForm, start, end: start + tag.length, style: 'plain' };
  let value: SNode = inner;
  if (longForm === 'Fn::GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
    // Split at the first dot, as cfn-lint does (`A.B.C` is [A, B.C]; `A` alone is [A]).
    const dot = inner.value.indexOf('.');
    const cut = dot < 0 ? inner.value.length : dot;
    const items: SScalar[] = [{ kind: 'scalar', value: inner.value.slice(0, cut), start: inner.start, end: inner.start + cut, style: inner.style }];
    if (dot >= 0) items.push({ kind: 'scalar', value: inner.value.slice(dot + 1), start: inner.start + dot + 1, end: inner.end, style: inner.style });
    value = { kind: 'seq', flow: true, start: inner.start, end: inner.end, items };
  }
  return { kind: 'map', pairs: [{ key, value }], start, end: inner.end, flow: true, shortForm: true };
}
