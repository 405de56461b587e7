import type { Rule } from '../../engine/types';
import { efsTransitEncryption } from './transit-encryption';

/** Rules of the efs area (EFS volumes of ECS task definitions and AWS Batch job definitions), in the order they run. */
export const efsRules: Rule[] = [efsTransitEncryption];
