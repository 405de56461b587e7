import { appsyncCacheTransitEncryption } from '../../../../rules/src/rules/appsync/cache-transit-encryption';
import { runRuleTests } from '../../../support/rule-tester';

const cache = (flag: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  ApiCache:
    Type: AWS::AppSync::ApiCache
    Properties:
      ApiId: !GetAtt GraphQlApi.ApiId
      ApiCachingBehavior: FULL_REQUEST_CACHING
      Type: SMALL
      Ttl: 300
${flag}`;

const PARAMS = `Parameters:
  Encrypt:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Prod: !Equals [!Ref AWS::AccountId, '111111111111']
`;

const json = (flag: unknown): string =>
  JSON.stringify(
    {
      Resources: {
        ApiCache: {
          Type: 'AWS::AppSync::ApiCache',
          Properties: {
            ApiId: 'abcdefghijklmnopqrstuvwxyz',
            ApiCachingBehavior: 'PER_RESOLVER_CACHING',
            Type: 'SMALL',
            Ttl: 60,
            TransitEncryptionEnabled: flag,
          },
        },
      },
    },
    null,
    2,
  );

runRuleTests(appsyncCacheTransitEncryption, {
  valid: [
    { name: 'true', code: cache('      TransitEncryptionEnabled: true\n') },
    { name: 'absent: AppSync encrypts in transit anyway (the flag is deprecated)', code: cache('') },
    { name: 'NoValue: absent', code: cache('      TransitEncryptionEnabled: !Ref AWS::NoValue\n') },
    { name: 'ImportValue is unknown', code: cache('      TransitEncryptionEnabled: !ImportValue cache-transit\n') },
    { name: 'GetAtt is unknown', code: cache('      TransitEncryptionEnabled: !GetAtt Settings.Transit\n') },
    {
      name: 'Fn::If: both true',
      code: cache(
        '      TransitEncryptionEnabled: !If [Prod, true, !Ref Encrypt]\n',
        PARAMS.replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true']"),
      ),
    },
    { name: 'JSON: true', code: json(true) },
  ],
  invalid: [
    {
      name: 'false: info, quick fix only',
      code: cache('      TransitEncryptionEnabled: false\n'),
      errors: [
        {
          path: ['Resources', 'ApiCache', 'Properties', 'TransitEncryptionEnabled'],
          line: 10,
          severity: 'info',
          messageIncludes: 'AppSync deprecated the flag and now always encrypts',
          fixes: 1,
        },
      ],
      quickFixOutput: cache('      TransitEncryptionEnabled: true\n'),
    },
    {
      name: 'Fn::If branch false',
      code: cache('      TransitEncryptionEnabled: !If [Prod, true, false]\n', PARAMS),
      errors: [{ path: ['Resources', 'ApiCache', 'Properties', 'TransitEncryptionEnabled', 'Fn::If', 2], line: 17 }],
      quickFixOutput: cache('      TransitEncryptionEnabled: !If [Prod, true, true]\n', PARAMS),
    },
    {
      name: "parameter AllowedValues 'false': related information, the quick fix edits the parameter",
      code: cache('      TransitEncryptionEnabled: !Ref Encrypt\n', PARAMS),
      errors: [{ path: ['Resources', 'ApiCache', 'Properties', 'TransitEncryptionEnabled'], related: 1 }],
      quickFixOutput: cache(
        '      TransitEncryptionEnabled: !Ref Encrypt\n',
        PARAMS.replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true', 'true']"),
      ),
    },
    {
      name: "parameter Default 'false'",
      code: cache('      TransitEncryptionEnabled: !Ref Encrypt\n', "Parameters:\n  Encrypt:\n    Type: String\n    Default: 'false'\n"),
      errors: [
        { path: ['Resources', 'ApiCache', 'Properties', 'TransitEncryptionEnabled'], severity: 'info', relatedPaths: [['Parameters', 'Encrypt', 'Default']] },
      ],
    },
    {
      name: 'JSON: false',
      code: json(false),
      errors: [{ path: ['Resources', 'ApiCache', 'Properties', 'TransitEncryptionEnabled'], line: 10, severity: 'info' }],
      quickFixOutput: json(true),
    },
  ],
});
