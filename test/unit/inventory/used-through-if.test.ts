import { strict as assert } from 'assert';
import type { TemplateInventory } from '../../../rules/src/inventory/index';
import { inventoryOf } from './support';

/**
 * A certificate a consumer names through `Fn::If` is used, in whatever scenario the consumer is
 * read (issue 15): the inventory reads values as the rules do, and a value whose `Fn::If` its
 * scenario leaves open is read in each scenario of its conditions.
 */
const PARAMETERS = `Parameters:
  ExistingCertificate: {Type: String, Default: ''}
`;
const CERTIFICATE = `  Certificate:
    Type: AWS::CertificateManager::Certificate
    Condition: HasCreateAcmCertificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: DNS
`;
const CHOICE = '!If [HasCreateAcmCertificate, !Ref Certificate, !Ref ExistingCertificate]';

function distribution(conditions: string, comment = 'site'): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${PARAMETERS}Conditions:
  HasCreateAcmCertificate: !Equals [!Ref ExistingCertificate, '']
${conditions}Resources:
${CERTIFICATE}  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Comment: ${comment}
        Aliases: [www.example.com]
        ViewerCertificate:
          AcmCertificateArn: ${CHOICE}
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: redirect-to-https}
        Origins: [{Id: o, DomainName: example.com}]
`;
}

function assertBothUsed(inv: TemplateInventory, endpoint: string): void {
  assert.deepEqual(
    inv.certificates.map((c) => [c.key, c.consumers.map((u) => u.endpoint)]),
    [
      ['parameter:ExistingCertificate', [endpoint]],
      ['resource:Certificate', [endpoint]],
    ],
  );
  assert.ok(!inv.certificates.some((c) => c.source === 'expression'), 'no expression made of the two');
  assert.deepEqual(inv.endpoints.find((e) => e.key === endpoint)!.certificates.sort(), ['parameter:ExistingCertificate', 'resource:Certificate']);
}

describe('inventory: a certificate used through Fn::If is used', () => {
  it('a distribution choosing between the Certificate resource and a parameter', () => {
    assertBothUsed(inventoryOf(distribution('')), 'Distribution');
  });

  it('in a distribution whose conditions are too many for its views (the choice in a group left open)', () => {
    // Eight conditions sharing ExistingCertificate with HasCreateAcmCertificate: one group, past 64 scenarios.
    const busy = Array.from(
      { length: 8 },
      (_, i) => `  Flag${i}: !And [!Equals [!Ref Flag${i}Param, 'on'], !Equals [!Ref ExistingCertificate, 'arn${i}']]\n`,
    ).join('');
    const params = Array.from({ length: 8 }, (_, i) => `  Flag${i}Param: {Type: String, Default: ''}\n`).join('');
    const comment = `!Join ['', [${Array.from({ length: 8 }, (_, i) => `!If [Flag${i}, a, b]`).join(', ')}]]`;
    const text = distribution(busy, comment).replace(PARAMETERS, PARAMETERS + params);
    assertBothUsed(inventoryOf(text), 'Distribution');
  });

  it('in SAM Globals, read outside any resource', () => {
    const inv = inventoryOf(`AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
${PARAMETERS}Conditions:
  HasCreateAcmCertificate: !Equals [!Ref ExistingCertificate, '']
Globals:
  Api:
    Domain:
      DomainName: api.example.com
      CertificateArn: ${CHOICE}
Resources:
${CERTIFICATE}  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`);
    assertBothUsed(inv, 'Globals.Api.Domain');
  });

  it('a branch that is AWS::NoValue names nothing; the other branch is still used', () => {
    const text = distribution('').replace(CHOICE, '!If [HasCreateAcmCertificate, !Ref Certificate, !Ref AWS::NoValue]');
    const inv = inventoryOf(text);
    assert.deepEqual(
      inv.certificates.map((c) => [c.key, c.consumers.length]),
      [['resource:Certificate', 1]],
    );
  });
});
