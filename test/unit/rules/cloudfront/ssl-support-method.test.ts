import { cloudfrontSslSupportMethod } from '../../../../rules/src/rules/cloudfront/ssl-support-method';
import { runRuleTests } from '../../../support/rule-tester';
import { at, cfg, json, withConditions, withParameters, yaml } from './fixtures';

const method = (value: string): [string, string] => ['SslSupportMethod: sni-only', `SslSupportMethod: ${value}`];
const PATH = cfg('ViewerCertificate', 'SslSupportMethod');
const jsonMethod = (value: string, mpv = 'TLSv1.2_2021'): string =>
  json((c) => {
    at(c, 'ViewerCertificate').SslSupportMethod = value;
    at(c, 'ViewerCertificate').MinimumProtocolVersion = mpv;
  });
const parameterTemplate = withParameters(yaml(method('!Ref SslMethod')), '  SslMethod:\n    Type: String\n    Default: vip\n');
const conditional = (value: string): string => withConditions(yaml(method(value)), '  OldClients: !Equals [!Ref AWS::Region, eu-west-1]\n');

runRuleTests(cloudfrontSslSupportMethod, {
  valid: [
    { name: 'sni-only', code: yaml() },
    { name: 'JSON sni-only', code: jsonMethod('sni-only') },
    { name: 'GetAtt value is unknown', code: yaml(method('!GetAtt Config.SslMethod')) },
    { name: 'ImportValue is unknown', code: yaml(method('!ImportValue ssl-method')) },
    { name: 'Fn::If with sni-only in both branches', code: conditional('!If [OldClients, sni-only, sni-only]') },
    { name: 'AWS::NoValue in the other branch', code: conditional('!If [OldClients, sni-only, !Ref AWS::NoValue]') },
  ],
  invalid: [
    {
      name: 'vip',
      code: yaml(method('vip')),
      errors: [{ path: PATH, line: 24, severity: 'warning', resource: 'Distribution', messageIncludes: 'dedicated IP', fixes: 1 }],
      output: yaml(),
    },
    {
      name: 'JSON static-ip',
      code: jsonMethod('static-ip'),
      errors: [{ path: PATH, messageIncludes: 'static-ip' }],
      output: jsonMethod('sni-only'),
    },
    {
      name: 'vip with SSLv3: the fix raises MinimumProtocolVersion as sni-only requires',
      code: jsonMethod('vip', 'SSLv3'),
      errors: [{ path: PATH, fixes: 1 }],
      output: jsonMethod('sni-only', 'TLSv1.2_2021'),
    },
    {
      name: 'parameter Default: related info, fix edits the parameter',
      code: parameterTemplate,
      errors: [{ path: PATH, related: 1 }],
      output: parameterTemplate.replace('Default: vip', 'Default: sni-only'),
    },
    {
      name: 'Fn::If branch',
      code: conditional('!If [OldClients, vip, sni-only]'),
      errors: [{ path: [...PATH, 'Fn::If', 1] }],
      output: conditional('!If [OldClients, sni-only, sni-only]'),
    },
  ],
});
