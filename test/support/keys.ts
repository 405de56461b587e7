import * as crypto from 'crypto';

/**
 * Keys and certificates made at test time (none committed): private keys as DER in every
 * encoding the linter must recognise without their PEM armour, and public material (public
 * keys, a self-signed certificate) that is long base64 too and must not be taken for a key.
 */

export interface KeyBodies {
  rsaPkcs1: Buffer;
  rsaPkcs8: Buffer;
  ecSec1: Buffer;
  ecPkcs8: Buffer;
  ed25519Pkcs8: Buffer;
  dsaPkcs8: Buffer;
  encryptedPkcs8: Buffer;
  openssh: Buffer;
}

export interface PublicBodies {
  rsaSpki: Buffer;
  rsaPkcs1Public: Buffer;
  ecSpki: Buffer;
  certificate: Buffer;
}

let cached: { keys: KeyBodies; publics: PublicBodies } | undefined;

export function testKeys(): { keys: KeyBodies; publics: PublicBodies } {
  if (cached) return cached;
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ed = crypto.generateKeyPairSync('ed25519');
  const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
  const der = (k: crypto.KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1' | 'spki'): Buffer =>
    k.export({ type, format: 'der' } as crypto.KeyExportOptions<'der'>) as Buffer;
  const keys: KeyBodies = {
    rsaPkcs1: der(rsa.privateKey, 'pkcs1'),
    rsaPkcs8: der(rsa.privateKey, 'pkcs8'),
    ecSec1: der(ec.privateKey, 'sec1'),
    ecPkcs8: der(ec.privateKey, 'pkcs8'),
    ed25519Pkcs8: der(ed.privateKey, 'pkcs8'),
    dsaPkcs8: der(dsa.privateKey, 'pkcs8'),
    encryptedPkcs8: rsa.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'test' }) as Buffer,
    // The OpenSSH format (which node:crypto does not write) is recognised by its magic alone.
    openssh: Buffer.concat([Buffer.from('openssh-key-v1\0'), crypto.randomBytes(300)]),
  };
  const publics: PublicBodies = {
    rsaSpki: der(rsa.publicKey, 'spki'),
    rsaPkcs1Public: der(rsa.publicKey, 'pkcs1'),
    ecSpki: der(ec.publicKey, 'spki'),
    certificate: selfSignedCertificate(rsa.privateKey, der(rsa.publicKey, 'spki')),
  };
  return (cached = { keys, publics });
}

/** Base64 wrapped at 64 characters, as a PEM body (without the armour), lines joined by `eol`. */
export function pemBody(der: Buffer, eol = '\n'): string {
  return der.toString('base64').replace(/(.{64})(?=.)/g, `$1${eol}`);
}

// A minimal X.509 v3 certificate, signed with the key: DER by hand.
function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const SHA256_RSA = Buffer.from('06092a864886f70d01010b0500', 'hex');

function selfSignedCertificate(key: crypto.KeyObject, spki: Buffer): Buffer {
  const name = seq(tlv(0x31, seq(Buffer.from('0603550403', 'hex'), tlv(0x0c, Buffer.from('cfn-tls-lint test')))));
  const validity = seq(tlv(0x17, Buffer.from('250101000000Z')), tlv(0x17, Buffer.from('350101000000Z')));
  const tbs = seq(tlv(0xa0, tlv(0x02, Buffer.from([2]))), tlv(0x02, Buffer.from([0x01, 0x23])), seq(SHA256_RSA), name, validity, name, spki);
  const signature = crypto.sign('sha256', tbs, key);
  const cert = seq(tbs, seq(SHA256_RSA), tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  new crypto.X509Certificate(cert); // throws unless it is a well-formed certificate
  return cert;
}
