import type { OptionSchema, RuleMeta } from '../engine/types';

/** A JSON schema, as VS Code's `contributes.configuration` reads it. */
export type JsonSchema = { [key: string]: unknown };

const SEVERITY_SCHEMA: JsonSchema = {
  type: 'string',
  enum: ['off', 'info', 'warning', 'error'],
  enumDescriptions: ['Do not run the rule.', 'Report its findings as information.', 'Report its findings as warnings.', 'Report its findings as errors.'],
};

function optionSchema(o: OptionSchema): JsonSchema {
  switch (o.type) {
    case 'string':
      return o.values ? { type: 'string', enum: [...o.values], description: o.description } : { type: 'string', description: o.description };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, description: o.description };
    case 'number':
      return { type: 'number', description: o.description };
    case 'boolean':
      return { type: 'boolean', description: o.description };
  }
}

/**
 * One rule's entry under `cfnTlsLint.rules`: its severity, or `[severity, {options}]` when the
 * rule has options (the config file takes the same). The description is the rule's summary.
 */
export function ruleSettingSchema(meta: RuleMeta): JsonSchema {
  const description = `${meta.summary.replace(/\.?$/, '.')} Default: ${meta.severity}.`;
  const options = Object.entries(meta.options ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (!options.length) return { ...SEVERITY_SCHEMA, default: meta.severity, description };
  const severity = meta.severity === 'off' ? 'warning' : meta.severity;
  return {
    description,
    default: meta.severity,
    anyOf: [
      SEVERITY_SCHEMA,
      {
        type: 'array',
        items: [
          SEVERITY_SCHEMA,
          {
            type: 'object',
            properties: Object.fromEntries(options.map(([name, o]) => [name, optionSchema(o)])),
            additionalProperties: false,
          },
        ],
        minItems: 1,
        maxItems: 2,
      },
    ],
    defaultSnippets: [
      {
        label: `["${severity}", { ${options.map(([name]) => name).join(', ')} }]`,
        description: `${severity}, with options`,
        body: [severity, {}],
      },
    ],
  };
}

/**
 * The `cfnTlsLint.rules` setting of package.json, one property per rule id: settings.json
 * completes the ids, their severities and options. `scripts/settings-schema.js` writes it (run by
 * `npm run docs:rules`); a unit test fails when package.json is behind the registry.
 */
export function rulesSettingSchema(metas: readonly RuleMeta[]): JsonSchema {
  const sorted = [...metas].sort((a, b) => a.id.localeCompare(b.id));
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription:
      'Rule severities and options, as in `.cfn-tls-lint.yaml` (these settings win over the file): `"rule-id": "off" | "info" | "warning" | "error"`, or `["warning", { "option": value }]` for a rule with options.',
    properties: Object.fromEntries(sorted.map((m) => [m.id, ruleSettingSchema(m)])),
    additionalProperties: false,
  };
}
