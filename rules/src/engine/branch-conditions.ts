import { getPair, isMap, isSeq, Path, scalarString, SNode } from '../parse/source-tree';

/**
 * The conditions that lead to a place in the template: a path through `Fn::If` takes branch 1
 * where the condition is true and branch 2 where it is false (`Resolver` in values.ts). The
 * engine names them in the messages of findings on a branch, so no rule has to.
 */

export interface BranchCondition {
  condition: string;
  value: boolean;
}

/** The `Fn::If` branches a template path goes through, outermost first (each condition once). */
export function branchConditions(root: SNode, path: Path): BranchCondition[] {
  const out: BranchCondition[] = [];
  if (!path.includes('Fn::If')) return out;
  let node: SNode | undefined = root;
  for (let i = 0; i < path.length && node; i++) {
    const step = path[i];
    if (typeof step === 'number') {
      node = isSeq(node) ? node.items[step] : undefined;
      continue;
    }
    const ifArgs: SNode | undefined = isMap(node) ? getPair(node, step)?.value : undefined;
    const branch = path[i + 1];
    if (step === 'Fn::If' && isMap(node) && node.pairs.length === 1 && isSeq(ifArgs) && ifArgs.items.length === 3 && (branch === 1 || branch === 2)) {
      const condition = scalarString(ifArgs.items[0]);
      if (condition !== undefined && !out.some((c) => c.condition === condition)) out.push({ condition, value: branch === 1 });
    }
    node = ifArgs;
  }
  return out;
}

/**
 * " (when A is true and B is false)" for the conditions a message does not already name;
 * empty when there are none.
 */
export function whenClause(conditions: readonly BranchCondition[], message: string): string {
  const unnamed = conditions.filter((c) => !namesWord(message, c.condition));
  if (!unnamed.length) return '';
  return ` (when ${unnamed.map((c) => `${c.condition} is ${c.value}`).join(' and ')})`;
}

function namesWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}
