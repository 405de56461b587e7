import type { Rule, RuleMeta } from '../../rules/src/index';
import type { RuleContext } from '../../rules/src/engine/types';

/**
 * Faulty rules and test-only hooks for the protocol tests of fault isolation. Registered
 * only when the server runs with CFN_TLS_LINT_FAULT_INJECTION=1; each rule fires only on
 * its own resource type, so it never touches a real template.
 */
export const FAULT_RESOURCE_TYPE = 'Custom::CfnTlsLintFault';
/** A rule that loops without ever calling its context: only the worker's watchdog stops it. */
export const LOOP_RESOURCE_TYPE = 'Custom::CfnTlsLintLoop';
/** A rule that loops through its context: the engine's time budget stops it. */
export const CONTEXT_LOOP_RESOURCE_TYPE = 'Custom::CfnTlsLintContextLoop';
/** A rule that busy-waits `Properties.Millis` ms (at most 5 s), to make a lint slow on purpose. */
export const SLOW_RESOURCE_TYPE = 'Custom::CfnTlsLintSlow';

/** The test-only request (with the hooks on): lint counts, worker restarts and heap sizes. */
export const TEST_STATS_REQUEST = 'cfnTlsLint/test/stats';

function meta(id: string, summary: string, type: string): RuleMeta {
  return { id, severity: 'warning', summary, fixable: false, peers: [], resourceTypes: [type] };
}

export const faultInjectionRule: Rule = {
  meta: meta('test-fault-injection', 'Throws on purpose (tests only).', FAULT_RESOURCE_TYPE),
  check() {
    throw new Error('injected fault');
  },
};

const loopRule: Rule = {
  meta: meta('test-fault-loop', 'Loops forever without calling its context (tests only).', LOOP_RESOURCE_TYPE),
  check() {
    let n = 0;
    // Written so that no optimiser can prove it ends: the loop reads a global every turn.
    while ((globalThis as { cfnTlsLintStopLoop?: boolean }).cfnTlsLintStopLoop !== true) n++;
    if (n < 0) throw new Error('unreachable');
  },
};

const contextLoopRule: Rule = {
  meta: meta('test-fault-context-loop', 'Loops forever through its context (tests only).', CONTEXT_LOOP_RESOURCE_TYPE),
  check(ctx: RuleContext) {
    // The engine's RuleTimeout, thrown from a context call once the budget is spent, unwinds it.
    // (A loop that also swallowed the RuleTimeout would never end: the watchdog's case.)
    for (;;) ctx.resources(CONTEXT_LOOP_RESOURCE_TYPE);
  },
};

const slowRule: Rule = {
  meta: meta('test-fault-slow', 'Busy-waits on purpose (tests only).', SLOW_RESOURCE_TYPE),
  check(ctx: RuleContext) {
    for (const view of ctx.viewsOf(SLOW_RESOURCE_TYPE)) {
      const m = view.props?.entries.get('Millis')?.value;
      const asked = m?.kind === 'leaf' ? Number(m.candidates[0].value) : NaN;
      const end = performance.now() + Math.min(5000, Number.isFinite(asked) && asked > 0 ? asked : 100);
      while (performance.now() < end) {
        // busy, without calling the context
      }
    }
  },
};

export const FAULT_RULES: readonly Rule[] = [faultInjectionRule, loopRule, contextLoopRule, slowRule];

export function faultInjectionEnabled(): boolean {
  return process.env.CFN_TLS_LINT_FAULT_INJECTION === '1';
}
