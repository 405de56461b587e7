import type { Rule } from '../../engine/types';
import { s3SecureTransport } from './s3-secure-transport';
import { snsSecureTransport } from './sns-secure-transport';
import { sqsSecureTransport } from './sqs-secure-transport';

/** Rules of the resource-policies area (policies that must refuse plain HTTP), in the order they run. */
export const resourcePoliciesRules: Rule[] = [s3SecureTransport, snsSecureTransport, sqsSecureTransport];
