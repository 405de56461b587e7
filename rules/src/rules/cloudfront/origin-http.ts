import { CLOUDFRONT_RECOMMENDED_ORIGIN_PROTOCOL_POLICY } from '../../data/cloudfront';
import { entry, strings } from '../../evaluate/values';
import type { Fix, RelatedInfo, Rule } from '../../engine/types';
import { listValues, quote, relatedFor, setValueFix } from '../helpers';
import {
  allowAllCandidates,
  behavioursRoutingTo,
  candidatesIn,
  CustomOrigin,
  customOriginsOf,
  DISTRIBUTION,
  distributions,
} from '../../model/cloudfront/distribution';
import { s3WebsiteVerdict } from './origin-domain';

export const cloudfrontOriginHttp: Rule = {
  meta: {
    id: 'cloudfront-origin-http',
    severity: 'warning',
    summary:
      'Custom origin reached over plain HTTP: OriginProtocolPolicy http-only, or match-viewer behind an allow-all behaviour (info for S3 website endpoints).',
    fixable: true,
    docs: { severityNote: 'info for S3 website endpoints' },
    peers: ['CloudFront.9', 'CKV2_AWS_72'],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    const https = CLOUDFRONT_RECOMMENDED_ORIGIN_PROTOCOL_POLICY;
    for (const { view, config } of distributions(ctx)) {
      for (const origin of customOriginsOf(config)) {
        const policy = entry(origin.custom, 'OriginProtocolPolicy');
        const httpOnly = candidatesIn(policy, ['http-only']);
        const matchViewer = candidatesIn(policy, ['match-viewer']);
        // match-viewer is plain HTTP for the requests viewers make over HTTP: those of allow-all behaviours.
        const httpRoutes = matchViewer.length && !origin.legacy ? behavioursRoutingTo(config, origin).filter((b) => allowAllCandidates(b).length) : [];
        const bad = [...httpOnly, ...(httpRoutes.length ? matchViewer : [])];
        if (!policy || !bad.length) continue;

        const name = originName(origin);
        const verdict = s3WebsiteVerdict(ctx, origin.domain, view.scenario);
        const related: RelatedInfo[] = [
          ...relatedFor(bad),
          ...httpRoutes.map((b) => ({
            path: entry(b.node, 'ViewerProtocolPolicy')!.path,
            message: `${b.label} accepts HTTP viewers (allow-all) and routes to ${name}`,
          })),
        ];
        const why = httpOnly.length
          ? `OriginProtocolPolicy ${listValues(bad)}: CloudFront fetches from ${name} over plain HTTP`
          : `OriginProtocolPolicy 'match-viewer' while ${httpRoutes.map((b) => b.label).join(', ')} ${httpRoutes.length > 1 ? 'accept' : 'accepts'} HTTP viewers (allow-all): those requests reach ${name} over plain HTTP`;
        if (verdict === 'website') {
          ctx.report({
            path: policy.path,
            severity: 'info',
            message: `${why}. It is an S3 website endpoint, which only speaks HTTP, so this leg can't be encrypted as it is; to encrypt it, serve the bucket through its REST endpoint (S3OriginConfig with origin access control) instead.`,
            related,
            data: { s3Website: true },
          });
          continue;
        }
        // An https-only fix breaks an origin that can't do HTTPS: apply it unasked only when the domain is known.
        const fix: Fix = setValueFix(bad, https, 'OriginProtocolPolicy', verdict === 'other');
        ctx.report({
          path: policy.path,
          message:
            `${why}, so content and headers cross the network unencrypted. Set it to ${https} (the origin must then serve HTTPS with a certificate valid for its name)` +
            (verdict === 'other'
              ? '.'
              : '; if the origin is an S3 website endpoint, which only speaks HTTP, use the bucket REST endpoint with origin access control instead.'),
          related,
          fixes: [fix],
          data: { replacement: https },
        });
      }
    }
  },
};

/** How messages name the origin: "origin 'Id'", "origin '<domain>'", or "this origin" when neither is known. */
function originName(origin: CustomOrigin): string {
  if (origin.ids.length === 1) return `origin ${quote(origin.ids[0])}`;
  const domains = strings(origin.domain);
  if (domains.length === 1) return `origin ${quote(domains[0])}`;
  return origin.legacy ? 'the CustomOrigin' : 'this origin';
}
