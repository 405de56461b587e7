import type { Rule } from '../../engine/types';
import { docdbTlsDisabled } from './tls-disabled';

/** Rules of the docdb area, in the order they run. */
export const docdbRules: Rule[] = [docdbTlsDisabled];
