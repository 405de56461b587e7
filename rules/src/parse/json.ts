import { computeLineStarts, DuplicateKey, outsideCrlf, SMap, SNode, SPair, SScalar, SSeq, SourceFile } from './source-tree';

/** Nesting beyond this is refused rather than risking the stack. */
const MAX_DEPTH = 2000;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Strict JSON (RFC 8259) with offsets for every node. CloudFormation rejects what a
 * YAML parser would forgive (trailing commas, comments), so this parser does too.
 */
export function parseJson(text: string): SourceFile {
  const lineStarts = computeLineStarts(text);
  const p = new JsonParser(text);
  try {
    p.skipWs();
    const root = p.value(0);
    p.skipWs();
    if (p.pos < text.length) throw new JsonSyntaxError('Unexpected content after the end of the JSON document', p.pos);
    const out: SourceFile = { text, format: 'json', lineStarts, root, errors: [] };
    if (p.duplicates.length) out.duplicateKeys = p.duplicates.sort((a, b) => a.later.start - b.later.start);
    return out;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const at = outsideCrlf(text, Math.min(e.offset, text.length));
    return { text, format: 'json', lineStarts, root: null, errors: [{ message: e.message, start: at, end: outsideCrlf(text, Math.min(at + 1, text.length)) }] };
  }
}

class JsonParser {
  pos = 0;
  /** Repeated keys: JSON.parse and CloudFormation keep the last value, and so does the tree's lookup. */
  readonly duplicates: DuplicateKey[] = [];
  constructor(private readonly text: string) {
    // A BOM is not JSON, but editors write it; skip it as CloudFormation does.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  skipWs(): void {
    const t = this.text;
    let i = this.pos;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.pos = i;
  }

  private fail(what: string): never {
    const c = this.text[this.pos];
    const got = c === undefined ? 'end of file' : `'${c}'`;
    throw new JsonSyntaxError(`${what}, found ${got}`, this.pos);
  }

  value(depth: number): SNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`JSON nesting deeper than ${MAX_DEPTH} levels`, this.pos);
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    return this.literal();
  }

  private object(depth: number): SMap {
    const start = this.pos++;
    const pairs: SPair[] = [];
    const seen = new Map<string, SScalar>();
    const repeated: { earlier: SScalar; later: SScalar }[] = [];
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return { kind: 'map', pairs, start, end: this.pos };
    }
    for (;;) {
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 34)
        this.fail(pairs.length ? "Expected a property name after ',' (trailing commas are not allowed)" : "Expected a property name or '}'");
      const key = this.string();
      const earlier = seen.get(String(key.value));
      if (earlier) repeated.push({ earlier, later: key });
      else seen.set(String(key.value), key);
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 58) this.fail("Expected ':' after a property name");
      this.pos++;
      this.skipWs();
      const value = this.value(depth + 1);
      pairs.push({ key, value });
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) {
        this.pos++;
        const map: SMap = { kind: 'map', pairs, start, end: this.pos };
        for (const r of repeated) this.duplicates.push({ map, ...r });
        return map;
      }
      this.fail("Expected ',' or '}' in an object");
    }
  }

  private array(depth: number): SSeq {
    const start = this.pos++;
    const items: SNode[] = [];
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return { kind: 'seq', items, start, end: this.pos };
    }
    for (;;) {
      this.skipWs();
      if (this.text.charCodeAt(this.pos) === 93) this.fail("Expected a value after ',' (trailing commas are not allowed)");
      items.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        return { kind: 'seq', items, start, end: this.pos };
      }
      this.fail("Expected ',' or ']' in an array");
    }
  }

  private string(): SScalar {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.pos = i;
        this.fail('Unterminated string');
      }
      if (c === 34) break;
      if (c < 32) {
        this.pos = i;
        this.fail('Control character in a string');
      }
      if (c === 92) {
        out += t.slice(chunk, i);
        const e = t[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          this.pos = i;
          this.fail('Invalid escape in a string');
        }
        chunk = i;
        continue;
      }
      i++;
    }
    out += t.slice(chunk, i);
    this.pos = i + 1;
    return { kind: 'scalar', value: out, start, end: this.pos, style: 'double' };
  }

  private number(): SScalar {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.text);
    if (!r) this.fail('Invalid number');
    const start = this.pos;
    this.pos += r[0].length;
    return { kind: 'scalar', value: Number(r[0]), start, end: this.pos, style: 'plain' };
  }

  private literal(): SScalar {
    const start = this.pos;
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { kind: 'scalar', value, start, end: this.pos, style: 'plain' };
      }
    }
    this.fail('Expected a JSON value');
  }
}
