import { SECURE_TRANSPORT_KEY, SECURE_TRANSPORT_POLICIES } from '../../data/resource-policies';
import type { FixValue, Rule } from '../../engine/types';
import { getValue } from '../../parse/source-tree';
import { toFixValue } from '../helpers';
import { certainlySet, checkTargetPolicies } from './secure-transport';

const SNS = SECURE_TRANSPORT_POLICIES.sns;

export const snsSecureTransport: Rule = {
  meta: {
    id: 'sns-secure-transport',
    severity: 'warning',
    summary: 'SNS topic policy without a Deny on sns:Publish for every principal when aws:SecureTransport is false (topics without server-side encryption).',
    fixable: true,
    peers: ['AwsSolutions-SNS3'],
    resourceTypes: [SNS.policyType],
  },
  check(ctx) {
    checkTargetPolicies(ctx, {
      policy: SNS,
      // "All requests to topics with SSE enabled must use HTTPS and Signature Version 4."
      refusesHttpItself: (props) => (certainlySet(props, 'KmsMasterKeyId') ? 'yes' : 'no'),
      // The topics the policy names are ARNs already (`!Ref Topic`): the statement names them too.
      resource: (_ctx, view) => {
        const topics = getValue(view.resource.properties, SNS.targetsProperty);
        if (!topics) return undefined;
        const value = toFixValue(topics);
        return Array.isArray(value) && value.length === 1 ? (value[0] as FixValue) : value;
      },
      message: () =>
        'This topic policy has no statement that denies Publish over plain HTTP, and SNS accepts HTTP requests to a topic ' +
        'without server-side encryption: messages can be published unencrypted. Add a Deny statement for Principal "*", ' +
        `Action sns:Publish, with Condition Bool ${SECURE_TRANSPORT_KEY} false (or encrypt the topics with KmsMasterKeyId).`,
    });
  },
};
