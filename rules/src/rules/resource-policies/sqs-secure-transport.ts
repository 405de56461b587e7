import { SECURE_TRANSPORT_KEY, SECURE_TRANSPORT_POLICIES } from '../../data/resource-policies';
import type { FixValue, ResourceView, Rule } from '../../engine/types';
import { booleans, entry } from '../../evaluate/values';
import { itemExpr, writtenItems } from '../../model/iam/policy-document';
import { sameString } from '../../model/string-expr';
import { toFixValue } from '../helpers';
import { certainlySet, checkTargetPolicies, targetResource } from './secure-transport';
import type { OwnRefusal } from './secure-transport';

const SQS = SECURE_TRANSPORT_POLICIES.sqs;

/**
 * "All requests to queues with SSE enabled must use HTTPS and Signature Version 4" (SQS developer
 * guide, encryption at rest). A KMS key or SqsManagedSseEnabled: true: yes. SqsManagedSseEnabled:
 * false without a key: no. Neither written: SSE-SQS, the default for queues created over HTTPS
 * since October 2022 (AWS Compute Blog), which a queue created earlier does not have.
 */
function sseRefusesHttp(props: ResourceView['props']): OwnRefusal {
  if (certainlySet(props, 'KmsMasterKeyId')) return 'yes';
  const sse = entry(props, 'SqsManagedSseEnabled');
  if (sse === undefined) return 'default';
  const values = booleans(sse);
  if (sse.kind !== 'leaf' || values.length !== sse.candidates.length) return 'default';
  return values.every((b) => b) ? 'yes' : values.every((b) => !b) ? 'no' : 'default';
}

export const sqsSecureTransport: Rule = {
  meta: {
    id: 'sqs-secure-transport',
    severity: 'warning',
    summary:
      'SQS queue policy without a Deny on sqs:* for every principal when aws:SecureTransport is false, for queues without server-side encryption (info: encryption only by default).',
    docs: { severityNote: 'info when every queue named relies on the SSE-SQS default' },
    fixable: true,
    peers: ['AwsSolutions-SQS4'],
    resourceTypes: [SQS.policyType],
  },
  check(ctx) {
    checkTargetPolicies(ctx, {
      policy: SQS,
      refusesHttpItself: sseRefusesHttp,
      // `Queues` lists queue URLs; the statement names queue ARNs: `!GetAtt Queue.Arn`, or the
      // document's own spelling of that ARN. Only for queues of the template.
      resource: (ctx, _view, doc, items) => {
        if (!items?.length) return undefined;
        const arns: FixValue[] = [];
        for (const item of items) {
          const id = targetResource(ctx, item, SQS.resourceType);
          if (!id) return undefined;
          const target = [{ kind: 'symbol' as const, name: `ref:${id}.Arn`, certain: true }];
          let written: FixValue | undefined;
          for (const st of doc.statements) {
            for (const r of writtenItems(st.entries.get('Resource'))) {
              const e = itemExpr(r);
              if (written === undefined && r.node && e && sameString(e, target) === 'yes') written = toFixValue(r.node);
            }
          }
          arns.push(written ?? { 'Fn::GetAtt': [id, 'Arn'] });
        }
        return arns.length === 1 ? arns[0] : arns;
      },
      message: (byDefault) =>
        byDefault
          ? 'This queue policy has no statement that denies plain HTTP. The queues it names have no encryption setting, so they ' +
            'get SQS-managed server-side encryption, which SQS gives new queues by default and with which it refuses plain HTTP; ' +
            'a queue created before that default (October 2022) has no encryption and accepts HTTP. Add a Deny statement for ' +
            `Principal "*", Action sqs:*, with Condition Bool ${SECURE_TRANSPORT_KEY} false, or set SqsManagedSseEnabled: true.`
          : 'This queue policy has no statement that denies plain HTTP, and SQS accepts HTTP requests to a queue without ' +
            'server-side encryption: messages can be sent and received unencrypted. Add a Deny statement for Principal "*", ' +
            `Action sqs:*, with Condition Bool ${SECURE_TRANSPORT_KEY} false.`,
    });
  },
};
