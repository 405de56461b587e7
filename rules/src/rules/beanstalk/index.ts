import type { Rule } from '../../engine/types';
import { beanstalkCertificateMissing } from './certificate-missing';
import { beanstalkHttpOnly } from './http-only';
import { beanstalkSslPolicy } from './ssl-policy';

/** Rules of the beanstalk area, in the order they run. */
export const beanstalkRules: Rule[] = [beanstalkCertificateMissing, beanstalkSslPolicy, beanstalkHttpOnly];
