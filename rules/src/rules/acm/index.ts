import type { Rule } from '../../engine/types';

/** Rules of the acm area, in the order they run. */
export const acmRules: Rule[] = [];
