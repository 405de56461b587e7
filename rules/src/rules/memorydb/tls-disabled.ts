import { TRANSIT_DEFAULTS } from '../../data/transit';
import { pathKey } from '../../parse/source-tree';
import { entry } from '../../evaluate/values';
import type { Fix, Rule } from '../../engine/types';
import { falseCandidates, listValues, relatedFor, setValueFix } from '../helpers';

export const MEMORYDB_CLUSTER = 'AWS::MemoryDB::Cluster';

const REPLACES = '(replaces the cluster: TLSEnabled cannot change after it is created)';

export const memorydbTlsDisabled: Rule = {
  meta: {
    id: 'memorydb-tls-disabled',
    severity: 'warning',
    summary: 'MemoryDB cluster with TLSEnabled: false (in-transit encryption off).',
    fixable: true,
    docs: { fixNote: 'quick fix only: the change replaces the cluster' },
    peers: [],
    resourceTypes: [MEMORYDB_CLUSTER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(MEMORYDB_CLUSTER)) {
      const value = entry(view.props, 'TLSEnabled');
      const off = falseCandidates(value);
      if (!value || !off.length) continue;
      const fixes: Fix[] = [{ ...setValueFix(off, true, 'TLSEnabled', false), title: `Set TLSEnabled to true ${REPLACES}` }];
      // Removing the property restores the default (true) where the value is written on the property itself
      // (not in an Fn::If branch, a parameter or a mapping).
      const property = pathKey([...view.path, 'TLSEnabled']);
      if (pathKey(value.path) === property && off.every((c) => c.origin === 'inplace' && pathKey(c.path) === property)) {
        fixes.push({
          title: `Remove TLSEnabled (default ${String(TRANSIT_DEFAULTS.memorydbTlsEnabled)}) ${REPLACES}`,
          intents: [{ kind: 'remove', path: value.path }],
          safe: false,
        });
      }
      ctx.report({
        path: value.path,
        message:
          `TLSEnabled is ${listValues(off)}: clients talk to this cluster, and primaries to their replicas, in plaintext, so data and ` +
          'passwords travel unencrypted. Leave TLSEnabled out or set it to true; it can only be chosen when the cluster is created.',
        related: relatedFor(off),
        fixes,
      });
    }
  },
};
