import { elbProtocolPairing } from '../../../../rules/src/rules/elb-classic/protocol-pairing';
import { runRuleTests } from '../../../support/rule-tester';
import { classicJson as json, classicYaml as yaml } from './fixtures';

const params = (a: string, b: string): string =>
  `Parameters:\n  Front:\n    Type: String\n    Default: ${a.split(',')[0]}\n    AllowedValues: [${a}]\n  Back:\n    Type: String\n    Default: ${b.split(',')[0]}\n    AllowedValues: [${b}]\n`;

runRuleTests(elbProtocolPairing, {
  valid: [
    { name: 'HTTPS to HTTP', code: yaml('HTTPS', 'HTTP') },
    { name: 'HTTPS to HTTPS', code: yaml('HTTPS', 'HTTPS') },
    { name: 'SSL to TCP', code: yaml('SSL', 'TCP') },
    { name: 'TCP to SSL', code: yaml('TCP', 'SSL') },
    { name: 'case does not matter', code: yaml('https', 'Http') },
    { name: 'no InstanceProtocol', code: yaml('HTTPS', '!Ref AWS::NoValue') },
    { name: 'unknown back end', code: yaml('HTTPS', '!ImportValue back') },
    { name: 'two parameters, each with both families: may be chosen together', code: yaml('!Ref Front', '!Ref Back', params('HTTPS, TCP', 'HTTP, SSL')) },
    {
      name: 'Fn::If on one condition keeps the ends together',
      code: yaml('!If [Web, HTTPS, SSL]', '!If [Web, HTTP, TCP]', 'Conditions:\n  Web: !Equals [!Ref AWS::Region, eu-west-1]\n'),
    },
    { name: 'JSON SSL to SSL', code: json('SSL', 'SSL') },
  ],
  invalid: [
    {
      name: 'HTTPS to TCP: on InstanceProtocol',
      code: yaml('HTTPS', 'TCP'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], line: 11, severity: 'error', messageIncludes: 'HTTP or HTTPS' }],
    },
    {
      name: 'TCP to HTTP',
      code: yaml('TCP', 'HTTP'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], messageIncludes: 'TCP or SSL' }],
    },
    {
      name: 'back-end parameter with one wrong AllowedValues entry',
      code: yaml('HTTPS', '!Ref Back', params('HTTPS', 'HTTPS, SSL')),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], related: 1 }],
    },
    {
      name: 'front end mixed, back end one family: on Protocol',
      code: yaml('!Ref Front', 'SSL', params('SSL, HTTPS', 'SSL')),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'], related: 1 }],
    },
    {
      name: 'Fn::If branches on different conditions: the clashing branch',
      code: yaml('HTTPS', '!If [Raw, TCP, HTTP]', 'Conditions:\n  Raw: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol', 'Fn::If', 1] }],
    },
    {
      name: 'JSON HTTP to SSL',
      code: json('HTTP', 'SSL'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], line: 11 }],
    },
  ],
});
