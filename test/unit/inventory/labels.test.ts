import { strict as assert } from 'assert';
import { expressionLabel, MAX_LABEL } from '../../../rules/src/inventory/labels';
import { parseSource } from '../../../rules/src/parse/index';
import { getValue, SNode } from '../../../rules/src/parse/source-tree';
import { Template } from '../../../rules/src/template/template';
import { inventoryOf } from './support';

/** The label of `Resources.X.Properties.Value` of a template (YAML or JSON). */
function labelIn(text: string, file: string): string {
  const template = new Template(parseSource(text, file), file);
  const value = getValue(template.resources.get('X')!.properties, 'Value') as SNode;
  return expressionLabel(value, template);
}

const NAMES = `Parameters:
  ExistingCertificate: {Type: String}
  Parent: {Type: String}
`;

function yaml(value: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\n${NAMES}Resources:\n  Certificate: {Type: AWS::CertificateManager::Certificate}\n  Stack: {Type: AWS::CloudFormation::Stack}\n  X:\n    Type: Custom::X\n    Properties:\n      Value: ${value}\n`;
}

function json(value: unknown): string {
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { ExistingCertificate: { Type: 'String' }, Parent: { Type: 'String' } },
    Resources: {
      Certificate: { Type: 'AWS::CertificateManager::Certificate' },
      Stack: { Type: 'AWS::CloudFormation::Stack' },
      X: { Type: 'Custom::X', Properties: { Value: value } },
    },
  };
  return JSON.stringify(template, null, 2);
}

/** Each case: the short-form YAML, the same value in JSON, the label. */
const CASES: [string, unknown, string][] = [
  [
    '!If [HasCreateAcmCertificate, !Ref Certificate, !Ref ExistingCertificate]',
    { 'Fn::If': ['HasCreateAcmCertificate', { Ref: 'Certificate' }, { Ref: 'ExistingCertificate' }] },
    'Certificate (if HasCreateAcmCertificate) / parameter ExistingCertificate (unless HasCreateAcmCertificate)',
  ],
  [
    '!If [A, !If [B, !Ref Certificate, !GetAtt Stack.Outputs.Arn], !Ref AWS::NoValue]',
    { 'Fn::If': ['A', { 'Fn::If': ['B', { Ref: 'Certificate' }, { 'Fn::GetAtt': ['Stack', 'Outputs.Arn'] }] }, { Ref: 'AWS::NoValue' }] },
    'Certificate (if A, if B) / Stack.Outputs.Arn (if A, unless B) / none (unless A)',
  ],
  ['!GetAtt Stack.Outputs.CertificateArn', { 'Fn::GetAtt': ['Stack', 'Outputs.CertificateArn'] }, 'Stack.Outputs.CertificateArn'],
  ['!ImportValue shared-cert', { 'Fn::ImportValue': 'shared-cert' }, '!ImportValue shared-cert'],
  [
    "!ImportValue {'Fn::Sub': '${Parent}-CertificateArn'}",
    { 'Fn::ImportValue': { 'Fn::Sub': '${Parent}-CertificateArn' } },
    '!ImportValue ${Parent}-CertificateArn',
  ],
  [
    "!Sub ['arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}', {Id: !Ref Parent}]",
    { 'Fn::Sub': ['arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}', { Id: { Ref: 'Parent' } }] },
    'arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Parent}',
  ],
  [
    "!Join [':', [arn, !Ref AWS::Partition, acm, !ImportValue region]]",
    { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'acm', { 'Fn::ImportValue': 'region' }]] },
    'arn:${AWS::Partition}:acm:${!ImportValue region}',
  ],
  ['!FindInMap [Certs, !Ref AWS::Region, Arn]', { 'Fn::FindInMap': ['Certs', { Ref: 'AWS::Region' }, 'Arn'] }, 'Certs[${AWS::Region}][Arn]'],
];

describe('inventory: labels of expressions', () => {
  for (const [short, long, label] of CASES) {
    it(`${short} -> ${label} (YAML and JSON alike)`, () => {
      assert.equal(labelIn(yaml(short), 't.yaml'), label);
      assert.equal(labelIn(json(long), 't.json'), label);
    });
  }

  it('shortens a long label around its middle, never to JSON', () => {
    const branches = Array.from({ length: 12 }, (_, i) => `!If [Condition${i}, !ImportValue shared-certificate-${i}`).join(', ');
    const label = labelIn(yaml(`${branches}, !Ref Certificate${']'.repeat(12)}`), 't.yaml');
    assert.equal(label.length, MAX_LABEL);
    assert.match(label, /^!ImportValue shared-certificate-0 \(if Condition0\) \/ !ImportValue shared-.*….*, unless Condition11\)$/);
    assert.doesNotMatch(label, /[{}"]/);
  });

  it('the inventory labels expressions so, and keys and names them by their JSON as before', () => {
    const inv = inventoryOf(
      `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Parent: {Type: String}
Resources:
  Stack: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: https://example.com/t.yaml}}
  Imported:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/x/1
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates:
        - CertificateArn: !ImportValue {'Fn::Sub': '\${Parent}-CertificateArn'}
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
  Nested:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/x/1
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates:
        - CertificateArn: !GetAtt Stack.Outputs.CertificateArn
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
`,
    );
    const byLabel = new Map(inv.certificates.map((c) => [c.label, c] as const));
    assert.deepEqual([...byLabel.keys()].sort(), ['!ImportValue ${Parent}-CertificateArn', 'Stack.Outputs.CertificateArn']);
    const imported = byLabel.get('!ImportValue ${Parent}-CertificateArn')!;
    assert.equal(imported.name, '{"Fn::ImportValue":{"Fn::Sub":"${Parent}-CertificateArn"}}');
    assert.equal(imported.key, `expression:${imported.name}`);
    assert.deepEqual(
      imported.consumers.map((u) => u.endpoint),
      ['Imported'],
    );
  });
});
