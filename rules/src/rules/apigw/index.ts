import type { Rule } from '../../engine/types';

/** Rules of the apigw area, in the order they run. */
export const apigwRules: Rule[] = [];
