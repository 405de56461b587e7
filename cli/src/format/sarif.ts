import { docsUrl, RuleMeta } from '../../../rules/src/index';
import { jsonSafe } from './printable';
import type { FileReport, RunError } from './report';
import { artifactLocation, srcRootUri } from './sarif-uri';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

/**
 * `--format sarif`: SARIF 2.1.0 with rule metadata and help URIs (GitHub code scanning). Problems
 * of the run (exit status 2) are the invocation's tool execution notifications.
 */
/** GitHub code scanning's `security-severity` (0-10: 7+ high, 4+ medium, else low) by a rule's default severity. */
const SECURITY_SEVERITY = { error: '7.5', warning: '5.5', info: '2.0', off: '0.0' } as const;

export interface SarifRun {
  /**
   * The analysis category (GitHub code scanning keeps one set of alerts per category): the
   * run's `automationDetails.id` is `<category>/<time of the run>`, unique per run.
   */
  category: string;
  /** The run's time (tests fix it). */
  startedAt: Date;
}

export function formatSarif(
  reports: FileReport[],
  metas: RuleMeta[],
  version: string,
  errors: readonly RunError[] = [],
  cwd = process.cwd(),
  run: SarifRun = { category: 'cfn-tls-lint', startedAt: new Date() },
): string {
  const ruleIndex = new Map(metas.map((m, i) => [m.id, i]));
  const results = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const s = d.range.start;
      const e = d.range.end;
      const inTemplate = {
        artifactLocation: artifactLocation(r.relPath),
        region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
      };
      const logical = [
        ...(d.resource ? [{ name: d.resource, kind: 'resource' }] : []),
        ...(d.construct ? [{ fullyQualifiedName: d.construct.path, kind: 'construct' }] : []),
      ];
      // A CDK finding points at the app's source line; the template is a related location.
      const source = d.construct?.source;
      const related = [
        ...(source ? [{ message: `${d.rule} in the synthesised template ${r.relPath}`, physicalLocation: inTemplate }] : []),
        ...d.related.map((x) => ({
          message: x.message,
          physicalLocation: {
            artifactLocation: artifactLocation(x.file ?? r.relPath),
            region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1 },
          },
        })),
      ];
      results.push({
        ruleId: d.rule,
        ruleIndex: ruleIndex.get(d.rule),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: source
              ? { artifactLocation: artifactLocation(source.file), region: { startLine: source.line, startColumn: source.column } }
              : inTemplate,
            ...(logical.length ? { logicalLocations: logical } : {}),
          },
        ],
        ...(related.length
          ? { relatedLocations: related.map((x, i) => ({ id: i + 1, message: { text: x.message }, physicalLocation: x.physicalLocation })) }
          : {}),
        partialFingerprints: { 'cfnTlsLint/v1': `${r.relPath}:${d.rule}:${d.path.join('/')}` },
        ...(d.environments ? { properties: { environments: d.environments } } : {}),
        ...(d.suppressed ? { suppressions: [{ kind: 'inSource', justification: d.suppression?.reason ?? '' }] } : {}),
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cfn-tls-lint',
            version,
            informationUri: docsUrl('').replace(/docs\/rules\/\.md$/, ''),
            rules: metas.map((m) => ({
              id: m.id,
              name: m.id.replace(/(^|-)([a-z0-9])/g, (_x, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: m.summary },
              fullDescription: { text: m.summary },
              helpUri: docsUrl(m.id),
              help: { text: `${m.summary} See ${docsUrl(m.id)}` },
              defaultConfiguration: { level: LEVEL[m.severity], enabled: m.severity !== 'off' },
              properties: { tags: ['security', 'tls'], 'security-severity': SECURITY_SEVERITY[m.severity], fixable: m.fixable, peers: [...m.peers] },
            })),
          },
        },
        automationDetails: { id: `${run.category.replace(/\/+$/, '')}/${run.startedAt.toISOString()}` },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRootUri(cwd) } },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              ...(e.path !== undefined ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path) } }] } : {}),
            })),
          },
        ],
        results,
      },
    ],
  };
  return jsonSafe(JSON.stringify(sarif, null, 2)) + '\n';
}
