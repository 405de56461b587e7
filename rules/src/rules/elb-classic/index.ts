import type { Rule } from '../../engine/types';
import { elbCertificateMissing } from './certificate-missing';
import { elbPlaintextListener } from './plaintext-listener';
import { elbPlaintextToInstances } from './plaintext-to-instances';
import { elbPolicyUndefined } from './policy-undefined';
import { elbProtocolPairing } from './protocol-pairing';
import { elbSslPolicy } from './ssl-policy';

/** Rules of the elb-classic area, in the order they run. */
export const elbClassicRules: Rule[] = [
  elbPlaintextListener,
  elbCertificateMissing,
  elbSslPolicy,
  elbPolicyUndefined,
  elbProtocolPairing,
  elbPlaintextToInstances,
];
