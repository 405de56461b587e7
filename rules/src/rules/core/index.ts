import type { Rule } from '../../engine/types';
import { templateDuplicateKey } from './duplicate-key';

/** Rules of the template area that need no other rule to exist (unknown-property is built in rules/index.ts). */
export const templateRules: Rule[] = [templateDuplicateKey];
