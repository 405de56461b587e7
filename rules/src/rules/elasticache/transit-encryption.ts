import {
  ELASTICACHE_CACHE_CLUSTER,
  ELASTICACHE_REPLICATION_GROUP,
  TRANSIT_ENCRYPTION_MODE_PREFERRED,
  TRANSIT_ENCRYPTION_MODE_REQUIRED,
} from '../../data/elasticache-transit';
import { booleans, entry } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { tlsCapableEngine } from '../../model/elasticache/transit';
import { badStrings, falseCandidates, listValues, quote, relatedFor, setValueFix } from '../helpers';

const CHANGE = '(changes a running cache: replaces or interrupts it; clients must then use TLS)';

function check(ctx: RuleContext, view: ResourceView): void {
  if (!view.props && view.resource.properties !== undefined) return;
  const capable = tlsCapableEngine(view);
  if (!capable) return; // an engine or version without in-transit encryption is not reported
  const what = view.resource.type === ELASTICACHE_CACHE_CLUSTER ? 'cache cluster' : 'replication group';
  const engine = `${capable.engine.label}${capable.version ? ` ${capable.version}` : ''}`;
  const enabled = entry(view.props, 'TransitEncryptionEnabled');
  if (enabled === undefined) {
    ctx.report({
      path: view.path,
      target: 'key',
      message:
        `TransitEncryptionEnabled is not set, so it is false: this ${what} (${engine}) accepts only plaintext connections, and data ` +
        'and AUTH tokens travel unencrypted. Set TransitEncryptionEnabled: true.',
      fixes:
        view.resource.properties !== undefined
          ? [
              {
                title: `Insert TransitEncryptionEnabled: true ${CHANGE}`,
                intents: [{ kind: 'insert', path: view.path, key: 'TransitEncryptionEnabled', value: true }],
                safe: false,
              },
            ]
          : [],
    });
    return;
  }
  const off = falseCandidates(enabled);
  if (off.length) {
    ctx.report({
      path: enabled.path,
      message:
        `TransitEncryptionEnabled is ${listValues(off)}: this ${what} (${engine}) accepts only plaintext connections, and data and AUTH ` +
        'tokens travel unencrypted. Set TransitEncryptionEnabled: true.',
      related: relatedFor(off),
      fixes: [{ ...setValueFix(off, true, 'TransitEncryptionEnabled', false), title: `Set TransitEncryptionEnabled to true ${CHANGE}` }],
    });
    return;
  }
  if (view.resource.type !== ELASTICACHE_REPLICATION_GROUP || !booleans(enabled).includes(true)) return;
  const mode = entry(view.props, 'TransitEncryptionMode');
  const preferred = badStrings(mode, (v) => v.trim().toLowerCase() === TRANSIT_ENCRYPTION_MODE_PREFERRED);
  if (!mode || !preferred.length) return;
  ctx.report({
    path: mode.path,
    message:
      `TransitEncryptionMode is ${listValues(preferred)}: the replication group accepts TLS and plaintext connections alike, so clients ` +
      `may still send data unencrypted. Once every client uses TLS, set TransitEncryptionMode to ${quote(TRANSIT_ENCRYPTION_MODE_REQUIRED)}.`,
    related: relatedFor(preferred),
    fixes: [
      {
        ...setValueFix(preferred, TRANSIT_ENCRYPTION_MODE_REQUIRED, 'TransitEncryptionMode', false),
        title: `Set TransitEncryptionMode to ${quote(TRANSIT_ENCRYPTION_MODE_REQUIRED)} (interrupts clients that still connect without TLS)`,
      },
    ],
  });
}

export const elasticacheTransitEncryption: Rule = {
  meta: {
    id: 'elasticache-transit-encryption',
    severity: 'warning',
    summary: 'ElastiCache replication group or cache cluster without in-transit encryption (on engines that support it), or TransitEncryptionMode preferred.',
    fixable: true,
    docs: { fixNote: 'quick fix only: the change replaces or interrupts the cache' },
    peers: [
      'CKV_AWS_30',
      'CKV_AWS_31',
      'F33',
      'AWS-0051',
      'ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT',
      'ELASTICACHE_REPLICATION_GROUP_TRANSIT_ENCRYPTION',
      'CT.ELASTICACHE.PR.5',
    ],
    resourceTypes: [ELASTICACHE_REPLICATION_GROUP, ELASTICACHE_CACHE_CLUSTER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(ELASTICACHE_REPLICATION_GROUP, ELASTICACHE_CACHE_CLUSTER)) check(ctx, view);
  },
};
