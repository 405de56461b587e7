import { findBareKeys } from './key-der';

/**
 * Keeps private-key material out of everything the engine says. Rules quote values in their
 * messages ("SslPolicy '…' is not a predefined policy"); when a value is, or holds, a private
 * key (PEM, or a bare base64 key body: key-der.ts), the quote would print the key to terminals,
 * CI logs and SARIF uploads. The engine therefore scrubs messages of any run of key text found
 * in the document.
 */

const PRIVATE_KEY = /PRIVATE KEY/i;
const BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/gi;
const END = /-----END [A-Z0-9 ]*PRIVATE KEY-----/i;
/** Base64 runs at least this long are compared with the key bodies; shorter ones say too little to matter. */
const MIN_RUN = 12;
/** Not right after a backslash: in JSON text `\nMIIE…` is an escape and then the run. */
const RUN = new RegExp(`(?<!\\\\)[A-Za-z0-9+/=]{${MIN_RUN},}`, 'g');
/**
 * A whole key block: base64, line breaks (also as JSON escapes) and RFC 1421 headers only, so a
 * match never runs across a quote into the next field when the scrubber gets a whole report.
 */
const WHOLE_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[A-Za-z0-9+/=\s\\:,.-]{0,20000}?-----END [A-Z0-9 ]*PRIVATE KEY-----/gi;
export const REDACTED = '[private key material not shown]';

/**
 * A scrubber for text about this document (a message, or a whole report), or undefined when
 * the document holds no private key. The result stays valid wherever the input was (JSON, CSV).
 */
export function keyRedactor(text: string): ((s: string) => string) | undefined {
  // The key bodies as written (YAML lines, JSON "\n" escapes), lower-cased: rules may lower-case what they quote.
  const bodies: string[] = [];
  for (const key of findBareKeys(text, true)) for (const piece of key.pieces) if (piece.length >= MIN_RUN) bodies.push(piece.toLowerCase());
  if (PRIVATE_KEY.test(text))
    for (const m of text.matchAll(BLOCK)) {
      const from = m.index! + m[0].length;
      const rest = text.slice(from, from + 20_000);
      const end = END.exec(rest);
      const body = (end ? rest.slice(0, end.index) : rest).replace(/\\[nrt]/g, '\n');
      for (const run of body.match(RUN) ?? []) bodies.push(run.toLowerCase());
    }
  if (!bodies.length) return undefined;
  const all = bodies.join('\n');
  // Any stretch of MIN_RUN + 3 characters shared with a key body gives a run away.
  const leaks = (run: string): boolean => {
    const r = run.toLowerCase();
    for (let i = 0; i + MIN_RUN <= r.length; i += 4) if (all.includes(r.slice(i, i + MIN_RUN))) return true;
    return all.includes(r.slice(-MIN_RUN));
  };
  return (s) => (s ? s.replace(WHOLE_BLOCK, REDACTED).replace(RUN, (run) => (leaks(run) ? REDACTED : run)) : s);
}
