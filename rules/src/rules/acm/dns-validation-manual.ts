import type { RMap, RNode } from '../../evaluate/values';
import { pathKey } from '../../parse/source-tree';
import { entry, stringCandidates, strings } from '../../evaluate/values';
import type { Fix, FixIntent, FixValue, ResourceView, Rule, RuleContext } from '../../engine/types';
import { quoteList, toFixValue } from '../helpers';
import { baseName, isWildcard, nameKey } from '../../model/acm/domain-names';
import {
  CERTIFICATE,
  CertificateName,
  certificateNames,
  isKnownName,
  isPublic,
  nameCandidates,
  propertyPath,
  writtenProperty,
} from '../../model/acm/certificate';
import { hostedZoneReference } from './hosted-zone';

const WHY =
  'CloudFormation creates the validation CNAME records only for names listed in DomainValidationOptions with a HostedZoneId, so the stack waits in CREATE_IN_PROGRESS until someone adds the records by hand';

interface ValidationEntry {
  node: RMap;
  /** Validation keys (lower case, wildcard base) the entry may name. */
  keys: string[];
  zoned: boolean;
}

export const acmDnsValidationManual: Rule = {
  meta: {
    id: 'acm-dns-validation-manual',
    severity: 'info',
    summary: 'DNS-validated certificate with a name that has no DomainValidationOptions entry with a HostedZoneId: validation records must be created by hand.',
    fixable: true,
    docs: { fixNote: 'fix-all only as noted under Fix' },
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      if (!view.props || !isPublic(view)) continue;
      if (!strings(entry(view.props, 'ValidationMethod')).includes('DNS')) continue;
      const { names, listKnown } = certificateNames(view);
      const dvo = entry(view.props, 'DomainValidationOptions');
      if (dvo === undefined) reportAbsent(ctx, view, names, listKnown);
      else if (dvo.kind === 'seq') reportIncomplete(ctx, view, dvo, names);
    }
  },
};

function reportAbsent(ctx: RuleContext, view: ResourceView, names: CertificateName[], listKnown: boolean): void {
  const written = writtenProperty(view, 'DomainValidationOptions') !== undefined;
  const known = names.filter(isKnownName).flatMap((n) => nameCandidates(n).map((c) => c.value));
  const fix = !written && listKnown ? insertOptionsFix(ctx, view, names) : undefined;
  ctx.report({
    path: written ? propertyPath(view, 'DomainValidationOptions') : view.path,
    target: written ? undefined : 'key',
    message: `DNS validation without DomainValidationOptions${written ? ' in one branch' : ''}: ${WHY}. Add an entry with a HostedZoneId for ${known.length ? quoteList(known) : 'each name'}.`,
    fixes: fix ? [fix] : undefined,
  });
}

function entriesOf(dvo: RNode & { kind: 'seq' }): ValidationEntry[] | undefined {
  const out: ValidationEntry[] = [];
  for (const item of dvo.items) {
    if (item.kind !== 'map') return undefined;
    const name = entry(item, 'DomainName');
    const cands = stringCandidates(name);
    if (!name || name.kind !== 'leaf' || cands.length !== name.candidates.length) return undefined; // which name it covers is unknown
    out.push({ node: item, keys: cands.map((c) => baseName(nameKey(c.value))), zoned: entry(item, 'HostedZoneId') !== undefined });
  }
  return out;
}

function reportIncomplete(ctx: RuleContext, view: ResourceView, dvo: RNode & { kind: 'seq' }, names: CertificateName[]): void {
  const entries = entriesOf(dvo);
  if (!entries) return;
  const uncovered = names.filter(
    (n) => isKnownName(n) && nameCandidates(n).some((c) => !entries.some((e) => e.zoned && e.keys.includes(baseName(nameKey(c.value))))),
  );
  if (!uncovered.length) return;
  const values = uncovered.flatMap((n) => nameCandidates(n).map((c) => c.value));
  const fix = completeOptionsFix(ctx, view, dvo, entries, uncovered, names);
  ctx.report({
    path: dvo.path,
    key: pathKey(propertyPath(view, 'DomainValidationOptions')),
    message: `DNS validation, but DomainValidationOptions has no entry with a HostedZoneId for ${quoteList(values)}: ${WHY}. Add one (or a HostedZoneId to the existing entry).`,
    fixes: fix ? [fix] : undefined,
  });
}

/** The registrable-looking suffix (last two labels) of every known name; one zone fits all only when there is one. */
function oneZoneLikely(names: CertificateName[]): boolean {
  const suffixes = new Set<string>();
  for (const n of names) {
    if (!isKnownName(n)) return false;
    for (const c of nameCandidates(n)) suffixes.add(baseName(nameKey(c.value)).split('.').slice(-2).join('.'));
  }
  return suffixes.size === 1;
}

/** New entries, one per validation record (a wildcard shares its base name's record; the plain name is kept). */
function newEntries(names: CertificateName[], zone: FixValue): FixValue[] | undefined {
  const wildcard = (n: CertificateName): boolean => nameCandidates(n).some((c) => isWildcard(c.value));
  const slots: { key?: string; name: CertificateName }[] = [];
  for (const n of names) {
    if (!n.inPlace) return undefined; // written inside an Fn::If: the text to copy depends on the scenario
    const key = isKnownName(n) ? [...new Set(nameCandidates(n).map((c) => baseName(nameKey(c.value))))].join('|') : undefined;
    const prev = key === undefined ? undefined : slots.find((s) => s.key === key);
    if (!prev) slots.push({ key, name: n });
    else if (wildcard(prev.name) && !wildcard(n)) prev.name = n;
  }
  return slots.map((s) => ({ DomainName: toFixValue(s.name.node.node), HostedZoneId: zone }));
}

function insertOptionsFix(ctx: RuleContext, view: ResourceView, names: CertificateName[]): Fix | undefined {
  const zone = hostedZoneReference(ctx.template);
  const entries = newEntries(names, zone.value);
  if (!entries || !entries.length) return undefined;
  const intents: FixIntent[] = [];
  if (zone.addParameter) intents.push(zone.addParameter);
  intents.push({ kind: 'insert', path: view.path, key: 'DomainValidationOptions', value: entries });
  // The fix adds a parameter without a default. In fix-all only where that fits how the template is
  // deployed: it already takes parameters, declares no hosted-zone parameter of its own (one that
  // validation does not use means validation was kept manual on purpose, or the zone serves another
  // record), and the names share one domain. Everything else is left to a person (the quick fix).
  const takesParameters = ctx.template.parameters.size > 0;
  return {
    title: `Insert DomainValidationOptions with a HostedZoneId for each name`,
    intents,
    safe: takesParameters && !!zone.addParameter && oneZoneLikely(names),
  };
}

function completeOptionsFix(
  ctx: RuleContext,
  view: ResourceView,
  dvo: RNode & { kind: 'seq' },
  entries: ValidationEntry[],
  uncovered: CertificateName[],
  names: CertificateName[],
): Fix | undefined {
  // Reuse the zone an existing entry names; else the HostedZoneId parameter.
  const zonedEntry = entries.find((e) => e.zoned);
  const existingZone = zonedEntry ? entry(zonedEntry.node, 'HostedZoneId') : undefined;
  const zone = existingZone ? { value: toFixValue(existingZone.node) } : hostedZoneReference(ctx.template);
  const intents: FixIntent[] = [];
  const toAppend: CertificateName[] = [];
  for (const n of uncovered) {
    const keys = nameCandidates(n).map((c) => baseName(nameKey(c.value)));
    const unzoned = entries.find((e) => !e.zoned && e.keys.some((k) => keys.includes(k)));
    if (unzoned) {
      if (!intents.some((i) => i.kind === 'insert' && i.path === unzoned.node.path)) {
        intents.push({ kind: 'insert', path: unzoned.node.path, key: 'HostedZoneId', value: zone.value });
      }
    } else toAppend.push(n);
  }
  if (toAppend.length) {
    const inPlace = pathKey(dvo.path) === pathKey(propertyPath(view, 'DomainValidationOptions'));
    const added = newEntries(toAppend, zone.value);
    if (!inPlace || !added) return undefined;
    for (const value of added) intents.push({ kind: 'append', path: dvo.path, value });
  }
  if (!intents.length) return undefined;
  if ('addParameter' in zone && zone.addParameter) intents.unshift(zone.addParameter);
  // In fix-all only when it reuses the zone the other entries already use, for names of one domain.
  return { title: 'Add a HostedZoneId entry to DomainValidationOptions for each listed name', intents, safe: !!existingZone && oneZoneLikely(names) };
}
