/** Small template builders shared by the ELBv2 rule tests. */

/** A YAML template: optional Parameters/Conditions blocks (already indented), then Resources (indented by 2). */
export function yamlTemplate(resources: string, opts: { parameters?: string; conditions?: string } = {}): string {
  let out = "AWSTemplateFormatVersion: '2010-09-09'\n";
  if (opts.parameters) out += `Parameters:\n${opts.parameters}\n`;
  if (opts.conditions) out += `Conditions:\n${opts.conditions}\n`;
  return `${out}Resources:\n${resources}\n`;
}

/** An in-template load balancer `Alb` (Type given, or the default). */
export function loadBalancer(id = 'Alb', type?: string): string {
  return `  ${id}:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
${type ? `      Type: ${type}\n` : ''}      Subnets: [subnet-1, subnet-2]
`;
}

/** A listener resource with raw property lines (indented by 6). */
export function listener(id: string, props: string): string {
  return `  ${id}:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
${props}
`;
}

/** A JSON template, pretty-printed with 2 spaces (what the edit layer keeps). */
export function jsonTemplate(resources: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources }, null, 2);
}

export const LB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1234567890abcdef';
export const CERT_ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
