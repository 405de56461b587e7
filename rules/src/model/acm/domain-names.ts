import { domainToASCII } from 'url';
import { ACM_DOMAIN_NAME_MAX_LENGTH } from '../../data/acm';
import { ACM_DOMAIN_NAME_PATTERN, ACM_NAME_MAX_LENGTH, DNS_LABEL_MAX_LENGTH } from '../../data/acm-practice';
import { quote, quoteList } from '../../util/quote';

/**
 * Certificate name checks (docs/rules/acm-domain-invalid.md) and name comparisons shared by the
 * acm rules. Names are compared lower-cased, without a trailing dot, in their ASCII (IDNA) form.
 */

export interface NameCheck {
  /** Why ACM rejects the name (empty when it is valid). */
  errors: string[];
  /** Upper-case letters (valid, but certificates and DNS names are lower case). */
  upperCase: boolean;
  /** The corrected name when only a trailing dot, upper case or the Unicode form is wrong. */
  corrected?: string;
}

const ASCII_LABEL_CHARS = /^[a-z0-9-]*$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** IDNA (punycode) form of one label; undefined when it cannot be converted. */
function labelToAscii(label: string): string | undefined {
  if (!NON_ASCII.test(label)) return label;
  const ascii = domainToASCII(label);
  // A label that converts to several labels or to nothing is not a label.
  return ascii && !ascii.includes('.') ? ascii : undefined;
}

/** The ASCII form of a whole name (labels converted one by one), lower-cased; undefined when a label cannot be converted. */
export function asciiName(name: string): string | undefined {
  if (!NON_ASCII.test(name)) return name.toLowerCase();
  const labels = name.split('.').map((l) => (l === '*' ? l : labelToAscii(l.toLowerCase())));
  return labels.every((l): l is string => l !== undefined) ? labels.join('.') : undefined;
}

/** Key for comparing names: lower case, no trailing dot, ASCII form where it converts. */
export function nameKey(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
  return asciiName(trimmed) ?? trimmed;
}

/** The name a wildcard protects the level below of (`*.example.com` -> `example.com`); other names unchanged. */
export function baseName(key: string): string {
  return key.startsWith('*.') ? key.slice(2) : key;
}

/** Whether `key` equals `domain` or is a subdomain of it, on label boundaries (both keys). */
export function isWithin(key: string, domain: string): boolean {
  return key === domain || key.endsWith(`.${domain}`);
}

export function isWildcard(name: string): boolean {
  return name.includes('*');
}

/** Checks one certificate name; `isDomainName` adds the 64-character limit of `DomainName`. */
export function checkName(raw: string, isDomainName: boolean): NameCheck {
  const errors = problemsOf(raw, isDomainName);
  const upperCase = raw !== raw.toLowerCase();
  let corrected: string | undefined;
  const candidate = raw.replace(/\.$/, '');
  const ascii = asciiName(candidate);
  if (ascii !== undefined && ascii !== raw && problemsOf(ascii, isDomainName).length === 0) corrected = ascii;
  return { errors, upperCase, corrected };
}

function problemsOf(raw: string, isDomainName: boolean): string[] {
  if (raw.trim() === '') return ['it is empty'];
  const out: string[] = [];
  if (raw.includes(':') || /^\[.*\]$/.test(raw)) return [...out, 'it is an IP address; ACM issues certificates for domain names only'];
  let name = raw;
  if (name.endsWith('.')) {
    out.push('it ends with a dot (ACM takes the name without the root dot)');
    name = name.slice(0, -1);
  }
  if (NON_ASCII.test(name)) {
    const ascii = asciiName(name);
    if (ascii === undefined) return [...out, 'it is not a valid internationalised domain name'];
    out.push(`ACM accepts only the ASCII (punycode) form of internationalised names: ${quote(ascii)}`);
    name = ascii;
  }
  name = name.toLowerCase();
  const labels = name.split('.');
  if (labels.some((l) => l === '')) return [...out, 'it has an empty label (a leading dot or two dots in a row)'];
  if (labels.every((l) => /^\d+$/.test(l))) return [...out, 'it is an IP address; ACM issues certificates for domain names only'];
  const stars = labels.filter((l) => l.includes('*'));
  if (stars.length > 1 || (stars.length === 1 && labels[0] !== '*')) {
    out.push("'*' is allowed only as the whole leftmost label (*.example.com)");
  }
  const base = labels[0] === '*' ? labels.slice(1) : labels;
  if (base.length < 2)
    out.push(labels[0] === '*' ? 'a wildcard needs a domain of at least two labels' : 'it is a single label, not a fully qualified domain name');
  const badChars = new Set<string>();
  for (const l of base) for (const ch of l.replace(/\*/g, '')) if (!ASCII_LABEL_CHARS.test(ch)) badChars.add(ch);
  if (badChars.size) out.push(`it contains ${quoteList(badChars)}; a label may contain only a-z, 0-9 and '-'`);
  const long = base.find((l) => l.length > DNS_LABEL_MAX_LENGTH);
  if (long) out.push(`the label ${quote(long)} has ${long.length} characters (at most ${DNS_LABEL_MAX_LENGTH})`);
  const hyphen = base.find((l) => l.startsWith('-') || l.endsWith('-'));
  if (hyphen) out.push(`the label ${quote(hyphen)} starts or ends with '-'`);
  const last = base[base.length - 1];
  if (base.length >= 2 && last.length < 2) out.push(`the last label ${quote(last)} is shorter than 2 characters`);
  if (name.length > ACM_NAME_MAX_LENGTH) out.push(`it has ${name.length} characters (at most ${ACM_NAME_MAX_LENGTH})`);
  // Whatever the checks above did not name, ACM's own pattern still rejects.
  if (!out.length && !ACM_DOMAIN_NAME_PATTERN.test(name)) out.push(`it does not match ACM's domain name pattern`);
  if (isDomainName && name.length > ACM_DOMAIN_NAME_MAX_LENGTH) {
    out.push(
      `as DomainName (the certificate's common name) it may have at most ${ACM_DOMAIN_NAME_MAX_LENGTH} characters, it has ${name.length}; put the long name in SubjectAlternativeNames`,
    );
  }
  return out;
}
