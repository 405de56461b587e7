/** Templates for the protocol tests: HTTPS listeners whose SslPolicy is weak, missing or fine. */

export const WEAK = 'ELBSecurityPolicy-2016-08';
export const STRONG = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';

export interface ListenerSpec {
  id: string;
  /** undefined: no SslPolicy at all. */
  policy?: string;
}

export function listenersYaml(listeners: ListenerSpec[], extra = ''): string {
  const body = listeners
    .map(
      (l) => `  ${l.id}:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb-arn
      Port: 443
      Protocol: HTTPS
${l.policy !== undefined ? `      SslPolicy: ${l.policy}\n` : ''}      Certificates:
        - CertificateArn: !ImportValue shared-cert-arn
      DefaultActions:
        - Type: forward
          TargetGroupArn: !ImportValue shared-tg-arn
`,
    )
    .join('');
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}${extra}`;
}

export function listenersJson(listeners: ListenerSpec[]): string {
  const resources: Record<string, unknown> = {};
  for (const l of listeners) {
    const props: Record<string, unknown> = {
      LoadBalancerArn: { 'Fn::ImportValue': 'shared-alb-arn' },
      Port: 443,
      Protocol: 'HTTPS',
    };
    if (l.policy !== undefined) props.SslPolicy = l.policy;
    props.Certificates = [{ CertificateArn: { 'Fn::ImportValue': 'shared-cert-arn' } }];
    props.DefaultActions = [{ Type: 'forward', TargetGroupArn: { 'Fn::ImportValue': 'shared-tg-arn' } }];
    resources[l.id] = { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: props };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2) + '\n';
}

/** A weak policy that comes from a parameter's Default (related information points there). */
export const PARAMETER_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ListenerPolicy:
    Type: String
    Default: ${WEAK}
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb-arn
      Port: 443
      Protocol: HTTPS
      SslPolicy: !Ref ListenerPolicy
      Certificates:
        - CertificateArn: !ImportValue shared-cert-arn
      DefaultActions:
        - Type: forward
          TargetGroupArn: !ImportValue shared-tg-arn
`;

export const NOT_A_TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
`;
