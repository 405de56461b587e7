import type { Rule } from '../../engine/types';
import { transferServerInsecure } from './server-insecure';

/** Rules of the transfer area (AWS Transfer Family), in the order they run. */
export const transferRules: Rule[] = [transferServerInsecure];
