/**
 * ELBv2 listener protocols and the load balancer types that take them (docs/sources.md §3: AWS CLI
 * `elbv2 create-listener`, "Listeners for your Network Load Balancers", cfn-lint enum).
 */

/** Every listener `Protocol` value CloudFormation accepts (cfn-lint smithy enum, docs/sources.md §3). */
export const ELBV2_LISTENER_PROTOCOLS: ReadonlySet<string> = new Set(['GENEVE', 'HTTP', 'HTTPS', 'QUIC', 'TCP', 'TCP_QUIC', 'TCP_UDP', 'TLS', 'UDP']);

/** Load balancer `Type` values; CloudFormation's default is `application`. */
export type Elbv2LoadBalancerType = 'application' | 'network' | 'gateway';

/**
 * Listener protocols each load balancer type takes. A Gateway Load Balancer takes none:
 * "You can't specify a protocol for a Gateway Load Balancer" (CLI reference, docs/sources.md §3).
 */
export const ELBV2_PROTOCOLS_BY_LB_TYPE: Readonly<Record<Elbv2LoadBalancerType, ReadonlySet<string>>> = {
  application: new Set(['HTTP', 'HTTPS']),
  network: new Set(['TCP', 'TLS', 'UDP', 'TCP_UDP', 'QUIC', 'TCP_QUIC']),
  gateway: new Set(),
};

/** Protocols that terminate TLS on the listener: they take `Certificates` and `SslPolicy`. */
export const ELBV2_TLS_PROTOCOLS: ReadonlySet<string> = new Set(['HTTPS', 'TLS']);

/**
 * Protocols known not to terminate TLS: the API rejects `Certificates` / `SslPolicy` on them
 * ("An SSL policy cannot be specifed for HTTP listeners" / "... for TCP listeners").
 * QUIC and TCP_QUIC are left out: whether they take TLS settings is not established here.
 */
export const ELBV2_PLAIN_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'TCP', 'UDP', 'TCP_UDP', 'GENEVE']);

/** `AlpnPolicy` is a TLS-listener (NLB) setting; these protocols are known not to take it. */
export const ELBV2_NO_ALPN_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTPS', 'TCP', 'UDP', 'TCP_UDP', 'GENEVE']);

/** Target group protocols that carry plaintext to the targets (docs/rules/elbv2-plaintext-to-targets.md). */
export const ELBV2_PLAINTEXT_TARGET_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'TCP']);

/** `RedirectConfig.Protocol` default: keep the request's protocol. */
export const ELBV2_REDIRECT_KEEP_PROTOCOL = '#{protocol}';
