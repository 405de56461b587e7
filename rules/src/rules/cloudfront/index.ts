import type { Rule } from '../../engine/types';
import { cloudfrontAliasesDefaultCertificate } from './aliases-default-certificate';
import { cloudfrontDefaultCertificate } from './default-certificate';
import { cloudfrontOriginHttp } from './origin-http';
import { cloudfrontOriginTlsVersion } from './origin-tls-version';
import { cloudfrontSslSupportMethod } from './ssl-support-method';
import { cloudfrontTlsVersion } from './tls-version';
import { cloudfrontViewerCertificateIncomplete } from './viewer-certificate-incomplete';
import { cloudfrontViewerHttp } from './viewer-http';

/** Rules of the cloudfront area, in the order they run. */
export const cloudfrontRules: Rule[] = [
  cloudfrontViewerHttp,
  cloudfrontTlsVersion,
  cloudfrontViewerCertificateIncomplete,
  cloudfrontAliasesDefaultCertificate,
  cloudfrontDefaultCertificate,
  cloudfrontSslSupportMethod,
  cloudfrontOriginHttp,
  cloudfrontOriginTlsVersion,
];
