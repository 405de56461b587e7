import { getValue, isMap, scalarString, SNode } from './source-tree';

/** File names that may hold templates (README, "CLI"). */
export const CANDIDATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'] as const;

export function isCandidateFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return CANDIDATE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Folder names skipped by directory walks unless named explicitly. */
export const DEFAULT_SKIPPED_DIRS = ['node_modules', '.git', 'cdk.out', '.aws-sam'] as const;

const RESOURCE_TYPE = /^(AWS|Custom|Alexa)::/;
/**
 * Any CloudFormation type name: registry types (`MongoDB::Atlas::Cluster`) and modules
 * (`My::S3::Bucket::MODULE`) sit next to AWS types in real templates (corpus review).
 */
const ANY_TYPE_NAME = /^[A-Za-z0-9]+(::[A-Za-z0-9_@-]+)+$/;
const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';

/**
 * Cheap sniff before any parse: every template must contain one of these words.
 * Files without them are not templates and cost one substring scan.
 */
export function mayBeTemplate(text: string): boolean {
  return text.includes('AWSTemplateFormatVersion') || text.includes('Resources') || text.includes('Transform');
}

/**
 * The sniff before a lint's parse, stricter than mayBeTemplate (which also serves a template
 * still being written): isTemplateRoot needs AWSTemplateFormatVersion, or a resource type of
 * AWS::, Custom:: or Alexa:: (the Serverless transform's name is one), so a file naming none of
 * them is not parsed. An OpenAPI spec with a `Resources` tag, a Kubernetes manifest with
 * `resources:`, a locale file: one or two substring scans each.
 */
export function mayLintAsTemplate(text: string): boolean {
  if (text.includes('AWSTemplateFormatVersion')) return true;
  return mayBeTemplate(text) && (text.includes('AWS::') || text.includes('Custom::') || text.includes('Alexa::'));
}

/** Whether the text of a file that does not parse still shows template markers. */
export function showsTemplateMarkers(text: string): boolean {
  return text.includes('AWSTemplateFormatVersion') || /\bType["']?\s*:\s*["']?AWS::/.test(text);
}

/** True for binary content: a NUL byte in the first 8 KiB. */
export function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return head.includes('\u0000');
}

/** The template test (README, "CLI"), on a parsed top-level node. */
export function isTemplateRoot(root: SNode | null): boolean {
  if (!isMap(root)) return false;
  if (getValue(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const transform = getValue(root, 'Transform');
  if (transform) {
    const names = transform.kind === 'seq' ? transform.items.map(scalarString) : [scalarString(transform)];
    if (names.includes(SERVERLESS_TRANSFORM)) return true;
  }
  const resources = getValue(root, 'Resources');
  if (!isMap(resources) || resources.pairs.length === 0) return false;
  // Every entry must carry a type name, and at least one an AWS::, Custom:: or Alexa:: one.
  let typed = 0;
  for (const pair of resources.pairs) {
    const id = String(pair.key.value);
    if (id.startsWith('Fn::ForEach::')) continue;
    const type = scalarString(getValue(pair.value, 'Type'));
    if (type === undefined || !ANY_TYPE_NAME.test(type)) return false;
    if (RESOURCE_TYPE.test(type)) typed++;
  }
  return typed > 0;
}
