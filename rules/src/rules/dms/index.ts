import type { Rule } from '../../engine/types';
import { dmsEndpointSsl } from './endpoint-ssl';

/** Rules of the dms area, in the order they run. */
export const dmsRules: Rule[] = [dmsEndpointSsl];
