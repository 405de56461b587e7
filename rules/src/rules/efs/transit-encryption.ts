import type { Rule, RuleContext, Severity } from '../../engine/types';
import { badStrings, insertFix, listValues, quote, reportValue } from '../helpers';
import { EfsVolume, efsVolumes, EFS_VOLUME_RESOURCE_TYPES } from '../../model/efs/volumes';

const ENABLED = 'ENABLED';

function what(v: EfsVolume): string {
  const owner = v.view.resource.type === 'AWS::Batch::JobDefinition' ? 'job definition' : 'task definition';
  return `EFS volume ${v.name !== undefined ? `${quote(v.name)} ` : ''}of ${owner} ${v.view.resource.id}`;
}

/** What the message says happens, and its severity: a deployment error when the authorization needs TLS. */
function consequence(v: EfsVolume): { severity: Severity; text: string } {
  if (v.requiredBy) {
    const service = v.view.resource.type === 'AWS::Batch::JobDefinition' ? 'AWS Batch' : 'Amazon ECS';
    return {
      severity: 'error',
      text: `It uses ${v.requiredBy === 'access point' ? 'an EFS access point' : 'EFS IAM authorization'}, which requires TransitEncryption: ENABLED: ${service} rejects the ${v.view.resource.type === 'AWS::Batch::JobDefinition' ? 'job' : 'task'} definition.`,
    };
  }
  return { severity: 'warning', text: 'NFS traffic between the containers and the file system then crosses the network unencrypted.' };
}

function check(ctx: RuleContext, v: EfsVolume): void {
  const te = v.transitEncryption;
  const c = consequence(v);
  if (te === undefined) {
    ctx.report({
      path: v.config.path,
      target: 'key',
      severity: c.severity,
      message: `${what(v)} does not set TransitEncryption, so it is DISABLED (the default). ${c.text} Set TransitEncryption: ENABLED.`,
      fixes: [insertFix(v.config.path, 'TransitEncryption', ENABLED, 'Insert TransitEncryption: ENABLED')],
      data: { requiredBy: v.requiredBy },
    });
    return;
  }
  const bad = badStrings(te, (s) => s.toUpperCase() === 'DISABLED');
  reportValue(ctx, {
    node: te,
    bad,
    severity: c.severity,
    message: `${what(v)} has TransitEncryption ${listValues(bad)}. ${c.text} Set TransitEncryption: ENABLED.`,
    fixValue: ENABLED,
    fixWhat: 'TransitEncryption',
    data: { requiredBy: v.requiredBy },
  });
}

export const efsTransitEncryption: Rule = {
  meta: {
    id: 'efs-transit-encryption',
    severity: 'warning',
    summary:
      'ECS task definition or AWS Batch job definition EFS volume whose TransitEncryption is not ENABLED (error with an access point or IAM authorization).',
    fixable: true,
    docs: {
      severityNote: 'error when the volume uses an access point or IAM authorization (the definition is rejected)',
      appliesTo:
        '`AWS::ECS::TaskDefinition` `Volumes[*].EFSVolumeConfiguration`; `AWS::Batch::JobDefinition` `EfsVolumeConfiguration` of `ContainerProperties.Volumes`, `NodeProperties.NodeRangeProperties[*].Container.Volumes`, `EcsProperties.TaskProperties[*].Volumes`, `NodeProperties.NodeRangeProperties[*].EcsProperties.TaskProperties[*].Volumes`',
    },
    peers: [
      'CKV_AWS_97', // checkov ECSTaskDefinitionEFSVolumeEncryption (ECS only)
      'AWS-0035', // Trivy aws-ecs-enable-in-transit-encryption (ECS only)
    ],
    resourceTypes: EFS_VOLUME_RESOURCE_TYPES,
  },
  check(ctx) {
    for (const v of efsVolumes(ctx)) check(ctx, v);
  },
};
