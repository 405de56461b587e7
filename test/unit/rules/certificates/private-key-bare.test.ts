import { strict as assert } from 'assert';
import { findBareKeys, keyKindOf, mayHoldKeyMaterial } from '../../../../rules/src/engine/key-der';
import { privateKeyInTemplate } from '../../../../rules/src/rules/certificates/private-key';
import { lintWith, runRuleTests } from '../../../support/rule-tester';
import { pemBody, testKeys } from '../../../support/keys';

/**
 * private-key-in-template on key bodies without their `-----BEGIN … PRIVATE KEY-----` armour:
 * base64 that decodes to a private key's DER (or an OpenSSH key). Certificates, public keys and
 * other long base64 are not keys. The keys are generated for the run.
 */

const { keys, publics } = testKeys();
const indent = (s: string, n: number) =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

const withDefault = (value: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Blob:
    Type: String
    Default: ${value}
Resources:
  Topic:
    Type: AWS::SNS::Topic
`;
const block = (der: Buffer): string => `|\n${indent(pemBody(der), 6)}\n`;
const userData = (script: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Host:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      UserData:
        Fn::Base64: !Sub |
${indent(script, 10)}
`;
const DEFAULT = ['Parameters', 'Blob', 'Default'];

runRuleTests(privateKeyInTemplate, {
  valid: [
    { name: 'a certificate, base64 on one line', code: withDefault(publics.certificate.toString('base64')) },
    { name: 'a certificate, wrapped like a PEM body', code: withDefault(block(publics.certificate)) },
    { name: 'an RSA public key (SubjectPublicKeyInfo)', code: withDefault(block(publics.rsaSpki)) },
    { name: 'an RSA public key (PKCS#1)', code: withDefault(publics.rsaPkcs1Public.toString('base64')) },
    { name: 'an EC public key', code: withDefault(publics.ecSpki.toString('base64')) },
    {
      name: 'data of key size that starts like a DER sequence',
      code: withDefault(
        block(
          Buffer.concat([Buffer.from([0x30, 0x82, 0x02, 0x54, 0x02, 0x01, 0x00]), Buffer.from(Array.from({ length: 593 }, (_, i) => (i * 73 + 11) & 0xff))]),
        ),
      ),
    },
    { name: 'a key body cut short', code: withDefault(keys.rsaPkcs1.subarray(0, 300).toString('base64')) },
    { name: 'user data in base64', code: withDefault(Buffer.from('#!/bin/bash\nyum install -y httpd\nsystemctl start httpd\n'.repeat(10)).toString('base64')) },
  ],
  invalid: [
    {
      name: 'RSA PKCS#1 on one line in a parameter Default',
      code: withDefault(keys.rsaPkcs1.toString('base64')),
      errors: [{ path: DEFAULT, resource: null, severity: 'error', messageIncludes: 'without its PEM armour (base64 of a DER RSA private key' }],
    },
    { name: 'EC SEC1 wrapped in a block scalar', code: withDefault(block(keys.ecSec1)), errors: [{ path: DEFAULT, messageIncludes: 'a DER EC private key' }] },
    { name: 'PKCS#8 (RSA)', code: withDefault(block(keys.rsaPkcs8)), errors: [{ path: DEFAULT, messageIncludes: 'a DER PKCS#8 private key' }] },
    { name: 'PKCS#8 (EC)', code: withDefault(keys.ecPkcs8.toString('base64')), errors: [{ path: DEFAULT }] },
    { name: 'PKCS#8 (Ed25519, 64 characters)', code: withDefault(keys.ed25519Pkcs8.toString('base64')), errors: [{ path: DEFAULT }] },
    { name: 'PKCS#8 (DSA)', code: withDefault(block(keys.dsaPkcs8)), errors: [{ path: DEFAULT }] },
    {
      name: 'encrypted PKCS#8',
      code: withDefault(block(keys.encryptedPkcs8)),
      errors: [{ path: DEFAULT, messageIncludes: 'an encrypted PKCS#8 private key' }],
    },
    { name: 'OpenSSH', code: withDefault(block(keys.openssh)), errors: [{ path: DEFAULT, messageIncludes: 'an OpenSSH private key' }] },
    {
      name: 'in a Sub of user data, between other lines',
      code: userData(`#!/bin/bash\ncat > /etc/tls/key.b64 <<'EOF'\n${pemBody(keys.ecSec1)}\nEOF\nstart-server \${AWS::Region}`),
      errors: [{ path: ['Resources', 'Host', 'Properties', 'UserData', 'Fn::Base64', 'Fn::Sub'] }],
    },
    {
      name: 'JSON, lines joined with \\n in the string',
      code: JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Parameters: { Blob: { Type: 'String', Default: pemBody(keys.rsaPkcs1) } },
          Resources: { T: { Type: 'AWS::SNS::Topic' } },
        },
        null,
        2,
      ),
      errors: [{ path: DEFAULT }],
    },
    // Values spelled through escapes: the text test that spares most templates the look at each string (mayHoldKeyMaterial) must let them through.
    {
      name: 'JSON with every / escaped as \\/ (as PHP writes JSON)',
      code: JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: { T: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: keys.rsaPkcs1.toString('base64') } } },
      }).replace(/\//g, '\\/'),
      errors: [{ path: ['Resources', 'T', 'Properties', 'DisplayName'] }],
    },
    {
      name: 'JSON with the key body written in \\u escapes',
      code: JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: { T: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: keys.ecPkcs8.toString('base64') } } },
      }).replace(/"(M[^"]+)"/, (_, b64: string) => `"${[...b64].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`),
      errors: [{ path: ['Resources', 'T', 'Properties', 'DisplayName'] }],
    },
    {
      name: 'YAML double-quoted, the line broken early in the body and joined by a backslash',
      code: withDefault(`"${keys.ecPkcs8.toString('base64').slice(0, 6)}\\\n      ${keys.ecPkcs8.toString('base64').slice(6)}"`),
      errors: [{ path: DEFAULT }],
    },
  ],
});

describe('bare key detection', () => {
  it('keyKindOf: each private encoding, and no public material', () => {
    assert.deepEqual(
      Object.entries(keys).map(([k, der]) => [k, keyKindOf(der)]),
      [
        ['rsaPkcs1', 'RSA'],
        ['rsaPkcs8', 'PKCS#8'],
        ['ecSec1', 'EC'],
        ['ecPkcs8', 'PKCS#8'],
        ['ed25519Pkcs8', 'PKCS#8'],
        ['dsaPkcs8', 'PKCS#8'],
        ['encryptedPkcs8', 'encrypted PKCS#8'],
        ['openssh', 'OpenSSH'],
      ],
    );
    for (const [k, der] of Object.entries(publics)) assert.equal(keyKindOf(der), undefined, k);
  });

  it('findBareKeys: the offsets of the base64 in raw text, across YAML lines and JSON escapes', () => {
    const body = pemBody(keys.rsaPkcs1);
    const yaml = `A: |\n  ${body.replace(/\n/g, '\n  ')}\nB: x\n`;
    const [y] = findBareKeys(yaml, true);
    assert.equal(y.kind, 'RSA');
    assert.equal(yaml.slice(y.start, y.end), body.replace(/\n/g, '\n  '));
    const json = JSON.stringify({ A: body });
    const [j] = findBareKeys(json, true);
    assert.equal(j.kind, 'RSA');
    assert.equal(JSON.parse(`"${json.slice(j.start, j.end)}"`), body);
    assert.deepEqual(findBareKeys(json, false), [], 'escapes are not joined in a parsed value (there they are line breaks)');
  });

  it('mayHoldKeyMaterial: false only for texts no string of which can hold key material', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSj';
    assert.equal(mayHoldKeyMaterial('Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {DisplayName: MIIEvQ, Other: "MAX_RETRIES"}\n'), false);
    assert.equal(mayHoldKeyMaterial(`A: ${body}`), true);
    assert.equal(mayHoldKeyMaterial(`{"A": "${body.slice(0, 5)}\\/${body.slice(5)}"}`), true, 'a JSON \\/ inside the run');
    assert.equal(mayHoldKeyMaterial('{"A": "\\u004dIIEvQ"}'), true, 'a \\u escape can spell anything');
    assert.equal(mayHoldKeyMaterial('A: "x\\x41"'), true);
    const joined = 'A: "MIIEvQ\\\n  IBADANBgkqhkiG9w0BAQ"'; // no 22 characters of base64 in a row
    assert.equal(mayHoldKeyMaterial(joined), true, 'a line joined by a backslash');
    assert.equal(mayHoldKeyMaterial('A: >\n  -----BEGIN RSA PRIVATE\n  KEY-----\n'), true, 'a header folded over two lines');
    assert.equal(mayHoldKeyMaterial('A: b3BlbnNzaC1rZXktdjE'), true);
  });

  it('a text full of near-keys stays cheap (a budget per text)', () => {
    const near = ('MIIEvQ' + 'A'.repeat(58) + '\n').repeat(150_000); // 9.75 MB of lines that start like a key
    const t0 = Date.now();
    assert.deepEqual(findBareKeys(near, true), []);
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
  });

  it('the finding never quotes the key', () => {
    const b64 = keys.rsaPkcs1.toString('base64');
    const found = lintWith(privateKeyInTemplate, { name: 'quote', code: withDefault(b64) });
    const out = JSON.stringify(found.map((d) => ({ m: d.message, d: d.data, r: d.related })));
    for (let i = 0; i + 12 <= b64.length; i += 6) assert.ok(!out.includes(b64.slice(i, i + 12)), b64.slice(i, i + 12));
  });
});
