import { isCertificateArnPlaceholder } from '../../data/arn';
import type { Candidate } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, originLabel, reportValue } from '../helpers';
import { accepted, whyNot } from '../../model/certificates/arn-kinds';
import { certificateUses, CONSUMER_RESOURCE_TYPES, CertificateUse, literalParts } from '../../model/certificates/consumers';

type Bad = Candidate & { value: string };

/**
 * A parameter's Default or AllowedValues entry is what the template proposes; the deployer
 * passes the value. So a wrong one is a warning (cfn-lint: W1030 for values reached through
 * `Ref`, E1159 for literals); a value written in place or in a mapping is deployed as it is.
 */
const fromParameter = (c: Candidate): boolean => c.origin === 'default' || c.origin === 'allowed';

/** Where the parameter values come from, for the message ("the Default of parameter X"). */
function origins(bad: readonly Bad[]): string {
  return [...new Set(bad.map(originLabel))].join(' and ');
}

/** The message for values that only parameters propose: a placeholder gets its own advice. */
function parameterMessage(use: CertificateUse, bad: readonly Bad[], reason: string): string {
  const label = use.consumer.label;
  const defaults = bad.every((c) => c.origin === 'default');
  if (bad.every((c) => isCertificateArnPlaceholder(c.value))) {
    return defaults
      ? `${label} comes from ${origins(bad)}, ${listValues(bad)}, which looks like a placeholder; pass the certificate ARN when deploying (a deployment that keeps the Default fails).`
      : `${label} may be ${listValues(bad)} (${origins(bad)}), which looks like a placeholder: a deployment that picks it fails. List real certificate ARNs in AllowedValues.`;
  }
  return (
    `${label} is ${listValues(bad)} from ${origins(bad)}: ${reason}. ` +
    (defaults
      ? 'A deployment that keeps the Default fails; pass the certificate ARN when deploying, or correct the Default.'
      : 'A deployment that passes it fails; correct the parameter.')
  );
}

export const certificateArnInvalid: Rule = {
  meta: {
    id: 'certificate-arn-invalid',
    severity: 'error',
    summary:
      'A certificate property holds a literal that is not an ARN of the kind it takes (warning when only a parameter Default/AllowedValues proposes it).',
    fixable: false,
    docs: { severityNote: 'warning when only a parameter `Default`/`AllowedValues` proposes the value', appliesTo: 'certificate consumers (below)' },
    peers: [
      'E1159', // literal not matching the ACM ARN pattern
    ],
    resourceTypes: CONSUMER_RESOURCE_TYPES,
  },
  check(ctx) {
    for (const use of certificateUses(ctx)) {
      const bad = badStrings(use.value, (v) => {
        if (v.includes('{{resolve:')) return false; // dynamic reference: resolved at deploy time, unknown here
        return literalParts(use, v).some((part) => !accepted(use.kind, part));
      }).filter((c) => !(c.value === '' && c.origin !== 'inplace')); // an empty parameter Default is a placeholder
      if (!bad.length) continue;
      const reason = whyNot(use.kind, literalParts(use, bad[0].value).find((part) => !accepted(use.kind, part)) ?? bad[0].value);
      const deployed = bad.some((c) => !fromParameter(c));
      reportValue(ctx, {
        node: use.value,
        bad,
        severity: deployed ? 'error' : 'warning',
        message: deployed
          ? `${use.consumer.label} is ${listValues(bad)}: ${reason}. CloudFormation fails to create or update the resource.`
          : parameterMessage(use, bad, reason),
        data: { accepts: use.kind, placeholder: !deployed && bad.every((c) => isCertificateArnPlaceholder(c.value)) },
      });
    }
  },
};
