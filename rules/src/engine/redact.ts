/**
 * Keeps private-key material out of everything the engine says. Rules quote values in their
 * messages ("SslPolicy '…' is not a predefined policy"); when a value is, or holds, a PEM
 * private key, the quote would print the key to terminals, CI logs and SARIF uploads. The
 * engine therefore scrubs messages of any run of key text found in the document.
 */

const PRIVATE_KEY = /PRIVATE KEY/i;
const BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/gi;
const END = /-----END [A-Z0-9 ]*PRIVATE KEY-----/i;
/** Base64 runs at least this long are compared with the key bodies; shorter ones say too little to matter. */
const MIN_RUN = 12;
const RUN = new RegExp(`[A-Za-z0-9+/=]{${MIN_RUN},}`, 'g');
const WHOLE_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/gi;
export const REDACTED = '[private key material not shown]';

/** A scrubber for the messages about this document, or undefined when it holds no private key. */
export function keyRedactor(text: string): ((s: string) => string) | undefined {
  if (!PRIVATE_KEY.test(text)) return undefined;
  // The key bodies as written (YAML lines, JSON "\n" escapes), lower-cased: rules may lower-case what they quote.
  const bodies: string[] = [];
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
