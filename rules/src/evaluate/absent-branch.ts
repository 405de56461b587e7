import { intrinsicName, isMap, isSeq, Path, scalarString, SNode } from '../parse/source-tree';
import type { Scenario } from './conditions';

const MAX_DEPTH = 64;

/**
 * Where a written value is `AWS::NoValue` in a scenario: itself, or the `Fn::If` branch (nested
 * ones followed) that the scenario takes to it. Undefined when the value is something else there,
 * or the scenario leaves a condition on the way open.
 */
export function absentAt(node: SNode | undefined, path: Path, scenario: Scenario): Path | undefined {
  let n = node;
  let p = path;
  for (let depth = 0; n && depth < MAX_DEPTH; depth++) {
    const fn = intrinsicName(n);
    if (!isMap(n) || !fn) return undefined;
    const arg = n.pairs[0].value;
    if (fn === 'Ref') return scalarString(arg) === 'AWS::NoValue' ? p : undefined;
    if (fn !== 'Fn::If' || !isSeq(arg) || arg.items.length !== 3) return undefined;
    const condition = scalarString(arg.items[0]);
    const value = condition === undefined || scenario.conditionsUnknown ? undefined : scenario.assignment.get(condition);
    if (value === undefined) return undefined;
    const branch = value ? 1 : 2;
    n = arg.items[branch];
    p = [...p, 'Fn::If', branch];
  }
  return undefined;
}
