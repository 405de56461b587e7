import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { defaultRegistry, lintText } from '../../rules/src/index';
import { fileUri } from '../../server/src/uri';
import { lspDiagnostics } from '../../server/src/workspace-scanner';
import { LspClient, tempDir } from './lsp-harness';

/**
 * The property issue 19 asks of the incremental path: after every edit of a random sequence
 * (incremental content changes, debounce 0), the diagnostics the server publishes for that
 * version equal a fresh full lint of the same text by the engine. Kept findings (a version
 * with a syntax error keeps the last parsed version's findings, by design) are the one thing a
 * fresh lint cannot have: they are compared apart, as a subset of the previous version's.
 */

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  Policy:
    Type: String
    Default: ELBSecurityPolicy-2016-08
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 443
      Protocol: HTTPS
      SslPolicy: !If [IsProd, ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-2016-08]
      Certificates:
        - CertificateArn: !Ref Cert
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '200'}
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '200'}
  Other:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 8443
      Protocol: HTTPS
      SslPolicy: !Ref Policy
      Certificates:
        - CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '200'}
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: EMAIL
      KeyAlgorithm: RSA_1024
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [www.example.com]
        ViewerCertificate:
          AcmCertificateArn: !Ref Cert
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1
        DefaultCacheBehavior:
          TargetOriginId: o
          ViewerProtocolPolicy: allow-all
        Origins:
          - Id: o
            DomainName: example.com
            CustomOriginConfig:
              OriginProtocolPolicy: http-only
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      TransitEncryptionEnabled: false
`;

/** Values an edit writes over a scalar: policies weak and strong, protocols, numbers, junk. */
const VALUES = [
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
  'HTTPS',
  'HTTP',
  'TLSv1.2_2021',
  'TLSv1',
  'true',
  'false',
  '443',
  '!Ref Env',
  '!If [IsProd, HTTPS, HTTP]',
  "''",
  'x',
];
/** Text an insertion types: what a user types, and what breaks the YAML for a while. */
const TYPED = ['a', ' ', '\n', ':', '- ', '  ', '#', '"', '[', '}', '!Ref ', '\n  Extra: 1', '\nResources:\n', '\t'];

type Edit =
  | { kind: 'value'; at: number; value: number }
  | { kind: 'insert'; at: number; text: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'undo' };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.nat(VALUES.length - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.nat(TYPED.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
);

/** An edit as offsets on `text` (start, end, new text). */
function offsetsOf(edit: Edit, text: string, previous: string | undefined): { start: number; end: number; newText: string } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (n: number): { start: number; end: number } => {
    const i = n % lineStarts.length;
    const start = lineStarts[i];
    const next = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    return { start, end: next };
  };
  switch (edit.kind) {
    case 'value': {
      // The value after the `key: ` of a line that has one.
      const lines = [...text.matchAll(/^ *[A-Za-z]+: (.+)$/gm)];
      if (!lines.length) return { start: 0, end: 0, newText: '' };
      const m = lines[edit.at % lines.length];
      const start = m.index! + m[0].length - m[1].length;
      return { start, end: start + m[1].length, newText: VALUES[edit.value] };
    }
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return { start: at, end: at, newText: TYPED[edit.text] };
    }
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return { start: at, end: Math.min(text.length, at + edit.length), newText: '' };
    }
    case 'deleteLine': {
      const l = lineAt(edit.at);
      return { start: l.start, end: l.end, newText: '' };
    }
    case 'duplicateLine': {
      const l = lineAt(edit.at);
      const line = text.slice(l.start, l.end);
      return { start: l.end, end: l.end, newText: line.endsWith('\n') ? line : `\n${line}` };
    }
    case 'undo':
      // The whole text back to the previous version, as one change.
      return { start: 0, end: text.length, newText: previous ?? text };
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const isKept = (d: Diagnostic): boolean => (d.data as { stale?: boolean } | undefined)?.stale === true;
const canonical = (ds: readonly Diagnostic[]): string[] => ds.map((d) => JSON.stringify(d)).sort();

describe('protocol: incremental results equal a fresh lint (property)', function () {
  this.timeout(240_000);
  let client: LspClient;
  let dir: string;
  const registry = defaultRegistry();

  before(async () => {
    dir = tempDir('incremental');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let documents = 0;
  it('after every edit of random edit sequences, incremental changes, debounce 0', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 5, maxLength: 30 }), async (edits) => {
        const file = path.join(dir, `doc-${documents++}.yaml`);
        const uri = fileUri(file);
        let text = TEMPLATE;
        let previousText: string | undefined;
        await client.open(uri, text);
        let previousPublished: Diagnostic[] = (await client.diagnosticsFor(uri, 1)).diagnostics;
        try {
          for (const edit of edits) {
            const { start, end, newText } = offsetsOf(edit, text, previousText);
            const since = client.mark();
            const version = await client.edit(uri, [{ range: { start: positionAt(text, start), end: positionAt(text, end) }, newText }]);
            previousText = text;
            text = text.slice(0, start) + newText + text.slice(end);
            assert.equal(client.text(uri), text);
            const published: PublishDiagnosticsParams = await client.diagnosticsFor(uri, version, since);
            const fresh = lspDiagnostics(lintText(text, file, registry), uri);
            const own = published.diagnostics.filter((d) => !isKept(d));
            assert.deepEqual(canonical(own), canonical(fresh), `version ${version} after ${JSON.stringify(edit)}:\n${text}`);
            // A kept finding is one the previous version published (moved with its lines), never a new one.
            const before = new Set(previousPublished.map((d) => `${d.code}\u0000${d.message.replace(/ \(kept from .*\)$/, '')}`));
            for (const d of published.diagnostics.filter(isKept))
              assert.ok(before.has(`${d.code}\u0000${d.message.replace(/ \(kept from .*\)$/, '')}`), `kept ${d.code} was not published before`);
            previousPublished = published.diagnostics;
          }
        } finally {
          await client.close(uri);
        }
      }),
      { numRuns: 12, seed: 19, endOnFailure: true },
    );
    assert.ok(documents >= 12);
  });
});
