import type { Rule } from '../../engine/types';
import { emrInTransitEncryption } from './in-transit-encryption';

/** Rules of the emr area, in the order they run. */
export const emrRules: Rule[] = [emrInTransitEncryption];
