import { MSK_CLIENT_BROKER_PLAINTEXT, MSK_CLIENT_BROKER_TLS } from '../../data/transit';
import { entryAt } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, falseCandidates, listValues, quote, relatedFor, reportValue, setValueFix } from '../helpers';

export const MSK_CLUSTER = 'AWS::MSK::Cluster';

export const mskPlaintext: Rule = {
  meta: {
    id: 'msk-plaintext',
    severity: 'warning',
    summary: 'MSK cluster whose ClientBroker encryption allows plaintext (TLS_PLAINTEXT, PLAINTEXT) or whose InCluster encryption is false.',
    fixable: true,
    docs: { fixNote: 'ClientBroker; InCluster: quick fix only, the change replaces the cluster' },
    peers: ['CKV_AWS_81', 'AWS-0073', 'CT.MSK.PR.1'],
    resourceTypes: [MSK_CLUSTER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(MSK_CLUSTER)) {
      const clientBroker = entryAt(view.props, 'EncryptionInfo', 'EncryptionInTransit', 'ClientBroker');
      const plain = badStrings(clientBroker, (v) => MSK_CLIENT_BROKER_PLAINTEXT.includes(v.trim().toUpperCase()));
      if (clientBroker && plain.length) {
        reportValue(ctx, {
          node: clientBroker,
          bad: plain,
          message:
            `ClientBroker is ${listValues(plain)}: brokers accept plaintext connections from clients, so records and credentials can ` +
            `travel unencrypted. Set ClientBroker to ${quote(MSK_CLIENT_BROKER_TLS)} (clients then connect to the TLS bootstrap brokers).`,
          fixValue: MSK_CLIENT_BROKER_TLS,
          fixWhat: 'ClientBroker',
        });
      }
      const inCluster = entryAt(view.props, 'EncryptionInfo', 'EncryptionInTransit', 'InCluster');
      const off = falseCandidates(inCluster);
      if (inCluster && off.length) {
        ctx.report({
          path: inCluster.path,
          message:
            `InCluster is ${listValues(off)}: brokers replicate data to each other in plaintext. Set InCluster to true; it can only be ` +
            'chosen when the cluster is created.',
          related: relatedFor(off),
          fixes: [{ ...setValueFix(off, true, 'InCluster', false), title: 'Set InCluster to true (replaces the cluster)' }],
        });
      }
    }
  },
};
