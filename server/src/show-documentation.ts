import { docsUrl, RuleRegistry } from '../../rules/src/index';

/**
 * The page the "Show documentation" command may open: the documentation of a rule this server
 * knows, its URL built here from the rule id. The command's argument is that id, never a URL:
 * anyone can invoke a command with any argument (a crafted link in a workspace's Markdown, a
 * task), and `window/showDocument` would open whatever it is given, `javascript:` or `file:` too.
 */
export function documentationUri(ruleId: unknown, registry: RuleRegistry): string | undefined {
  return typeof ruleId === 'string' && registry.metas.has(ruleId) ? docsUrl(ruleId) : undefined;
}

/** An argument as a log line may quote it: JSON, 100 characters at most. */
export function quoteArgument(arg: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(arg) ?? String(arg);
  } catch {
    text = String(arg);
  }
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
