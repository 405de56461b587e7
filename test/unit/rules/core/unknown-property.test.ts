import { ALL_RULES } from '../../../../rules/src/rules/index';
import { runRuleTests } from '../../../support/rule-tester';

const rule = ALL_RULES.find((r) => r.meta.id === 'unknown-property')!;

runRuleTests(rule, {
  valid: [
    {
      // s3-secure-transport reads a bucket only for whether it has a policy: its names are out of scope.
      name: 'a typo on a resource type that rules only read around their check (YAML)',
      code: `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketNme: example-assets
`,
    },
    {
      name: 'a typo on a resource type that rules only read around their check (JSON)',
      code: `{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketNme": "example-assets"}}}}`,
    },
    {
      name: 'known listener properties',
      code: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/a/1
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
`,
    },
    {
      // corpus: CloudFormation/MacrosExamples/ExecutionRoleBuilder/example.yaml
      name: 'a macro Transform may consume properties of its own (YAML)',
      code: `AWSTemplateFormatVersion: "2010-09-09"
Transform: ExecutionRoleBuilder
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Type: Lambda
      Name: ExecutionRoleForAppA
      Permissions:
        - ReadOnly: arn:aws:s3:::mygreatbucket1
`,
    },
    {
      name: 'a macro Transform may consume properties of its own (JSON)',
      code: `{
  "Transform": ["AWS::Serverless-2016-10-31", "ExecutionRoleBuilder"],
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": { "Type": "Lambda", "Permissions": [{ "ReadOnly": "arn:aws:s3:::b" }] }
    }
  }
}
`,
    },
    {
      name: 'Fn::Transform next to other keys: the macro rewrites that object first',
      code: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Fn::Transform:
        Name: ListenerDefaults
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/a/1
      Shape: standard
`,
    },
    {
      // corpus: cfn-lint-fixtures/.../issues/sam_w_conditions.yaml
      name: 'SAM Function properties newer than the bundled SAM specification (YAML)',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      SnapStart:
        ApplyOn: PublishedVersions
      DeploymentPreference:
        Enabled: true
        PassthroughCondition: true
        Type: AllAtOnce
`,
    },
    {
      name: 'SAM Function properties newer than the bundled SAM specification (JSON)',
      code: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Resources": {
    "Fn": {
      "Type": "AWS::Serverless::Function",
      "Properties": { "Handler": "index.handler", "DeploymentPreference": { "Enabled": true, "PassthroughCondition": true } }
    }
  }
}
`,
    },
    {
      name: 'SAM Domain names the SAM guide documents (NormalizeBasePath, Route53.DistributionDomainName)',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Mode: overwrite
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555
        SecurityPolicy: TLS_1_2
        NormalizeBasePath: false
        Route53:
          HostedZoneId: Z123
          DistributionDomainName: d111111abcdef8.cloudfront.net
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      Domain:
        DomainName: http.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555
        OwnershipVerificationCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-666666666666
`,
    },
    {
      // Names of the current SAM (data/sam-properties.json, from aws-sam-translator), not in the 2023 snapshot.
      name: 'current SAM properties: Api SecurityPolicy and EndpointAccessMode, HttpApi Name, Function LoggingConfig (YAML)',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06
      EndpointAccessMode: STRICT
      ApiKeySourceType: HEADER
      PropagateTags: true
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      Name: orders
      PropagateTags: true
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      LoggingConfig: { LogFormat: JSON }
      RecursiveLoop: Terminate
      FunctionUrlConfig: { AuthType: AWS_IAM }
`,
    },
    {
      name: 'current SAM properties (JSON)',
      code: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Resources": {
    "Http": { "Type": "AWS::Serverless::HttpApi", "Properties": { "Name": "orders", "DisableExecuteApiEndpoint": true } }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt SAM property name is reported, with the rename (YAML)',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DisableExecuteApiEndpont: true
`,
      errors: [
        {
          path: ['Resources', 'Api', 'Properties', 'DisableExecuteApiEndpont'],
          messageIncludes: 'is not a property of AWS::Serverless::Api; did you mean DisableExecuteApiEndpoint?',
          fixes: 1,
        },
      ],
      output: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DisableExecuteApiEndpoint: true
`,
    },
    {
      name: 'a misspelt SAM property name is reported, with the rename (JSON)',
      code: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Resources": {
    "Http": { "Type": "AWS::Serverless::HttpApi", "Properties": { "DisableExecuteApiEndpont": true } }
  }
}
`,
      errors: [{ path: ['Resources', 'Http', 'Properties', 'DisableExecuteApiEndpont'], messageIncludes: 'did you mean DisableExecuteApiEndpoint?', fixes: 1 }],
      output: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Resources": {
    "Http": { "Type": "AWS::Serverless::HttpApi", "Properties": { "DisableExecuteApiEndpoint": true } }
  }
}
`,
    },
    {
      name: 'AWS::LanguageExtensions keeps properties as written: a typo is still reported',
      code: `Transform: AWS::LanguageExtensions
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/a/1
      Protocol: HTTPS
      SSLPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
`,
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'SSLPolicy'], messageIncludes: 'did you mean SslPolicy', fixes: 1 }],
      output: `Transform: AWS::LanguageExtensions
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/a/1
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
`,
    },
    {
      name: 'a typo in a SAM Domain block is still reported',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555
        SecurityPolcy: TLS_1_2
`,
      errors: [{ path: ['Resources', 'Api', 'Properties', 'Domain', 'SecurityPolcy'], messageIncludes: 'did you mean SecurityPolicy' }],
    },
    {
      name: 'a typo in a SAM Domain block is still reported (JSON)',
      code: `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Resources": {
    "Api": {
      "Type": "AWS::Serverless::HttpApi",
      "Properties": { "Domain": { "DomainName": "a.example.com", "CertificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/1", "SecurityPolcy": "TLS_1_2" } }
    }
  }
}
`,
      errors: [{ path: ['Resources', 'Api', 'Properties', 'Domain', 'SecurityPolcy'], messageIncludes: 'did you mean SecurityPolicy' }],
    },
    {
      // corpus: cfn-lint-fixtures/.../bad/generic.yaml (right: Fn::If cannot sit next to property names)
      name: 'Fn::If next to property names is not a property',
      code: `Conditions:
  IsProduction: !Equals [!Ref AWS::AccountId, '123456789012']
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Fn::If:
        - IsProduction
        - BadIf
        - BadElse
`,
      errors: [{ path: ['Resources', 'Role', 'Properties', 'Fn::If'] }],
    },
  ],
});
