import type { Rule } from '../../engine/types';
import { memorydbTlsDisabled } from './tls-disabled';

/** Rules of the memorydb area, in the order they run. */
export const memorydbRules: Rule[] = [memorydbTlsDisabled];
