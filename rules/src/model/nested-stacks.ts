import type { RNode } from '../evaluate/values';
import type { Path } from '../parse/source-tree';
import type { OffsetRange, Template } from '../template/template';
import type { Settings } from '../engine/config';
import type { TemplateReader } from './reader';
import { readTemplate } from './views';

/**
 * Nested stacks whose template is a local file (what `aws cloudformation package` and `sam build`
 * upload): the child's path and the parameter values the parent passes it. Front ends read the
 * child and lint it with these values (settings.parameterValues); the engine never reads files.
 */
export interface NestedStack {
  /** The parent's logical id of the stack resource. */
  resource: string;
  /** The child's path as written, relative to the parent template's folder. */
  location: string;
  /** Where the location is written in the parent. */
  locationPath: Path;
  /** One set per distinct set of values the parent's scenarios pass (usually one). */
  parameterSets: PassedParameter[][];
}

export interface PassedParameter {
  name: string;
  /** The value passed; undefined when it is not known (a resource attribute, an import, several values). */
  value: string | undefined;
  /** Where that value is written in the parent: in place, or a parameter Default or mapping entry it comes from. */
  path: Path;
  offsets: OffsetRange;
}

/** Stack resources and the property naming their template. */
const NESTED_STACK_TYPES: Readonly<Record<string, string>> = {
  'AWS::CloudFormation::Stack': 'TemplateURL',
  'AWS::Serverless::Application': 'Location',
};

/** At most this many distinct parameter sets per stack (one per scenario): a child lint each. */
export const MAX_PARAMETER_SETS = 8;

/** A location that is a URL (https, s3) is uploaded already, and a dynamic reference (`{{resolve:ssm:…}}`) is resolved at deploy time: neither is a local file. */
const NOT_A_PATH = /^[a-z][a-z0-9+.-]*:|\{\{resolve:/i;

export function nestedStacks(reader: TemplateReader): NestedStack[] {
  const out: NestedStack[] = [];
  const { template } = reader;
  for (const resource of reader.resources(...Object.keys(NESTED_STACK_TYPES))) {
    const property = NESTED_STACK_TYPES[resource.type!];
    const views = reader.views(resource);
    // The location as written (a string, the same in every scenario); SAR applications are maps.
    const locations = new Set(views.map((v) => literal(v.props?.entries.get(property)?.value)));
    const [location] = locations;
    if (locations.size !== 1 || location === undefined || NOT_A_PATH.test(location) || !location.trim()) continue;
    const sets = new Map<string, PassedParameter[]>();
    for (const view of views) {
      const given = view.props?.entries.get('Parameters')?.value;
      const passed: PassedParameter[] = [];
      if (given?.kind === 'map') {
        for (const [name, entry] of given.entries) {
          const v = entry.value;
          const only = v.kind === 'leaf' && v.candidates.length === 1 && v.candidates[0].value !== null ? v.candidates[0] : undefined;
          const path = only && only.origin !== 'inplace' ? only.path : v.path;
          passed.push({ name, value: only ? String(only.value) : undefined, path, offsets: template.offsetsOf(path) });
        }
      }
      const key = JSON.stringify(passed.map((p) => [p.name, p.value ?? null]));
      if (!sets.has(key) && sets.size < MAX_PARAMETER_SETS) sets.set(key, passed);
    }
    out.push({ resource: resource.id, location, locationPath: ['Resources', resource.id, 'Properties', property], parameterSets: [...sets.values()] });
  }
  return out;
}

/** A value written in place as one string, else undefined. */
function literal(v: RNode | undefined): string | undefined {
  if (v?.kind !== 'leaf' || v.candidates.length !== 1) return undefined;
  const c = v.candidates[0];
  return c.origin === 'inplace' && typeof c.value === 'string' ? c.value : undefined;
}

/** The nested stacks of a template read with these settings (a child's, with what its parent passes). */
export function nestedStacksIn(template: Template, settings: Settings): NestedStack[] {
  return nestedStacks(readTemplate(template, settings));
}
