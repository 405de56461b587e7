import type { Rule } from '../../engine/types';

/** Rules of the pca-iam area, in the order they run. */
export const pcaIamRules: Rule[] = [];
