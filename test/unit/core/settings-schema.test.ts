import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseConfig } from '../../../rules/src/engine/config';
import { defaultRegistry } from '../../../rules/src/rules/index';
import { JsonSchema, rulesSettingSchema } from '../../../rules/src/rules/settings-schema';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('the cfnTlsLint.rules setting schema (package.json)', () => {
  const registry = defaultRegistry();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['cfnTlsLint.rules'] as JsonSchema & { properties: Record<string, JsonSchema> };

  it('is what the rule registry says (run `npm run docs:rules` after adding or changing a rule)', () => {
    assert.deepEqual(setting, rulesSettingSchema(registry.allMetas()), 'package.json is out of date with the registry: npm run docs:rules');
  });

  it('has one property per rule id, described by its summary, and no other', () => {
    assert.deepEqual(Object.keys(setting.properties).sort(), [...registry.metas.keys()].sort());
    assert.equal(setting.additionalProperties, false, 'settings.json flags an id that is not a rule');
    for (const m of registry.allMetas()) {
      const p = setting.properties[m.id];
      assert.ok(String(p.description).startsWith(m.summary.replace(/\.$/, '')), m.id);
      assert.equal(p.default, m.severity, m.id);
    }
  });

  it('offers the severities, and the [severity, options] form with the options where a rule has options', () => {
    const weak = setting.properties['elbv2-ssl-policy-weak'] as { anyOf: JsonSchema[] };
    assert.deepEqual((weak.anyOf[0] as { enum: string[] }).enum, ['off', 'info', 'warning', 'error']);
    const tuple = weak.anyOf[1] as { items: [JsonSchema, { properties: Record<string, { enum?: string[] }> }] };
    assert.deepEqual(tuple.items[1].properties.minimumTls.enum, ['1.0', '1.1', '1.2', '1.3']);
    const tags = setting.properties['acm-missing-tags'] as { anyOf: JsonSchema[] };
    const tagsTuple = tags.anyOf[1] as { items: [JsonSchema, { properties: Record<string, { type: string }> }] };
    assert.equal(tagsTuple.items[1].properties.requiredTags.type, 'array');
    // A rule without options takes a severity only.
    const plain = setting.properties['elbv2-ssl-policy-missing'];
    assert.deepEqual(plain.enum, ['off', 'info', 'warning', 'error']);
    assert.equal(plain.anyOf, undefined);
  });

  it('every default and snippet it offers is a setting the server accepts', () => {
    for (const m of registry.allMetas()) {
      const p = setting.properties[m.id] as { default: unknown; defaultSnippets?: { body: unknown }[] };
      for (const value of [p.default, ...(p.defaultSnippets ?? []).map((s) => s.body)]) {
        const { errors } = parseConfig(JSON.stringify({ rules: { [m.id]: value } }), 'cfnTlsLint.rules', registry.metas);
        assert.deepEqual(
          errors.map((e) => e.detail),
          [],
          `${m.id}: ${JSON.stringify(value)}`,
        );
      }
    }
  });
});
