import { isIamServerCertificateArn } from '../../data/arn';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';
import { certificateUses, CONSUMER_RESOURCE_TYPES, IAM_SERVER_CERTIFICATE_TYPE, literalParts } from '../../model/certificates/consumers';

const WHY =
  "IAM server certificates carry a private key that someone handled and uploaded, and are outside ACM's automatic renewal, expiry monitoring and audit.";
const ADVICE = `${WHY} Use an ACM certificate (requested, or imported when an organisation-issued certificate is required).`;

export const certificateNotAcm: Rule = {
  meta: {
    id: 'certificate-not-acm',
    severity: 'warning',
    summary: 'A certificate consumer uses an IAM server certificate, or the template uploads one (AWS::IAM::ServerCertificate).',
    fixable: false,
    docs: { appliesTo: 'certificate consumers (below), `AWS::IAM::ServerCertificate`' },
    peers: [
      'ELBV2_ACM_CERTIFICATE_REQUIRED', // FAILs a non-ACM certificate, and an HTTPS/TLS listener with no Certificates.
      'ELB_ACM_CERTIFICATE_REQUIRED',
      'ELB.2',
    ],
    resourceTypes: [...CONSUMER_RESOURCE_TYPES, IAM_SERVER_CERTIFICATE_TYPE],
  },
  check(ctx) {
    for (const use of certificateUses(ctx)) {
      const label = use.consumer.label;
      if (use.kind === 'iam-id') {
        // the property itself names an IAM certificate, whatever its (possibly unknown) value
        ctx.report({
          path: use.value.path,
          message: `${label} serves an IAM server certificate. ${ADVICE} For CloudFront, set AcmCertificateArn to an ACM certificate in us-east-1 instead.`,
        });
        continue;
      }
      if (use.kind !== 'acm-or-iam') continue; // ACM-only properties: an IAM ARN there is certificate-arn-invalid
      if (use.certificate?.type === IAM_SERVER_CERTIFICATE_TYPE) {
        ctx.report({
          path: use.value.path,
          message: `${label} uses the IAM server certificate ${use.certificate.id} of this template. ${ADVICE}`,
          data: { certificate: use.certificate.id },
        });
        continue;
      }
      const bad = badStrings(use.value, (v) => literalParts(use, v).some(isIamServerCertificateArn));
      reportValue(ctx, { node: use.value, bad, message: `${label} uses the IAM server certificate ${listValues(bad)}. ${ADVICE}` });
    }
    for (const r of ctx.resources(IAM_SERVER_CERTIFICATE_TYPE)) {
      ctx.report({ path: ['Resources', r.id, 'Type'], message: `${r.id} uploads a certificate and its private key to IAM. ${ADVICE}` });
    }
  },
};
