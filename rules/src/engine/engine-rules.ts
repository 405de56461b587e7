import type { RuleMeta } from './types';

/** Rules the engine itself produces (they have no `check`): parse errors, reasonless and expired suppressions. */
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
  {
    id: 'suppression-expired',
    severity: 'info',
    summary: 'A cfn-tls-lint suppression whose "until" date has passed: it no longer applies.',
    fixable: false,
    peers: [],
    resourceTypes: '*',
  },
];
