import { PEM_MIN_BODY_CHARS, PEM_PRIVATE_KEY_HEADER, SECRET_DYNAMIC_REFERENCE } from '../../data/certificates-keys';
import { BareKeyKind, findBareKeys, mayHoldKeyMaterial } from '../../engine/key-der';
import type { Report, Rule, RuleContext } from '../../engine/types';
import { ResourceMemo } from '../helpers';
import { intrinsicName, isMap, isScalar, isSeq, nodeAtPath, Path, scalarString, SNode } from '../../parse/source-tree';

/**
 * Properties that take a private key: it must come from a NoEcho parameter or a secret reference.
 * (`AWS::OpsWorks::App` is cfn_nag F61's property, mapped to this rule in peers.ts.)
 */
const PRIVATE_KEY_PROPERTIES: readonly { type: string; path: readonly string[] }[] = Object.freeze([
  { type: 'AWS::IAM::ServerCertificate', path: ['PrivateKey'] },
  { type: 'AWS::OpsWorks::App', path: ['SslConfiguration', 'PrivateKey'] },
]);

const WHY = 'Anyone who can read the template (source control, the S3 copy, GetTemplate, the console) can read the key: treat it as compromised and rotate it.';
const HOW =
  'Keep the key in AWS Secrets Manager and write {{resolve:secretsmanager:<secret>:SecretString:<key>}}, or pass it in a NoEcho parameter without Default; better, use an ACM certificate, whose key never leaves AWS.';

export const privateKeyInTemplate: Rule = {
  meta: {
    id: 'private-key-in-template',
    severity: 'error',
    summary:
      'Private-key material in the template (PEM, or a bare base64 key body), or a certificate PrivateKey not taken from a NoEcho parameter or Secrets Manager.',
    fixable: false,
    docs: { appliesTo: 'every template' },
    peers: [
      'F61', // OpsWorks SslConfiguration.PrivateKey as a plaintext string
    ],
    resourceTypes: '*',
  },
  check(ctx) {
    for (const prop of PRIVATE_KEY_PROPERTIES) {
      for (const r of ctx.resources(prop.type)) {
        const path: Path = ['Resources', r.id, 'Properties', ...prop.path];
        const hit = nodeAtPath(ctx.template.root, path);
        if (hit) checkKeyValue(ctx, hit.node, path, prop.path[prop.path.length - 1]);
      }
    }
    // Every string of the template whose text may hold any (most hold none); a resource's findings are a function of its text, kept per resource node.
    for (const section of ctx.template.root.pairs) {
      const name = String(section.key.value);
      if (name !== 'Resources' || !isMap(section.value)) {
        if (mayHoldKeyMaterial(ctx.sourceText(name))) for (const r of keysIn(section.value, [name])) ctx.report(r);
        continue;
      }
      for (const resource of section.value.pairs) {
        const id = String(resource.key.value);
        const node = resource.value;
        const found = keysInResources.get(id, node, () => (mayHoldKeyMaterial(ctx.sourceText(name, id)) ? keysIn(node, ['Resources', id]) : []));
        for (const r of found) ctx.report(r);
      }
    }
  },
};

const keysInResources = new ResourceMemo<Report[]>();

/** Findings on the strings of a subtree that hold private-key material. */
function keysIn(node: SNode, path: Path): Report[] {
  const found: Report[] = [];
  scanStrings(node, path, (s, at) => {
    const label = keyLabel(s);
    if (label !== undefined) {
      found.push({ path: [...at], message: `This string contains PEM private-key material (${label}PRIVATE KEY; not shown). ${WHY} ${HOW}` });
      return;
    }
    // A key body without its armour: base64 whose DER is a private key (not a certificate or a public key).
    const bare = findBareKeys(s)[0];
    if (bare)
      found.push({
        path: [...at],
        message: `This string contains a private key without its PEM armour (base64 of ${describeKind(bare.kind)}; not shown). ${WHY} ${HOW}`,
      });
  });
  return found;
}

/** The header label (`RSA `, `EC `, `` …) when the string holds private-key material; never any of the key. */
export function keyLabel(s: string): string | undefined {
  const m = PEM_PRIVATE_KEY_HEADER.exec(s);
  if (!m) return undefined;
  const label = /^(?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?$/.test(m[1]) ? m[1] : '';
  const body = s
    .slice(m.index + m[0].length)
    .split('-----END')[0]
    .replace(/^[A-Za-z-]+:.*$/gm, '') // RFC 1421 headers (Proc-Type, DEK-Info)
    .replace(/\s+/g, '');
  if (body === '') return s.trimStart().startsWith(m[0]) ? label : undefined; // the header alone, as data (e.g. a Join part)
  return /^[A-Za-z0-9+/=]+$/.test(body) && body.length >= PEM_MIN_BODY_CHARS ? label : undefined;
}

function describeKind(kind: BareKeyKind): string {
  return kind === 'OpenSSH' ? 'an OpenSSH private key' : kind === 'encrypted PKCS#8' ? 'an encrypted PKCS#8 private key' : `a DER ${kind} private key`;
}

/** A private-key property: literal (not a secret reference), or a Ref to a parameter that is not NoEcho. */
function checkKeyValue(ctx: RuleContext, node: SNode, path: Path, prop: string, depth = 0): void {
  if (depth > 20) return;
  if (isScalar(node)) {
    const s = scalarString(node);
    if (s === undefined || SECRET_DYNAMIC_REFERENCE.test(s)) return;
    ctx.report({ path, message: `${prop} is written in the template. ${WHY} ${HOW}` });
    return;
  }
  const fn = intrinsicName(node);
  if (!fn || !isMap(node)) return;
  const arg = node.pairs[0].value;
  if (fn === 'Fn::If' && isSeq(arg) && arg.items.length === 3) {
    for (const i of [1, 2]) checkKeyValue(ctx, arg.items[i], [...path, 'Fn::If', i], prop, depth + 1);
    return;
  }
  if (fn === 'Ref') return checkParameter(ctx, scalarString(arg), path, prop);
  if (fn === 'Fn::Sub') {
    const text = isSeq(arg) ? scalarString(arg.items[0]) : scalarString(arg);
    if (text === undefined || SECRET_DYNAMIC_REFERENCE.test(text)) return;
    const only = /^\$\{([A-Za-z0-9]+)\}$/.exec(text.trim());
    if (only) return checkParameter(ctx, only[1], path, prop);
    if (!/\$\{(?!!)/.test(text)) ctx.report({ path, message: `${prop} is written in the template. ${WHY} ${HOW}` });
  }
  // GetAtt, ImportValue, Join...: unknown
}

function checkParameter(ctx: RuleContext, name: string | undefined, path: Path, prop: string): void {
  const param = name === undefined ? undefined : ctx.template.parameters.get(name);
  if (!param || param.noEcho) return; // NoEcho: a Default with key material is found by the string scan
  if ((param.type ?? 'String').startsWith('AWS::SSM::Parameter::Value')) return; // resolved from SSM at deploy time
  ctx.report({
    path,
    message: `${prop} comes from parameter ${param.name}, which is not NoEcho: CloudFormation shows its value in the console, DescribeStacks and events. Set NoEcho: true (and no Default), or resolve the key from Secrets Manager.`,
    related: [{ path: ['Parameters', param.name], message: `parameter ${param.name} has no NoEcho: true` }],
  });
}

const MAX_SCAN_DEPTH = 1000;

/**
 * Calls `visit` for every string value of the tree (map keys excluded), with the path to it. The
 * path is one array, extended and shortened in place (this walks every node of every template):
 * `visit` copies it to keep it. Deeper than MAX_SCAN_DEPTH is data no key hides in, and not worth a stack.
 */
function scanStrings(node: SNode | null, path: (string | number)[], visit: (s: string, path: Path) => void): void {
  if (!node || path.length > MAX_SCAN_DEPTH) return;
  if (isScalar(node)) {
    if (typeof node.value === 'string') visit(node.value, path);
    return;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      scanStrings(node.items[i], path, visit);
      path.pop();
    }
    return;
  }
  for (const pair of node.pairs) {
    path.push(String(pair.key.value));
    scanStrings(pair.value, path, visit);
    path.pop();
  }
}
