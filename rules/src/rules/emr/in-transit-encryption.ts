import type { Candidate } from '../../evaluate/values';
import type { Fix, ResourceView, Rule, RuleContext } from '../../engine/types';
import type { Path } from '../../parse/source-tree';
import { entry } from '../../evaluate/values';
import { relatedFor } from '../helpers';
import { EMR_CLUSTER, EMR_SECURITY_CONFIGURATION, securityConfigurationDoc } from '../../model/emr/security-configuration';

const PROVIDER =
  'EnableInTransitEncryption needs a certificate provider in InTransitEncryptionConfiguration.TLSCertificateConfiguration (a zip of PEM files in S3, or a custom provider class).';
const REPLACES = 'quick fix only: CloudFormation replaces the security configuration, and clusters that use it must be recreated';

function isFalse(c: Candidate): boolean {
  return c.value === false || (typeof c.value === 'string' && c.value.toLowerCase() === 'false');
}

/** `Set EnableInTransitEncryption to true`, offered only where a certificate provider is configured. */
function enableFix(hasCertificateProvider: boolean, intent: Fix['intents'][number]): Fix[] | undefined {
  if (!hasCertificateProvider) return undefined;
  return [{ title: `Set EnableInTransitEncryption to true (${REPLACES})`, intents: [intent], safe: false }];
}

function checkSecurityConfiguration(ctx: RuleContext, view: ResourceView): void {
  const id = view.resource.id;
  const doc = securityConfigurationDoc(view);
  if (doc.form === 'map') {
    const needsProvider = doc.hasCertificateProvider ? '' : ` ${PROVIDER}`;
    if (doc.state === 'disabled' && doc.flag?.kind === 'leaf') {
      const bad = doc.flag.candidates.filter(isFalse);
      ctx.report({
        path: doc.flag.path,
        message: `Security configuration ${id} sets EnableInTransitEncryption to false: EMR clusters that use it send data between nodes, and to and from Amazon S3 through EMRFS, without TLS. Set it to true.${needsProvider}`,
        related: relatedFor(bad),
        fixes: enableFix(doc.hasCertificateProvider, { kind: 'set', path: doc.flag.path, value: true }),
      });
    } else if (doc.state === 'flag-absent' && doc.encryption) {
      ctx.report({
        path: doc.encryption.path,
        target: 'key',
        message: `Security configuration ${id} has an EncryptionConfiguration without EnableInTransitEncryption, so in-transit encryption is not enabled for the clusters that use it. Set EnableInTransitEncryption: true.${needsProvider}`,
        fixes: enableFix(doc.hasCertificateProvider, { kind: 'insert', path: doc.encryption.path, key: 'EnableInTransitEncryption', value: true }),
      });
    } else if (doc.state === 'no-encryption') {
      reportNoEncryption(ctx, id, doc.doc.path);
    }
    return;
  }
  if (doc.form !== 'json') return;
  const off = doc.states.filter((s) => s.state === 'disabled' || s.state === 'flag-absent').map((s) => s.candidate);
  if (off.length) {
    ctx.report({
      path: doc.node.path,
      message: `Security configuration ${id} does not enable in-transit encryption (EncryptionConfiguration.EnableInTransitEncryption is false or missing in the JSON document): EMR clusters that use it send data between nodes without TLS. Set "EnableInTransitEncryption": true. ${PROVIDER}`,
      related: relatedFor(off),
    });
    return;
  }
  if (doc.states.some((s) => s.state === 'no-encryption')) reportNoEncryption(ctx, id, doc.node.path);
}

function reportNoEncryption(ctx: RuleContext, id: string, path: Path): void {
  ctx.report({
    path,
    target: 'key',
    severity: 'info',
    message: `Security configuration ${id} has no EncryptionConfiguration, so EMR clusters that use it do not encrypt data in transit (nor at rest). Add an EncryptionConfiguration with EnableInTransitEncryption: true if the clusters handle data that must be encrypted in transit.`,
  });
}

function checkCluster(ctx: RuleContext, view: ResourceView): void {
  if (view.resource.properties !== undefined && !view.props) return; // Properties not knowable
  if (entry(view.props, 'SecurityConfiguration') !== undefined) return;
  ctx.report({
    path: view.path,
    target: 'key',
    severity: 'info',
    message: `EMR cluster ${view.resource.id} has no SecurityConfiguration, so EMR does not encrypt data in transit between its nodes or to Amazon S3 through EMRFS. Attach a security configuration with EnableInTransitEncryption: true (SecurityConfiguration cannot be changed later: CloudFormation replaces the cluster).`,
  });
}

export const emrInTransitEncryption: Rule = {
  meta: {
    id: 'emr-in-transit-encryption',
    severity: 'warning',
    summary: 'EMR security configuration that does not enable in-transit encryption; info for a cluster without a security configuration.',
    fixable: true,
    docs: {
      severityNote: 'info for an EMR cluster without `SecurityConfiguration`, or a security configuration without `EncryptionConfiguration`',
      fixNote: 'quick fix only (editor), where a certificate provider is configured',
    },
    peers: [
      'W61', // cfn_nag EMRSecurityConfigurationEncryptionsEnabledAndConfiguredRule: fails when EnableInTransitEncryption is not true (among others)
      'AWS-0138', // Trivy aws-emr-enable-in-transit-encryption
      'EMR_SECURITY_CONFIGURATION_ENCRYPTION_TRANSIT', // AWS Config emr-security-configuration-encryption-transit
      'emr_sec_config_encryption_in_transit_check', // guard rule of the Control Tower proactive control
      'CT.EMR.PR.4',
    ],
    resourceTypes: [EMR_SECURITY_CONFIGURATION, EMR_CLUSTER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(EMR_SECURITY_CONFIGURATION)) checkSecurityConfiguration(ctx, view);
    for (const view of ctx.viewsOf(EMR_CLUSTER)) checkCluster(ctx, view);
  },
};
