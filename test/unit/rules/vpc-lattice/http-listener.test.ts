import { vpcLatticeHttpListener } from '../../../../rules/src/rules/vpc-lattice/http-listener';
import { runRuleTests } from '../../../support/rule-tester';

const listener = (protocol: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  OrdersListener:
    Type: AWS::VpcLattice::Listener
    Properties:
      ServiceIdentifier: !Ref OrdersService
      Port: 443
      Protocol: ${protocol}
      DefaultAction:
        FixedResponse:
          StatusCode: 404
`;

const PARAMS = `Parameters:
  ListenerProtocol:
    Type: String
    Default: HTTPS
    AllowedValues: [HTTPS, HTTP]
Conditions:
  Internal: !Equals [!Ref AWS::Region, eu-west-1]
`;

const json = (protocol: unknown): string =>
  JSON.stringify(
    {
      Resources: {
        OrdersListener: {
          Type: 'AWS::VpcLattice::Listener',
          Properties: { ServiceIdentifier: 'svc-0123456789abcdef0', Protocol: protocol, Port: 80, DefaultAction: { FixedResponse: { StatusCode: 404 } } },
        },
      },
    },
    null,
    2,
  );

runRuleTests(vpcLatticeHttpListener, {
  valid: [
    { name: 'HTTPS', code: listener('HTTPS') },
    { name: 'TLS_PASSTHROUGH: TLS end to end, not plaintext', code: listener('TLS_PASSTHROUGH') },
    { name: 'ImportValue is unknown', code: listener('!ImportValue lattice-protocol') },
    { name: 'GetAtt is unknown', code: listener('!GetAtt ProtocolLookup.Value') },
    { name: 'NoValue: no protocol to judge', code: listener('!Ref AWS::NoValue') },
    {
      name: 'parameter Default HTTPS without AllowedValues',
      code: listener('!Ref ListenerProtocol', 'Parameters:\n  ListenerProtocol:\n    Type: String\n    Default: HTTPS\n'),
    },
    { name: 'Fn::If: HTTPS or TLS_PASSTHROUGH', code: listener('!If [Internal, TLS_PASSTHROUGH, HTTPS]', PARAMS) },
    { name: 'JSON: HTTPS', code: json('HTTPS') },
  ],
  invalid: [
    {
      name: 'HTTP: info, no fix (Protocol is create-only)',
      code: listener('HTTP'),
      errors: [
        {
          path: ['Resources', 'OrdersListener', 'Properties', 'Protocol'],
          line: 8,
          severity: 'info',
          messageIncludes: 'VPC Lattice listener OrdersListener has Protocol',
          fixes: 0,
        },
      ],
    },
    {
      name: 'Fn::If branch HTTP',
      code: listener('!If [Internal, HTTP, HTTPS]', PARAMS),
      errors: [{ path: ['Resources', 'OrdersListener', 'Properties', 'Protocol', 'Fn::If', 1], line: 15 }],
    },
    {
      name: 'parameter AllowedValues HTTP: related information at the parameter',
      code: listener('!Ref ListenerProtocol', PARAMS),
      errors: [
        { path: ['Resources', 'OrdersListener', 'Properties', 'Protocol'], related: 1, relatedPaths: [['Parameters', 'ListenerProtocol', 'AllowedValues', 1]] },
      ],
    },
    {
      name: 'parameter Default HTTP',
      code: listener('!Ref ListenerProtocol', 'Parameters:\n  ListenerProtocol:\n    Type: String\n    Default: HTTP\n'),
      errors: [
        {
          path: ['Resources', 'OrdersListener', 'Properties', 'Protocol'],
          severity: 'info',
          relatedPaths: [['Parameters', 'ListenerProtocol', 'Default']],
          fixes: 0,
        },
      ],
    },
    { name: 'JSON: HTTP', code: json('HTTP'), errors: [{ path: ['Resources', 'OrdersListener', 'Properties', 'Protocol'], line: 7, severity: 'info' }] },
  ],
});
