/** LSP headers are a line or two; a header block longer than this is not one. */
export const MAX_HEADER_BYTES = 4096;
/** A message that stops half way for this long means the client hung or the stream is out of step. */
export const STALL_LIMIT_MS = 5000;

/** Characters of a header field name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*$/;

/** Up to 60 characters of what was read, quoted, control characters escaped. */
function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Follows the byte stream of a stdio connection as LSP frames it (header lines ending in
 * CRLF, an empty line, then `Content-Length` bytes of body) and says, once, when it breaks:
 * vscode-jsonrpc's reader reports such errors in terms of the JSON it then fails to parse
 * ("Unexpected end of JSON input"), or not at all (a header that never ends is buffered
 * forever). The body itself is the reader's to parse.
 */
export class FramingCheck {
  private head = '';
  private bodyLeft = 0;
  private failed = false;
  private stall: NodeJS.Timeout | undefined;

  constructor(
    private readonly broken: (why: string) => void,
    private readonly stallMs = STALL_LIMIT_MS,
  ) {}

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.failed) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= n;
        i += n;
        continue;
      }
      // Headers are ASCII: one byte, one character.
      this.head += String.fromCharCode(chunk[i++]);
      this.checkHead();
    }
    this.watchStall();
  }

  dispose(): void {
    if (this.stall) clearTimeout(this.stall);
    this.stall = undefined;
  }

  private checkHead(): void {
    if (this.head.endsWith('\r\n\r\n')) {
      const length = this.contentLength(this.head.slice(0, -4).split('\r\n'));
      this.head = '';
      if (length !== undefined) this.bodyLeft = length;
      return;
    }
    if (this.head.length > MAX_HEADER_BYTES) return this.fail(`a message header longer than ${MAX_HEADER_BYTES} bytes: ${preview(this.head)}`);
    // The line being read: its field name must be a token, so raw JSON or text fails at its first byte.
    const lineStart = this.head.lastIndexOf('\r\n');
    const line = lineStart < 0 ? this.head : this.head.slice(lineStart + 2);
    if (line.includes('\n')) return this.fail(`a header line that ends in LF alone (LSP needs CRLF): ${preview(this.head)}`);
    const colon = line.indexOf(':');
    const name = colon < 0 ? line.replace(/\r$/, '') : line.slice(0, colon);
    if (!TOKEN.test(name))
      this.fail(
        `bytes where a message header ("Content-Length: <bytes>") should start: ${preview(this.head)} (a message sent without its header, or a wrong Content-Length in the one before)`,
      );
  }

  /** The body length the header lines give; undefined after failing. */
  private contentLength(lines: string[]): number | undefined {
    let length: number | undefined;
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) return void this.fail(`a header line that is not "<name>: <value>": ${preview(line)}`);
      if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,15}$/.test(value)) return void this.fail(`Content-Length ${preview(value)} is not a byte count`);
      length = Number(value);
    }
    if (length === undefined) return void this.fail(`a message without Content-Length (headers: ${preview(lines.join('\\r\\n'))})`);
    return length;
  }

  private watchStall(): void {
    if (this.stall) clearTimeout(this.stall);
    this.stall = undefined;
    if (this.failed || (this.head === '' && this.bodyLeft === 0)) return;
    const what = this.head ? 'a message header' : `a message body (${this.bodyLeft} bytes still to come)`;
    this.stall = setTimeout(() => this.fail(`${what} stopped half way: nothing more came for ${this.stallMs} ms`), this.stallMs);
    // The input stream keeps the process alive while it is open; this timer need not.
    this.stall.unref();
  }

  private fail(why: string): void {
    if (this.failed) return;
    this.failed = true;
    this.dispose();
    this.broken(why);
  }
}
