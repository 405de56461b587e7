import { elbPlaintextToInstances } from '../../../../rules/src/rules/elb-classic/plaintext-to-instances';
import { runRuleTests } from '../../../support/rule-tester';
import { classicJson as json, classicYaml as yaml } from './fixtures';

runRuleTests(elbPlaintextToInstances, {
  valid: [
    { name: 'HTTPS end to end', code: yaml('HTTPS', 'HTTPS') },
    { name: 'SSL end to end', code: yaml('SSL', 'SSL') },
    { name: 'HTTP front end is another rule', code: yaml('HTTP', 'HTTP') },
    { name: 'TCP pass-through', code: yaml('TCP', 'TCP') },
    { name: 'HTTPS to TCP is a pairing error, not this advice', code: yaml('HTTPS', 'TCP') },
    { name: 'InstanceProtocol absent (not reported)', code: yaml('HTTPS', '!Ref AWS::NoValue') },
    { name: 'unknown back end', code: yaml('HTTPS', '!GetAtt Config.Protocol') },
    { name: 'unknown front end', code: yaml('!ImportValue front', 'HTTP') },
    {
      name: 'plaintext only where the front end is plaintext too',
      code: yaml('!If [Tls, HTTPS, HTTP]', '!If [Tls, HTTPS, HTTP]', 'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n'),
    },
    { name: 'JSON HTTPS end to end', code: json('HTTPS', 'HTTPS') },
  ],
  invalid: [
    {
      name: 'HTTPS to HTTP: info on InstanceProtocol',
      code: yaml('HTTPS', 'HTTP'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], line: 11, severity: 'info', messageIncludes: 'plaintext' }],
    },
    {
      name: 'SSL to TCP',
      code: yaml('SSL', 'tcp'),
      errors: [{ messageIncludes: 'Use SSL to the instances' }],
    },
    {
      name: 'parameter Default HTTP (also an AllowedValues entry): related info for both',
      code: yaml('HTTPS', '!Ref Back', 'Parameters:\n  Back:\n    Type: String\n    Default: HTTP\n    AllowedValues: [HTTP, HTTPS]\n'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], related: 2 }],
    },
    {
      name: 'Fn::If branch',
      code: yaml('HTTPS', '!If [Cheap, HTTP, HTTPS]', 'Conditions:\n  Cheap: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol', 'Fn::If', 1] }],
    },
    {
      name: 'JSON HTTPS to HTTP',
      code: json('HTTPS', 'HTTP'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'InstanceProtocol'], line: 11 }],
    },
  ],
});
