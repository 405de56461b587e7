/** Values as messages and fix titles quote them: one place, one cap. */

/** Longest value text a message quotes; longer values are cut (a 1 MB value must not make a 1 MB message). */
const MAX_QUOTED = 120;

/** Most values a list quotes; the rest are counted (a certificate with 500 names must not list them all). */
const MAX_LISTED = 10;

/**
 * The one way a value from a template (or a value a fix writes) enters a message or a fix title:
 * quoted, on one line, at most MAX_QUOTED characters. Lists and objects (fix values such as
 * `{Ref: X}`) are shown as JSON.
 */
export function quote(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  let s = text.replace(/\r\n|\r|\n/g, '\\n');
  if (s.length > MAX_QUOTED) s = `${s.slice(0, MAX_QUOTED)}…`;
  return `'${s}'`;
}

/** Distinct values, each quoted, comma-separated; past MAX_LISTED the rest are counted. */
export function quoteList(values: Iterable<unknown>): string {
  const distinct = [...new Set(values)];
  const shown = distinct.slice(0, MAX_LISTED).map(quote).join(', ');
  const more = distinct.length - MAX_LISTED;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
