import { conditionsIn, entry } from '../../evaluate/values';
import type { Fix, FixIntent, FixValue, Rule } from '../../engine/types';
import type { ResourceInfo, Template } from '../../template/template';
import { getValue, isSeq } from '../../parse/source-tree';
import { isKnownPlainListener, LISTENER, LISTENER_CERTIFICATE } from '../../model/elbv2/graph';
import { toFixValue } from '../helpers';

/** A logical id for a new resource that the template (and the fix so far) does not use yet. */
function freeId(template: Template, base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; template.resources.has(id) || taken.has(id); i++) id = `${base}x${i}`;
  taken.add(id);
  return id;
}

/**
 * Moves the entries after the first into new ListenerCertificate resources, one per certificate
 * (docs/rules/elbv2-certificate-count.md): the ListenerCertificate documentation says "You can
 * specify one certificate per resource". Offered only when Certificates is written as a list; not applied by fix-all when
 * an entry is conditional.
 */
function moveExtraFix(template: Template, listener: ResourceInfo): Fix | undefined {
  const written = getValue(listener.properties, 'Certificates');
  if (!isSeq(written) || written.items.length < 2) return undefined;
  const base = ['Resources', listener.id, 'Properties', 'Certificates'];
  const extra = written.items.slice(1);
  const taken = new Set<string>();
  const added: FixIntent[] = extra.map((item, i) => {
    const definition: { [key: string]: FixValue } = { Type: LISTENER_CERTIFICATE };
    if (listener.condition) definition.Condition = listener.condition;
    definition.Properties = { ListenerArn: { Ref: listener.id }, Certificates: [toFixValue(item)] };
    return { kind: 'addResource', name: freeId(template, `${listener.id}Certificate${i + 2}`, taken), definition };
  });
  const names = added.map((a) => (a.kind === 'addResource' ? a.name : '')).join(', ');
  return {
    title: `Move the extra certificate${extra.length > 1 ? 's' : ''} into ListenerCertificate ${names}`,
    intents: [...added, ...extra.map((_, i) => ({ kind: 'remove' as const, path: [...base, i + 1] })).reverse()],
    safe: extra.every((item) => conditionsIn(item).size === 0),
  };
}

export const elbv2CertificateCount: Rule = {
  meta: {
    id: 'elbv2-certificate-count',
    severity: 'error',
    summary: 'Listener Certificates with more than one entry (extra certificates go in a ListenerCertificate).',
    fixable: true,
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      if (isKnownPlainListener(view)) continue;
      const certificates = entry(view.props, 'Certificates');
      if (!certificates || certificates.kind !== 'seq' || certificates.items.length < 2) continue;
      const fix = moveExtraFix(ctx.template, view.resource);
      ctx.report({
        path: certificates.path,
        message:
          `Certificates has ${certificates.items.length} entries, but a listener takes exactly one, its default certificate, and ` +
          `AWS rejects more. Keep the default here and attach the others with an AWS::ElasticLoadBalancingV2::ListenerCertificate.`,
        fixes: fix ? [fix] : undefined,
        data: { count: certificates.items.length },
      });
    }
  },
};
