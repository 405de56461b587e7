import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../support/cli';
import { fixtureReport } from './support';

/** docs/inventory.md is the schema: every object of the output has exactly its documented fields. */
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'inventory.md'), 'utf8');

interface Fields {
  required: Set<string>;
  optional: Set<string>;
}

/** The field table under `### \`Name\``. */
function documented(name: string): Fields {
  const start = DOC.indexOf(`### \`${name}\``);
  assert.ok(start >= 0, `docs/inventory.md documents ${name}`);
  const section = DOC.slice(start).split('\n').slice(1);
  const fields: Fields = { required: new Set(), optional: new Set() };
  for (const line of section) {
    if (line.startsWith('### ')) break;
    const m = /^\| `([A-Za-z]+)(\?)?` \|/.exec(line);
    if (m) (m[2] ? fields.optional : fields.required).add(m[1]);
  }
  assert.ok(fields.required.size, `${name} has fields`);
  return fields;
}

/** Backticked words of the paragraph starting with a marker. */
function words(marker: string): Set<string> {
  const start = DOC.indexOf(marker);
  assert.ok(start >= 0, marker);
  const paragraph = DOC.slice(start + marker.length).split('\n\n')[0];
  return new Set([...paragraph.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]));
}

function check(name: string, obj: object): void {
  const f = documented(name);
  const keys = Object.keys(obj);
  for (const k of f.required) assert.ok(keys.includes(k), `${name}.${k} is present`);
  for (const k of keys) assert.ok(f.required.has(k) || f.optional.has(k), `${name}.${k} is documented`);
}

const oneOf = (values: string[], v: unknown, what: string): void => assert.ok(values.includes(v as string), `${what}: ${String(v)}`);

describe('inventory: JSON schema as documented in docs/inventory.md', () => {
  const report = fixtureReport();
  const certDetails = words('`details` of a certificate:');
  const endpointDetails = words('`details` of an endpoint:');

  it('top level, templates, summary', () => {
    check('InventoryReport', report);
    assert.equal(report.version, 1);
    check('InventorySummary', report.summary);
    for (const t of report.templates) check('TemplateInventory', t);
  });

  it('certificates, consumers, findings', () => {
    let n = 0;
    for (const t of report.templates) {
      for (const c of t.certificates) {
        n++;
        check('CertificateEntry', c);
        oneOf(['acm', 'iam', 'private-ca', 'unknown'], c.kind, 'kind');
        oneOf(['resource', 'parameter', 'literal', 'expression'], c.source, 'source');
        assert.ok(c.key.startsWith(`${c.source}:`), c.key);
        for (const k of Object.keys(c.details)) assert.ok(certDetails.has(k), `certificate details.${k} is documented`);
        for (const s of [c.validation, c.keyAlgorithm, c.transparencyLogging]) if (s) assert.deepEqual(Object.keys(s).sort(), ['default', 'values']);
        for (const u of c.consumers) {
          check('ConsumerRef', u);
          assert.ok(
            t.endpoints.some((e) => e.key === u.endpoint),
            `consumer endpoint ${u.endpoint} exists`,
          );
          for (const f of u.findings) check('InventoryFinding', f);
        }
        for (const f of c.findings) check('InventoryFinding', f);
      }
    }
    assert.ok(n > 5);
  });

  it('endpoints', () => {
    const kinds = new Set<string>();
    for (const t of report.templates) {
      for (const e of t.endpoints) {
        kinds.add(e.kind);
        check('EndpointEntry', e);
        oneOf(['yes', 'no', 'conditional', 'unknown'], e.tls, 'tls');
        if (e.tlsFloor !== null) oneOf(['SSLv3', '1.0', '1.1', '1.2', '1.3'], e.tlsFloor, 'tlsFloor');
        for (const k of Object.keys(e.details)) assert.ok(endpointDetails.has(k), `endpoint details.${k} is documented`);
        for (const key of e.certificates)
          assert.ok(
            t.certificates.some((c) => c.key === key),
            `certificate ${key} exists`,
          );
        for (const f of e.findings) check('InventoryFinding', f);
      }
    }
    const documentedKinds = /`kind` \| string \| ([^|]+)\|/.exec(DOC)![1];
    for (const k of kinds) assert.ok(documentedKinds.includes(`\`${k}\``), `endpoint kind ${k} is documented`);
  });
});
