import { branchConditions } from '../engine/branch-conditions';
import type { Fix, FixIntent, FixValue } from '../engine/types';
import { absentAt } from '../evaluate/absent-branch';
import type { Scenario } from '../evaluate/conditions';
import { nodeAtPath, Path, SNode } from '../parse/source-tree';

/**
 * Writing a property a scenario lacks. When it is written as an `Fn::If` whose branch in that
 * scenario is `AWS::NoValue`, that branch is set, and the other scenarios keep their value (an
 * insert would replace the whole `Fn::If`); otherwise the key is inserted into its holder.
 */
export interface MissingWrite {
  intent: FixIntent;
  /** The `AWS::NoValue` branch that is set, when there is one: where to report. */
  branch?: Path;
}

export function writeMissing(root: SNode, scenario: Scenario, holder: Path, key: string, value: FixValue): MissingWrite {
  const at = [...holder, key];
  const branch = absentAt(nodeAtPath(root, at)?.node, at, scenario);
  if (branch && branch.length > at.length) return { intent: { kind: 'set', path: branch, value }, branch };
  return { intent: { kind: 'insert', path: holder, key, value } };
}

/** Where to report a missing property, and the fix that writes it (`title`: how an insert is called). */
export function missingPropertySite(
  root: SNode,
  scenario: Scenario,
  holder: Path,
  key: string,
  value: FixValue,
  title: string,
): { path: Path; target: 'key' | 'value'; fix: Fix } {
  const write = writeMissing(root, scenario, holder, key, value);
  if (!write.branch) return { path: holder, target: 'key', fix: { title, intents: [write.intent], safe: true } };
  const when = branchConditions(root, write.branch)
    .map((c) => `${c.condition} is ${c.value}`)
    .join(' and ');
  return {
    path: write.branch,
    target: 'value',
    fix: { title: `${title.replace(/^Insert /, 'Set ')} when ${when} (the other case keeps its ${key})`, intents: [write.intent], safe: true },
  };
}
