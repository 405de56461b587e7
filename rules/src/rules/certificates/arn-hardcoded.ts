import type { Candidate } from '../../evaluate/values';
import type { Fix, Rule, RuleContext } from '../../engine/types';
import { getValue, isMap, pathKey } from '../../parse/source-tree';
import { isCertificateArn } from '../../model/certificates/arn-kinds';
import { certificateUses, CertificateUse, CONSUMER_RESOURCE_TYPES, literalParts } from '../../model/certificates/consumers';

interface Site {
  use: CertificateUse;
  candidate: Candidate & { value: string };
}

export const certificateArnHardcoded: Rule = {
  meta: {
    id: 'certificate-arn-hardcoded',
    severity: 'warning',
    summary: 'A certificate ARN written in place in a consumer pins the template to one account and region.',
    fixable: true,
    docs: { appliesTo: 'certificate consumers (see `certificate-arn-invalid`)' },
    peers: [],
    resourceTypes: CONSUMER_RESOURCE_TYPES,
  },
  check(ctx) {
    const sites = new Map<string, Site>();
    for (const use of certificateUses(ctx)) {
      if (use.value.kind !== 'leaf') continue;
      for (const c of use.value.candidates) {
        // a parameter Default or a mapping value is the fix, not the problem
        if (c.origin !== 'inplace' || typeof c.value !== 'string' || !literalParts(use, c.value).every(isCertificateArn)) continue;
        const key = pathKey(c.path);
        if (!sites.has(key)) sites.set(key, { use, candidate: c as Candidate & { value: string } });
      }
    }
    const names = new ParameterNames(ctx);
    for (const { use, candidate } of sites.values()) {
      const name = names.next(baseName(use));
      const fix: Fix = {
        title: `Move the ARN into a new parameter ${name} and Ref it`,
        intents: [
          { kind: 'addParameter', name, definition: { Type: 'String', Default: candidate.value } },
          { kind: 'set', path: candidate.path, value: { Ref: name } },
        ],
        safe: true,
      };
      ctx.report({
        path: use.value.path,
        message: `${use.consumer.label} has the certificate ARN written in place: the template then works in one account and one region only, and a renewed or replaced certificate means editing it. Pass the ARN as a parameter (or Ref a certificate of the template).`,
        fixes: [fix],
        data: { parameter: name },
      });
    }
  },
};

/** `<Resource>CertificateArn`, keeping a more specific property name (`RegionalCertificateArn`, ...). */
function baseName(use: CertificateUse): string {
  const owner = use.resource?.id ?? (use.consumer.location.in === 'globals' ? `Globals${use.consumer.location.section}` : 'Resource');
  const prop = [...use.path].reverse().find((s): s is string => typeof s === 'string' && s !== 'Value') ?? '';
  const suffix = /CertificateArn$/.test(prop) ? prop : 'CertificateArn';
  return `${owner}${suffix}`.replace(/[^A-Za-z0-9]/g, '');
}

/** New logical names that clash with nothing in the template, nor with each other. */
class ParameterNames {
  private readonly taken = new Set<string>();
  constructor(ctx: RuleContext) {
    const t = ctx.template;
    for (const name of [...t.parameters.keys(), ...t.resources.keys(), ...t.conditions.keys()]) this.taken.add(name.toLowerCase());
    for (const section of ['Mappings', 'Outputs']) {
      const s = getValue(t.root, section);
      if (isMap(s)) for (const p of s.pairs) this.taken.add(String(p.key.value).toLowerCase());
    }
  }
  next(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
