import type { Rule } from '../../engine/types';
import { rdsProxyRequireTls } from './proxy-require-tls';
import { rdsTlsNotRequired } from './tls-not-required';

/** Rules of the rds area, in the order they run. */
export const rdsRules: Rule[] = [rdsTlsNotRequired, rdsProxyRequireTls];
