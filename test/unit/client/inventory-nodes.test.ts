import { strict as assert } from 'assert';
import { firstSentence, InventoryNode, inventoryDescription, inventoryNodes } from '../../../client/src/inventory-nodes';
import { DEFAULT_SETTINGS, defaultRegistry, lintText } from '../../../rules/src/index';
import { editorReport, templateInventory } from '../../../server/src/editor-inventory';
import { fixtureReport } from './support';

function find(nodes: readonly InventoryNode[], label: string): InventoryNode {
  const n = nodes.find((x) => x.label === label);
  assert.ok(n, `${label} in ${nodes.map((x) => x.label).join(', ')}`);
  return n;
}

function all(nodes: readonly InventoryNode[]): InventoryNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

describe('client: inventory tree nodes', () => {
  const report = fixtureReport();
  const roots = inventoryNodes(report);

  it('is empty without certificates and endpoints (the view shows its welcome text)', () => {
    assert.deepEqual(inventoryNodes(null), []);
    assert.deepEqual(inventoryNodes(editorReport([])), []);
  });

  it('has two sections with their counts', () => {
    assert.deepEqual(
      roots.map((r) => [r.label, r.description, r.expanded]),
      [
        ['Certificates', String(report.summary.certificates), true],
        ['Endpoints by TLS floor', String(report.summary.endpoints), true],
      ],
    );
  });

  it('a section drawn empty has another id than once it fills, so VS Code opens it expanded then', () => {
    assert.deepEqual(
      roots.map((r) => r.id),
      ['certificates', 'endpoints'],
    );
    const endpointsOnly = { ...report, templates: report.templates.map((t) => ({ ...t, certificates: [] })) };
    const partial = inventoryNodes(endpointsOnly);
    assert.deepEqual(
      partial.map((r) => [r.id, r.children.length > 0]),
      [
        ['certificates:empty', false],
        ['endpoints', true],
      ],
    );
  });

  it('lists certificates -> consumers -> findings, each revealing its place', () => {
    const site = find(roots[0].children, 'SiteCertificate');
    assert.equal(site.icon, 'verified');
    assert.equal(site.description, 'www.example.com, *.example.com · web.yaml');
    assert.equal(site.location?.uri, 'file:///ws/web.yaml');
    assert.equal(site.location?.range.start.line, 23);
    assert.match(site.tooltip!, /Validation: `DNS`/);
    // Its own finding first, then its consumers.
    assert.deepEqual(
      site.children.map((c) => c.contextValue),
      ['finding', 'consumer'],
    );
    const wildcard = site.children[0];
    assert.equal(wildcard.description, 'acm-wildcard-production · line 29');
    assert.equal(wildcard.icon, 'warning');
    assert.equal(wildcard.tone, 'warning');
    const listener = find(site.children, 'HttpsListener');
    assert.equal(listener.icon, 'plug');
    assert.equal(listener.description, 'ELBv2 listener CertificateArn · line 84');
    assert.equal(listener.location?.range.start.line, 83);
    // The consumer shows the findings of the endpoint presenting the certificate.
    assert.deepEqual(
      listener.children.map((f) => f.description),
      ['elbv2-ssl-policy-weak · line 82'],
    );
    assert.equal(site.tone, 'warning', 'coloured by the worst finding under it');
  });

  it('names parameters, literal ARNs and expressions as a reader would', () => {
    const certs = roots[0].children;
    const param = certs.find((c) => c.label === 'ApiCertificateArn' && /serverless\.yaml/.test(c.description ?? ''))!;
    assert.equal(param.description, 'parameter, ACM certificate · serverless.yaml');
    assert.ok(certs.some((c) => c.label === '!ImportValue events-certificate-arn'));
    const internal = find(certs, 'InternalCertificate');
    assert.match(internal.description!, /· unused ·/);
    assert.equal(find(certs, 'InternalCa').icon, 'organization');
    assert.equal(find(certs, 'LegacyServerCertificate').icon, 'key');
  });

  it('groups endpoints by TLS floor, plaintext allowed and the weakest first', () => {
    const groups = roots[1].children;
    assert.deepEqual(
      groups.map((g) => [g.label, g.tone, g.expanded]),
      [
        ['Plaintext allowed', 'error', true],
        ['TLS 1.0', 'warning', true],
        ['TLS 1.1', 'warning', true],
        ['TLS 1.2', undefined, false],
        ['Unknown', undefined, false],
      ],
    );
    const plain = groups[0];
    assert.equal(find(plain.children, 'HttpListener').description, 'HTTP 80 → HTTPS · web.yaml');
    const weak = find(groups[2].children, 'HttpsListener');
    assert.equal(weak.description, 'HTTPS 443 · web.yaml');
    assert.match(weak.tooltip!, /Policy: `ELBSecurityPolicy-TLS13-1-2-2021-06`, `ELBSecurityPolicy-TLS-1-1-2017-01`/);
    assert.equal(weak.children[0].label, "SslPolicy 'ELBSecurityPolicy-TLS-1-1-2017-01' accepts TLS 1.1; the minimum is TLS 1.2");
    assert.equal(
      groups.reduce((n, g) => n + g.children.length, 0),
      report.summary.endpoints,
    );
    assert.ok(find(groups[3].children, 'Cdn').icon === 'globe');
  });

  it('gives every node a unique id and every entry a location', () => {
    const nodes = all(roots);
    assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length);
    for (const n of nodes) if (n.contextValue !== 'section' && n.contextValue !== 'floor') assert.ok(n.location, n.id);
  });

  it('describes the report for the view title', () => {
    assert.equal(inventoryDescription(report), '12 certificates · 3 below TLS 1.2 · 6 plaintext allowed');
    assert.equal(inventoryDescription(null), undefined);
  });

  it('shortens messages', () => {
    assert.equal(firstSentence('EnforceHTTPS is false: clients may connect over HTTP. Set it.'), 'EnforceHTTPS is false');
    assert.equal(firstSentence('TLS 1.0 is old. Use 1.2.'), 'TLS 1.0 is old');
    assert.equal(firstSentence(`${'a'.repeat(150)}.`), `${'a'.repeat(99)}…`);
  });

  describe('labels certificates by what the template names, never by JSON', () => {
    const listener = (id: string, certificate: string): string => `  ${id}:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/x/1
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates: [{CertificateArn: ${certificate}}]
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
`;
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExistingCertificate: {Type: String, Default: ''}
Conditions:
  HasCreateAcmCertificate: !Equals [!Ref ExistingCertificate, '']
Resources:
  Certificate:
    Type: AWS::CertificateManager::Certificate
    Condition: HasCreateAcmCertificate
    Properties: {DomainName: www.example.com, ValidationMethod: DNS}
  Stack: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: https://example.com/t.yaml}}
${listener('Chosen', '!If [HasCreateAcmCertificate, !Ref Certificate, !Ref ExistingCertificate]')}${listener('Nested', '!GetAtt Stack.Outputs.CertificateArn')}${listener('Imported', `!ImportValue {'Fn::Sub': '\${AWS::StackName}-${'very-long-export-name-'.repeat(4)}arn'}`)}`;
    const result = lintText(text, 'certs.yaml', defaultRegistry(), { settings: DEFAULT_SETTINGS });
    const inv = templateInventory({ name: 'certs.yaml', uri: 'file:///ws/certs.yaml', folderUri: 'file:///ws', result, settings: DEFAULT_SETTINGS })!;
    const certs = inventoryNodes({ ...fixtureReport([]), templates: [inv] })[0].children;

    it('the Certificate resource chosen by Fn::If is used, and so is the parameter', () => {
      const certificate = find(certs, 'Certificate');
      assert.doesNotMatch(certificate.description!, /unused/);
      const consumers = (n: InventoryNode): string[] => n.children.filter((c) => c.contextValue === 'consumer').map((c) => c.label);
      assert.deepEqual(consumers(certificate), ['Chosen']);
      assert.deepEqual(consumers(find(certs, 'ExistingCertificate')), ['Chosen']);
    });

    it('GetAtt as X.Attr, ImportValue shortened around its middle', () => {
      find(certs, 'Stack.Outputs.CertificateArn');
      const imported = certs.find((c) => c.label.startsWith('!ImportValue'))!;
      assert.equal(imported.label.length, 60);
      assert.match(imported.label, /^!ImportValue \$\{AWS::StackName\}-very-long….*-name-arn$/);
      for (const c of certs) assert.doesNotMatch(c.label + c.tooltip!, /[{]"|Fn::/, c.label);
    });
  });
});
