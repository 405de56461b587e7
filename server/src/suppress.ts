import type { Template } from '../../rules/src/index';
import { getValue, isMap, isSeq, type Fix, type FixValue } from '../../rules/src/index';

/**
 * "Disable <id> for this resource": a `Metadata.cfn-tls-lint.ignore` entry as fix
 * intents, merged into whatever of that structure already exists, so the edit
 * layer writes it in the file's own format (YAML or JSON).
 */
export function metadataSuppressionFix(template: Template, resourceId: string, rule: string, reason = ''): Fix | undefined {
  const resource = template.resources.get(resourceId);
  if (!resource || !isMap(resource.node)) return undefined;
  const entry: FixValue = { rule, reason };
  const title = `Disable ${rule} for resource ${resourceId} (Metadata)`;
  const base = ['Resources', resourceId];
  const fix = (intent: Fix['intents'][number]): Fix => ({ title, intents: [intent], safe: false });
  const metadata = resource.metadata;
  if (metadata === undefined) return fix({ kind: 'insert', path: base, key: 'Metadata', value: { 'cfn-tls-lint': { ignore: [entry] } } });
  if (!isMap(metadata)) return undefined;
  const ours = getValue(metadata, 'cfn-tls-lint');
  if (ours === undefined) return fix({ kind: 'insert', path: [...base, 'Metadata'], key: 'cfn-tls-lint', value: { ignore: [entry] } });
  if (!isMap(ours)) return undefined;
  const ignore = getValue(ours, 'ignore');
  if (ignore === undefined) return fix({ kind: 'insert', path: [...base, 'Metadata', 'cfn-tls-lint'], key: 'ignore', value: [entry] });
  if (!isSeq(ignore)) return undefined;
  return fix({ kind: 'append', path: [...base, 'Metadata', 'cfn-tls-lint', 'ignore'], value: entry });
}
