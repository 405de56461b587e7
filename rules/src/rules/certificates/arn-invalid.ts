import { RULE_PEERS } from '../../data/peers';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';
import { accepted, whyNot } from './arn-kinds';
import { certificateUses, CONSUMER_RESOURCE_TYPES, literalParts } from './consumers';

export const certificateArnInvalid: Rule = {
  meta: {
    id: 'certificate-arn-invalid',
    severity: 'error',
    summary: 'A certificate property holds a literal that is not an ARN of the kind it takes.',
    fixable: false,
    peers: RULE_PEERS['certificate-arn-invalid'],
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
      reportValue(ctx, {
        node: use.value,
        bad,
        message: `${use.consumer.label} is ${listValues(bad)}: ${reason}. CloudFormation fails to create or update the resource.`,
        data: { accepts: use.kind },
      });
    }
  },
};
