import path = require('path');
import { Diagnostic, lintText, MAX_TEMPLATE_BYTES, nestedStacksIn, parseDocument, RuleRegistry, Settings, SuppliedParameter } from '../../rules/src/index';
import type { NestedStack, PassedParameter, Template } from '../../rules/src/index';
import { FileReadError, readRegularFileSync } from '../../rules/src/node/read-file';
import type { FileReport } from './format/report';

/** Parents nest children nest grandchildren: deeper than this is not followed (CloudFormation allows deeper, templates rarely go). */
export const MAX_NESTING_DEPTH = 5;

/** Whether a template's text may declare a nested stack (a cheap test before any parse). */
export const mayNestStacks = (text: string): boolean => /AWS::CloudFormation::Stack|AWS::Serverless::Application/.test(text);

export interface NestedStackRun {
  registry: RuleRegistry;
  settingsFor(file: string): Settings;
  showSuppressed: boolean;
  /** How reports name a file (relative to the working directory). */
  relPath(file: string): string;
  /** A note on stderr: a child that cannot be read, a cycle. Not a failure: the parent's own lint stands. */
  note(message: string): void;
}

/**
 * Nested stacks (issue 17, part 3): each linted template's stacks whose template is a local file
 * are linted with the values the parent passes. What that finds beyond the child's own lint (with
 * its defaults) is added to the child's report, on the child's property, with related
 * information at the parent's value; the child's own findings stay as they are. Such findings
 * offer no fix: the child's value serves every parent, the parent's may serve other places.
 */
export function lintNestedStacks(reports: FileReport[], run: NestedStackRun): void {
  const byFile = new Map(reports.map((r) => [r.file, r]));
  const texts = new Map<string, string | undefined>();
  const ownKeys = new Map<string, Set<string>>();
  const reported = new Map<string, Set<string>>();

  const text = (file: string, where: string): string | undefined => {
    if (!texts.has(file)) {
      let t: string | undefined;
      try {
        t = readRegularFileSync(file, MAX_TEMPLATE_BYTES).toString('utf8');
      } catch (e) {
        if (!(e instanceof FileReadError)) throw e;
        const reason = e.code === 'ENOENT' ? 'does not exist' : `cannot be read (${e.reason})`;
        run.note(`${where}: ${run.relPath(file)} ${reason}, so it is not linted with the parameters this stack passes`);
      }
      texts.set(file, t);
    }
    return texts.get(file);
  };

  /** The child's own findings (its defaults): from its report when it was linted, else a lint now. */
  const own = (file: string, childText: string): Set<string> => {
    let keys = ownKeys.get(file);
    if (!keys) {
      const diagnostics =
        byFile.get(file)?.diagnostics ??
        lintText(childText, file, run.registry, { settings: run.settingsFor(file), showSuppressed: run.showSuppressed }).diagnostics;
      ownKeys.set(file, (keys = new Set(diagnostics.map(findingKey))));
    }
    return keys;
  };

  const add = (file: string, d: Diagnostic): void => {
    let report = byFile.get(file);
    if (!report) {
      report = { file, relPath: run.relPath(file), template: true, diagnostics: [] };
      reports.push(report);
      byFile.set(file, report);
    }
    let seen = reported.get(file);
    if (!seen) reported.set(file, (seen = new Set()));
    const key = `${findingKey(d)}\u0000${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    report.diagnostics.push(d);
    report.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  };

  /** `via`: how this template was reached, innermost first ("nested stack Web of parent.yaml"). */
  const visit = (file: string, source: string, settings: Settings, chain: string[], via: string[]): void => {
    if (!mayNestStacks(source)) return;
    const parent = parseDocument(source, file, undefined, settings).parsed;
    if (!parent) return;
    for (const stack of nestedStacksIn(parent, settings)) {
      const child = path.resolve(path.dirname(file), stack.location);
      const where = `${run.relPath(file)}: nested stack ${stack.resource}`;
      if (chain.includes(child)) {
        run.note(`${where}: ${run.relPath(child)} is already one of its parents (a cycle), so it is not linted again with these parameters`);
        continue;
      }
      if (chain.length > MAX_NESTING_DEPTH) {
        run.note(`${where}: nested more than ${MAX_NESTING_DEPTH} deep, so ${run.relPath(child)} is not linted with these parameters`);
        continue;
      }
      const childText = text(child, where);
      if (childText === undefined) continue;
      const base = run.settingsFor(child);
      const known = own(child, childText);
      const label = [`nested stack ${stack.resource} of ${run.relPath(file)}`, ...via];
      for (const passed of stack.parameterSets) {
        const from = `${run.relPath(file)} (${stack.resource})`;
        const parameterValues = new Map<string, SuppliedParameter>(base.parameterValues);
        for (const p of passed) parameterValues.set(p.name, { value: p.value, from });
        const settings = { ...base, parameterValues };
        const result = lintText(childText, child, run.registry, { settings, showSuppressed: run.showSuppressed });
        if (!result.parsed) continue;
        for (const d of result.diagnostics) {
          if (known.has(findingKey(d))) continue;
          add(child, asNested(d, stack, passed, parent, run.relPath(file), label));
        }
        visit(child, childText, settings, [...chain, child], label);
      }
    }
  };

  for (const report of [...reports]) {
    if (!report.template || report.nestingText === undefined) continue;
    texts.set(report.file, report.nestingText);
    visit(report.file, report.nestingText, run.settingsFor(report.file), [report.file], []);
  }
}

/** A finding is the child's own when its own lint makes it at the same place. */
const findingKey = (d: Diagnostic): string =>
  `${d.rule}\u0000${d.range.start.line}:${d.range.start.character}\u0000${d.range.end.line}:${d.range.end.character}`;

function asNested(d: Diagnostic, stack: NestedStack, passed: PassedParameter[], parent: Template, parentPath: string, via: string[]): Diagnostic {
  // The parameters the finding names (related information at ['Parameters', name]), else all known ones.
  const named = new Set(d.related.filter((r) => r.path[0] === 'Parameters').map((r) => String(r.path[1])));
  const relevant = passed.filter((p) => named.has(p.name));
  const sites = relevant.length ? relevant : passed.filter((p) => p.value !== undefined);
  return {
    ...d,
    message: `${d.message} (with the parameters passed to it as ${via.join(', itself ')})`,
    fixable: false,
    fixes: [],
    related: [
      ...d.related,
      ...sites.map((p) => ({
        path: p.path,
        message: p.value === undefined ? `${stack.resource} passes ${p.name} here` : `${stack.resource} passes ${p.name} = "${p.value}" from here`,
        range: parent.toRange(p.offsets),
        offsets: p.offsets,
        file: parentPath,
      })),
    ],
  };
}
