import type { Rule } from '../../engine/types';

/** Rules of the cloudfront area, in the order they run. */
export const cloudfrontRules: Rule[] = [];
