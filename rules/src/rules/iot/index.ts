import type { Rule } from '../../engine/types';
import { iotDomainTlsPolicy } from './domain-tls-policy';

/** Rules of the iot area, in the order they run. */
export const iotRules: Rule[] = [iotDomainTlsPolicy];
