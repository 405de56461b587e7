import type { Rule } from '../../engine/types';
import { elbv2SslPolicyMissing } from './ssl-policy-missing';
import { elbv2SslPolicyWeak } from './ssl-policy-weak';

/** Rules of the elbv2 area, in the order they run. */
export const elbv2Rules: Rule[] = [elbv2SslPolicyMissing, elbv2SslPolicyWeak];
