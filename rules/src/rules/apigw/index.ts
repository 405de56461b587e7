import type { Rule } from '../../engine/types';
import { apigwBackendCertificate } from './backend-certificate';
import { apigwDefaultEndpointBypass } from './default-endpoint-bypass';
import { apigwDomainCertificateEndpoint } from './domain-certificate-endpoint';
import { apigwDomainTlsVersion } from './domain-tls-version';

/** Rules of the apigw area, in the order they run. */
export const apigwRules: Rule[] = [apigwDomainTlsVersion, apigwDomainCertificateEndpoint, apigwBackendCertificate, apigwDefaultEndpointBypass];
