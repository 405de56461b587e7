import type { Rule } from '../../engine/types';
import { pcaAlgorithmFamilyMismatch } from './algorithm-family-mismatch';
import { iamCertificateAdminWildcard } from './certificate-admin-wildcard';
import { pcaRevocationDisabled } from './revocation-disabled';
import { pcaRootCaActive } from './root-ca-active';

/** Rules of the pca-iam area, in the order they run. */
export const pcaIamRules: Rule[] = [pcaRevocationDisabled, pcaAlgorithmFamilyMismatch, pcaRootCaActive, iamCertificateAdminWildcard];
