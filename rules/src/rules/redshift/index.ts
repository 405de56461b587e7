import type { Rule } from '../../engine/types';
import { redshiftRequireSsl } from './require-ssl';

/** Rules of the redshift area, in the order they run. */
export const redshiftRules: Rule[] = [redshiftRequireSsl];
