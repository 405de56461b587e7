import {
  findTransferSecurityPolicy,
  recommendedTransferPolicy,
  TRANSFER_CLOUDFORMATION_DEFAULT_POLICY,
  TRANSFER_RECOMMENDED_POLICY,
} from '../../data/transfer-policies';
import type { RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { badStrings, insertFix, listValues, reportValue } from '../helpers';

const SERVER = 'AWS::Transfer::Server';

/** Known protocols of a view: undefined when `Protocols` is written but not knowable; SFTP when absent (the default). */
function protocolsOf(view: ResourceView): string[] | undefined {
  const protocols = entry(view.props, 'Protocols');
  if (protocols === undefined) return ['SFTP'];
  if (protocols.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const item of protocols.items) {
    const values = stringCandidates(item);
    if (item.kind !== 'leaf' || values.length !== item.candidates.length) return undefined;
    out.push(...values.map((c) => c.value.toUpperCase()));
  }
  return out;
}

function checkFtp(ctx: RuleContext, view: ResourceView): void {
  const protocols = entry(view.props, 'Protocols');
  if (!protocols || protocols.kind !== 'seq') return;
  for (const item of protocols.items) {
    const bad = badStrings(item, (v) => v.toUpperCase() === 'FTP');
    reportValue(ctx, {
      node: item,
      bad,
      message:
        `Transfer Family server ${view.resource.id} accepts FTP, which sends user names, passwords and files in plaintext. ` +
        'Use SFTP, or FTPS (FTP over TLS 1.2, which needs an ACM certificate in Certificate), and remove FTP from Protocols.',
    });
  }
}

function checkPolicy(ctx: RuleContext, view: ResourceView): void {
  const protocols = protocolsOf(view);
  if (protocols && protocols.length && protocols.every((p) => p === 'FTP')) return; // plaintext only: the FTP finding says it
  const policy = entry(view.props, 'SecurityPolicyName');
  if (policy === undefined) {
    if (view.resource.properties !== undefined && !view.props) return; // Properties not knowable
    ctx.report({
      path: view.path,
      target: 'key',
      severity: 'info',
      message:
        `Transfer Family server ${view.resource.id} does not set SecurityPolicyName: a server CloudFormation creates then gets ` +
        `${TRANSFER_CLOUDFORMATION_DEFAULT_POLICY}, whose SHA-1 key exchange and MACs and ssh-rsa host-key signatures the later ` +
        `policies drop (the console and API default is newer). Set SecurityPolicyName: ${TRANSFER_RECOMMENDED_POLICY}, the latest policy.`,
      fixes: [insertFix(view.path, 'SecurityPolicyName', TRANSFER_RECOMMENDED_POLICY, `Insert SecurityPolicyName: ${TRANSFER_RECOMMENDED_POLICY}`)],
      data: { recommended: TRANSFER_RECOMMENDED_POLICY },
    });
    return;
  }
  reportPolicy(ctx, policy);
}

function reportPolicy(ctx: RuleContext, policy: RNode): void {
  const sha1 = badStrings(policy, (v) => findTransferSecurityPolicy(v)?.sha1 === true);
  if (sha1.length) {
    const recommended = recommendedTransferPolicy(sha1[0].value);
    reportValue(ctx, {
      node: policy,
      bad: sha1,
      message:
        `SecurityPolicyName ${listValues(sha1)} still offers SSH key exchange and MACs built on SHA-1 (diffie-hellman-group14-sha1, ` +
        `hmac-sha1), ssh-rsa host-key signatures and FTPS cipher suites without forward secrecy. Use ${recommended}, the latest policy.`,
      fixValue: recommended,
      fixWhat: 'SecurityPolicyName',
      data: { recommended },
    });
    return;
  }
  const sshRsa = badStrings(policy, (v) => findTransferSecurityPolicy(v)?.sshRsa === true);
  if (!sshRsa.length) return;
  const recommended = recommendedTransferPolicy(sshRsa[0].value);
  reportValue(ctx, {
    node: policy,
    bad: sshRsa,
    severity: 'info',
    message:
      `SecurityPolicyName ${listValues(sshRsa)} still allows the ssh-rsa host-key signature (RSA with SHA-1), which current SSH ` +
      `clients refuse by default. Use ${recommended}, the latest policy.`,
    fixValue: recommended,
    fixWhat: 'SecurityPolicyName',
    data: { recommended },
  });
}

export const transferServerInsecure: Rule = {
  meta: {
    id: 'transfer-server-insecure',
    severity: 'warning',
    summary:
      'Transfer Family server that accepts plaintext FTP or uses TransferSecurityPolicy-2018-11 (SHA-1); info without SecurityPolicyName, or with a policy that allows ssh-rsa.',
    fixable: true,
    docs: {
      severityNote:
        'info when `SecurityPolicyName` is absent (CloudFormation gives TransferSecurityPolicy-2018-11), or names a policy whose only legacy algorithm is `ssh-rsa`',
      fixNote: 'the security policy; FTP has no automatic fix',
    },
    peers: [
      'TRANSFER_FAMILY_SERVER_NO_FTP', // AWS Config transfer-family-server-no-ftp
      'Transfer.2',
    ],
    resourceTypes: [SERVER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(SERVER)) {
      checkFtp(ctx, view);
      checkPolicy(ctx, view);
    }
  },
};
