import type { Rule } from '../../engine/types';

/** Rules of the beanstalk area, in the order they run. */
export const beanstalkRules: Rule[] = [];
