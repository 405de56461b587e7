/** How the editor ranks a value of a TLS setting: completion lists recommended first, strikes weak ones through. */
export type Verdict = 'recommended' | 'acceptable' | 'weak';
