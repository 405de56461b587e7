import type { Rule } from '../../engine/types';
import { sesTlsPolicyOptional } from './tls-policy-optional';

/** Rules of the ses area, in the order they run. */
export const sesRules: Rule[] = [sesTlsPolicyOptional];
