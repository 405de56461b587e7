import type { Rule } from '../../engine/types';
import { appsyncCacheTransitEncryption } from './cache-transit-encryption';

/** Rules of the appsync area, in the order they run. */
export const appsyncRules: Rule[] = [appsyncCacheTransitEncryption];
