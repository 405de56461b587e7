import { isAcmCertificateArn, isAcmPcaArn, isIamServerCertificateArn, looksLikeArn } from '../../data/arn';
import type { CertificateKind } from './consumers';

/** What a literal written in a certificate property is. */
export type ValueShape = 'acm' | 'iam' | 'pca' | 'certificate-id' | 'acm-malformed' | 'iam-malformed' | 'other-arn' | 'not-arn';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function shapeOf(s: string): ValueShape {
  if (isAcmCertificateArn(s)) return 'acm';
  if (isIamServerCertificateArn(s)) return 'iam';
  if (isAcmPcaArn(s)) return 'pca';
  if (UUID_RE.test(s)) return 'certificate-id';
  if (/^arn:[^:]*:acm:/.test(s)) return 'acm-malformed';
  if (/^arn:[^:]*:iam:/.test(s) && s.includes('server-certificate')) return 'iam-malformed';
  if (looksLikeArn(s)) return 'other-arn';
  return 'not-arn';
}

/** Whether a literal is a certificate ARN (ACM or IAM server certificate), whatever the property takes. */
export function isCertificateArn(s: string): boolean {
  const shape = shapeOf(s);
  return shape === 'acm' || shape === 'iam';
}

/** Whether a literal is of a kind the property accepts. */
export function accepted(kind: CertificateKind, s: string): boolean {
  const shape = shapeOf(s);
  switch (kind) {
    case 'acm':
      return shape === 'acm';
    case 'acm-or-iam':
      return shape === 'acm' || shape === 'iam';
    case 'iam-id':
      // an opaque IAM id (max 32 characters, docs/sources.md §10); only an ARN is certainly wrong
      return !s.startsWith('arn:');
  }
}

/** Why a literal is not accepted, for messages (never says more than the shape). */
export function whyNot(kind: CertificateKind, s: string): string {
  const shape = shapeOf(s);
  const expected =
    kind === 'acm'
      ? 'an ACM certificate ARN (arn:<partition>:acm:<region>:<account>:certificate/<id>)'
      : 'an ACM certificate ARN or an IAM server-certificate ARN';
  switch (shape) {
    case 'iam':
      return kind === 'iam-id'
        ? 'it is an ARN, but IamCertificateId takes the IAM server certificate ID (e.g. ASCA…)'
        : `it is an IAM server-certificate ARN; this property takes ACM certificates only`;
    case 'acm':
      return 'it is an ACM certificate ARN; IamCertificateId takes an IAM server certificate ID (use AcmCertificateArn for ACM)';
    case 'pca':
      return `it is an ACM Private CA ARN, not a certificate: request a private certificate from that CA (AWS::CertificateManager::Certificate with CertificateAuthorityArn) and use the certificate's ARN`;
    case 'certificate-id':
      return `it is a bare certificate id; the property takes the full ARN, ${expected}`;
    case 'acm-malformed':
      return 'it starts like an ACM ARN but does not match arn:<partition>:acm:<region>:<12-digit account>:certificate/<id>';
    case 'iam-malformed':
      return 'it starts like an IAM ARN but does not match arn:<partition>:iam::<12-digit account>:server-certificate/<path><name>';
    case 'other-arn':
      return kind === 'iam-id'
        ? 'it is an ARN; IamCertificateId takes an IAM server certificate ID'
        : `it is an ARN of another kind; the property takes ${expected}`;
    default:
      return `it is not an ARN; the property takes ${expected}`;
  }
}
