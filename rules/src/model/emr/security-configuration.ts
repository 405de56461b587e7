/**
 * In-transit encryption of `AWS::EMR::SecurityConfiguration`: its `SecurityConfiguration` property
 * is the EMR security configuration JSON, written as a mapping or as a JSON string (resource
 * schema: `"type": ["object", "string"]`). The setting is
 * `EncryptionConfiguration.EnableInTransitEncryption`, with the certificate provider in
 * `EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration`
 * (EMR Management Guide, "Create a security configuration"; AWS Config
 * emr-security-configuration-encryption-transit).
 */
import type { Candidate, RMap, RNode } from '../../evaluate/values';
import { booleans, entry, entryAt } from '../../evaluate/values';
import type { ResourceView } from '../reader';

export const EMR_SECURITY_CONFIGURATION = 'AWS::EMR::SecurityConfiguration';
export const EMR_CLUSTER = 'AWS::EMR::Cluster';

/** What one way of writing the document says about in-transit encryption. */
export type TransitState =
  /** `EnableInTransitEncryption: true`. */
  | 'enabled'
  /** `EnableInTransitEncryption: false`. */
  | 'disabled'
  /** `EncryptionConfiguration` without `EnableInTransitEncryption`. */
  | 'flag-absent'
  /** No `EncryptionConfiguration`: the configuration encrypts nothing. */
  | 'no-encryption'
  | 'unknown';

export type SecurityConfigurationDoc =
  /** Written as a mapping. */
  | {
      form: 'map';
      doc: RMap;
      /** `EncryptionConfiguration` when it is a mapping. */
      encryption?: RMap;
      /** `EnableInTransitEncryption` as written. */
      flag?: RNode;
      state: TransitState;
      /** `InTransitEncryptionConfiguration.TLSCertificateConfiguration` is present. */
      hasCertificateProvider: boolean;
    }
  /** Written as a JSON string: one state per candidate string. */
  | { form: 'json'; node: RNode; states: { candidate: Candidate; state: TransitState }[] }
  | { form: 'absent' }
  | { form: 'unknown' };

export function securityConfigurationDoc(view: ResourceView): SecurityConfigurationDoc {
  if (!view.props) return view.resource.properties === undefined ? { form: 'absent' } : { form: 'unknown' };
  const doc = entry(view.props, 'SecurityConfiguration');
  if (doc === undefined) return { form: 'absent' };
  if (doc.kind === 'map') return mapForm(doc);
  if (doc.kind === 'leaf') {
    const states = doc.candidates.map((candidate) => ({ candidate, state: jsonState(candidate.value) }));
    return { form: 'json', node: doc, states };
  }
  return { form: 'unknown' };
}

function mapForm(doc: RMap): SecurityConfigurationDoc {
  const encryption = entry(doc, 'EncryptionConfiguration');
  const hasCertificateProvider = entryAt(encryption, 'InTransitEncryptionConfiguration', 'TLSCertificateConfiguration') !== undefined;
  if (encryption === undefined) return { form: 'map', doc, state: 'no-encryption', hasCertificateProvider };
  if (encryption.kind !== 'map') return { form: 'map', doc, state: 'unknown', hasCertificateProvider };
  const flag = entry(encryption, 'EnableInTransitEncryption');
  if (flag === undefined) return { form: 'map', doc, encryption, state: 'flag-absent', hasCertificateProvider };
  const values = booleans(flag);
  const state: TransitState = values.length === 0 ? 'unknown' : values.includes(false) ? 'disabled' : 'enabled';
  return { form: 'map', doc, encryption, flag, state, hasCertificateProvider };
}

/** The state a JSON document string gives ('unknown' when it is not a JSON object). */
function jsonState(value: unknown): TransitState {
  if (typeof value !== 'string') return 'unknown';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'unknown';
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'unknown';
  const encryption = (parsed as Record<string, unknown>).EncryptionConfiguration;
  if (encryption === undefined) return 'no-encryption';
  if (!encryption || typeof encryption !== 'object' || Array.isArray(encryption)) return 'unknown';
  const flag = (encryption as Record<string, unknown>).EnableInTransitEncryption;
  if (flag === undefined) return 'flag-absent';
  if (flag === true || (typeof flag === 'string' && flag.toLowerCase() === 'true')) return 'enabled';
  if (flag === false || (typeof flag === 'string' && flag.toLowerCase() === 'false')) return 'disabled';
  return 'unknown';
}
