import { strict as assert } from 'assert';
import { inventoryMarkdown, inventoryReport, TemplateInventory } from '../../../rules/src/inventory/index';
import { inventoryOf } from './support';

/** The Markdown report's shape (issue 15): summary first, no empty sections, one table per kind. */
const LISTENER = (policy: string, extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CertificateArn: {Type: String}
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/x/1
      Protocol: HTTPS
      SslPolicy: ${policy}
      Certificates: [{CertificateArn: !Ref CertificateArn}]
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
${extra}`;

const EMPTY = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic: {Type: AWS::SNS::Topic}\n";

function report(): string {
  const templates: TemplateInventory[] = [
    inventoryOf(LISTENER('ELBSecurityPolicy-TLS-1-1-2017-01'), 'stacks/a.yaml'),
    ...Array.from({ length: 20 }, (_, i) => inventoryOf(EMPTY, `stacks/empty-${i}.yaml`)),
    inventoryOf(LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06'), 'stacks/b.yaml'),
    { file: 'stacks/broken.yaml', production: false, certificates: [], endpoints: [], error: 'the template does not parse' },
  ];
  return inventoryMarkdown(inventoryReport(templates));
}

const headings = (md: string): string[] => md.split('\n').filter((l) => l.startsWith('#'));
const tables = (md: string): string[][] =>
  md
    .split('\n\n')
    .map((block) => block.split('\n'))
    .filter((rows) => rows[0].startsWith('|'));

describe('inventory: the Markdown report', () => {
  const md = report();

  it('starts with the counts and the summary', () => {
    const lines = md.split('\n');
    assert.equal(lines[0], '# TLS certificate and endpoint inventory');
    assert.equal(lines[2], '23 templates, 2 certificates, 2 endpoints, 1 below TLS 1.2, 1 not inventoried.');
    assert.deepEqual(headings(md), [
      '# TLS certificate and endpoint inventory',
      '## Summary',
      '### Endpoints below TLS 1.2',
      '## Certificates (2)',
      '## Endpoints (2)',
      '## Templates not inventoried',
    ]);
  });

  it('has no "None." lines and no section for templates without certificates or endpoints', () => {
    assert.doesNotMatch(md, /None\./);
    assert.doesNotMatch(md, /empty-\d+\.yaml/);
    assert.doesNotMatch(md, /### (Wildcard names|Email validation|Domains covered)/);
  });

  it('has one table per kind across all templates, with a template column', () => {
    const [weak, certificates, endpoints] = tables(md);
    assert.equal(tables(md).length, 3);
    assert.match(weak[0], /^\| Endpoint \| Template \| TLS floor \| Policy \|$/);
    assert.match(certificates[0], /^\| Certificate \| Template \| Kind \|/);
    assert.match(endpoints[0], /^\| Endpoint \| Template \| Type \| Listens \|/);
    // Header, separator, one row per entry of every template, in template order.
    assert.deepEqual(
      certificates.slice(2).map((r) => /\| `(stacks\/\w+\.yaml)` \|/.exec(r)?.[1]),
      ['stacks/a.yaml', 'stacks/b.yaml'],
    );
    assert.deepEqual(
      endpoints.slice(2).map((r) => /\| `(stacks\/\w+\.yaml)` \|/.exec(r)?.[1]),
      ['stacks/a.yaml', 'stacks/b.yaml'],
    );
  });

  it('keeps wide cells narrow: lists wrap one item a line and stop after five, long names keep their ends', () => {
    const aliases = Array.from({ length: 9 }, (_, i) => `site-${i}.example.com`);
    const certificate = `  Certificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: ${aliases[0]}
      SubjectAlternativeNames: [${aliases.slice(1).join(', ')}]
      ValidationMethod: DNS
`;
    const inv = inventoryOf(LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06', certificate).replace('!Ref CertificateArn', `!ImportValue ${'x'.repeat(150)}`));
    const out = inventoryMarkdown(inventoryReport([inv]));
    const row = out.split('\n').find((l) => l.startsWith('| `Certificate`'))!;
    assert.match(row, /\| site-0\.example\.com<br>site-1\.example\.com<br>site-2\.example\.com<br>site-3\.example\.com<br>site-4\.example\.com<br>\+4 more \|/);
    const imported = out.split('\n').find((l) => l.startsWith('| `!ImportValue'))!;
    const name = /^\| `([^`]+)`/.exec(imported)![1];
    assert.equal(name.length, 120);
    assert.match(name, /^!ImportValue x+…x+$/);
    for (const line of out.split('\n')) for (const cell of line.split(' | ')) for (const item of cell.split('<br>')) assert.ok(item.length <= 140, item);
  });
});
