/**
 * Rule documentation inside VS Code: the packaged page of a rule (rule-docs.ts) in a Markdown
 * preview, from the "Show documentation" code action, a diagnostic's code link, a hover's link
 * or the command palette. The server's `cfn-tls-lint.showDocumentation` (which other editors
 * get as a `window/showDocument` of the online page) is answered here for the ids the extension
 * has a page for; anything else still goes to the server, which refuses what is not a rule id.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { SHOW_DOCUMENTATION_COMMAND } from '../../server/src/protocol';
import { RulePages, SHOW_RULE_DOCS_COMMAND } from './rule-docs';

/** The diagnostics' `source`. */
const SOURCE = 'cfn-tls-lint';

export interface RuleDocs {
  /** The packaged pages (none until `ready`). */
  readonly pages: RulePages;
  /** Resolves once the list of packaged pages is read. */
  ready: Promise<void>;
  /** What the language client's middleware does for the docs. */
  middleware: Pick<Middleware, 'executeCommand' | 'handleDiagnostics' | 'provideHover'>;
}

export function registerRuleDocs(context: vscode.ExtensionContext, log: (line: string) => void): RuleDocs {
  // Read through VS Code's file system, which the web client has too (no `fs` there).
  const dir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', 'rules');
  let pages = RulePages.fromIndex(dir.path, undefined);
  const ready = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'index.json'))).then(
    (bytes) => {
      pages = RulePages.fromIndex(dir.path, new TextDecoder().decode(bytes));
    },
    () => undefined,
  );
  void ready.then(() => {
    if (!pages.ids.length) log('The packaged rule pages are missing (dist/docs/rules/index.json); documentation links open the online pages.');
  });

  const show = async (id: unknown): Promise<boolean> => {
    if (!pages.has(id)) {
      const arg = typeof id === 'string' ? JSON.stringify(id.slice(0, 100)) : typeof id;
      log(`Refused to show documentation for ${arg}: not the id of a rule.`);
      void vscode.window.showWarningMessage(`CloudFormation TLS Lint: there is no rule ${arg}.`);
      return false;
    }
    // The file name comes from the list, never from the argument (see rule-docs.ts).
    const uri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', 'rules', `${id}.md`);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch (e) {
      // The built-in Markdown extension is disabled: the page as text is still the page.
      log(`Markdown preview unavailable (${e instanceof Error ? e.message : String(e)}); opening ${id}.md as text.`);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return true;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (id?: unknown) => {
      if (id !== undefined) return show(id);
      const picked = await vscode.window.showQuickPick(pages.ids, { title: 'CloudFormation TLS Lint: rule documentation', placeHolder: 'Rule id' });
      return picked ? show(picked) : false;
    }),
  );

  const local = (c: vscode.MarkdownString | vscode.MarkedString): vscode.MarkdownString | vscode.MarkedString => {
    if (!(c instanceof vscode.MarkdownString)) return c;
    const value = pages.linkLocally(c.value);
    if (value === c.value) return c;
    const m = new vscode.MarkdownString(value, c.supportThemeIcons);
    m.supportHtml = c.supportHtml;
    m.baseUri = c.baseUri;
    m.isTrusted = { enabledCommands: [SHOW_RULE_DOCS_COMMAND] };
    return m;
  };

  return {
    get pages() {
      return pages;
    },
    ready,
    middleware: {
      executeCommand: (command, args, next) => (command === SHOW_DOCUMENTATION_COMMAND && pages.has(args[0]) ? show(args[0]) : next(command, args)),
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          const code = d.code;
          if (d.source !== SOURCE || typeof code !== 'object' || !pages.has(String(code.value))) continue;
          d.code = { value: code.value, target: vscode.Uri.parse(RulePages.commandUri(String(code.value))) };
        }
        next(uri, diagnostics);
      },
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        return hover ? new vscode.Hover(hover.contents.map(local), hover.range) : hover;
      },
    },
  };
}
