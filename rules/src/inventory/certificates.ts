/**
 * Certificates of a template: its ACM certificates, IAM server certificates and private CAs,
 * and whatever a consumer names (a parameter, a literal ARN, an expression), one identity each.
 */
import { ACM_DEFAULT_KEY_ALGORITHM, ACM_DEFAULT_VALIDATION_METHOD } from '../data/acm';
import { ACM_TRANSPARENCY_ENABLED } from '../data/acm-practice';
import { parseAcmCertificateArn, parseIamServerCertificateArn } from '../data/arn';
import type { TemplateReader } from '../engine/types';
import type { Scenario } from '../evaluate/conditions';
import { booleans, entry, entryAt, RNode } from '../evaluate/values';
import { intrinsicName, isMap, isSeq, scalarString, SNode } from '../parse/source-tree';
import type { ResourceInfo, Template } from '../template/template';
import { certificateNames, isPublic } from '../model/acm/certificate';
import { shapeOf } from '../model/certificates/arn-kinds';
import { ACM_CERTIFICATE_TYPE, CertificateKind as AcceptedKind, IAM_SERVER_CERTIFICATE_TYPE } from '../model/certificates/consumers';
import { CERTIFICATE_AUTHORITY } from '../model/pca-iam/certificate-authority';
import { CertificateAcc, CertificateIdentity, CertificateTable, SettingAcc, texts } from './collect';
import type { CertificateKind } from './model';
import { expressionLabel } from './labels';

export const CERTIFICATE_RESOURCE_KINDS: Readonly<Record<string, CertificateKind>> = {
  [ACM_CERTIFICATE_TYPE]: 'acm',
  [IAM_SERVER_CERTIFICATE_TYPE]: 'iam',
  [CERTIFICATE_AUTHORITY]: 'private-ca',
};

/** What the place that names a certificate takes: a consumer's kind, or a CA (`CertificateAuthorityArn`). */
export type Expectation = AcceptedKind | 'private-ca';

const MAX_EXPRESSION = 200;

export function resourceIdentity(resource: ResourceInfo): CertificateIdentity {
  return {
    key: `resource:${resource.id}`,
    kind: CERTIFICATE_RESOURCE_KINDS[resource.type ?? ''] ?? 'unknown',
    source: 'resource',
    name: resource.id,
    label: resource.id,
    resourceType: resource.type ?? null,
    path: ['Resources', resource.id],
  };
}

function kindOfLiteral(s: string, expect: Expectation): CertificateKind {
  switch (shapeOf(s)) {
    case 'acm':
      return 'acm';
    case 'iam':
      return 'iam';
    case 'pca':
      return 'private-ca';
    default:
      // CloudFront's IamCertificateId is an opaque id, not an ARN.
      return expect === 'iam-id' && !s.startsWith('arn:') ? 'iam' : 'unknown';
  }
}

function kindExpected(expect: Expectation): CertificateKind {
  return expect === 'acm' ? 'acm' : expect === 'iam-id' ? 'iam' : expect === 'private-ca' ? 'private-ca' : 'unknown';
}

/** A template node as JSON (intrinsics in long form), for naming an expression the same way in YAML and JSON. */
function plain(node: SNode): unknown {
  if (isSeq(node)) return node.items.map(plain);
  if (isMap(node)) return Object.fromEntries(node.pairs.map((p) => [String(p.key.value), plain(p.value)]));
  return node.value;
}

function expressionText(node: SNode): string {
  const s = JSON.stringify(plain(node));
  return s.length > MAX_EXPRESSION ? `${s.slice(0, MAX_EXPRESSION - 1)}…` : s;
}

/** What an `Fn::Sub` builds, when its text is an ACM, IAM or Private CA ARN pattern (`arn:${AWS::Partition}:acm:…:certificate/${Id}`). */
function subKind(node: SNode): CertificateKind | undefined {
  if (intrinsicName(node) !== 'Fn::Sub' || !isMap(node)) return undefined;
  const arg = node.pairs[0].value;
  const text = scalarString(isSeq(arg) ? arg.items[0] : arg);
  if (text === undefined) return undefined;
  // An ARN field: text, or `${…}` variables (which may hold colons, as `${AWS::Region}` does).
  const f = '(?:\\$\\{[^}]*\\}|[^:$])*';
  if (new RegExp(`^arn:${f}:acm:${f}:${f}:certificate/`).test(text)) return 'acm';
  if (new RegExp(`^arn:${f}:iam::${f}:server-certificate/`).test(text)) return 'iam';
  if (new RegExp(`^arn:${f}:acm-pca:${f}:${f}:certificate-authority/`).test(text)) return 'private-ca';
  return undefined;
}

/** The parameter a `Ref` names, if the node is such a `Ref`. */
function referencedParameter(template: Template, node: SNode): string | undefined {
  if (intrinsicName(node) !== 'Ref' || !isMap(node)) return undefined;
  const name = scalarString(node.pairs[0].value);
  return name !== undefined && template.parameters.has(name) ? name : undefined;
}

function parameterIdentity(name: string, kind: CertificateKind): CertificateIdentity {
  return { key: `parameter:${name}`, kind, source: 'parameter', name, label: name, resourceType: null, path: ['Parameters', name] };
}

/**
 * The certificates a value names: an in-template resource (through `Ref`/`GetAtt`), a parameter,
 * each literal (comma-separated parts when the property takes a list), or the expression itself.
 * An `Fn::If` the scenario leaves open (SAM `Globals`, a group of conditions too busy for the
 * views) is read in each scenario that decides it: a certificate named in any of them is named.
 */
export function identitiesOf(ctx: TemplateReader, value: RNode, expect: Expectation, scenario: Scenario, commaSeparated = false): CertificateIdentity[] {
  const template = ctx.template;
  if (value.kind === 'unknown') {
    const target = value.ref ? template.resources.get(value.ref) : undefined;
    if (target && CERTIFICATE_RESOURCE_KINDS[target.type ?? '']) return [resourceIdentity(target)];
    const param = referencedParameter(template, value.node);
    if (param) return [parameterIdentity(param, kindExpected(expect))];
    const branches = ctx.branchScenarios(value.node, scenario);
    if (branches.length !== 1 || branches[0] !== scenario) return identitiesInBranches(ctx, value, expect, branches, commaSeparated);
    return [expressionIdentity(template, value, expect)];
  }
  if (value.kind !== 'leaf') return [];
  const fromParameter = value.candidates.filter((c) => c.origin === 'default' || c.origin === 'allowed');
  if (fromParameter.length) {
    const name = String(fromParameter[0].path[1]);
    const kinds = new Set(fromParameter.map((c) => kindOfLiteral(String(c.value), expect)));
    const kind = kinds.size === 1 && !kinds.has('unknown') ? [...kinds][0] : kindExpected(expect);
    return [parameterIdentity(name, kind)];
  }
  const out: CertificateIdentity[] = [];
  for (const c of value.candidates) {
    if (c.value === null) continue;
    const s = String(c.value);
    const parts =
      commaSeparated && s.includes(',')
        ? s
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : [s];
    for (const part of parts) {
      out.push({ key: `literal:${part}`, kind: kindOfLiteral(part, expect), source: 'literal', name: part, label: part, resourceType: null, path: c.path });
    }
  }
  return out;
}

function expressionIdentity(template: Template, value: RNode, expect: Expectation): CertificateIdentity {
  const text = expressionText(value.node);
  const kind = subKind(value.node) ?? kindExpected(expect);
  return {
    key: `expression:${text}`,
    kind,
    source: 'expression',
    name: text,
    label: expressionLabel(value.node, template),
    resourceType: null,
    path: value.path,
  };
}

/** The identities of an open value in the scenarios that decide it (each once); the expression itself where one stays open. */
function identitiesInBranches(ctx: TemplateReader, value: RNode, expect: Expectation, scenarios: Scenario[], commaSeparated: boolean): CertificateIdentity[] {
  const out = new Map<string, CertificateIdentity>();
  for (const s of scenarios) {
    const r = ctx.resolve(value.node, value.path, s);
    if (!r) continue; // AWS::NoValue in this scenario
    // Still open (a group of conditions alone too busy to decide): the expression itself.
    const ids = r.kind === 'unknown' && r.node === value.node ? [expressionIdentity(ctx.template, r, expect)] : identitiesOf(ctx, r, expect, s, commaSeparated);
    for (const id of ids) if (!out.has(id.key)) out.set(id.key, id);
  }
  return [...out.values()];
}

/** Facts a literal or parameter shows about itself (never a NoEcho parameter's values). */
export function describeIdentity(ctx: TemplateReader, acc: CertificateAcc): void {
  const { source, name } = acc.id;
  if (source === 'literal') {
    const acm = parseAcmCertificateArn(name);
    const iam = parseIamServerCertificateArn(name);
    if (acm) acc.addDetails({ partition: acm.partition, region: acm.region, account: acm.account });
    if (iam) acc.addDetails({ partition: iam.partition, account: iam.account, serverCertificateName: iam.name, iamPath: iam.path });
  } else if (source === 'parameter') {
    const p = ctx.template.parameters.get(name);
    if (!p) return;
    acc.addDetails({ parameterType: p.type ?? 'String' });
    if (p.noEcho) return;
    const d = scalarString(p.defaultNode);
    if (d !== undefined) acc.addDetails({ default: d });
    const allowed = p.allowedValues.map(scalarString).filter((v): v is string => v !== undefined);
    if (allowed.length) acc.addDetails({ allowedValues: allowed });
  }
}

/** Tag keys to values of one view (undefined: value not knowable); undefined when there is no `Tags`. */
function tagsOf(tags: RNode | undefined): Map<string, string[] | undefined> | undefined {
  if (tags === undefined) return undefined;
  const out = new Map<string, string[] | undefined>();
  if (tags.kind !== 'seq') return out;
  for (const item of tags.items) {
    const key = texts(entry(item, 'Key'));
    if (!key || key.length !== 1) continue;
    out.set(key[0], texts(entry(item, 'Value')));
  }
  return out;
}

function setting(acc: SettingAcc | undefined, n: RNode | undefined, fallback?: string): SettingAcc {
  const s = acc ?? new SettingAcc();
  if (n === undefined) s.add(fallback === undefined ? [] : [fallback], fallback !== undefined);
  else s.add(texts(n));
  return s;
}

/** ACM certificates: names, validation, key, transparency logging, tags, issuing CA. */
function addAcmCertificates(ctx: TemplateReader, table: CertificateTable): void {
  for (const view of ctx.viewsOf(ACM_CERTIFICATE_TYPE)) {
    const acc = table.get(resourceIdentity(view.resource));
    const names = certificateNames(view);
    if (!names.listKnown || !names.domainName) acc.domainsComplete = false;
    for (const n of names.names) {
      const values = n.node.kind === 'leaf' ? n.node.candidates.filter((c) => typeof c.value === 'string').map((c) => c.value as string) : [];
      if (!values.length || (n.node.kind === 'leaf' && values.length !== n.node.candidates.length)) acc.domainsComplete = false;
      acc.domains.add(values);
    }
    acc.keyAlgorithm = setting(acc.keyAlgorithm, entry(view.props, 'KeyAlgorithm'), ACM_DEFAULT_KEY_ALGORITHM);
    const tags = tagsOf(entry(view.props, 'Tags'));
    if (tags) acc.addTags(tags);
    if (isPublic(view)) {
      acc.types.add('public');
      acc.validation = setting(acc.validation, entry(view.props, 'ValidationMethod'), ACM_DEFAULT_VALIDATION_METHOD);
      acc.transparencyLogging = setting(acc.transparencyLogging, entry(view.props, 'CertificateTransparencyLoggingPreference'), ACM_TRANSPARENCY_ENABLED);
    } else {
      acc.types.add('private');
      for (const id of identitiesOf(ctx, entry(view.props, 'CertificateAuthorityArn')!, 'private-ca', view.scenario)) {
        const ca = table.get(id);
        ca.issues.add([acc.id.key]);
        acc.issuer ??= id.key;
      }
    }
  }
}

/** IAM server certificates: name and path only (never the body or the key). */
function addIamCertificates(ctx: TemplateReader, table: CertificateTable): void {
  for (const view of ctx.viewsOf(IAM_SERVER_CERTIFICATE_TYPE)) {
    const acc = table.get(resourceIdentity(view.resource));
    acc.addDetails({ serverCertificateName: texts(entry(view.props, 'ServerCertificateName')), iamPath: texts(entry(view.props, 'Path')) });
    const tags = tagsOf(entry(view.props, 'Tags'));
    if (tags) acc.addTags(tags);
  }
}

/** Private CAs: type, algorithms, subject, revocation. */
function addPrivateCas(ctx: TemplateReader, table: CertificateTable): void {
  for (const view of ctx.viewsOf(CERTIFICATE_AUTHORITY)) {
    const acc = table.get(resourceIdentity(view.resource));
    const revocation = entry(view.props, 'RevocationConfiguration');
    const enabled = (key: string): string[] | undefined => {
      const flag = entryAt(revocation, key, 'Enabled');
      if (revocation !== undefined && revocation.kind !== 'map') return undefined;
      const b = booleans(flag);
      return flag === undefined ? ['false'] : b.length ? b.map(String) : undefined;
    };
    acc.keyAlgorithm = setting(acc.keyAlgorithm, entry(view.props, 'KeyAlgorithm'));
    acc.addDetails({
      caType: texts(entry(view.props, 'Type')),
      signingAlgorithm: texts(entry(view.props, 'SigningAlgorithm')),
      usageMode: texts(entry(view.props, 'UsageMode')),
      subject: texts(entryAt(view.props, 'Subject', 'CommonName')),
      crl: enabled('CrlConfiguration'),
      ocsp: enabled('OcspConfiguration'),
    });
    const tags = tagsOf(entry(view.props, 'Tags'));
    if (tags) acc.addTags(tags);
  }
}

/** Every certificate resource of the template (document order within each type). */
export function addCertificateResources(ctx: TemplateReader, table: CertificateTable): void {
  // Resources first, in document order, so that consumers' references find them.
  for (const r of ctx.resources(...Object.keys(CERTIFICATE_RESOURCE_KINDS))) table.get(resourceIdentity(r));
  addAcmCertificates(ctx, table);
  addIamCertificates(ctx, table);
  addPrivateCas(ctx, table);
}
