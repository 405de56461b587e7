/** Resource types of AWS Private CA the pca-* rules read. */
export const CERTIFICATE_AUTHORITY = 'AWS::ACMPCA::CertificateAuthority';
export const CA_ACTIVATION = 'AWS::ACMPCA::CertificateAuthorityActivation';
