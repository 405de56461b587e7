import type { Candidate, RMap, RNode } from '../../evaluate/values';
import { booleans, entry, strings } from '../../evaluate/values';
import { intrinsicName } from '../../parse/source-tree';
import type { ResourceView, TemplateReader } from '../reader';
import { quote } from '../../util/quote';

/**
 * Reading `AWS::CloudFront::Distribution` `DistributionConfig`: its viewer certificate, cache
 * behaviours and origins, as resolved in one scenario. Everything here says "unknown" rather
 * than guess.
 */

export const DISTRIBUTION = 'AWS::CloudFront::Distribution';

export interface DistributionView {
  view: ResourceView;
  /** The resolved `DistributionConfig`. */
  config: RMap;
}

/** Every distribution, per scenario, whose `DistributionConfig` is a known mapping. */
export function distributions(ctx: TemplateReader): DistributionView[] {
  const out: DistributionView[] = [];
  for (const view of ctx.viewsOf(DISTRIBUTION)) {
    const config = entry(view.props, 'DistributionConfig');
    if (config && config.kind === 'map') out.push({ view, config });
  }
  return out;
}

/**
 * Whether a property is there: `yes`, `no`, `maybe` (a parameter or mapping allows both, for a
 * flag), or `unknown` (an `Fn::If` whose condition can't be decided might drop it, or a flag
 * whose value is not knowable).
 */
export type Presence = 'yes' | 'no' | 'maybe' | 'unknown';

/** Presence of a property whose value does not matter (a certificate ARN or id). */
export function presenceOf(n: RNode | undefined): Presence {
  if (n === undefined) return 'no';
  if (n.kind === 'unknown' && intrinsicName(n.node) === 'Fn::If') return 'unknown';
  return 'yes';
}

/** `CloudFrontDefaultCertificate`: `yes` when true, `no` when absent or false. */
export function flagOf(n: RNode | undefined): Presence {
  if (n === undefined) return 'no';
  const values = booleans(n);
  if (!values.length || (n.kind === 'leaf' && values.length !== n.candidates.length)) return 'unknown';
  if (values.every((v) => v)) return 'yes';
  if (values.every((v) => !v)) return 'no';
  return 'maybe';
}

export function canBe(p: Presence): boolean {
  return p === 'yes' || p === 'maybe';
}

export interface CertificateFacts {
  /** The resolved `ViewerCertificate`, undefined when the distribution has none. */
  node: RMap | undefined;
  acm: Presence;
  iam: Presence;
  /** `CloudFrontDefaultCertificate: true`. */
  defaultFlag: Presence;
}

/** What the viewer certificate is made of; undefined when `ViewerCertificate` is not knowable. */
export function certificateFacts(config: RMap): CertificateFacts | undefined {
  const vc = entry(config, 'ViewerCertificate');
  if (vc === undefined) return { node: undefined, acm: 'no', iam: 'no', defaultFlag: 'no' };
  if (vc.kind !== 'map') return undefined;
  return {
    node: vc,
    acm: presenceOf(entry(vc, 'AcmCertificateArn')),
    iam: presenceOf(entry(vc, 'IamCertificateId')),
    defaultFlag: flagOf(entry(vc, 'CloudFrontDefaultCertificate')),
  };
}

/**
 * The distribution is served with the default `*.cloudfront.net` certificate: no
 * `ViewerCertificate`, or `CloudFrontDefaultCertificate: true` (possibly, through a parameter)
 * and certainly no ACM or IAM certificate (several at once is `cloudfront-viewer-certificate-incomplete`).
 */
export function usesDefaultCertificate(f: CertificateFacts): boolean {
  if (!f.node) return true;
  return canBe(f.defaultFlag) && f.acm === 'no' && f.iam === 'no';
}

/** An ACM or IAM certificate is given (and the default flag is not certainly set as well). */
export function usesCustomCertificate(f: CertificateFacts): boolean {
  return (f.acm === 'yes' || f.iam === 'yes') && f.defaultFlag !== 'yes';
}

export interface Behaviour {
  node: RMap;
  /** `DefaultCacheBehavior` or `CacheBehaviors[i] (PathPattern)`, for messages. */
  label: string;
}

/** `DefaultCacheBehavior` and every known `CacheBehaviors` entry. */
export function behavioursOf(config: RMap): Behaviour[] {
  const out: Behaviour[] = [];
  const def = entry(config, 'DefaultCacheBehavior');
  if (def && def.kind === 'map') out.push({ node: def, label: 'DefaultCacheBehavior' });
  const list = entry(config, 'CacheBehaviors');
  if (list && list.kind === 'seq') {
    list.items.forEach((b, i) => {
      if (b.kind !== 'map') return;
      const pattern = strings(entry(b, 'PathPattern'));
      out.push({ node: b, label: pattern.length === 1 ? `the ${quote(pattern[0])} behaviour` : `CacheBehaviors[${i}]` });
    });
  }
  return out;
}

/** Candidates of a behaviour's `ViewerProtocolPolicy` that serve plain HTTP (`allow-all`). */
export function allowAllCandidates(b: Behaviour): Candidate[] {
  const n = entry(b.node, 'ViewerProtocolPolicy');
  return n && n.kind === 'leaf' ? n.candidates.filter((c) => c.value === 'allow-all') : [];
}

export interface CustomOrigin {
  /** The origin (an `Origins` entry, or the legacy `CustomOrigin` object). */
  node: RMap;
  /** `CustomOriginConfig` (or the legacy `CustomOrigin` itself). */
  custom: RMap;
  /** Known `Id` values; empty for the legacy origin or an unknown id. */
  ids: string[];
  /** `DomainName` (or legacy `DNSName`). */
  domain: RNode | undefined;
  legacy: boolean;
}

/** Origins with a custom origin configuration, including the legacy `DistributionConfig.CustomOrigin`. */
export function customOriginsOf(config: RMap): CustomOrigin[] {
  const out: CustomOrigin[] = [];
  const origins = entry(config, 'Origins');
  if (origins && origins.kind === 'seq') {
    for (const o of origins.items) {
      const custom = entry(o, 'CustomOriginConfig');
      if (o.kind !== 'map' || !custom || custom.kind !== 'map') continue;
      out.push({ node: o, custom, ids: strings(entry(o, 'Id')), domain: entry(o, 'DomainName'), legacy: false });
    }
  }
  const legacy = entry(config, 'CustomOrigin');
  if (legacy && legacy.kind === 'map') out.push({ node: legacy, custom: legacy, ids: [], domain: entry(legacy, 'DNSName'), legacy: true });
  return out;
}

/**
 * Behaviours routing to an origin: `TargetOriginId` names the origin, or an origin group that
 * has it as a member. Behaviours whose target is not knowable are left out.
 */
export function behavioursRoutingTo(config: RMap, origin: CustomOrigin): Behaviour[] {
  if (!origin.ids.length) return [];
  const targets = new Set(origin.ids);
  const groups = entry(entry(config, 'OriginGroups'), 'Items');
  if (groups && groups.kind === 'seq') {
    for (const g of groups.items) {
      const members = entry(entry(g, 'Members'), 'Items');
      if (!members || members.kind !== 'seq') continue;
      if (members.items.some((m) => strings(entry(m, 'OriginId')).some((id) => origin.ids.includes(id)))) {
        for (const id of strings(entry(g, 'Id'))) targets.add(id);
      }
    }
  }
  return behavioursOf(config).filter((b) => strings(entry(b.node, 'TargetOriginId')).some((t) => targets.has(t)));
}

/** Candidates of a leaf equal to one of the given strings. */
export function candidatesIn(n: RNode | undefined, values: readonly string[]): (Candidate & { value: string })[] {
  if (!n || n.kind !== 'leaf') return [];
  return n.candidates.filter((c): c is Candidate & { value: string } => typeof c.value === 'string' && values.includes(c.value));
}
