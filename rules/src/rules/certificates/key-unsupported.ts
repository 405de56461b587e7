import { ACM_DEFAULT_KEY_ALGORITHM } from '../../data/acm';
import { CLOUDFRONT_KEY_ALGORITHMS, VPC_LATTICE_KEY_ALGORITHMS } from '../../data/certificates-keys';
import { entry, stringCandidates } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { listValues, quote, relatedFor } from '../helpers';
import { ACM_CERTIFICATE_TYPE, certificateUses, CertificateUse, CONSUMER_RESOURCE_TYPES } from '../../model/certificates/consumers';

/** Key algorithms a consumer can use, when it is limited (undefined: every algorithm ACM issues). */
function supportedKeys(use: CertificateUse): readonly string[] | undefined {
  const loc = use.consumer.location;
  if (loc.in === 'properties' && loc.resourceType === 'AWS::CloudFront::Distribution') return CLOUDFRONT_KEY_ALGORITHMS;
  if (use.consumer.viaCloudFront && use.scope === 'global') return CLOUDFRONT_KEY_ALGORITHMS;
  if (loc.in === 'properties' && loc.resourceType === 'AWS::VpcLattice::Service') return VPC_LATTICE_KEY_ALGORITHMS;
  return undefined;
}

export const certificateKeyUnsupported: Rule = {
  meta: {
    id: 'certificate-key-unsupported',
    severity: 'error',
    summary:
      "A consumer uses a certificate of this template whose KeyAlgorithm it can't serve (CloudFront: RSA or EC_prime256v1 only; VPC Lattice: RSA_2048 only).",
    fixable: false,
    docs: { appliesTo: 'certificate consumers (see `certificate-arn-invalid`)' },
    peers: [],
    resourceTypes: CONSUMER_RESOURCE_TYPES,
  },
  check(ctx) {
    for (const use of certificateUses(ctx)) {
      if (use.certificate?.type !== ACM_CERTIFICATE_TYPE) continue;
      const keys = supportedKeys(use);
      if (!keys) continue;
      const id = use.certificate.id;
      const onlyIf = use.resource?.condition; // the consumer exists only where its Condition holds
      for (const cert of ctx.viewsIn(id, use.scenario)) {
        if (onlyIf !== undefined && cert.scenario.assignment.get(onlyIf) === false) continue;
        const alg = entry(cert.props, 'KeyAlgorithm');
        if (!alg && keys.includes(ACM_DEFAULT_KEY_ALGORITHM)) continue;
        const bad = stringCandidates(alg).filter((c) => !keys.includes(c.value));
        if (!bad.length) continue;
        const inPlace = bad.filter((c) => c.origin === 'inplace').map((c) => ({ path: c.path, message: `KeyAlgorithm of ${id} is ${quote(c.value)}` }));
        ctx.report({
          path: use.value.path,
          message: `${use.consumer.label} uses certificate ${id} with KeyAlgorithm ${listValues(bad)}, which it cannot serve (it supports ${keys.join(', ')}): the deployment fails. Use ${keys.includes('EC_prime256v1') ? 'RSA_2048 or EC_prime256v1' : 'RSA_2048'} for this certificate.`,
          related: [...inPlace, ...relatedFor(bad)],
          data: { certificate: id, supported: [...keys] },
        });
      }
    }
  },
};
