import type { SourceFile } from '../parse/source-tree';
import type { TemplateViews } from '../model/views';
import type { Settings } from './config';
import type { RuleRecord } from './reads';

/** A version's lint as the next one can reuse it. */
export interface LintMemory {
  source: SourceFile;
  views: TemplateViews;
  /** The settings the rules ran with (`settingsKey`): rules are reused only under the same. */
  rulesKey: string;
  records: ReadonlyMap<string, RuleRecord>;
}

/**
 * What a document's next lint may reuse from its last one: the parse (its unchanged subtrees,
 * parse/graft.ts), the resolved views of the resources an edit did not touch
 * (`TemplateViews.continuing`), and the findings of each rule that read none of them
 * (engine/reads.ts). One per open document: a language server keeps it across the versions of
 * the document, so typing in one resource of a large template resolves that resource again and
 * runs the rules that read it, not every rule on the template.
 *
 * The lints of one text under other inputs (each configured environment's parameter values)
 * are kept apart, a few at most, each with its own parse.
 *
 * The next lint through the same history updates the previous version's tree in place: a
 * caller must not read an earlier result's `source`, `parsed` or `views` after it.
 */
export class LintHistory {
  private readonly byInputs = new Map<string, LintMemory>();

  /** The previous version's lint, when it was made with the same inputs besides the text. */
  previous(fileName: string, settings: Settings): LintMemory | undefined {
    return this.byInputs.get(inputsKey(fileName, settings));
  }

  remember(fileName: string, settings: Settings, memory: LintMemory): void {
    const key = inputsKey(fileName, settings);
    this.byInputs.delete(key);
    this.byInputs.set(key, memory);
    if (this.byInputs.size > MAX_INPUT_SETS) this.byInputs.delete(this.byInputs.keys().next().value!);
  }
}

/** Environments of one document kept at once (the most recently linted). */
const MAX_INPUT_SETS = 8;

/** What a parse and its views depend on besides the text: the file's name and what settings feed the model. */
function inputsKey(fileName: string, settings: Settings): string {
  const supplied = [...settings.parameterValues].map(([name, p]) => `${name}=${p.value ?? '\u0002'}@${p.from}`);
  return [fileName, settings.serverless ? 'serverless' : '', ...supplied].join('\u0001');
}

/** Every setting, as one string (maps and sets as their entries): rules read any of them. */
export function settingsKey(settings: Settings): string {
  return JSON.stringify(settings, (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    if (value instanceof RegExp) return { regexp: String(value) };
    return value;
  });
}
