/**
 * Elastic Beanstalk option settings that shape an environment's load balancer and listeners.
 * Source: AWS Elastic Beanstalk Developer Guide, "General options for all environments"
 * (`command-options-general`, read from the awsdocs/aws-elastic-beanstalk-developer-guide markdown
 * copy); "Configuring a shared Application Load Balancer" (`environments-cfg-alb-shared`);
 * docs/sources.md §9. Defaults are what Elastic Beanstalk applies when an option is not set.
 */

/** `aws:elasticbeanstalk:environment`: the environment's architecture. */
export const ENVIRONMENT_NAMESPACE = 'aws:elasticbeanstalk:environment';

/** `EnvironmentType`: `SingleInstance` launches one instance with no load balancer. Default `LoadBalanced`. */
export const ENVIRONMENT_TYPE = { option: 'EnvironmentType', default: 'LoadBalanced', singleInstance: 'SingleInstance', loadBalanced: 'LoadBalanced' } as const;

/** `LoadBalancerType`: default `classic` through the API and CloudFormation (the console and EB CLI pick `application`). */
export const LOAD_BALANCER_TYPE = { option: 'LoadBalancerType', default: 'classic', values: ['classic', 'application', 'network'] } as const;

export type LoadBalancerType = (typeof LOAD_BALANCER_TYPE.values)[number];

/**
 * `LoadBalancerIsShared: true`: the environment joins an Application Load Balancer created outside
 * Elastic Beanstalk, whose listeners (protocol, certificates, policy) are managed there. Default false.
 */
export const LOAD_BALANCER_IS_SHARED = { option: 'LoadBalancerIsShared', default: 'false' } as const;

/** `Tier.Name` of a worker environment: no load balancer (the default tier is `WebServer`). */
export const WORKER_TIER = 'Worker';

/** ELBv2 (application / network) listeners: `aws:elbv2:listener:default` is the port 80 listener. */
export const ELBV2_LISTENER = {
  prefix: 'aws:elbv2:listener:',
  defaultName: 'default',
  protocol: 'Protocol',
  /** Default `Protocol`: HTTP with an application load balancer, TCP with a network one. */
  defaultProtocol: { application: 'HTTP', network: 'TCP' },
  certificates: 'SSLCertificateArns',
  sslPolicy: 'SSLPolicy',
  /** `false` disables the listener (default `true`). */
  enabled: 'ListenerEnabled',
} as const;

/** Classic listeners: `aws:elb:listener` is the port 80 listener, `aws:elb:listener:<port>` the others. */
export const CLASSIC_LISTENER = {
  defaultNamespace: 'aws:elb:listener',
  prefix: 'aws:elb:listener:',
  protocol: 'ListenerProtocol',
  /** Default `ListenerProtocol` is HTTP. */
  defaultProtocol: 'HTTP',
  certificate: 'SSLCertificateId',
  /** `false` disables the listener; a `aws:elb:listener:<port>` listener exists once any of its options is set. */
  enabled: 'ListenerEnabled',
} as const;

/** Deprecated `aws:elb:loadbalancer` options: one plaintext and one secure listener on standard ports. */
export const CLASSIC_LOADBALANCER = {
  namespace: 'aws:elb:loadbalancer',
  /** Port of the plaintext listener, default `80`; `OFF` disables it. */
  httpPort: 'LoadBalancerHTTPPort',
  /** Protocol of the plaintext listener: HTTP (default) or TCP. */
  httpProtocol: 'LoadBalancerPortProtocol',
  /** Port of the secure listener, default `OFF`. */
  httpsPort: 'LoadBalancerHTTPSPort',
  /** Protocol of the secure listener: HTTPS (default) or SSL. */
  httpsProtocol: 'LoadBalancerSSLPortProtocol',
  certificate: 'SSLCertificateId',
  off: 'OFF',
  /** Values that turn a port off: YAML 1.1 (CloudFormation's YAML) reads an unquoted `OFF` as false. */
  offValues: ['OFF', 'FALSE'],
  defaultHttpPort: '80',
  defaultHttpProtocol: 'HTTP',
  defaultHttpsProtocol: 'HTTPS',
} as const;

/** Listener protocols that terminate TLS at the load balancer. */
export const TLS_LISTENER_PROTOCOLS: readonly string[] = Object.freeze(['HTTPS', 'SSL']);
