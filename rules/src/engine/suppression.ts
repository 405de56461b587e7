import { getValue, isMap, isSeq, isScalar, Path, positionAt, scalarString, SNode } from '../parse/source-tree';
import { Template } from '../template/template';

/**
 * Suppressions (docs/suppression.md): our inline comments and Metadata
 * entries, and the peers' formats mapped to our rules through their check ids.
 */

export interface SuppressionSource {
  kind: 'inline-next-line' | 'inline-line' | 'inline-file' | 'metadata' | 'template-metadata' | 'cfn-lint' | 'cfn_nag' | 'checkov' | 'guard';
  reason?: string;
}

interface Entry {
  source: SuppressionSource;
  /** `until YYYY-MM-DD` at the start of the reason: the last day it applies. */
  until?: string;
  /** Our rule ids covered; undefined means every rule. */
  rules: Set<string> | undefined;
  /** Resource it applies to; undefined means the whole template. */
  resource?: string;
  /** For line comments: the 0-based line whose findings it covers. */
  line?: number;
}

export interface MissingReason {
  path: Path;
  offsets: { start: number; end: number };
  resource: string | null;
  message: string;
}

export interface DiagnosticSite {
  rule: string;
  resource: string | null;
  /** Lines a line suppression may name: where the range starts, and the key holding the node. */
  lines: number[];
}

const COMMENT = /(?:^|\s)#\s*cfn-tls-lint-disable(-next-line|-line)?\b([^\n\r]*)/;
const CHECKOV_COMMENT = /(?:^|\s)#\s*checkov:skip=([A-Za-z0-9_.-]+)(?::([^\n\r]*))?/;

/** What a run allows of the template's own suppressions (config `suppressions`, `unsuppressible`). */
export interface SuppressionPolicy {
  /** False: no comment or Metadata suppression applies (`--no-inline-suppressions`). */
  enabled: boolean;
  /** Rules whose findings no suppression hides. */
  unsuppressible: ReadonlySet<string>;
  /** The day the expiries are read against (YYYY-MM-DD, UTC). */
  today: string;
}

export const DEFAULT_SUPPRESSION_POLICY: SuppressionPolicy = { enabled: true, unsuppressible: new Set(), today: '' };

/** `until 2027-03-31: reason` (or `until 2027-03-31 -- reason`): the date, and the reason after it. */
const UNTIL = /^until\s+(\d{4}-\d{2}-\d{2})\b\s*(?::|--)?\s*/i;

export class Suppressions {
  private readonly entries: Entry[] = [];
  readonly missingReasons: MissingReason[] = [];
  /** Suppressions whose `until` date has passed: they no longer apply, and say so. */
  readonly expired: MissingReason[] = [];

  constructor(
    private readonly template: Template,
    /** Our rules covering a peer check id (RuleRegistry.rulesForPeer). */
    private readonly rulesForPeer: (id: string) => readonly string[],
    private readonly policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY,
  ) {
    if (template.source.format === 'yaml') this.scanComments();
    this.scanMetadata(template.metadata, ['Metadata'], undefined);
    for (const r of template.resources.values()) this.scanMetadata(r.metadata, ['Resources', r.id, 'Metadata'], r.id);
  }

  /** The suppression covering a finding, if any. */
  match(site: DiagnosticSite): SuppressionSource | undefined {
    if (!this.policy.enabled || this.policy.unsuppressible.has(site.rule)) return undefined;
    for (const e of this.entries) {
      if (e.until !== undefined && this.policy.today > e.until) continue;
      if (e.rules && !e.rules.has(site.rule)) continue;
      if (e.resource !== undefined && e.resource !== site.resource) continue;
      if (e.line !== undefined && !site.lines.includes(e.line)) continue;
      return e.source;
    }
    return undefined;
  }

  private scanComments(): void {
    const text = this.template.text;
    const hasOurs = text.includes('cfn-tls-lint-disable');
    const hasCheckov = text.includes('checkov:skip');
    if (!hasOurs && !hasCheckov) return;
    const starts = this.template.source.lineStarts;
    let inHeader = true;
    for (let line = 0; line < starts.length; line++) {
      const lineStart = starts[line];
      const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
      const content = text.slice(lineStart, lineEnd).replace(/[\r\n]+$/, '');
      const trimmed = content.trimStart();
      const fullLineComment = trimmed.startsWith('#');
      if (inHeader && trimmed !== '' && !fullLineComment) inHeader = false;
      if (hasOurs) {
        const m = COMMENT.exec(content);
        if (m) this.addComment(m, line, lineStart + m.index + m[0].indexOf('#'), lineStart + content.length, fullLineComment, inHeader);
      }
      if (hasCheckov) {
        const c = CHECKOV_COMMENT.exec(content);
        if (c) {
          const offset = lineStart + c.index;
          const resource = this.resourceAt(offset);
          const rules = new Set(this.rulesForPeer(c[1]));
          if (resource && rules.size) this.entries.push({ source: { kind: 'checkov', reason: c[2]?.trim() || undefined }, rules, resource });
        }
      }
    }
  }

  private addComment(m: RegExpExecArray, line: number, start: number, end: number, fullLine: boolean, inHeader: boolean): void {
    const variant = m[1];
    const [idsPart, ...reasonParts] = m[2].split(/\s--\s?|\s--$/);
    const written = reasonParts.join(' -- ').trim();
    const until = UNTIL.exec(written);
    const reason = (until ? written.slice(until[0].length).trim() : written) || undefined;
    const ids = idsPart
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const rules = ids.length ? new Set(ids) : undefined;
    let entry: Entry | undefined;
    if (variant === '-next-line' && fullLine) entry = { source: { kind: 'inline-next-line', reason }, rules, line: line + 1 };
    else if (variant === '-line') entry = { source: { kind: 'inline-line', reason }, rules, line };
    else if (variant === undefined && fullLine && inHeader) entry = { source: { kind: 'inline-file', reason }, rules };
    if (!entry) return;
    this.push(entry, until?.[1], { path: [], offsets: { start, end }, resource: null });
    if (!reason) {
      this.missingReasons.push({
        path: [],
        offsets: { start, end },
        resource: null,
        message: `This suppression gives no reason; add one after " -- " so reviewers know why (${ids.join(', ') || 'all rules'}).`,
      });
    }
  }

  /** An entry, with its expiry; one past it is said once, where it is written. */
  private push(entry: Entry, until: string | undefined, at: Omit<MissingReason, 'message'>): void {
    if (until !== undefined) entry.until = until;
    this.entries.push(entry);
    if (until !== undefined && this.policy.enabled && this.policy.today > until) {
      const what = entry.rules ? [...entry.rules].join(', ') : 'every rule';
      this.expired.push({
        ...at,
        message: `This suppression of ${what} expired on ${until}: the findings it covered are reported again. Fix them, or renew it with a new date and a reason.`,
      });
    }
  }

  private resourceAt(offset: number): string | undefined {
    for (const r of this.template.resources.values()) {
      if (offset >= r.keyNode.start && offset <= r.node.end) return r.id;
    }
    return undefined;
  }

  private scanMetadata(meta: SNode | undefined, path: Path, resource: string | undefined): void {
    if (!isMap(meta)) return;
    const kindOurs = resource === undefined ? 'template-metadata' : 'metadata';
    // Ours: cfn-tls-lint.ignore: [{rule, reason}] (a bare id is accepted too).
    const ignore = getValue(getValue(meta, 'cfn-tls-lint'), 'ignore');
    if (isSeq(ignore)) {
      ignore.items.forEach((item, i) => {
        const rule = isScalar(item) ? scalarString(item) : scalarString(getValue(item, 'rule'));
        if (!rule) return;
        const written = isMap(item) ? (scalarString(getValue(item, 'reason'))?.trim() ?? '') : '';
        const until = UNTIL.exec(written);
        const reason = (until ? written.slice(until[0].length).trim() : written) || undefined;
        this.push({ source: { kind: kindOurs, reason }, rules: new Set([rule]), resource }, until?.[1], {
          path: [...path, 'cfn-tls-lint', 'ignore', i],
          offsets: { start: item.start, end: item.end },
          resource: resource ?? null,
        });
        if (!reason) {
          this.missingReasons.push({
            path: [...path, 'cfn-tls-lint', 'ignore', i],
            offsets: { start: item.start, end: item.end },
            resource: resource ?? null,
            message: `The suppression of ${rule} gives no reason; add a "reason" so reviewers know why.`,
          });
        }
      });
    }
    // cfn-lint: Metadata.cfn-lint.config.ignore_checks: [E3676]
    const cfnLint = getValue(getValue(getValue(meta, 'cfn-lint'), 'config'), 'ignore_checks');
    this.addPeerIds(isSeq(cfnLint) ? cfnLint.items.map(scalarString) : [scalarString(cfnLint)], 'cfn-lint', resource);
    // cfn_nag: Metadata.cfn_nag.rules_to_suppress: [{id, reason}]
    const nag = getValue(getValue(meta, 'cfn_nag'), 'rules_to_suppress');
    if (isSeq(nag))
      for (const item of nag.items) this.addPeerIds([scalarString(getValue(item, 'id'))], 'cfn_nag', resource, scalarString(getValue(item, 'reason')));
    // checkov: Metadata.checkov.skip: [{id, comment}]
    const skip = getValue(getValue(meta, 'checkov'), 'skip');
    if (isSeq(skip))
      for (const item of skip.items)
        this.addPeerIds(
          [isScalar(item) ? scalarString(item) : scalarString(getValue(item, 'id'))],
          'checkov',
          resource,
          scalarString(getValue(item, 'comment')),
        );
    // guard: Metadata.guard.SuppressedRules: [NAME]
    const guard = getValue(getValue(meta, 'guard'), 'SuppressedRules');
    if (isSeq(guard)) this.addPeerIds(guard.items.map(scalarString), 'guard', resource);
  }

  private addPeerIds(ids: (string | undefined)[], kind: SuppressionSource['kind'], resource: string | undefined, reason?: string): void {
    for (const id of ids) {
      if (!id) continue;
      const rules = this.rulesForPeer(id);
      if (rules.length) this.entries.push({ source: { kind, reason: reason?.trim() || undefined }, rules: new Set(rules), resource });
    }
  }
}

/** 0-based line of an offset. */
export function lineOf(template: Template, offset: number): number {
  return positionAt(template.source.lineStarts, offset).line;
}
