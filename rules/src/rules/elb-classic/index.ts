import type { Rule } from '../../engine/types';

/** Rules of the elb-classic area, in the order they run. */
export const elbClassicRules: Rule[] = [];
