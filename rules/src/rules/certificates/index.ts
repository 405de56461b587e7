import type { Rule } from '../../engine/types';
import { certificateArnHardcoded } from './arn-hardcoded';
import { certificateArnInvalid } from './arn-invalid';
import { certificateKeyUnsupported } from './key-unsupported';
import { certificateNotAcm } from './not-acm';
import { privateKeyInTemplate } from './private-key';
import { certificateRegion } from './region';

/** Rules of the certificates area, in the order they run. */
export const certificatesRules: Rule[] = [
  certificateNotAcm,
  certificateArnInvalid,
  certificateArnHardcoded,
  certificateRegion,
  certificateKeyUnsupported,
  privateKeyInTemplate,
];
