import type { Rule } from '../../engine/types';
import { lightsailLbTls } from './lb-tls';

/** Rules of the lightsail area, in the order they run. */
export const lightsailRules: Rule[] = [lightsailLbTls];
