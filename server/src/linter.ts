import { ALL_RULES, defaultRegistry, lintText, LintResult, RuleRegistry, Settings } from '../../rules/src/index';
import { ENGINE_RULE_METAS } from '../../rules/src/rules/template/engine-rules';
import { faultInjectionEnabled, faultInjectionRule } from './fault-injection';
import type { Log } from './log';

/** The engine as the server calls it: a rule that throws is logged once; an engine failure never escapes. */
export class Linter {
  readonly registry: RuleRegistry = faultInjectionEnabled() ? new RuleRegistry([...ALL_RULES, faultInjectionRule], ENGINE_RULE_METAS) : defaultRegistry();
  private readonly failedRules = new Set<string>();

  constructor(private readonly log: Log) {}

  /** Lints a text; `source` is a parse of exactly this text, when one exists (one parse per version). */
  lint(text: string, fileName: string, settings: Settings, uri: string, source?: LintResult['source']): LintResult {
    let result: LintResult;
    try {
      result = lintText(text, fileName, this.registry, { settings, source });
    } catch (e) {
      this.log.errorOnce(`lint ${(e as Error).message}`, `cfn-tls-lint: linting ${uri} failed: ${(e as Error).stack ?? e}`);
      return { template: false, diagnostics: [], ruleFailures: [] };
    }
    for (const f of result.ruleFailures) {
      if (this.failedRules.has(f.rule)) continue;
      this.failedRules.add(f.rule);
      this.log.error(`cfn-tls-lint: rule ${f.rule} failed on ${uri}: ${f.message} (the other rules still ran; further failures of this rule are not logged)`);
    }
    return result;
  }
}
