import type { Rule } from '../../engine/types';
import { elbv2CertificateCount } from './certificate-count';
import { elbv2CertificateMissing } from './certificate-missing';
import { elbv2FipsPolicyMix } from './fips-policy-mix';
import { elbv2HttpWithoutRedirect } from './http-without-redirect';
import { elbv2MtlsSettings } from './mtls-settings';
import { elbv2PlaintextToTargets } from './plaintext-to-targets';
import { elbv2ProtocolMismatch } from './protocol-mismatch';
import { elbv2RedirectToHttp } from './redirect-to-http';
import { elbv2RuleBypassesRedirect } from './rule-bypasses-redirect';
import { elbv2SslPolicyMissing } from './ssl-policy-missing';
import { elbv2SslPolicyUnknown } from './ssl-policy-unknown';
import { elbv2SslPolicyWeak } from './ssl-policy-weak';
import { elbv2TlsSettingsOnPlainListener } from './tls-settings-on-plain-listener';

/** Rules of the elbv2 area, in the order they run. */
export const elbv2Rules: Rule[] = [
  elbv2HttpWithoutRedirect,
  elbv2RuleBypassesRedirect,
  elbv2RedirectToHttp,
  elbv2SslPolicyMissing,
  elbv2SslPolicyWeak,
  elbv2SslPolicyUnknown,
  elbv2FipsPolicyMix,
  elbv2CertificateMissing,
  elbv2CertificateCount,
  elbv2ProtocolMismatch,
  elbv2TlsSettingsOnPlainListener,
  elbv2PlaintextToTargets,
  elbv2MtlsSettings,
];
