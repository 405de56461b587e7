import { AcmCertificateArn, GLOBAL_CERTIFICATE_REGION, parseAcmCertificateArn } from '../../data/arn';
import type { Rule, RuleContext, Severity } from '../../engine/types';
import { badStrings, listValues, quoteList, reportValue } from '../helpers';
import { ACM_CERTIFICATE_TYPE, certificateUses, CertificateUse, CONSUMER_RESOURCE_TYPES, literalParts } from '../../model/certificates/consumers';

/** Partition where CloudFront and the other global consumers take us-east-1 certificates. */
const GLOBAL_PARTITION = 'aws';

export const certificateRegion: Rule = {
  meta: {
    id: 'certificate-region',
    severity: 'error',
    summary: 'A certificate in a region its consumer cannot use (us-east-1 for CloudFront, edge API Gateway, AppSync, Cognito; the target regions otherwise).',
    fixable: false,
    docs: { severityNote: 'warning for a certificate of the same stack', appliesTo: 'certificate consumers (see `certificate-arn-invalid`)' },
    peers: [],
    resourceTypes: CONSUMER_RESOURCE_TYPES,
  },
  check(ctx) {
    const targets = ctx.settings.regions?.length ? ctx.settings.regions : undefined;
    for (const use of certificateUses(ctx)) {
      if (use.scope === 'global') checkGlobal(ctx, use, targets);
      else if (use.scope === 'regional' && targets) checkRegional(ctx, use, targets);
    }
  },
};

function checkGlobal(ctx: RuleContext, use: CertificateUse, targets: readonly string[] | undefined): void {
  const label = use.consumer.label;
  if (use.certificate?.type === ACM_CERTIFICATE_TYPE) {
    // the certificate is created in the stack's region: fine only when that is us-east-1
    if (targets && targets.every((r) => r === GLOBAL_CERTIFICATE_REGION)) return;
    const never = !!targets && !targets.includes(GLOBAL_CERTIFICATE_REGION);
    // the trigger sets the severity, unless the user configured another one for the rule
    const severity: Severity | undefined = ctx.severity !== certificateRegion.meta.severity ? undefined : never ? 'error' : 'warning';
    ctx.report({
      path: use.value.path,
      severity,
      message: never
        ? `${label} uses certificate ${use.certificate.id} of this stack, which is created in the stack's region (${targets!.join(', ')}), but it must be in ${GLOBAL_CERTIFICATE_REGION}. Create the certificate in a ${GLOBAL_CERTIFICATE_REGION} stack and pass its ARN in.`
        : `${label} uses certificate ${use.certificate.id} of this stack: ACM certificates are regional and this consumer takes them from ${GLOBAL_CERTIFICATE_REGION} only, so the stack must be deployed in ${GLOBAL_CERTIFICATE_REGION}. Elsewhere, create the certificate in a ${GLOBAL_CERTIFICATE_REGION} stack and pass its ARN in.`,
      data: { certificate: use.certificate.id, requiredRegion: GLOBAL_CERTIFICATE_REGION },
    });
    return;
  }
  const wrong = (v: string): string[] => acmRegions(use, v, (arn) => arn.partition === GLOBAL_PARTITION && arn.region !== GLOBAL_CERTIFICATE_REGION);
  const bad = badStrings(use.value, (v) => wrong(v).length > 0);
  if (!bad.length) return;
  const found = bad.flatMap((c) => wrong(c.value));
  const regions = [...new Set(found)].join(', ');
  reportValue(ctx, {
    node: use.value,
    bad,
    message: `${label} takes ACM certificates from ${GLOBAL_CERTIFICATE_REGION} only, but ${listValues(bad)} is in ${quoteList(found)}: the deployment fails. Request or import the certificate in ${GLOBAL_CERTIFICATE_REGION} and use that ARN.`,
    data: { requiredRegion: GLOBAL_CERTIFICATE_REGION, regions },
  });
}

function checkRegional(ctx: RuleContext, use: CertificateUse, targets: readonly string[]): void {
  const wrong = (v: string): string[] => acmRegions(use, v, (arn) => !targets.includes(arn.region));
  const bad = badStrings(use.value, (v) => wrong(v).length > 0);
  if (!bad.length) return;
  const found = bad.flatMap((c) => wrong(c.value));
  const regions = [...new Set(found)].join(', ');
  reportValue(ctx, {
    node: use.value,
    bad,
    message: `${use.consumer.label} needs an ACM certificate in the region it is deployed to (${targets.join(', ')}), but ${listValues(bad)} is in ${quoteList(found)}: the deployment fails. Use a certificate from the target region, passed in as a parameter.`,
    data: { targetRegions: [...targets], regions },
  });
}

/** Regions of the ACM ARNs a literal names that fail a test. */
function acmRegions(use: CertificateUse, v: string, isWrong: (arn: AcmCertificateArn) => boolean): string[] {
  return literalParts(use, v)
    .map(parseAcmCertificateArn)
    .filter((arn): arn is AcmCertificateArn => !!arn && isWrong(arn))
    .map((arn) => arn.region);
}
