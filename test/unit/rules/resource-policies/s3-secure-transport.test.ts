import { s3SecureTransport } from '../../../../rules/src/rules/resource-policies/s3-secure-transport';
import { runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  SecureFlag:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
  LogsBucketName:
    Type: String
    Default: acme-logs
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
`;

/** A bucket policy for Bucket with the given statements (indented as list items under Statement). */
const policy = (statements: string, bucket = '!Ref Bucket'): string => `${HEAD}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: ${bucket}
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statements}
`;

const ALLOW_READ = `          - Sid: AllowRead
            Effect: Allow
            Principal:
              AWS: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root
            Action: s3:GetObject
            Resource: !Sub \${Bucket.Arn}/*`;

/** AWS's documented statement (Knowledge Center "s3-bucket-policy-for-config-rule"). */
const DENY_HTTP = `          - Sid: AllowSSLRequestsOnly
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
            Condition:
              Bool:
                aws:SecureTransport: 'false'`;

const ADDED_DENY = `          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
              - !GetAtt Bucket.Arn
              - !Sub \${Bucket.Arn}/*
            Condition:
              Bool:
                aws:SecureTransport: 'false'`;

const POLICY_PATH = ['Resources', 'BucketPolicy', 'Properties', 'PolicyDocument', 'Statement'];

/** The nist quickstart style: ARNs joined, the partition chosen by a condition. */
const joinArn = (suffix: string): string => `              - Fn::Join:
                - ''
                - - 'arn:'
                  - Fn::If: [Strict, aws-us-gov, aws]
                  - ':s3:::'
                  - Ref: Bucket${suffix}`;

const json = (statements: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify(
    {
      Resources: {
        Logs: { Type: 'AWS::S3::Bucket' },
        LogsPolicy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: { Bucket: { Ref: 'Logs' }, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
        },
        ...extra,
      },
    },
    null,
    2,
  );

/** The fix writes a one-key `Ref` object on one line: the text after the marker as the fix writes it. */
const inlineRefsAfter = (marker: string, text: string): string => {
  const i = text.indexOf(marker);
  return text.slice(0, i) + text.slice(i).replace(/\{\n\s+"Ref": ("[^"]+")\n\s+\}/g, '{ "Ref": $1 }');
};

const JOIN_OBJECTS = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Logs' }, '/*']] };
const JSON_ALLOW = { Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: JOIN_OBJECTS };

runRuleTests(s3SecureTransport, {
  valid: [
    { name: "AWS's statement, ARNs through Fn::Sub", code: policy(`${ALLOW_READ}\n${DENY_HTTP}`) },
    {
      name: 'Principal {AWS: "*"}, BoolIfExists, boolean false, ARNs through GetAtt',
      code: policy(`          - Effect: Deny
            Principal: {AWS: '*'}
            Action: ['s3:*']
            Resource: [!GetAtt Bucket.Arn, !Sub '\${Bucket.Arn}/*']
            Condition: {BoolIfExists: {aws:SecureTransport: false}}`),
    },
    {
      name: 'Action "*" and a Resource wildcard over every bucket',
      code: policy(`          - Effect: Deny
            Principal: '*'
            Action: '*'
            Resource: arn:aws:s3:::*
            Condition: {Bool: {aws:SecureTransport: 'false'}}`),
    },
    {
      name: 'partition chosen by Fn::If inside Fn::Join (both scenarios)',
      code: policy(`          - Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
${joinArn('')}
${joinArn('\n                  - /*')}
            Condition: {Bool: {aws:SecureTransport: 'false'}}`),
    },
    {
      name: 'a bucket named by a parameter, the ARNs through the same parameter',
      code: policy(
        `          - Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource: [!Sub 'arn:aws:s3:::\${LogsBucketName}', !Sub 'arn:aws:s3:::\${LogsBucketName}/*']
            Condition: {Bool: {aws:SecureTransport: 'false'}}`,
        '!Ref LogsBucketName',
      ),
    },
    {
      name: 'condition value from a parameter whose values are all false',
      code: policy(DENY_HTTP.replace("aws:SecureTransport: 'false'", 'aws:SecureTransport: !Ref AlwaysFalse')).replace(
        'Parameters:\n',
        "Parameters:\n  AlwaysFalse:\n    Type: String\n    Default: 'false'\n",
      ),
    },
    {
      name: 'PolicyDocument from ImportValue is unknown',
      code: `${HEAD}  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument: !ImportValue shared-policy\n`,
    },
    { name: 'a statement from ImportValue may be the deny', code: policy(`${ALLOW_READ}\n          - !ImportValue shared-deny-statement`) },
    { name: 'an Effect that cannot be known may be Deny', code: policy(DENY_HTTP.replace('Effect: Deny', 'Effect: !ImportValue effect')) },
    {
      name: 'a website bucket: S3 website endpoints are HTTP only',
      code: policy(ALLOW_READ).replace('VersioningConfiguration: {Status: Enabled}', 'WebsiteConfiguration: {IndexDocument: index.html}'),
    },
    {
      name: 'JSON: the deny with Fn::Join ARNs',
      code: json([
        JSON_ALLOW,
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Logs' }]] }, JOIN_OBJECTS],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    },
    {
      name: 'PolicyDocument as a JSON string with the deny',
      code: `${HEAD}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: acme-logs
      PolicyDocument: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::acme-logs","arn:aws:s3:::acme-logs/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
  Named:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
${DENY_HTTP}
`,
    },
    {
      name: 'a bucket whose policy names it by BucketName',
      code: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub acme-logs-\${AWS::AccountId}
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Sub acme-logs-\${AWS::AccountId}
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: {AWS: '*'}
            Action: s3:*
            Resource:
              - !Sub arn:\${AWS::Partition}:s3:::acme-logs-\${AWS::AccountId}
              - !Sub arn:\${AWS::Partition}:s3:::acme-logs-\${AWS::AccountId}/*
            Condition: {Bool: {aws:SecureTransport: false}}
`,
    },
    {
      name: 'a bucket whose policy may name it (Bucket from ImportValue): no info',
      code: `Resources:
  Logs:
    Type: AWS::S3::Bucket
  Shared:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !ImportValue logs-bucket-name
      PolicyDocument:
        Statement:
          - {Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*', Condition: {Bool: {aws:SecureTransport: 'false'}}}
`,
    },
    {
      name: 'minimumTls 1.3 with both denies',
      options: { minimumTls: '1.3' },
      code: policy(`${DENY_HTTP}
          - Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource: [!GetAtt Bucket.Arn, !Sub '\${Bucket.Arn}/*']
            Condition: {NumericLessThan: {s3:TlsVersion: 1.3}}`),
    },
    { name: 'minimumTls 1.2 (S3 own floor) asks for nothing more', options: { minimumTls: '1.2' }, code: policy(DENY_HTTP) },
  ],
  invalid: [
    {
      name: 'only an Allow: the deny is appended, ARNs as the neighbour writes them',
      code: policy(ALLOW_READ),
      errors: [{ path: POLICY_PATH, line: 23, severity: 'warning', fixes: 1, related: 0 }],
      output: policy(`${ALLOW_READ}\n${ADDED_DENY}`),
    },
    {
      name: 'an Allow on aws:SecureTransport true refuses nothing (related information)',
      code: policy(`          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub \${Bucket.Arn}/*
            Condition: {Bool: {aws:SecureTransport: 'true'}}`),
      errors: [{ path: POLICY_PATH, relatedPaths: [[...POLICY_PATH, 0]] }],
    },
    {
      name: 'a deny on the objects only (near miss): the bucket ARN derived from the Join',
      code: policy(`          - Sid: HttpsOnly
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
${joinArn('\n                  - /*')}
            Condition: {Bool: {aws:SecureTransport: 'false'}}`),
      errors: [{ path: POLICY_PATH, messageIncludes: 'Resource does not cover', relatedPaths: [[...POLICY_PATH, 0]] }],
    },
    {
      name: 'a deny for one account only',
      code: policy(DENY_HTTP.replace("Principal: '*'", 'Principal: {AWS: !Ref AWS::AccountId}')),
      errors: [{ messageIncludes: 'does not apply to every principal', related: 1 }],
    },
    {
      name: 'a deny narrowed by another condition',
      code: policy(
        DENY_HTTP.replace(
          "aws:SecureTransport: 'false'",
          "aws:SecureTransport: 'false'\n              StringNotEquals:\n                aws:SourceVpce: vpce-1a2b3c4d",
        ),
      ),
      errors: [{ messageIncludes: 'Condition is not Bool aws:SecureTransport false alone' }],
    },
    {
      name: 'a deny on some actions only',
      code: policy(DENY_HTTP.replace('Action: s3:*', 'Action: [s3:GetObject, s3:PutObject]')),
      errors: [{ messageIncludes: 'Action does not cover s3:*' }],
    },
    {
      name: 'condition value from a parameter whose Default is true',
      code: policy(DENY_HTTP.replace("aws:SecureTransport: 'false'", 'aws:SecureTransport: !Ref SecureFlag')).replace(
        "'true'\n    AllowedValues: ['true', 'false']",
        "'true'",
      ),
      errors: [{ path: POLICY_PATH }],
    },
    {
      name: 'Statement in Fn::If: the branch without the deny, appended there',
      code: `${HEAD}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement: !If
          - Strict
          -
${DENY_HTTP.replace(/^ {10}/gm, '            ')}
          -
${ALLOW_READ.replace(/^ {10}/gm, '            ')}
`,
      errors: [{ path: [...POLICY_PATH, 'Fn::If', 2], messageIncludes: '(when Strict is false)' }],
      output: `${HEAD}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement: !If
          - Strict
          -
${DENY_HTTP.replace(/^ {10}/gm, '            ')}
          -
${ALLOW_READ.replace(/^ {10}/gm, '            ')}
${ADDED_DENY.replace(/^ {10}/gm, '            ')}
`,
    },
    {
      name: 'a statement removed by AWS::NoValue',
      code: policy(
        `          - !If [Strict, !Ref AWS::NoValue, {Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*', Condition: {Bool: {aws:SecureTransport: 'false'}}}]\n${ALLOW_READ}`,
      ),
      errors: [{ path: POLICY_PATH }],
    },
    {
      name: 'a single statement: the quick fix makes Statement a list',
      code: `${HEAD}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          Effect: Allow
          Principal: {Service: logging.s3.amazonaws.com}
          Action: s3:PutObject
          Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/logs/*
`,
      errors: [{ path: POLICY_PATH, fixes: 1 }],
      quickFixOutput: `${HEAD}  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: logging.s3.amazonaws.com
            Action: s3:PutObject
            Resource: !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/logs/*
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
            Condition:
              Bool:
                aws:SecureTransport: 'false'
`,
    },
    {
      name: 'no Statement: it is inserted, ARNs built from a literal bucket name',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: acme-logs
      PolicyDocument:
        Version: '2012-10-17'
`,
      errors: [{ path: ['Resources', 'Policy', 'Properties', 'PolicyDocument'], line: 6 }],
      output: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: acme-logs
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
              - !Sub arn:\${AWS::Partition}:s3:::acme-logs
              - !Sub arn:\${AWS::Partition}:s3:::acme-logs/*
            Condition:
              Bool:
                aws:SecureTransport: 'false'
`,
    },
    {
      name: 'PolicyDocument as a JSON string without the deny: reported, not edited',
      code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: acme-logs
      PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-logs/*"}]}'
`,
      errors: [{ path: ['Resources', 'Policy', 'Properties', 'PolicyDocument'], line: 6, fixes: 0 }],
    },
    {
      name: 'JSON: the deny written with Fn::Join like the neighbours',
      code: json([JSON_ALLOW]),
      errors: [{ path: ['Resources', 'LogsPolicy', 'Properties', 'PolicyDocument', 'Statement'], severity: 'warning' }],
      output: inlineRefsAfter(
        'DenyInsecureTransport',
        json([
          JSON_ALLOW,
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Logs' }]] }, JOIN_OBJECTS],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ]),
      ),
    },
    {
      name: 'minimumTls 1.3: the TLS deny is missing and appended',
      options: { minimumTls: '1.3' },
      code: policy(DENY_HTTP),
      errors: [{ path: POLICY_PATH, messageIncludes: 'NumericLessThan s3:TlsVersion 1.3' }],
      output: policy(`${DENY_HTTP}
          - Sid: DenyOutdatedTls
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/*
            Condition:
              NumericLessThan:
                s3:TlsVersion: 1.3`),
    },
    {
      name: 'a bucket with no policy in the template: info, the quick fix adds one under its Condition',
      code: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    Condition: Strict
    Properties:
      VersioningConfiguration: {Status: Enabled}
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
`,
      errors: [{ path: ['Resources', 'Reports', 'Properties'], line: 5, severity: 'info', fixes: 1 }],
      quickFixOutput: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    Condition: Strict
    Properties:
      VersioningConfiguration: {Status: Enabled}
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Condition: Strict
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource:
              - !GetAtt Reports.Arn
              - !Sub \${Reports.Arn}/*
            Condition:
              Bool:
                aws:SecureTransport: 'false'
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
`,
    },
    {
      name: 'JSON: a bucket without Properties and no policy: info on its logical id',
      code: JSON.stringify({ Resources: { Archive: { Type: 'AWS::S3::Bucket' } } }, null, 2),
      errors: [{ path: ['Resources', 'Archive', 'Properties'], line: 3, severity: 'info' }],
    },
  ],
});
