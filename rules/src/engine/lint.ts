import { isTemplateRoot, looksBinary, mayLintAsTemplate, showsTemplateMarkers } from '../parse/detect';
import { serverlessTemplateView } from '../parse/serverless';
import { describeLoops } from '../template/foreach';
import { parseSource } from '../parse/index';
import { computeLineStarts, isMap, Path, pathKey, SNode, SourceFile } from '../parse/source-tree';
import { Template } from '../template/template';
import { BranchCondition, branchConditions, whenClause } from './branch-conditions';
import { DEFAULT_SETTINGS, Settings } from './config';
import { ProductionDetector } from '../model/production';
import { RuleRegistry } from './registry';
import { keyRedactor } from './redact';
import { DiagnosticSite, Suppressions } from './suppression';
import { Diagnostic, RelatedInfo, Report, Rule, RuleContext, Severity } from './types';
import { resourceChanges, TemplateChange, TemplateViews } from '../model/views';
import type { DerivedKey } from '../model/reader';
import { ReadRecorder, Reads, recordingTemplate, RuleRecord } from './reads';
import { graftUnchanged } from '../parse/graft';
import { reparseEdited } from '../parse/reparse';
import { settingsKey, type LintHistory } from './history';

/** Files larger than this are refused: CloudFormation's own limit is 1 MB. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

/**
 * Wall-clock time one rule may spend on one document. Real templates need well under a
 * second per rule; 50,000 resources about 1.5 s.
 */
export const DEFAULT_RULE_BUDGET_MS = 5000;

/**
 * Thrown from a rule's context calls once the rule has run past its budget: it unwinds the
 * rule, and the engine reports the rule once. A loop that never calls the context cannot be
 * stopped in-thread; front ends that lint in workers stop those (docs/robustness.md).
 */
export class RuleTimeout extends Error {
  constructor(
    readonly rule: string,
    readonly budgetMs: number,
  ) {
    super(`stopped after running past its time budget of ${budgetMs} ms on this document; its findings for this document are dropped`);
    this.name = 'RuleTimeout';
  }
}

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface LintResult {
  /** Whether the file is a CloudFormation template (the test is in README, "CLI"). */
  template: boolean;
  diagnostics: Diagnostic[];
  /** Why the file was not linted at all (too large, binary), when it was not. */
  skipped?: string;
  /** Rules that threw on this file: isolated, the other rules still ran. */
  ruleFailures: RuleFailure[];
  /** The parsed template, for front ends that need more (hover, fixes). */
  parsed?: Template;
  source?: SourceFile;
  /** The resolved views the rules read, for other readers of the same version (the inventory). */
  views?: TemplateViews;
}

export interface LintOptions {
  settings?: Settings;
  /** Report suppressed findings too (marked). */
  showSuppressed?: boolean;
  /** A parse the caller already has for this exact text (one parse per document version). */
  source?: SourceFile;
  /** Time budget per rule for this document (DEFAULT_RULE_BUDGET_MS). */
  ruleBudgetMs?: number;
  /** The document's previous lint, to reuse what an edit left alone (engine/history.ts); updated by this lint. */
  history?: LintHistory;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A rule without configured options sees none, not Object.prototype's (`toString`, `__proto__`). */
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

export const PARSE_ERROR_RULE = 'template-parse-error';
export const MISSING_REASON_RULE = 'suppression-without-reason';
export const EXPIRED_SUPPRESSION_RULE = 'suppression-expired';

/**
 * A document as the engine reads it, without running any rule: whether it is a template, its
 * parse, its Template model. What the editor's hover, completion and code actions read.
 */
export interface ParsedDocument {
  template: boolean;
  /** Why the text was not read at all (too large, binary). */
  skipped?: string;
  /** The parse, when the text may be a template. */
  source?: SourceFile;
  /** The model, when the text is a template that parses. */
  parsed?: Template;
}

/** Reads a document's text as lintText does, up to (not including) the rules. Pure. */
export function parseDocument(
  text: string,
  fileName: string,
  source?: SourceFile,
  settings: Pick<Settings, 'serverless' | 'parameterValues'> = DEFAULT_SETTINGS,
  previous?: SourceFile,
): ParsedDocument {
  if (text.length > MAX_TEMPLATE_BYTES) {
    return {
      template: false,
      skipped: `file is ${(text.length / 1048576).toFixed(1)} MB, over the ${MAX_TEMPLATE_BYTES / 1048576} MB limit (CloudFormation accepts at most 1 MB)`,
    };
  }
  if (looksBinary(text)) return { template: false, skipped: 'binary file' };
  if (!source && !mayLintAsTemplate(text)) return { template: false };
  if (!source) {
    // After an edit inside one resource only that resource is parsed again; else the whole text, keeping what did not change.
    source = previous && (reparseEdited(previous, text) ?? graftUnchanged(previous, parseSourceSafely(text, fileName)));
    source ??= parseSourceSafely(text, fileName);
  }
  if (source.errors.length) return { template: showsTemplateMarkers(text) || isTemplateRoot(source.root), source };
  if (!isTemplateRoot(source.root)) {
    // A Serverless Framework service (when asked for): the template under its `resources:`.
    const embedded = settings.serverless ? serverlessTemplateView(source) : undefined;
    if (!embedded || !isTemplateRoot(embedded.root)) return { template: false, source };
    source = embedded;
  }
  return { template: true, source, parsed: new Template(source, fileName, settings.parameterValues) };
}

/** Lints one file's text. Pure: no I/O, same findings for the same text and settings. */
export function lintText(text: string, fileName: string, registry: RuleRegistry, opts: LintOptions = {}): LintResult {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const history = opts.source ? undefined : opts.history;
  // A version that does not parse leaves the history as it was: the next one grafts on the last that did.
  const previous = history?.previous(fileName, settings);
  const doc = parseDocument(text, fileName, opts.source, settings, previous?.source);
  const { source, parsed: template } = doc;
  if (!doc.template)
    return {
      template: false,
      diagnostics: [],
      ruleFailures: [],
      ...(doc.skipped !== undefined ? { skipped: doc.skipped } : {}),
      ...(source ? { source } : {}),
    };
  if (!template) return { template: true, diagnostics: parseErrorDiagnostics(source!, fileName, registry, settings), ruleFailures: [], source };
  const change = previous ? resourceChanges(previous.views.template, template) : undefined;
  const views = TemplateViews.continuing(previous?.views, template, change);
  const rulesKey = history ? settingsKey(settings) : '';
  const reuse = change && previous!.rulesKey === rulesKey ? { records: previous!.records, change } : undefined;
  const run = new LintRun(template, registry, settings, opts.ruleBudgetMs ?? DEFAULT_RULE_BUDGET_MS, views, history !== undefined, reuse);
  run.runRules();
  const diagnostics = run.finish(opts.showSuppressed === true);
  history?.remember(fileName, settings, { source: source!, views, rulesKey, records: run.records });
  return { template: true, diagnostics, ruleFailures: run.failures, parsed: template, source, views };
}

/** The parsers bound their own depth; a stack overflow anywhere below is still a parse error, not a crash. */
function parseSourceSafely(text: string, fileName: string): SourceFile {
  try {
    return parseSource(text, fileName);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const format = fileName.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
    const message = `the file could not be parsed (${e.message}); it is nested too deeply or too large`;
    return { text, format, lineStarts: computeLineStarts(text), root: null, errors: [{ message, start: 0, end: 0 }] };
  }
}

function parseErrorDiagnostics(source: SourceFile, fileName: string, registry: RuleRegistry, settings: Settings): Diagnostic[] {
  const severity = registry.severityOf(PARSE_ERROR_RULE, settings);
  if (severity === 'off') return [];
  const t = { source, fileName } as Template;
  const toRange = Template.prototype.toRange.bind(t);
  return source.errors.map((e) => ({
    rule: PARSE_ERROR_RULE,
    severity,
    message: capText(`Syntax error: ${e.message}`),
    resource: null,
    path: [],
    range: toRange({ start: e.start, end: e.end }),
    offsets: { start: e.start, end: e.end },
    fixable: false,
    suppressed: false,
    related: [],
    fixes: [],
  }));
}

/** Longest message, related message or fix title a diagnostic carries (rules quote values capped; this bounds the rest). */
export const MAX_MESSAGE_LENGTH = 1000;

/** Text cut to MAX_MESSAGE_LENGTH characters, the last one an ellipsis; a surrogate pair is never split. */
export function capText(s: string): string {
  if (s.length <= MAX_MESSAGE_LENGTH) return s;
  let end = MAX_MESSAGE_LENGTH - 1;
  if (/[\uD800-\uDBFF]/.test(s[end - 1])) end--;
  return `${s.slice(0, end)}…`;
}

interface RuleClock {
  deadline: number;
  timedOut: boolean;
}

/**
 * RuleContext.sourceText: the texts of the values under a top-level key, or under a logical id
 * in `Resources` (a repeated key's values too, one per line). The ids are indexed once per lint.
 */
class SourceTexts {
  private resources: Map<string, SNode[]> | undefined;

  constructor(private readonly template: Template) {}

  of(section: string, resourceId?: string): string {
    const nodes = resourceId === undefined ? this.values(this.template.root, section) : (this.resourceIndex().get(resourceId) ?? []);
    return nodes.map((n) => this.template.text.slice(n.start, n.end)).join('\n');
  }

  private values(map: SNode | null, key: string): SNode[] {
    return isMap(map) ? map.pairs.filter((p) => String(p.key.value) === key).map((p) => p.value) : [];
  }

  private resourceIndex(): Map<string, SNode[]> {
    if (!this.resources) {
      this.resources = new Map();
      for (const section of this.values(this.template.root, 'Resources'))
        if (isMap(section))
          for (const p of section.pairs) {
            const id = String(p.key.value);
            const known = this.resources.get(id);
            if (known) known.push(p.value);
            else this.resources.set(id, [p.value]);
          }
    }
    return this.resources;
  }
}

/** Messages and fix titles quote values: none may quote private-key material (redact.ts). */
function redactDiagnostic(d: Diagnostic, redact: (s: string) => string): void {
  d.message = redact(d.message);
  d.related = d.related.map((r) => ({ ...r, message: redact(r.message) }));
  d.fixes = d.fixes.map((f) => ({ ...f, title: redact(f.title) }));
}

/** A malformed report fails in the rule that made it (and is caught there), not later in the engine. */
function checkReport(r: Report): void {
  const isPath = (p: unknown): boolean => Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number');
  if (!r || !isPath(r.path)) throw new TypeError('ctx.report: path must be an array of keys and indexes');
  if (typeof r.message !== 'string') throw new TypeError('ctx.report: message must be a string');
  if (r.related !== undefined && !(Array.isArray(r.related) && r.related.every((x) => x && isPath(x.path)))) {
    throw new TypeError('ctx.report: related must be a list of { path, message }');
  }
}

interface Pending {
  rule: Rule;
  severity: Severity;
  report: Report;
  related: Map<string, RelatedInfo>;
}

class LintRun {
  readonly failures: RuleFailure[] = [];
  /** Each rule that ran to its end (or was reused): what it read and reported, for the next version. */
  readonly records = new Map<string, RuleRecord>();
  private readonly pending = new Map<string, Pending>();
  private readonly production: ProductionDetector;
  private readonly recorder = new ReadRecorder();
  private readonly recordingTemplate: Template;
  private readonly sourceTexts: SourceTexts;
  private readonly derivedReads = new Map<DerivedKey<unknown>, Reads>();

  constructor(
    private readonly template: Template,
    private readonly registry: RuleRegistry,
    private readonly settings: Settings,
    private readonly budgetMs: number,
    private readonly views: TemplateViews,
    /** Record what each rule reads, for the next version's lint (only with a history: it costs a little). */
    private readonly recordReads: boolean,
    /** The previous version's rule records and what changed since: rules that read nothing changed are not run again. */
    private readonly reuse?: { records: ReadonlyMap<string, RuleRecord>; change: TemplateChange },
  ) {
    this.recordingTemplate = recordReads ? recordingTemplate(template, this.recorder) : template;
    this.sourceTexts = new SourceTexts(template);
    this.production = new ProductionDetector(template, settings.production);
  }

  runRules(): void {
    for (const rule of this.registry.rulesFor(this.template, this.settings)) {
      const severity = this.registry.severityOf(rule.meta.id, this.settings) as Severity;
      const kept = this.reusable(rule);
      if (kept) {
        // Nothing it read changed since the previous version: its findings then are its findings now.
        for (const r of kept.reports) this.add(rule, severity, r);
        this.records.set(rule.meta.id, kept);
        continue;
      }
      const clock: RuleClock = { deadline: performance.now() + this.budgetMs, timedOut: false };
      const record: RuleRecord = { rule, reads: new Reads(), reports: [] };
      const ctx = this.context(rule, severity, clock, record);
      let failed = false;
      try {
        if (this.recordReads) this.recorder.within(record.reads, () => rule.check(ctx));
        else rule.check(ctx);
      } catch (e) {
        failed = true;
        if (!clock.timedOut) this.failures.push({ rule: rule.meta.id, message: e instanceof Error ? e.message : String(e) });
      }
      if (this.recordReads && !failed && !clock.timedOut) this.records.set(rule.meta.id, record);
      if (clock.timedOut) {
        // Also when the rule swallowed the RuleTimeout: what it found so far depends on timing.
        this.failures.push({ rule: rule.meta.id, message: new RuleTimeout(rule.meta.id, this.budgetMs).message });
        for (const [key, p] of this.pending) if (p.rule === rule) this.pending.delete(key);
      }
    }
  }

  /** The previous version's record of a rule, when nothing it read has changed since. */
  private reusable(rule: Rule): RuleRecord | undefined {
    const before = this.reuse?.records.get(rule.meta.id);
    return before && before.rule === rule && before.reads.untouchedBy(this.reuse!.change) ? before : undefined;
  }

  private context(rule: Rule, severity: Severity, clock: RuleClock, record: RuleRecord): RuleContext {
    const template = this.recordingTemplate;
    const rec = this.recorder;
    const derivedReads = this.derivedReads;
    const production = this.production;
    const add = (r: Report): void => {
      record.reports.push(r);
      this.add(rule, severity, r);
    };
    const views = this.views;
    const budgetMs = this.budgetMs;
    // Every context call checks the rule's clock, so a rule looping through the context is stopped.
    const tick = (): void => {
      if (clock.timedOut || performance.now() > clock.deadline) {
        clock.timedOut = true;
        throw new RuleTimeout(rule.meta.id, budgetMs);
      }
    };
    return {
      template,
      settings: this.settings,
      options: this.settings.rules.get(rule.meta.id)?.options ?? NO_OPTIONS,
      severity,
      resources: (...types) => (tick(), template.ofType(...types)),
      views: (r) => (tick(), rec.id(r.id), views.views(r)),
      viewsOf: (...types) => (tick(), rec.types(types), views.viewsOf(...types)),
      resolve: (node, path, scenario) => (tick(), rec.path(path), views.resolve(node, path, scenario)),
      viewsIn: (id, scenario) => (tick(), rec.id(id), views.viewsIn(id, scenario)),
      branchScenarios: (node, scenario) => (tick(), rec.all(), views.branchScenarios(node, scenario)),
      isProduction: (r) => (tick(), r && rec.id(r.id), production.isProduction(r)),
      derived: (key, compute) => {
        tick();
        const known = derivedReads.get(key);
        if (known) {
          rec.merge(known);
          return views.derived(key, compute);
        }
        const reads = new Reads();
        const value = rec.within(reads, () => views.derived(key, compute));
        derivedReads.set(key, reads);
        return value;
      },
      report: (r) => {
        tick();
        checkReport(r);
        add(r);
      },
      sourceText: (section, resourceId) => {
        tick();
        if (section === 'Resources') {
          if (resourceId === undefined) rec.all();
          else rec.id(resourceId);
        }
        return this.sourceTexts.of(section, resourceId);
      },
    };
  }

  private add(rule: Rule, severity: Severity, report: Report): void {
    const key = `${rule.meta.id}\u0000${report.key ?? pathKey(report.path)}\u0000${report.target ?? 'value'}`;
    // A severity the user configured wins over the one a rule picks for a trigger.
    const configured = this.settings.rules.get(rule.meta.id)?.severity !== undefined;
    const own = configured ? severity : (report.severity ?? severity);
    let p = this.pending.get(key);
    if (!p) {
      p = { rule, severity: own, report, related: new Map() };
      this.pending.set(key, p);
    } else if (SEVERITY_RANK[own] > SEVERITY_RANK[p.severity]) {
      // Scenarios merge into one finding; the strongest one speaks for it.
      p.severity = own;
      p.report = report;
    }
    for (const r of report.related ?? []) p.related.set(`${pathKey(r.path)}\u0000${r.offsets?.start ?? ''}`, r);
  }

  finish(showSuppressed: boolean): Diagnostic[] {
    const policy = {
      enabled: this.settings.suppressions,
      unsuppressible: new Set(this.settings.unsuppressible),
      today: this.settings.today ?? new Date().toISOString().slice(0, 10),
    };
    const suppressions = new Suppressions(this.template, (id) => this.registry.rulesForPeer(id), policy);
    // Built on the first finding: most lints have none, and finding the keys reads the whole text.
    let redact: ReturnType<typeof keyRedactor> | null = null;
    const out: Diagnostic[] = [];
    for (const p of this.pending.values()) {
      let d: Diagnostic;
      let suppression: ReturnType<Suppressions['match']>;
      try {
        d = this.toDiagnostic(p.rule.meta.id, p.severity, p.report, [...p.related.values()], p.rule.meta.fixable);
        suppression = suppressions.match(this.site(d, p.report));
        if (redact === null) redact = keyRedactor(this.template.text);
        if (redact) redactDiagnostic(d, redact);
      } catch (e) {
        // A report the engine cannot place fails the rule that made it, not the whole lint.
        this.failures.push({ rule: p.rule.meta.id, message: e instanceof Error ? e.message : String(e) });
        continue;
      }
      if (suppression) {
        if (!showSuppressed) continue;
        d.suppressed = true;
        d.suppression = { kind: suppression.kind, reason: suppression.reason };
      }
      out.push(d);
    }
    mergeLoopIterations(out, this.template);
    // Findings about the suppressions themselves (engine rules): no reason given, an expiry passed.
    for (const [rule, found] of [
      [MISSING_REASON_RULE, suppressions.missingReasons],
      [EXPIRED_SUPPRESSION_RULE, suppressions.expired],
    ] as const) {
      const severity = this.registry.severityOf(rule, this.settings);
      if (severity === 'off') continue;
      for (const m of found) {
        out.push({
          rule,
          severity,
          message: capText(m.message),
          resource: m.resource,
          path: m.path,
          range: this.template.toRange(m.offsets),
          offsets: m.offsets,
          fixable: false,
          suppressed: false,
          related: [],
          fixes: [],
        });
      }
    }
    out.sort((a, b) => a.offsets.start - b.offsets.start || a.rule.localeCompare(b.rule));
    return out;
  }

  private site(d: Diagnostic, report: Report): DiagnosticSite {
    const lines = [d.range.start.line];
    const last = report.path[report.path.length - 1];
    if (typeof last === 'string') lines.push(this.template.rangeOf(report.path, 'key').start.line);
    return { rule: d.rule, resource: d.resource, lines };
  }

  private toDiagnostic(rule: string, severity: Severity, r: Report, related: RelatedInfo[], fixable: boolean): Diagnostic {
    const offsets = this.template.offsetsOf(r.path, r.target);
    const resource = r.path[0] === 'Resources' && typeof r.path[1] === 'string' ? r.path[1] : null;
    const origin = resource ? this.template.resources.get(resource)?.origin : undefined;
    // A loop body is every iteration's: an edit there changes the others too, so no fix is offered.
    // Nor one that edits a parameter whose value the run supplies: the template is not where it is set.
    const supplied = (p: Path): boolean => p[0] === 'Parameters' && this.template.parameters.get(String(p[1]))?.supplied !== undefined;
    const fixes = origin ? [] : (r.fixes ?? []).filter((f) => !f.intents.some((i) => 'path' in i && supplied(i.path)));
    // A finding on an Fn::If branch, or related to one, says which conditions lead there.
    const conditions = branchConditions(this.template.root, this.template.sourcePath(r.path));
    const stated = (c: BranchCondition): boolean => conditions.some((x) => x.condition === c.condition && x.value === c.value);
    const relatedWhen = (x: { path: Path; message: string }): string =>
      whenClause(
        branchConditions(this.template.root, this.template.sourcePath(x.path)).filter((c) => !stated(c)),
        x.message,
      );
    return {
      rule,
      severity,
      message: capText(r.message + whenClause(conditions, r.message) + (origin ? ` (${describeLoops(origin.loops)})` : '')),
      resource,
      path: r.path,
      range: this.template.toRange(offsets),
      offsets,
      fixable: fixable && fixes.length > 0,
      suppressed: false,
      related: related.map((x) => ({
        path: x.path,
        message: capText(x.message + relatedWhen(x)),
        range: x.offsets ? this.template.toRange(x.offsets) : this.template.rangeOf(x.path),
        ...(x.offsets ? { offsets: x.offsets } : {}),
      })),
      fixes: fixes.map((f) => ({ ...f, title: capText(f.title) })),
      data: conditions.length ? { ...r.data, conditions } : r.data,
    };
  }
}

/**
 * The iterations of an `Fn::ForEach` loop that make the same finding at the same place of its
 * body: one diagnostic naming every value. A message that names its generated resource
 * (`S3BucketA`) is compared, and then written, with the output key as written (`S3Bucket${Id}`).
 */
function mergeLoopIterations(out: Diagnostic[], template: Template): void {
  const groups = new Map<string, { first: Diagnostic; base: string; values: string[] }>();
  const keep: Diagnostic[] = [];
  for (const d of out) {
    const resource = d.resource ? template.resources.get(d.resource) : undefined;
    const origin = resource?.origin;
    if (!resource || !origin) {
      keep.push(d);
      continue;
    }
    const loops = ` (${describeLoops(origin.loops)})`;
    const own = d.message.endsWith(loops) ? d.message.slice(0, -loops.length) : d.message;
    // Whole words only, and not a name so short that it is a word of the sentence too.
    const base =
      resource.id.length >= 3
        ? own.replace(new RegExp(`\\b${resource.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), () => String(resource.keyNode.value))
        : own;
    const key = `${d.rule}\u0000${d.severity}\u0000${d.offsets.start}\u0000${d.offsets.end}\u0000${d.suppressed}\u0000${base}`;
    const values = origin.loops.map((l) => `${l.identifier} = ${l.value}`).join(', ');
    const group = groups.get(key);
    if (group) {
      group.values.push(values);
      continue;
    }
    groups.set(key, { first: d, base, values: [values] });
    keep.push(d);
  }
  for (const { first, base, values } of groups.values()) {
    if (values.length < 2) continue;
    const origin = template.resources.get(first.resource!)!.origin!;
    const names = [...new Set(origin.loops.map((l) => l.loop))].join(', ');
    first.message = capText(`${base} (${names}, for each of: ${values.join('; ')})`);
  }
  out.length = 0;
  out.push(...keep);
}
