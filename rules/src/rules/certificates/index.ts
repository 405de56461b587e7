import type { Rule } from '../../engine/types';

/** Rules of the certificates area, in the order they run. */
export const certificatesRules: Rule[] = [];
