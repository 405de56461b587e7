import type { Rule } from '../../engine/types';
import { eventbridgeApiDestinationHttp } from './api-destination-http';

/** Rules of the eventbridge area, in the order they run. */
export const eventbridgeRules: Rule[] = [eventbridgeApiDestinationHttp];
