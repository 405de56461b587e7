import { rdsProxyRequireTls } from '../../../../rules/src/rules/rds/proxy-require-tls';
import { runRuleTests } from '../../../support/rule-tester';

const proxy = (extra: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  RequireTls:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      DBProxyName: orders
      EngineFamily: POSTGRESQL
      RoleArn: arn:aws:iam::123456789012:role/proxy
      VpcSubnetIds: [subnet-1, subnet-2]
      Auth:
        - AuthScheme: SECRETS
          SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db
${extra}`;

const json = (props: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Proxy: {
          Type: 'AWS::RDS::DBProxy',
          Properties: {
            DBProxyName: 'orders',
            EngineFamily: 'MYSQL',
            RoleArn: 'arn:aws:iam::123456789012:role/proxy',
            VpcSubnetIds: ['subnet-1'],
            Auth: [],
            ...props,
          },
        },
      },
    },
    null,
    2,
  );

runRuleTests(rdsProxyRequireTls, {
  valid: [
    { name: 'RequireTLS true', code: proxy('      RequireTLS: true\n') },
    { name: 'RequireTLS "true" string', code: proxy("      RequireTLS: 'true'\n") },
    { name: 'RequireTLS from ImportValue is unknown', code: proxy('      RequireTLS: !ImportValue proxy-require-tls\n') },
    { name: 'RequireTLS from GetAtt is unknown', code: proxy('      RequireTLS: !GetAtt Settings.RequireTls\n') },
    { name: 'Fn::If with true on both branches', code: proxy("      RequireTLS: !If [Legacy, true, 'true']\n") },
    {
      name: 'Properties from ImportValue are unknown',
      code: 'Resources:\n  Proxy:\n    Type: AWS::RDS::DBProxy\n    Properties: !ImportValue proxy-properties\n',
    },
    { name: 'JSON RequireTLS true', code: json({ RequireTLS: true }) },
  ],
  invalid: [
    {
      name: 'RequireTLS false: on the value, fixed',
      code: proxy('      RequireTLS: false\n'),
      errors: [{ path: ['Resources', 'Proxy', 'Properties', 'RequireTLS'], line: 20, severity: 'warning', fixes: 1 }],
      output: proxy('      RequireTLS: true\n'),
    },
    {
      name: 'RequireTLS absent: on Properties, inserted',
      code: proxy(''),
      errors: [{ path: ['Resources', 'Proxy', 'Properties'], line: 12, messageIncludes: 'not set' }],
      output: proxy('      RequireTLS: true\n'),
    },
    {
      name: 'AWS::NoValue makes it absent',
      code: proxy('      RequireTLS: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'Proxy', 'Properties'] }],
    },
    {
      name: 'Fn::If branch false',
      code: proxy('      RequireTLS: !If [Legacy, false, true]\n'),
      errors: [{ path: ['Resources', 'Proxy', 'Properties', 'RequireTLS', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      output: proxy('      RequireTLS: !If [Legacy, true, true]\n'),
    },
    {
      name: 'parameter AllowedValues: related information, the fix edits the parameter',
      code: proxy('      RequireTLS: !Ref RequireTls\n'),
      errors: [{ relatedPaths: [['Parameters', 'RequireTls', 'AllowedValues', 1]] }],
      output: proxy('      RequireTLS: !Ref RequireTls\n').replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true', 'true']"),
    },
    {
      name: 'no Properties at all: on the logical id, no fix',
      code: 'Resources:\n  Proxy:\n    Type: AWS::RDS::DBProxy\n',
      errors: [{ line: 2, fixes: 0 }],
    },
    {
      name: 'JSON without RequireTLS',
      code: json({}),
      errors: [{ path: ['Resources', 'Proxy', 'Properties'], line: 5 }],
      output: json({ RequireTLS: true }),
    },
  ],
});
