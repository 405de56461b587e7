import type { RuleMeta } from './types';

/** Rules the engine itself produces (they have no `check`): parse errors and reasonless suppressions. */
export const ENGINE_RULE_METAS: RuleMeta[] = [
  {
    id: 'template-parse-error',
    severity: 'error',
    summary: 'The file looks like a template but does not parse; one diagnostic per syntax error.',
    fixable: false,
    peers: ['E0000'],
    resourceTypes: '*',
  },
  {
    id: 'suppression-without-reason',
    severity: 'info',
    summary: 'A cfn-tls-lint suppression (comment or Metadata) that gives no reason.',
    fixable: false,
    peers: [],
    resourceTypes: '*',
  },
];
