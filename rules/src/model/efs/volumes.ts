/**
 * EFS volumes that containers mount: `AWS::ECS::TaskDefinition` `Volumes[*].EFSVolumeConfiguration`
 * and the four volume lists of `AWS::Batch::JobDefinition` (which spells it
 * `EfsVolumeConfiguration`, and `Iam` where ECS writes `IAM`):
 *
 * - `ContainerProperties.Volumes[*]`
 * - `NodeProperties.NodeRangeProperties[*].Container.Volumes[*]`
 * - `EcsProperties.TaskProperties[*].Volumes[*]`
 * - `NodeProperties.NodeRangeProperties[*].EcsProperties.TaskProperties[*].Volumes[*]`
 *
 * (CloudFormation resource schemas of both types.) One `EfsVolume` per volume that has an EFS
 * configuration written as a mapping, per view.
 */
import type { RMap, RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import type { ResourceView, TemplateReader } from '../reader';

export const ECS_TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
export const BATCH_JOB_DEFINITION = 'AWS::Batch::JobDefinition';
export const EFS_VOLUME_RESOURCE_TYPES: readonly string[] = Object.freeze([ECS_TASK_DEFINITION, BATCH_JOB_DEFINITION]);

/** Volume-list paths below `Properties`; `'*'` steps over list items. */
const BATCH_VOLUME_LISTS: readonly (readonly string[])[] = [
  ['ContainerProperties', 'Volumes'],
  ['NodeProperties', 'NodeRangeProperties', '*', 'Container', 'Volumes'],
  ['EcsProperties', 'TaskProperties', '*', 'Volumes'],
  ['NodeProperties', 'NodeRangeProperties', '*', 'EcsProperties', 'TaskProperties', '*', 'Volumes'],
];

export interface EfsVolume {
  view: ResourceView;
  /** The volume's `Name`, when it is a known string. */
  name?: string;
  /** The EFS configuration mapping (its `path` is where it is written). */
  config: RMap;
  /** `EFSVolumeConfiguration` (ECS) or `EfsVolumeConfiguration` (Batch). */
  key: string;
  /** `TransitEncryption` as written; undefined when absent. */
  transitEncryption: RNode | undefined;
  /**
   * Why the service requires `TransitEncryption: ENABLED` for this volume, when it certainly does:
   * an access point (`AuthorizationConfig.AccessPointId`), or IAM authorization
   * (`AuthorizationConfig.IAM` / `Iam` `ENABLED` in every candidate).
   */
  requiredBy?: 'access point' | 'IAM authorization';
}

/** Every EFS volume of the task and job definitions of a template, per view. */
export function efsVolumes(ctx: TemplateReader): EfsVolume[] {
  const out: EfsVolume[] = [];
  for (const view of ctx.viewsOf(...EFS_VOLUME_RESOURCE_TYPES)) {
    if (!view.props) continue;
    if (view.resource.type === ECS_TASK_DEFINITION) {
      for (const volume of items(entry(view.props, 'Volumes'))) add(out, view, volume, 'EFSVolumeConfiguration', 'IAM');
    } else {
      for (const list of BATCH_VOLUME_LISTS) {
        for (const volumes of walk(view.props, list)) for (const volume of items(volumes)) add(out, view, volume, 'EfsVolumeConfiguration', 'Iam');
      }
    }
  }
  return out;
}

function add(out: EfsVolume[], view: ResourceView, volume: RNode, key: string, iamKey: string): void {
  const config = entry(volume, key);
  if (!config || config.kind !== 'map') return;
  const name = strings(entry(volume, 'Name'));
  const v: EfsVolume = { view, config, key, transitEncryption: entry(config, 'TransitEncryption') };
  if (name.length === 1) v.name = name[0];
  const requiredBy = requirement(entry(config, 'AuthorizationConfig'), iamKey);
  if (requiredBy) v.requiredBy = requiredBy;
  out.push(v);
}

function requirement(auth: RNode | undefined, iamKey: string): EfsVolume['requiredBy'] {
  if (!auth || auth.kind !== 'map') return undefined;
  const accessPoint = entry(auth, 'AccessPointId');
  // an access point given by `!Ref`/`!ImportValue` is still an access point; only an empty literal is none
  if (accessPoint && !(accessPoint.kind === 'leaf' && accessPoint.candidates.every((c) => c.value === '' || c.value === null))) return 'access point';
  const iam = entry(auth, iamKey);
  if (iam && iam.kind === 'leaf' && iam.candidates.every((c) => typeof c.value === 'string' && c.value.toUpperCase() === 'ENABLED')) return 'IAM authorization';
  return undefined;
}

function items(n: RNode | undefined): RNode[] {
  return n && n.kind === 'seq' ? n.items : [];
}

/** Nodes at a path of keys below a mapping; `'*'` steps over list items. */
function walk(node: RNode | undefined, path: readonly string[]): RNode[] {
  if (!node) return [];
  if (path.length === 0) return [node];
  const [step, ...rest] = path;
  if (step === '*') return items(node).flatMap((item) => walk(item, rest));
  return walk(entry(node, step), rest);
}
