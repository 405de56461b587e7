import type { Rule } from '../../engine/types';
import { mskPlaintext } from './plaintext';

/** Rules of the msk area, in the order they run. */
export const mskRules: Rule[] = [mskPlaintext];
