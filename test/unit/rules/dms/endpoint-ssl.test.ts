import { dmsEndpointSsl } from '../../../../rules/src/rules/dms/endpoint-ssl';
import { runRuleTests } from '../../../support/rule-tester';

const endpoint = (props: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  SslMode:
    Type: String
    Default: require
    AllowedValues: [require, none]
  Engine:
    Type: String
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Source:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: source
${props}`;

const json = (props: Record<string, unknown>): string =>
  JSON.stringify({ Resources: { Source: { Type: 'AWS::DMS::Endpoint', Properties: { EndpointType: 'source', ...props } } } }, null, 2);

runRuleTests(dmsEndpointSsl, {
  valid: [
    { name: 'PostgreSQL with require', code: endpoint('      EngineName: postgres\n      SslMode: require\n') },
    {
      name: 'MySQL with verify-full',
      code: endpoint('      EngineName: mysql\n      SslMode: verify-full\n      CertificateArn: arn:aws:dms:eu-west-1:123456789012:cert:ABC\n'),
    },
    { name: 'Redshift endpoints use SSL already', code: endpoint('      EngineName: redshift\n') },
    { name: 'S3 has no SSL mode', code: endpoint('      EngineName: s3\n') },
    { name: 'Redis without SslSecurityProtocol: the default is ssl-encryption', code: endpoint('      EngineName: redis\n') },
    { name: 'Redis with ssl-encryption', code: endpoint('      EngineName: redis\n      RedisSettings:\n        SslSecurityProtocol: ssl-encryption\n') },
    { name: 'engine from a parameter without values is unknown', code: endpoint('      EngineName: !Ref Engine\n') },
    { name: 'engine from ImportValue is unknown', code: endpoint('      EngineName: !ImportValue dms-engine\n') },
    { name: 'SslMode from GetAtt is unknown', code: endpoint('      EngineName: postgres\n      SslMode: !GetAtt Settings.SslMode\n') },
    { name: 'Fn::If with require on both branches', code: endpoint('      EngineName: postgres\n      SslMode: !If [Legacy, require, verify-full]\n') },
    { name: 'JSON SQL Server with require', code: json({ EngineName: 'sqlserver', SslMode: 'require' }) },
  ],
  invalid: [
    {
      name: 'PostgreSQL without SslMode: on Properties, inserts require',
      code: endpoint('      EngineName: postgres\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties'], line: 14, severity: 'warning', fixes: 1, messageIncludes: 'not set' }],
      output: endpoint('      EngineName: postgres\n      SslMode: require\n'),
    },
    {
      name: 'SslMode none: on the value, set to require',
      code: endpoint('      EngineName: aurora-postgresql\n      SslMode: none\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties', 'SslMode'], line: 17, fixes: 1 }],
      output: endpoint('      EngineName: aurora-postgresql\n      SslMode: require\n'),
    },
    {
      name: 'MySQL without SslMode: no fix (needs a CA certificate for verify-ca / verify-full)',
      code: endpoint('      EngineName: mysql\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties'], fixes: 0, messageIncludes: 'CertificateArn' }],
    },
    {
      name: 'Oracle with none: no fix',
      code: endpoint('      EngineName: oracle\n      SslMode: none\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties', 'SslMode'], fixes: 0, messageIncludes: "'verify-ca'" }],
    },
    {
      name: 'AWS::NoValue makes SslMode absent',
      code: endpoint('      EngineName: sqlserver\n      SslMode: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties'] }],
    },
    {
      name: 'Fn::If branch none',
      code: endpoint('      EngineName: mongodb\n      SslMode: !If [Legacy, none, require]\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties', 'SslMode', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      output: endpoint('      EngineName: mongodb\n      SslMode: !If [Legacy, require, require]\n'),
    },
    {
      name: 'parameter AllowedValues none: related information, the fix edits the parameter',
      code: endpoint('      EngineName: postgres\n      SslMode: !Ref SslMode\n'),
      errors: [{ relatedPaths: [['Parameters', 'SslMode', 'AllowedValues', 1]] }],
      output: endpoint('      EngineName: postgres\n      SslMode: !Ref SslMode\n').replace(
        'AllowedValues: [require, none]',
        'AllowedValues: [require, require]',
      ),
    },
    {
      name: 'Redis plaintext: on the value, set to ssl-encryption',
      code: endpoint('      EngineName: redis\n      RedisSettings:\n        SslSecurityProtocol: plaintext\n'),
      errors: [{ path: ['Resources', 'Source', 'Properties', 'RedisSettings', 'SslSecurityProtocol'], line: 18 }],
      output: endpoint('      EngineName: redis\n      RedisSettings:\n        SslSecurityProtocol: ssl-encryption\n'),
    },
    {
      name: 'JSON PostgreSQL with none',
      code: json({ EngineName: 'postgres', SslMode: 'none' }),
      errors: [{ path: ['Resources', 'Source', 'Properties', 'SslMode'], line: 8 }],
      output: json({ EngineName: 'postgres', SslMode: 'require' }),
    },
    {
      name: 'JSON PostgreSQL without SslMode',
      code: json({ EngineName: 'postgres' }),
      errors: [{ path: ['Resources', 'Source', 'Properties'], line: 5 }],
      output: json({ EngineName: 'postgres', SslMode: 'require' }),
    },
  ],
});
