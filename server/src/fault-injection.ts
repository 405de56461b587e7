import type { Rule } from '../../rules/src/index';

/**
 * A rule that throws, for the protocol tests of rule isolation: registered only
 * when the server runs with CFN_TLS_LINT_FAULT_INJECTION=1, and it fires only on
 * a resource of type `Custom::CfnTlsLintFault`.
 */
export const FAULT_RESOURCE_TYPE = 'Custom::CfnTlsLintFault';

export const faultInjectionRule: Rule = {
  meta: {
    id: 'test-fault-injection',
    severity: 'warning',
    summary: 'Throws on purpose (tests only).',
    fixable: false,
    peers: [],
    resourceTypes: [FAULT_RESOURCE_TYPE],
  },
  check() {
    throw new Error('injected fault');
  },
};

export function faultInjectionEnabled(): boolean {
  return process.env.CFN_TLS_LINT_FAULT_INJECTION === '1';
}
