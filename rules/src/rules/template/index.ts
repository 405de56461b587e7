import type { Rule } from '../../engine/types';

/** Rules of the template area, in the order they run. */
export const templateRules: Rule[] = [];
