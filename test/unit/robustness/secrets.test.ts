import { strict as assert } from 'assert';
import * as crypto from 'crypto';
import { keyRedactor, REDACTED } from '../../../rules/src/engine/redact';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import type { Rule } from '../../../rules/src/engine/types';
import { nodeAtPath, scalarString } from '../../../rules/src/parse/source-tree';
import { runCli, tempDir } from '../../support/cli';
import { pemBody, testKeys } from '../../support/keys';

/**
 * Secrets: a private key planted in a template, where private-key-in-template finds it and
 * where other rules quote values (SslPolicy, CertificateArn, DomainName, SANs, an Output), must
 * not reach any output format, the inventory or stderr (issue: "never contain key material").
 */

const indent = (s: string, n: number) =>
  s
    .trim()
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

function keys(): string[] {
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  return [rsa.export({ type: 'pkcs1', format: 'pem' }) as string, ec.export({ type: 'pkcs8', format: 'pem' }) as string];
}

function yamlTemplate(key: string, other: string): string {
  const q = JSON.stringify(key);
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyParam:
    Type: String
    Default: |
${indent(other, 6)}
Resources:
  ServerCert:
    Type: AWS::IAM::ServerCertificate
    Properties:
      CertificateBody: x
      PrivateKey: |
${indent(key, 8)}
  ServerCert2:
    Type: AWS::IAM::ServerCertificate
    Properties:
      PrivateKey: !Ref KeyParam
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-unknown -- suppressed, and still no key in --show-suppressed output
      SslPolicy: ${q}
      Certificates:
        - CertificateArn: ${q}
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: ${q}
      SubjectAlternativeNames: [${q}, ${JSON.stringify(key.split('\n')[1])}]
      ValidationMethod: EMAIL
      Tags:
        - Key: k
          Value: ${JSON.stringify(other)}
Outputs:
  Key:
    Value: ${q}
`;
}

function jsonTemplate(key: string): string {
  return JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        ServerCert: { Type: 'AWS::IAM::ServerCertificate', Properties: { PrivateKey: key } },
        Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Protocol: 'HTTPS', SslPolicy: key, Certificates: [{ CertificateArn: key }] } },
        Cert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: key, SubjectAlternativeNames: [key.toUpperCase()] } },
      },
    },
    null,
    2,
  );
}

/** Lines of the key bodies, and every 16-character stretch of them (a quote cut short still leaks). */
function leaks(output: string, pems: string[]): string[] {
  const found: string[] = [];
  const hay = output.toLowerCase().replace(/%0a|\\n/g, '\n');
  for (const pem of pems) {
    for (const line of pem.split('\n').filter((l) => l && !l.startsWith('-----'))) {
      for (let i = 0; i + 16 <= line.length; i += 4) {
        if (hay.includes(line.slice(i, i + 16).toLowerCase())) {
          found.push(line);
          break;
        }
      }
    }
  }
  return found;
}

describe('robustness: no key material in any output', function () {
  this.timeout(120_000);
  const [rsa, ec] = keys();
  const dir = tempDir({
    'keys.yaml': yamlTemplate(rsa, ec),
    'keys.json': jsonTemplate(ec),
    'broken.yaml': yamlTemplate(rsa, ec).replace('Port: 443', 'Port: [443'),
  });

  const runs: [string, string[]][] = [
    ['stylish', ['--show-suppressed']],
    ['json', ['--format', 'json', '--show-suppressed']],
    ['sarif', ['--format', 'sarif', '--show-suppressed']],
    ['github', ['--format', 'github', '--show-suppressed']],
    ['inventory (markdown)', ['--inventory']],
    ['inventory (json)', ['--inventory', '--format', 'json']],
    ['inventory (csv)', ['--inventory', '--format', 'csv']],
  ];
  for (const [name, args] of runs) {
    it(`${name}: findings, messages and stderr hold no line of the keys`, () => {
      const r = runCli([...args, 'keys.yaml', 'keys.json', 'broken.yaml'], dir);
      assert.ok(r.status !== null && r.status <= 2, r.stderr);
      assert.ok(r.stdout.length > 200, 'there is output to check');
      assert.deepEqual(leaks(r.stdout, [rsa, ec]), [], `${name} stdout`);
      assert.deepEqual(leaks(r.stderr, [rsa, ec]), [], `${name} stderr`);
    });
  }

  it('the keys are found, and the findings that quote a value say it is not shown', () => {
    const r = runCli(['--format', 'json', '--show-suppressed', 'keys.yaml'], dir);
    const d = JSON.parse(r.stdout).files[0].diagnostics as { rule: string; message: string; suppressed: boolean }[];
    assert.ok(d.filter((x) => x.rule === 'private-key-in-template').length >= 5);
    const quoting = d.filter((x) => ['elbv2-ssl-policy-unknown', 'certificate-arn-invalid', 'acm-domain-invalid'].includes(x.rule));
    assert.ok(quoting.length >= 3);
    for (const x of quoting) assert.ok(x.message.includes(REDACTED), x.message.slice(0, 200));
    assert.ok(d.some((x) => x.rule === 'elbv2-ssl-policy-unknown' && x.suppressed));
  });

  it('the redactor leaves text about documents without keys alone, and keeps JSON valid', () => {
    assert.equal(keyRedactor('Resources: {}\n'), undefined);
    const redact = keyRedactor(`A: ${JSON.stringify(rsa)}\n`)!;
    const report = JSON.stringify({ message: `Value '${rsa.slice(0, 100)}…' is bad`, whole: rsa, policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });
    const out = JSON.parse(redact(report));
    assert.equal(out.policy, 'ELBSecurityPolicy-TLS13-1-2-2021-06');
    // A stretch shorter than the redactor's minimum run may stay: too short to give anything away.
    assert.match(out.message, /^Value '-----BEGIN RSA PRIVATE KEY-----\n(\[private key material not shown\]\n?)+[A-Za-z0-9+/=]{0,11}…' is bad$/);
    assert.deepEqual(leaks(JSON.stringify(out), [rsa]), []);
  });
});

describe('robustness: no bare key body (without its PEM armour) in any output', function () {
  this.timeout(120_000);
  const { keys } = testKeys();
  const rsa = keys.rsaPkcs1.toString('base64');
  const ec = keys.ecSec1.toString('base64');
  const wrapped = pemBody(keys.rsaPkcs8);
  const yaml = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyParam:
    Type: String
    Default: |
${indent(wrapped, 6)}
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      SslPolicy: ${rsa}
      Certificates:
        - CertificateArn: ${rsa}
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: ${ec}
      SubjectAlternativeNames: [${rsa.toLowerCase()}]
      ValidationMethod: EMAIL
      Tags:
        - Key: k
          Value: !Sub "prefix \${AWS::Region} ${ec}"
Outputs:
  Key:
    Value: ${rsa}
`;
  const json = JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Listener: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: { Protocol: 'HTTPS', SslPolicy: wrapped, Certificates: [{ CertificateArn: ec }] },
        },
      },
    },
    null,
    2,
  );
  const dir = tempDir({ 'bare.yaml': yaml, 'bare.json': json });
  const pems = [wrapped, rsa.replace(/(.{64})/g, '$1\n'), ec.replace(/(.{64})/g, '$1\n')];

  for (const [name, args] of [
    ['stylish', ['--show-suppressed']],
    ['json', ['--format', 'json']],
    ['sarif', ['--format', 'sarif']],
    ['github', ['--format', 'github']],
    ['inventory (json)', ['--inventory', '--format', 'json']],
  ] as [string, string[]][]) {
    it(`${name}: no stretch of the key bodies`, () => {
      const r = runCli([...args, 'bare.yaml', 'bare.json'], dir);
      assert.ok(r.stdout.length > 200, r.stderr);
      assert.deepEqual(leaks(r.stdout, pems), [], `${name} stdout`);
      assert.deepEqual(leaks(r.stderr, pems), [], `${name} stderr`);
    });
  }

  it('found by private-key-in-template; the messages that quote a value are redacted', () => {
    const r = lintText(yaml, 'bare.yaml', defaultRegistry());
    assert.ok(r.diagnostics.filter((d) => d.rule === 'private-key-in-template').length >= 4, r.diagnostics.map((d) => d.rule).join());
    assert.ok(r.diagnostics.some((d) => d.rule === 'elbv2-ssl-policy-unknown' && d.message.includes(REDACTED)));
    const said = JSON.stringify(r.diagnostics.map((d) => ({ m: d.message, r: d.related.map((x) => x.message), t: d.fixes.map((f) => f.title) })));
    assert.deepEqual(leaks(said, pems), []);
  });

  it('the engine redacts what any rule says: message, related message, fix title', () => {
    const quoting: Rule = {
      meta: {
        id: 'test-quotes-values',
        severity: 'warning',
        summary: 'quotes',
        fixable: true,
        peers: [],
        resourceTypes: ['AWS::CertificateManager::Certificate'],
      },
      check(ctx) {
        for (const r of ctx.resources('AWS::CertificateManager::Certificate')) {
          const value = scalarString(nodeAtPath(ctx.template.root, ['Resources', r.id, 'Properties', 'DomainName'])?.node) ?? '';
          ctx.report({
            path: ['Resources', r.id, 'Properties', 'DomainName'],
            message: `DomainName '${value}'`,
            related: [{ path: ['Resources', r.id], message: `see '${value.slice(20, 120)}'` }],
            fixes: [
              {
                title: `Replace '${value}' with '${value.toLowerCase()}'`,
                intents: [{ kind: 'set', path: ['Resources', r.id, 'Properties', 'DomainName'], value: 'x' }],
                safe: true,
              },
            ],
          });
        }
      },
    };
    const registry = new RuleRegistry([quoting]);
    const d = lintText(yaml, 'bare.yaml', registry).diagnostics.find((x) => x.rule === 'test-quotes-values')!;
    assert.ok(d.fixes[0].title.includes(REDACTED) && d.message.includes(REDACTED) && d.related[0].message.includes(REDACTED), JSON.stringify(d.fixes[0].title));
    assert.deepEqual(leaks(JSON.stringify([d.message, d.related[0].message, d.fixes[0].title]), pems), []);
  });
});
