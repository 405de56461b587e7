/**
 * Lightsail load balancer TLS security policies (`AWS::Lightsail::LoadBalancer.TlsPolicyName`).
 *
 * Source: "Configure TLS security policies for your Lightsail load balancer"
 * https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-configure-load-balancer-tls-security-policy.html
 * — "The `TLS-2016-08` security policy is configured by default when you enable HTTPS"; it applies
 * to front-end connections only (`TLS-2016-08` is always used towards the instances); no custom
 * policies; the attribute value is "the `TLS-2016-08` or `TLS-FS-1-2-Res-2019-08` security policy",
 * which the console offers as "TLS version 1.0, 1.1, and 1.2" and "TLS version 1.2".
 */
import type { TlsFloor } from './tls';

export interface LightsailTlsPolicy {
  name: string;
  minTls: TlsFloor;
  maxTls: TlsFloor;
  forwardSecrecy: boolean;
}

export const LIGHTSAIL_TLS_POLICIES: readonly LightsailTlsPolicy[] = Object.freeze(
  [
    { name: 'TLS-2016-08', minTls: '1.0', maxTls: '1.2', forwardSecrecy: false },
    { name: 'TLS-FS-1-2-Res-2019-08', minTls: '1.2', maxTls: '1.2', forwardSecrecy: true },
  ].map((p) => Object.freeze(p as LightsailTlsPolicy)),
);

const BY_NAME: ReadonlyMap<string, LightsailTlsPolicy> = new Map(LIGHTSAIL_TLS_POLICIES.map((p) => [p.name, p] as const));

/** Exact, case-sensitive lookup. */
export function findLightsailTlsPolicy(name: string): LightsailTlsPolicy | undefined {
  return BY_NAME.get(name);
}

/** The policy a load balancer gets when HTTPS is enabled and `TlsPolicyName` is not set. */
export const LIGHTSAIL_DEFAULT_TLS_POLICY = 'TLS-2016-08';

/** The only policy without TLS 1.0/1.1, and what the fix writes. */
export const LIGHTSAIL_RECOMMENDED_TLS_POLICY = 'TLS-FS-1-2-Res-2019-08';
