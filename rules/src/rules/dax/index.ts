import type { Rule } from '../../engine/types';
import { daxTlsDisabled } from './tls-disabled';

/** Rules of the dax area, in the order they run. */
export const daxRules: Rule[] = [daxTlsDisabled];
