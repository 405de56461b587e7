import type { Rule } from '../../engine/types';
import { acmActivityUnmonitored } from './activity-unmonitored';
import { acmDnsValidationManual } from './dns-validation-manual';
import { acmDomainInvalid } from './domain-invalid';
import { acmDomainNotAllowed } from './domain-not-allowed';
import { acmDuplicateDomain } from './duplicate-domain';
import { acmEmailValidation } from './email-validation';
import { acmKeyAlgorithm } from './key-algorithm';
import { acmMissingTags } from './missing-tags';
import { acmPublicCertificateProduction } from './public-certificate-production';
import { acmTooManyDomains } from './too-many-domains';
import { acmTransparencyLoggingDisabled } from './transparency-logging-disabled';
import { acmValidationDomainMismatch } from './validation-domain-mismatch';
import { acmWildcardProduction } from './wildcard-production';

/** Rules of the acm area, in the order they run. */
export const acmRules: Rule[] = [
  acmEmailValidation,
  acmDnsValidationManual,
  acmValidationDomainMismatch,
  acmTransparencyLoggingDisabled,
  acmKeyAlgorithm,
  acmDomainInvalid,
  acmDuplicateDomain,
  acmTooManyDomains,
  acmWildcardProduction,
  acmPublicCertificateProduction,
  acmDomainNotAllowed,
  acmMissingTags,
  acmActivityUnmonitored,
];
