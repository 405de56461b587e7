import type { Rule } from '../../engine/types';
import { vpcLatticeHttpListener } from './http-listener';

/** Rules of the vpc-lattice area, in the order they run. */
export const vpcLatticeRules: Rule[] = [vpcLatticeHttpListener];
