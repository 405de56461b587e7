import type { Candidate } from '../../evaluate/values';
import { pathKey } from '../../parse/source-tree';
import type { Fix, FixIntent, ResourceView, Rule, RuleContext } from '../../engine/types';
import { quote, relatedFor } from '../helpers';
import { checkName, NameCheck } from '../../model/acm/domain-names';
import { CERTIFICATE, CertificateName, certificateNames, nameCandidates, NameProperty, propertyPath } from '../../model/acm/certificate';

interface Finding {
  name: CertificateName;
  cand: Candidate & { value: string };
  check: NameCheck;
}

export const acmDomainInvalid: Rule = {
  meta: {
    id: 'acm-domain-invalid',
    severity: 'error',
    summary: 'DomainName or SubjectAlternativeNames entry that is not a valid fully qualified domain name (warning: upper-case letters).',
    fixable: true,
    docs: { severityNote: 'warning: upper case only', fixNote: 'trailing dot, upper case, Unicode' },
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const { names } = certificateNames(view);
      for (const property of ['DomainName', 'SubjectAlternativeNames'] as NameProperty[]) {
        const findings: Finding[] = [];
        for (const name of names.filter((n) => n.property === property)) {
          for (const cand of nameCandidates(name)) {
            const check = checkName(cand.value, property === 'DomainName');
            if (check.errors.length || check.upperCase) findings.push({ name, cand, check });
          }
        }
        if (findings.length) report(ctx, view, property, findings);
      }
    }
  },
};

function describe(f: Finding): string {
  return f.check.errors.length ? `${quote(f.cand.value)}: ${f.check.errors.join('; ')}` : `${quote(f.cand.value)} has upper-case letters`;
}

function report(ctx: RuleContext, view: ResourceView, property: NameProperty, findings: Finding[]): void {
  const errors = findings.filter((f) => f.check.errors.length);
  const first = errors[0] ?? findings[0];
  const what = property === 'DomainName' ? 'DomainName' : 'SubjectAlternativeNames';
  const message = errors.length
    ? `${what} ${findings.map(describe).join('. ')}. ACM rejects the request, so CloudFormation fails to create the certificate; certificates name fully qualified domain names, not aliases. Correct the name.`
    : `${what} ${findings.map(describe).join('. ')}: domain names are case-insensitive, and lower case is how ACM, DNS and browsers show them, so mixed case hides duplicates and mismatches. Write it in lower case.`;
  ctx.report({
    path: first.name.node.path,
    key: pathKey(propertyPath(view, property)),
    severity: errors.length ? 'error' : 'warning',
    message,
    related: [
      ...relatedFor(findings.map((f) => f.cand)),
      ...findings
        .filter((f) => f !== first && f.name.node.path.join() !== first.name.node.path.join())
        .map((f) => ({ path: f.name.node.path, message: describe(f) })),
    ],
    fixes: correctionFix(findings),
    data: { corrections: findings.filter((f) => f.check.corrected).map((f) => ({ from: f.cand.value, to: f.check.corrected })) },
  });
}

/** Removing a trailing dot, lower-casing and the punycode form are mechanical; other problems need a person. */
function correctionFix(findings: Finding[]): Fix[] | undefined {
  const intents: FixIntent[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.check.corrected) continue;
    const key = pathKey(f.cand.path);
    if (seen.has(key)) continue;
    seen.add(key);
    intents.push({ kind: 'set', path: f.cand.path, value: f.check.corrected });
  }
  if (!intents.length) return undefined;
  const fixed = findings.filter((f) => f.check.corrected);
  const title =
    fixed.length === 1
      ? `Change ${quote(fixed[0].cand.value)} to ${quote(fixed[0].check.corrected)}`
      : `Correct ${fixed.length} names (trailing dot, case, punycode)`;
  return [{ title, intents, safe: true }];
}
