import type { Candidate, RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import type { ResourceView } from '../reader';

/**
 * Amazon DocumentDB cluster parameter groups: their family and a parameter's values, whether
 * `Parameters` is written as a map or as a JSON string (CloudFormation accepts both).
 */

export const DOCDB_CLUSTER_PARAMETER_GROUP = 'AWS::DocDB::DBClusterParameterGroup';

export interface DocdbParameterValue {
  /** The parameter's value (inside the JSON text when `json` is set). */
  value: unknown;
  /** Where it is written: the value itself, or the JSON string that holds it. */
  candidate: Candidate;
  /** The parsed `Parameters` text, when `Parameters` is a JSON string. */
  json?: Record<string, unknown>;
}

export interface DocdbParameter {
  /** Where a finding about it sits: the parameter's value, or the `Parameters` string. */
  node: RNode;
  values: DocdbParameterValue[];
}

/** A parameter of a group as written in one view; undefined when absent or not knowable. */
export function docdbParameter(view: ResourceView, name: string): DocdbParameter | undefined {
  const parameters = entry(view.props, 'Parameters');
  if (!parameters) return undefined;
  if (parameters.kind === 'map') {
    const value = entry(parameters, name);
    if (!value || value.kind !== 'leaf') return undefined;
    return { node: value, values: value.candidates.map((candidate) => ({ value: candidate.value, candidate })) };
  }
  if (parameters.kind !== 'leaf') return undefined;
  const values: DocdbParameterValue[] = [];
  for (const candidate of parameters.candidates) {
    if (typeof candidate.value !== 'string') continue;
    let json: unknown;
    try {
      json = JSON.parse(candidate.value);
    } catch {
      continue;
    }
    if (json && typeof json === 'object' && !Array.isArray(json) && name in json) {
      values.push({ value: (json as Record<string, unknown>)[name], candidate, json: json as Record<string, unknown> });
    }
  }
  return values.length ? { node: parameters, values } : undefined;
}

/** Known `Family` values of a group (lower case). */
export function docdbFamilies(view: ResourceView): string[] {
  return strings(entry(view.props, 'Family')).map((f) => f.trim().toLowerCase());
}
