import { CLOUDFRONT_RECOMMENDED_VIEWER_PROTOCOL_POLICY } from '../../data/cloudfront';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { reportValue } from '../helpers';
import { allowAllCandidates, behavioursOf, DISTRIBUTION, distributions } from '../../model/cloudfront/distribution';

export const cloudfrontViewerHttp: Rule = {
  meta: {
    id: 'cloudfront-viewer-http',
    severity: 'warning',
    summary: 'Cache behaviour with ViewerProtocolPolicy allow-all: CloudFront serves viewers over plain HTTP.',
    fixable: true,
    peers: [
      'CKV_AWS_34',
      'CloudFront.3',
      'AWS-0012',
      'CLOUDFRONT_VIEWER_POLICY_HTTPS',
      '31733ee2-fef0-4e87-9778-65da22a8ecf1',
      'a5366a50-932f-4085-896b-41402714a388',
    ],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    const fix = CLOUDFRONT_RECOMMENDED_VIEWER_PROTOCOL_POLICY;
    for (const { config } of distributions(ctx)) {
      for (const b of behavioursOf(config)) {
        const bad = allowAllCandidates(b);
        const node = entry(b.node, 'ViewerProtocolPolicy');
        if (!bad.length || !node) continue;
        reportValue(ctx, {
          node,
          bad,
          message: `ViewerProtocolPolicy 'allow-all' in ${b.label} lets viewers use plain HTTP: CloudFront answers http:// requests as they come, unencrypted. Set it to ${fix} (or https-only).`,
          fixValue: fix,
          fixWhat: 'ViewerProtocolPolicy',
          data: { replacement: fix },
        });
      }
    }
  },
};
