import { DMS_REDIS_ENGINE, DMS_REDIS_PLAINTEXT, DMS_REDIS_SSL, DMS_SSL_MODE_NONE, DMS_SSL_MODE_WITHOUT_CA, dmsSslEngine } from '../../data/dms-ssl';
import { entry, entryAt, strings } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { badStrings, insertFix, listValues, quote, quoteList, reportValue } from '../helpers';

export const DMS_ENDPOINT = 'AWS::DMS::Endpoint';

function checkSslMode(ctx: RuleContext, view: ResourceView, engineName: string): void {
  const engine = dmsSslEngine(engineName);
  if (!engine) return; // Redshift, S3, DynamoDB, Kinesis…: no SSL mode to set
  const canRequire = engine.modes.includes(DMS_SSL_MODE_WITHOUT_CA);
  const advice = canRequire
    ? `Set SslMode to ${quote(DMS_SSL_MODE_WITHOUT_CA)} (encrypted, no CA certificate needed), or to ${quoteList(engine.modes.filter((m) => m !== DMS_SSL_MODE_WITHOUT_CA))} with CertificateArn to verify the server.`
    : `Set SslMode to ${quoteList(engine.modes)} with CertificateArn (a CA certificate imported into DMS): ${engine.label} endpoints do not support ${quote(DMS_SSL_MODE_WITHOUT_CA)}.`;
  const mode = entry(view.props, 'SslMode');
  if (mode === undefined) {
    ctx.report({
      path: view.path,
      target: 'key',
      message: `SslMode is not set, so it is ${quote(DMS_SSL_MODE_NONE)}: DMS connects to this ${engine.label} endpoint without TLS, and the migrated data and credentials travel in plaintext. ${advice}`,
      fixes: canRequire && view.resource.properties !== undefined ? [insertFix(view.path, 'SslMode', DMS_SSL_MODE_WITHOUT_CA)] : [],
      data: { modes: engine.modes },
    });
    return;
  }
  const none = badStrings(mode, (v) => v.trim().toLowerCase() === DMS_SSL_MODE_NONE);
  reportValue(ctx, {
    node: mode,
    bad: none,
    message: `SslMode is ${listValues(none)}: DMS connects to this ${engine.label} endpoint without TLS, and the migrated data and credentials travel in plaintext. ${advice}`,
    fixValue: canRequire ? DMS_SSL_MODE_WITHOUT_CA : undefined,
    fixWhat: 'SslMode',
    data: { modes: engine.modes },
  });
}

function checkRedis(ctx: RuleContext, view: ResourceView): void {
  const protocol = entryAt(view.props, 'RedisSettings', 'SslSecurityProtocol');
  if (!protocol) return; // default: ssl-encryption
  const plain = badStrings(protocol, (v) => v.trim().toLowerCase() === DMS_REDIS_PLAINTEXT);
  reportValue(ctx, {
    node: protocol,
    bad: plain,
    message:
      `SslSecurityProtocol is ${listValues(plain)}: DMS writes to this Redis target without TLS, so the migrated data and the AUTH ` +
      `password travel in plaintext. Set it to ${quote(DMS_REDIS_SSL)} (without SslCaCertificateArn, DMS trusts the Amazon root CA).`,
    fixValue: DMS_REDIS_SSL,
    fixWhat: 'SslSecurityProtocol',
  });
}

export const dmsEndpointSsl: Rule = {
  meta: {
    id: 'dms-endpoint-ssl',
    severity: 'warning',
    summary: 'DMS endpoint of an engine that supports SSL with SslMode absent or none, or a Redis endpoint with SslSecurityProtocol plaintext.',
    fixable: true,
    docs: { fixNote: '`SslMode: require` where the engine supports it; `SslSecurityProtocol: ssl-encryption`' },
    peers: ['DMS_ENDPOINT_SSL_CONFIGURED', 'DMS_REDIS_TLS_ENABLED', 'CT.DMS.PR.2'],
    resourceTypes: [DMS_ENDPOINT],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(DMS_ENDPOINT)) {
      const engineNode = entry(view.props, 'EngineName');
      if (!engineNode || engineNode.kind !== 'leaf') continue;
      for (const name of new Set(strings(engineNode).map((n) => n.trim().toLowerCase()))) {
        if (name === DMS_REDIS_ENGINE) checkRedis(ctx, view);
        else checkSslMode(ctx, view, name);
      }
    }
  },
};
