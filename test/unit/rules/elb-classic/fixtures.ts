/** Templates shared by the classic load balancer rules' tests. */

/** A classic load balancer with one listener from `front` to `back` (written as given). */
export const classicYaml = (front: string, back: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '8080'
          Protocol: ${front}
          InstanceProtocol: ${back}
          SSLCertificateId: arn
`;

export const classicJson = (front: string, back: string): string =>
  JSON.stringify(
    {
      Resources: {
        Elb: {
          Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
          Properties: { Listeners: [{ LoadBalancerPort: '443', InstancePort: '8080', Protocol: front, InstanceProtocol: back, SSLCertificateId: 'arn' }] },
        },
      },
    },
    null,
    2,
  );
