import type { Candidate, RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import { getValue, intrinsicName, isMap, isSeq, Path, scalarString, SNode } from '../../parse/source-tree';
import type { ResourceView } from '../reader';
import { ACM_CERTIFICATE_TYPE } from '../../data/acm';

/** Facts about an `AWS::CertificateManager::Certificate` view shared by the acm rules. */

export const CERTIFICATE = ACM_CERTIFICATE_TYPE;

export type NameProperty = 'DomainName' | 'SubjectAlternativeNames';

/** One name of a certificate: `DomainName`, or one item of `SubjectAlternativeNames`. */
export interface CertificateName {
  property: NameProperty;
  /** The resolved name (a leaf when known). */
  node: RNode;
  /** Where the list item is written, when it is written in place in the list (for remove fixes). */
  itemPath?: Path;
  /** Whether the name is written right at its property or list item (not inside an `Fn::If`): its text can be copied. */
  inPlace: boolean;
}

export interface CertificateNames {
  domainName: RNode | undefined;
  subjectAlternativeNames: RNode | undefined;
  /** `DomainName` first, then the SAN items in order. */
  names: CertificateName[];
  /** False when the SAN list itself is not a known list (its names are not all listed). */
  listKnown: boolean;
}

/** Template path of a property of the view's `Properties`. */
export function propertyPath(view: ResourceView, key: string): Path {
  return [...view.path, key];
}

/** The property as written in the template (before scenarios), undefined when the key is absent. */
export function writtenProperty(view: ResourceView, key: string): SNode | undefined {
  return getValue(view.resource.properties, key);
}

/**
 * A public certificate: no `CertificateAuthorityArn` in this scenario. ACM issues a private
 * certificate only with a CA ARN; without one it "will attempt to issue a public certificate".
 */
export function isPublic(view: ResourceView): boolean {
  return entry(view.props, 'CertificateAuthorityArn') === undefined;
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The names of a certificate in one scenario. */
export function certificateNames(view: ResourceView): CertificateNames {
  const domainName = entry(view.props, 'DomainName');
  const sans = entry(view.props, 'SubjectAlternativeNames');
  const names: CertificateName[] = [];
  if (domainName) names.push({ property: 'DomainName', node: domainName, inPlace: samePath(domainName.path, propertyPath(view, 'DomainName')) });
  let listKnown = true;
  if (sans) {
    if (sans.kind === 'seq') {
      const listInPlace = samePath(sans.path, propertyPath(view, 'SubjectAlternativeNames'));
      for (const item of sans.items) {
        const direct = item.path.length === sans.path.length + 1 && samePath(item.path.slice(0, -1), sans.path);
        names.push({ property: 'SubjectAlternativeNames', node: item, itemPath: direct ? item.path : undefined, inPlace: direct && listInPlace });
      }
    } else listKnown = false;
  }
  return { domainName, subjectAlternativeNames: sans, names, listKnown };
}

/** Known string values of a name (empty when unknown). */
export function nameCandidates(n: CertificateName | RNode): (Candidate & { value: string })[] {
  return stringCandidates('property' in n ? n.node : n);
}

/** Whether a name is a known string (every candidate a string). */
export function isKnownName(n: CertificateName): boolean {
  return n.node.kind === 'leaf' && n.node.candidates.every((c) => typeof c.value === 'string');
}

/** The one value of a name when it cannot be anything else (compared by `key`), else undefined. */
export function certainValue(n: CertificateName, key: (s: string) => string): string | undefined {
  if (!isKnownName(n)) return undefined;
  const values = new Set(nameCandidates(n).map((c) => key(c.value)));
  return values.size === 1 ? [...values][0] : undefined;
}

/** Whether a written node is `!Ref AWS::NoValue`. */
export function isNoValue(node: SNode | undefined): boolean {
  return intrinsicName(node) === 'Ref' && isMap(node) && scalarString(node.pairs[0].value) === 'AWS::NoValue';
}

/** Path of the `Fn::If` branch of a written property that is `AWS::NoValue`, if the property is such an `Fn::If`. */
export function noValueBranch(node: SNode | undefined, path: Path): Path | undefined {
  if (intrinsicName(node) !== 'Fn::If' || !isMap(node)) return undefined;
  const args = node.pairs[0].value;
  if (!isSeq(args) || args.items.length !== 3) return undefined;
  for (const i of [1, 2]) if (isNoValue(args.items[i])) return [...path, 'Fn::If', i];
  return undefined;
}
