import { strict as assert } from 'assert';
import { floorGroup } from '../../../rules/src/inventory/index';
import { inventoryOf } from './support';

/** Lambda function URLs (issue 17, SAM part): HTTPS-only endpoints, counted, never flagged. */

const YAML = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Conditions:
  WithUrl: !Equals [!Ref 'AWS::Region', eu-west-1]
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      FunctionUrlConfig:
        AuthType: NONE
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
  Url:
    Type: AWS::Lambda::Url
    Condition: WithUrl
    Properties:
      TargetFunctionArn: !GetAtt Plain.Arn
      AuthType: AWS_IAM
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Role: arn:aws:iam::123456789012:role/r
      Code: { ZipFile: 'exports.handler = async () => 1' }
`;

const JSON_TEXT = JSON.stringify({
  Resources: {
    Url: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f', AuthType: 'NONE' } },
  },
});

describe('inventory: Lambda function URLs', () => {
  it('a SAM FunctionUrlConfig and an AWS::Lambda::Url are HTTPS endpoints with their AuthType; a function without a URL is none', () => {
    const inv = inventoryOf(YAML);
    const urls = inv.endpoints.filter((e) => e.kind === 'lambda-function-url');
    assert.deepEqual(urls.map((e) => e.key).sort(), ['Api.FunctionUrlConfig', 'Url']);
    const sam = urls.find((e) => e.key === 'Api.FunctionUrlConfig')!;
    assert.deepEqual(sam.path, ['Resources', 'Api', 'Properties', 'FunctionUrlConfig']);
    assert.deepEqual(sam.protocols, ['HTTPS']);
    assert.equal(sam.tls, 'yes');
    assert.equal(sam.plaintext, false);
    assert.equal(sam.tlsFloor, null, 'the template sets no floor, and none is documented');
    assert.equal(floorGroup(sam), 'unknown');
    assert.deepEqual(sam.details.authType, ['NONE']);
    assert.deepEqual(urls.find((e) => e.key === 'Url')!.details.authType, ['AWS_IAM']);
    assert.deepEqual(sam.findings, []);
  });

  it('the same in JSON', () => {
    const inv = inventoryOf(JSON_TEXT, 'template.json');
    const url = inv.endpoints.find((e) => e.kind === 'lambda-function-url')!;
    assert.equal(url.key, 'Url');
    assert.deepEqual(url.details.authType, ['NONE']);
  });
});
