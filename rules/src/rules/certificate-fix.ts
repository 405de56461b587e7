import type { Path } from '../parse/source-tree';
import type { Scenario } from '../evaluate/conditions';
import { writeMissing } from './missing-property';
import type { Fix, FixValue } from '../engine/types';
import type { Template } from '../template/template';
import { ACM_CERTIFICATE_TYPE } from '../data/acm';

const NEW_PARAMETER = 'CertificateArn';

/**
 * The certificate reference a "certificate missing" fix inserts
 * (docs/rules/elbv2-certificate-missing.md): the template's single ACM certificate, else a
 * `CertificateArn` parameter (added when the template has none of that name).
 */
export function certificateReference(template: Template): { ref: FixValue; addParameter?: Fix['intents'][number]; label: string } {
  const certs = template.resourcesByType.get(ACM_CERTIFICATE_TYPE) ?? [];
  if (certs.length === 1) return { ref: { Ref: certs[0].id }, label: `certificate ${certs[0].id}` };
  const existing = template.parameters.get(NEW_PARAMETER);
  if (existing) return { ref: { Ref: NEW_PARAMETER }, label: `parameter ${NEW_PARAMETER}` };
  return {
    ref: { Ref: NEW_PARAMETER },
    label: `a new parameter ${NEW_PARAMETER}`,
    addParameter: {
      kind: 'addParameter',
      name: NEW_PARAMETER,
      definition: { Type: 'String', Description: 'ARN of the ACM certificate for the HTTPS/TLS listener' },
    },
  };
}

/**
 * Fix that inserts `key: value(ref)` into the object at `path`, adding the parameter when needed;
 * where `key` is an `Fn::If` whose branch in this scenario is `AWS::NoValue`, it sets that branch
 * (`branch`, where to report), so the other scenarios keep their certificate.
 */
export function insertCertificateFix(
  template: Template,
  scenario: Scenario,
  path: Path,
  key: string,
  wrap: (ref: FixValue) => FixValue,
): { fix: Fix; branch?: Path } {
  const { ref, addParameter, label } = certificateReference(template);
  const intents: Fix['intents'] = [];
  if (addParameter) intents.push(addParameter);
  const write = writeMissing(template.root, scenario, path, key, wrap(ref));
  intents.push(write.intent);
  return { fix: { title: `${write.branch ? 'Set' : 'Insert'} ${key} referencing ${label}`, intents, safe: true }, branch: write.branch };
}
