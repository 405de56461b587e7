import type { SMap, SNode, SScalar } from './source-tree';

/**
 * CloudFormation short-form tags, the node kinds each one really takes, and the
 * long form it stands for. Registered with the YAML composer so a tag on the
 * wrong kind of node (`!Ref [a]`) is a warning, not silently accepted.
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
];

export const CFN_TAG_BY_NAME: ReadonlyMap<string, CfnTag> = new Map(CFN_TAGS.map((t) => [t.tag, t]));

/**
 * The long form of a short-form tag: a one-key map whose key spans the tag (`!Ref X` is
 * `{Ref: X}`); `!GetAtt A.B.C` becomes `[A, B.C]`. Both YAML paths build it here.
 */
export function longFormOf(text: string, cfn: CfnTag, tag: string, inner: SNode): SMap {
  const found = text.lastIndexOf(tag, inner.start);
  const start = found >= 0 ? found : inner.start;
  const key: SScalar = { kind: 'scalar', value: cfn.longForm, start, end: start + tag.length, style: 'plain' };
  let value: SNode = inner;
  if (cfn.longForm === 'Fn::GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
    const dot = inner.value.indexOf('.');
    if (dot > 0) {
      value = {
        kind: 'seq',
        flow: true,
        start: inner.start,
        end: inner.end,
        items: [
          { kind: 'scalar', value: inner.value.slice(0, dot), start: inner.start, end: inner.start + dot, style: inner.style },
          { kind: 'scalar', value: inner.value.slice(dot + 1), start: inner.start + dot + 1, end: inner.end, style: inner.style },
        ],
      };
    }
  }
  return { kind: 'map', pairs: [{ key, value }], start, end: inner.end, flow: true, shortForm: true };
}
