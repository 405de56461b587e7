import { docsUrl } from '../../rules/src/index';

/**
 * The rule pages packaged with the extension (dist/docs/rules/<id>.md, written by
 * scripts/build.js with its index.json), opened in VS Code's Markdown preview instead of a
 * browser. Kept free of `vscode` so that it can be unit-tested, and of Node (the web client uses
 * it too): the client reads index.json (rule-docs-view.ts).
 *
 * Anyone can run a command with any argument (a link in a workspace's Markdown, a task), so a
 * page is opened only for an id of the packaged list, and its file name is built here from that
 * id: never a path or URL from the argument.
 */

/** The client's command: opens a rule's packaged page; its one argument is the rule id. */
export const SHOW_RULE_DOCS_COMMAND = 'cfnTlsLint.showRuleDocumentation';

/** What a rule id looks like; index.json lists nothing else. */
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class RulePages {
  private constructor(
    /** The folder of the pages. */
    readonly dir: string,
    /** The ids that have a page, sorted. */
    readonly ids: readonly string[],
    private readonly known: ReadonlySet<string>,
  ) {}

  /**
   * The pages of a folder, from the text of its index.json; none when it could not be read
   * (`undefined`) or is not such an index (the online pages are used then).
   */
  static fromIndex(dir: string, indexJson: string | undefined): RulePages {
    let ids: string[] = [];
    try {
      const index = JSON.parse(indexJson ?? '{}') as { rules?: unknown };
      if (Array.isArray(index.rules)) ids = index.rules.filter((id): id is string => typeof id === 'string' && RULE_ID.test(id)).sort();
    } catch {
      ids = [];
    }
    return new RulePages(dir, ids, new Set(ids));
  }

  /** Whether `id` is the id of a packaged page. */
  has(id: unknown): id is string {
    return typeof id === 'string' && this.known.has(id);
  }

  /** The page's file (or URI path, for a folder given as one), for an id of the list only. */
  file(id: unknown): string | undefined {
    if (!this.has(id)) return undefined;
    const sep = this.dir.includes('\\') && !this.dir.includes('/') ? '\\' : '/';
    return `${this.dir.replace(/[\\/]+$/, '')}${sep}${id}.md`;
  }

  /** The online page (what diagnostics link to outside VS Code). */
  static onlineUrl(id: string): string {
    return docsUrl(id);
  }

  /** A `command:` URI that opens the packaged page: the target of a diagnostic's code link. */
  static commandUri(id: string): string {
    return `command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}`;
  }

  /** Markdown (a hover) with its links to online rule pages that are packaged turned into command links. */
  linkLocally(markdown: string): string {
    return markdown.replace(/\]\((https:\/\/[^)\s]+)\)/g, (all: string, url: string) => {
      const id = /([a-z0-9-]+)\.md$/.exec(url)?.[1];
      return id && this.has(id) && docsUrl(id) === url ? `](${RulePages.commandUri(id)})` : all;
    });
  }
}
