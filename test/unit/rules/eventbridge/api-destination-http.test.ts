import { eventbridgeApiDestinationHttp } from '../../../../rules/src/rules/eventbridge/api-destination-http';
import { runRuleTests } from '../../../support/rule-tester';

const destination = (endpoint: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Host:
    Type: String
    Default: hooks.example.com
  Url:
    Type: String
    Default: https://hooks.example.com/events
    AllowedValues:
      - https://hooks.example.com/events
      - http://hooks.example.com/events
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Hook:
    Type: AWS::Events::ApiDestination
    Properties:
      ConnectionArn: !GetAtt Connection.Arn
      HttpMethod: POST
      InvocationEndpoint: ${endpoint}
`;

const json = (endpoint: unknown): string =>
  JSON.stringify(
    { Resources: { Hook: { Type: 'AWS::Events::ApiDestination', Properties: { ConnectionArn: 'arn', HttpMethod: 'POST', InvocationEndpoint: endpoint } } } },
    null,
    2,
  );

const ENDPOINT = ['Resources', 'Hook', 'Properties', 'InvocationEndpoint'];

runRuleTests(eventbridgeApiDestinationHttp, {
  valid: [
    { name: 'an https URL', code: destination('https://hooks.example.com/events') },
    { name: 'JSON, an https URL', code: json('https://hooks.example.com/*') },
    { name: 'Fn::Sub with https', code: destination('!Sub https://${Host}/events') },
    { name: 'GetAtt is unknown', code: destination('!GetAtt Endpoint.Url') },
    { name: 'ImportValue is unknown', code: destination('!ImportValue hook-url') },
    { name: 'Fn::Sub whose scheme is a parameter is unknown', code: destination('!Sub ${Host}/events') },
    { name: 'Fn::If with https in both branches', code: destination('!If [Strict, https://a.example.com, https://b.example.com]') },
    { name: 'a host named http is not the scheme', code: destination('https://http.example.com/') },
  ],
  invalid: [
    {
      name: 'an http URL',
      code: destination('http://hooks.example.com/events'),
      errors: [{ path: ENDPOINT, line: 20, severity: 'error', resource: 'Hook', messageIncludes: "'http://hooks.example.com/events'", fixes: 0 }],
    },
    { name: 'scheme in capitals', code: destination('HTTP://hooks.example.com/events'), errors: [{ path: ENDPOINT }] },
    { name: 'JSON, an http URL', code: json('http://hooks.example.com/events'), errors: [{ path: ENDPOINT, line: 8 }] },
    { name: 'Fn::Sub starting with http://', code: destination('!Sub http://${Host}/events'), errors: [{ path: ENDPOINT, messageIncludes: "'http://'" }] },
    {
      name: 'JSON, Fn::Join starting with http://',
      code: json({ 'Fn::Join': ['', ['http://', { Ref: 'AWS::StackName' }, '.example.com']] }),
      errors: [{ path: ENDPOINT }],
    },
    {
      name: 'a parameter that allows an http URL: related information on the value',
      code: destination('!Ref Url'),
      errors: [{ path: ENDPOINT, related: 1 }],
    },
    {
      name: 'Fn::If: the http branch',
      code: destination('!If [Strict, https://hooks.example.com, http://hooks.example.com]'),
      errors: [{ path: [...ENDPOINT, 'Fn::If', 2], messageIncludes: '(when Strict is false)' }],
    },
    {
      name: 'Fn::If with AWS::NoValue: the other branch',
      code: destination('!If [Strict, http://hooks.example.com, !Ref AWS::NoValue]'),
      errors: [{ path: [...ENDPOINT, 'Fn::If', 1] }],
    },
  ],
});
