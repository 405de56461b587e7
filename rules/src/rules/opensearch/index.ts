import type { Rule } from '../../engine/types';
import { opensearchCustomEndpointCertificate } from './custom-endpoint-certificate';
import { opensearchEnforceHttps } from './enforce-https';
import { opensearchNodeToNodeEncryption } from './node-to-node-encryption';
import { opensearchTlsPolicy } from './tls-policy';

/** Rules of the opensearch area, in the order they run. */
export const opensearchRules: Rule[] = [opensearchEnforceHttps, opensearchTlsPolicy, opensearchCustomEndpointCertificate, opensearchNodeToNodeEncryption];
