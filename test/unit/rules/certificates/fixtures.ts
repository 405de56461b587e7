/** Templates shared by the certificate rules' tests. */

export const ACM = 'arn:aws:acm:eu-west-1:123456789012:certificate/6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c';

/** An HTTPS listener whose single certificate is `arn` (written as given: a literal or a tag). */
export const listener = (arn: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb
      Port: 443
      Protocol: HTTPS
      Certificates:
        - CertificateArn: ${arn}
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
`;

/** A Transfer Family FTPS server whose `Certificate` is `cert` (a TLS-in-transit consumer). */
export const transferServer = (cert: string, head = ''): string => `${head}Resources:
  FtpsServer:
    Type: AWS::Transfer::Server
    Properties:
      Protocols: [FTPS]
      EndpointType: VPC
      Certificate: ${cert}
`;

/** An IoT domain configuration with the given `ServerCertificateArns` items (YAML lines). */
export const iotDomain = (items: string): string => `Resources:
  DeviceDomain:
    Type: AWS::IoT::DomainConfiguration
    Properties:
      DomainConfigurationName: devices
      DomainName: iot.example.com
      ServiceType: DATA
      ServerCertificateArns:
${items}`;
