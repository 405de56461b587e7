import { putMemoryFile } from './memory-files';

/**
 * The resource specification in the browser. The engine reads it synchronously from
 * `<dir>/spec-index/` (rules/src/spec/index.ts), which in the browser bundle is memory (the `fs`
 * stand-in): before a lint, the services the text names are asked of the client (which reads the
 * extension's own dist/spec-index/ files) and put there. What cannot be had stays missing: the
 * `unknown-property` rule then fails on that template (no finding, the failure logged once) and
 * the hover shows no property docs.
 */
export class SpecFiles {
  /** Paths below dist/ asked for (found or not), to the request that reads them: a lint waits for the one it needs. */
  private readonly asked = new Map<string, Promise<void>>();
  /** Whether index.json came: without it nothing of the spec is known. */
  available = false;

  constructor(
    /** The folder the engine's loader looks into (its `__dirname` in the bundle). */
    private readonly dir: string,
    /** Asks the client; null per path it has no file for. Rejects when the client cannot read them at all. */
    private readonly read: (paths: string[]) => Promise<(string | null)[]>,
    /** Told why the spec could not be had (once per failed request). */
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  /** The spec files a text needs (index.json and the services of the resource types it names), read once each. */
  async prepare(text: string): Promise<void> {
    const wanted = ['spec-index/index.json'];
    for (const m of text.matchAll(/\b(AWS|Alexa)::([A-Za-z0-9]+)::[A-Za-z0-9]/g)) wanted.push(`spec-index/${m[1]}_${m[2]}.json`);
    const paths = [...new Set(wanted)].filter((p) => !this.asked.has(p));
    if (paths.length) {
      const request = this.fetch(paths);
      for (const p of paths) this.asked.set(p, request);
    }
    await Promise.all(wanted.map((p) => this.asked.get(p)));
  }

  private async fetch(paths: string[]): Promise<void> {
    let texts: (string | null)[];
    try {
      texts = await this.read(paths);
    } catch (e) {
      this.onProblem(`the client did not give the resource specification (${e instanceof Error ? e.message : String(e)})`);
      texts = [];
    }
    if (paths[0] === 'spec-index/index.json' && typeof texts[0] !== 'string')
      this.onProblem('the client has no resource specification (dist/spec-index/index.json)');
    paths.forEach((p, i) => {
      const t = texts[i];
      if (typeof t !== 'string') return;
      putMemoryFile(`${this.dir}/${p}`, t);
      if (p === 'spec-index/index.json') this.available = true;
    });
  }
}
