/** CloudFront distributions (the viewer certificate and its floor) and their `allow-all` behaviours. */
import { CLOUDFRONT_DEFAULT_CERTIFICATE_MIN_PROTOCOL, minimumProtocolFloor } from '../../data/cloudfront';
import { CLOUDFRONT_OMITTED_MIN_PROTOCOL } from '../../data/cloudfront-viewer';
import type { TemplateReader } from '../../engine/types';
import { entry, strings } from '../../evaluate/values';
import {
  allowAllCandidates,
  behavioursOf,
  certificateFacts,
  distributions,
  DISTRIBUTION,
  usesCustomCertificate,
  usesDefaultCertificate,
} from '../../model/cloudfront/distribution';
import { EndpointObservation, EndpointTable, propertyPath, texts } from '../collect';
import { weakestFloor } from './floors';
import { keyOf, resourcePath } from './keys';

export function addDistributions(ctx: TemplateReader, table: EndpointTable): void {
  for (const { view, config } of distributions(ctx)) {
    const id = view.resource.id;
    const acc = table.get(id, 'cloudfront-distribution', id, DISTRIBUTION, resourcePath(id));
    acc.claim(resourcePath(id));
    acc.claimCertificates(resourcePath(id));
    const aliases = entry(config, 'Aliases');
    const domains = aliases && aliases.kind === 'seq' ? aliases.items.flatMap((a) => strings(a)) : [];
    const facts = certificateFacts(config);
    const min = entry(facts?.node, 'MinimumProtocolVersion');
    const base: EndpointObservation = {
      protocols: ['HTTPS'],
      ports: ['443'],
      tls: true,
      domains,
      details: { sslSupportMethod: texts(entry(facts?.node, 'SslSupportMethod')) },
    };
    if (facts && usesDefaultCertificate(facts)) {
      // The default certificate gets TLSv1 whatever MinimumProtocolVersion says (docs/sources.md §4a).
      const policy = [CLOUDFRONT_DEFAULT_CERTIFICATE_MIN_PROTOCOL];
      acc.observe({
        ...base,
        policy: { values: policy, default: true },
        floor: weakestFloor(policy, minimumProtocolFloor),
        defaultCertificate: true,
        details: { ...base.details, ignoredMinimumProtocolVersion: texts(min) },
      });
    } else if (facts && usesCustomCertificate(facts)) {
      const policy = min === undefined ? [CLOUDFRONT_OMITTED_MIN_PROTOCOL] : texts(min);
      acc.observe({ ...base, policy: { values: policy, default: min === undefined }, floor: weakestFloor(policy, minimumProtocolFloor) });
    } else {
      acc.observe({ ...base, policy: { values: texts(min) } });
    }
    for (const b of behavioursOf(config)) {
      if (!allowAllCandidates(b).length) continue;
      const path = propertyPath(b.node.path);
      const behaviour = table.get(keyOf(path), 'cloudfront-behaviour', id, DISTRIBUTION, path);
      behaviour.claim(path);
      behaviour.observe({
        // The plain-HTTP side of the distribution for this path; HTTPS is the distribution's.
        protocols: ['HTTP'],
        ports: ['80'],
        tls: false,
        plaintext: true,
        domains,
        details: { viewerProtocolPolicy: texts(entry(b.node, 'ViewerProtocolPolicy')), pathPattern: texts(entry(b.node, 'PathPattern')) ?? '*' },
      });
    }
  }
}
