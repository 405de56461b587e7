import type { Rule } from '../../engine/types';

/** Rules of the opensearch area, in the order they run. */
export const opensearchRules: Rule[] = [];
