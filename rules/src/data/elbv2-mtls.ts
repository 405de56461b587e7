/**
 * Mutual TLS on ELBv2 listeners: `AWS::ElasticLoadBalancingV2::Listener` `MutualAuthentication`.
 *
 * Sources: CloudFormation "AWS::ElasticLoadBalancingV2::Listener MutualAuthentication" and the ELB
 * API MutualAuthenticationAttributes ("Mode: The client certificate handling method. Options are
 * off, passthrough or verify. The default value is off."; IgnoreClientCertificateExpiry "Indicates
 * whether expired client certificates are ignored"); ALB guide "Mutual authentication with TLS"
 * (passthrough: "The load balancer sends the entire client certificate chain to the target, without
 * verifying it. Targets should verify the client certificate chain.") and "Configuring mutual TLS
 * on an Application Load Balancer" (verify mode: create a trust store and attach it to the listener).
 */

/** `Mode` values (the API compares them as written: lower case). */
export const MTLS_MODE_OFF = 'off';
export const MTLS_MODE_PASSTHROUGH = 'passthrough';
export const MTLS_MODE_VERIFY = 'verify';

/** The mode without `Mode`. */
export const MTLS_DEFAULT_MODE = MTLS_MODE_OFF;
