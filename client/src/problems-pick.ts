/**
 * What the status bar item opens: this extension's problems only, in a quick pick (VS Code has
 * no API or command that sets the Problems panel's filter, so the panel cannot be opened
 * filtered). Files in path order, each file's problems by severity then line, a separator per
 * file; the first entry opens the Problems panel itself. Kept free of `vscode` so that it can be
 * unit-tested: severities are VS Code's numbers (Error 0, Warning 1, Information 2, Hint 3).
 */

export interface Problem {
  /** The document's URI, as a string. */
  uri: string;
  /** A short name for the document (its path relative to the workspace). */
  file: string;
  severity: number;
  /** 0-based, as in VS Code's Range. */
  line: number;
  character: number;
  message: string;
  /** The rule id. */
  code?: string;
}

export type ProblemPickItem =
  | { kind: 'panel'; label: string; description: string }
  | { kind: 'separator'; label: string }
  | { kind: 'problem'; label: string; detail: string; problem: Problem };

const ICONS = ['$(error)', '$(warning)', '$(info)', '$(info)'];

/** The quick pick's entries for these problems. */
export function problemPickItems(problems: readonly Problem[]): ProblemPickItem[] {
  const items: ProblemPickItem[] = [{ kind: 'panel', label: '$(list-tree) Open the Problems panel', description: 'every source, unfiltered' }];
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byFile.get(p.uri);
    if (list) list.push(p);
    else byFile.set(p.uri, [p]);
  }
  const files = [...byFile.values()].sort((a, b) => a[0].file.localeCompare(b[0].file));
  for (const list of files) {
    items.push({ kind: 'separator', label: `${list[0].file} (${list.length})` });
    const sorted = [...list].sort((a, b) => a.severity - b.severity || a.line - b.line || a.character - b.character);
    for (const p of sorted) {
      items.push({
        kind: 'problem',
        label: `${ICONS[p.severity] ?? ICONS[2]} ${p.message}`,
        // Under the message, which is long: the position and the rule stay readable.
        detail: `Ln ${p.line + 1}, Col ${p.character + 1}${p.code ? ` · ${p.code}` : ''}`,
        problem: p,
      });
    }
  }
  return items;
}

/** The quick pick's placeholder: how many problems, in how many files. */
export function problemPickTitle(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.uri)).size;
  if (!problems.length) return 'No CloudFormation TLS problems';
  return `${problems.length} CloudFormation TLS problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}: pick one to go to it`;
}
