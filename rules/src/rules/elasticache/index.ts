import type { Rule } from '../../engine/types';
import { elasticacheTransitEncryption } from './transit-encryption';

/** Rules of the elasticache area, in the order they run. */
export const elasticacheRules: Rule[] = [elasticacheTransitEncryption];
