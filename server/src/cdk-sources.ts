import fs = require('fs');
import path = require('path');
import { Diagnostic, DiagnosticSeverity } from './lsp';
import { docsUrl, type Diagnostic as EngineDiagnostic, type Settings } from '../../rules/src/index';
import { CdkStack, CloudAssembly, findCloudAssembly, readCloudAssembly, stackSettings } from '../../rules/src/node/cdk-assembly';
import { FileReadError, readRegularFileSync } from '../../rules/src/node/read-file';
import { MAX_TEMPLATE_BYTES } from '../../rules/src/index';
import { SOURCE } from './convert';
import { fileUri, isInside } from './uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * A CDK app's source files in the editor (issue 17, part 1): when `lib/web.ts` is open and the
 * app's cloud assembly exists, the findings of its stack templates whose construct `web.ts`
 * created show on the creating line (`new ApplicationListener(…)`), with the template's place as
 * related information. The assembly is what the last `cdk synth` wrote: its lints are cached by
 * the templates' modification times, and a change under the assembly refreshes them.
 */

const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]s|tsx|jsx)$/i;

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export interface CdkSourceHost {
  /** Settings for a template file (its config, the editor's settings). */
  settingsFor(templateFile: string): Promise<Settings>;
  /** The rules' findings on a template's text (in the lint worker, behind open documents). */
  lint(text: string, file: string, settings: Settings): Promise<readonly EngineDiagnostic[] | undefined>;
}

interface TemplateLint {
  mtimeMs: number;
  diagnostics: readonly EngineDiagnostic[];
}

export class CdkSources {
  /** By app folder (the folder holding cdk.json): its assembly, or null when it has none. */
  private readonly apps = new Map<string, { assembly: CloudAssembly; manifestMtimeMs: number } | null>();
  private readonly lints = new Map<string, TemplateLint>();
  /** By a source file's folder: the folder of the nearest cdk.json above it, or null (none, up to the workspace folder). */
  private readonly appDirs = new Map<string, string | null>();

  constructor(private readonly host: CdkSourceHost) {}

  /** Whether a file may be a CDK app's source (its diagnostics come from here, not from a lint of its text). */
  static isSource(filePath: string | undefined): filePath is string {
    return !!filePath && SOURCE_EXTENSIONS.test(filePath);
  }

  /** The diagnostics of a source file: empty when it is in no CDK app with an assembly, or created nothing with a finding. */
  async diagnosticsFor(filePath: string, folder: string | undefined, doc: TextDocument): Promise<Diagnostic[]> {
    const app = this.appOf(filePath, folder);
    if (!app) return [];
    const out: Diagnostic[] = [];
    for (const stack of app.assembly.stacks) {
      const found = await this.lintStack(stack);
      for (const d of found) {
        const construct = d.resource ? stack.constructs.get(d.resource) : undefined;
        if (!d.suppressed && construct?.source && path.resolve(construct.source.file) === path.resolve(filePath)) {
          out.push(this.onSource(d, construct.path, construct.source, stack, doc));
        }
      }
    }
    return out;
  }

  /** A file under an assembly changed (a new synth): its lints and manifest are read again. */
  assemblyChanged(filePath: string): boolean {
    let hit = false;
    if (path.basename(filePath) === 'cdk.json') {
      // An app appeared or went: where each source's app is is looked up again.
      this.appDirs.clear();
      hit = true;
    }
    for (const [dir, app] of this.apps) {
      if (app && isInside(app.assembly.dir, filePath)) {
        this.apps.delete(dir);
        hit = true;
      }
    }
    // The templates' lints are kept by modification time: a rewritten template is linted again.
    return hit;
  }

  /** Settings or config changed: every lint is stale. */
  reset(): void {
    this.appDirs.clear();
    this.apps.clear();
    this.lints.clear();
  }

  private appOf(filePath: string, folder: string | undefined): { assembly: CloudAssembly } | undefined {
    const from = path.dirname(filePath);
    let appDir = this.appDirs.get(from);
    if (appDir === undefined) {
      // The nearest cdk.json above the file, no higher than its workspace folder; once per folder, not per keystroke.
      appDir = null;
      for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'cdk.json'))) {
          appDir = dir;
          break;
        }
        if (dir === path.dirname(dir) || (folder && path.resolve(dir) === path.resolve(folder))) break;
      }
      this.appDirs.set(from, appDir);
    }
    return appDir === null ? undefined : this.assemblyOf(appDir);
  }

  private assemblyOf(appDir: string): { assembly: CloudAssembly } | undefined {
    const cached = this.apps.get(appDir);
    const dir = cached?.assembly.dir ?? findCloudAssembly(appDir);
    const mtime = dir ? mtimeOf(path.join(dir, 'manifest.json')) : undefined;
    if (cached && mtime === cached.manifestMtimeMs) return cached;
    if (!dir || mtime === undefined) {
      this.apps.set(appDir, null);
      return undefined;
    }
    const app = { assembly: readCloudAssembly(dir), manifestMtimeMs: mtime };
    this.apps.set(appDir, app);
    return app;
  }

  private async lintStack(stack: CdkStack): Promise<readonly EngineDiagnostic[]> {
    const mtime = mtimeOf(stack.templateFile);
    if (mtime === undefined) return [];
    const cached = this.lints.get(stack.templateFile);
    if (cached?.mtimeMs === mtime) return cached.diagnostics;
    let text: string;
    try {
      text = readRegularFileSync(stack.templateFile, MAX_TEMPLATE_BYTES).toString('utf8');
    } catch (e) {
      if (e instanceof FileReadError) return [];
      throw e;
    }
    const settings = stackSettings(await this.host.settingsFor(stack.templateFile), stack);
    const diagnostics = (await this.host.lint(text, stack.templateFile, settings)) ?? [];
    this.lints.set(stack.templateFile, { mtimeMs: mtime, diagnostics });
    return diagnostics;
  }

  /** The finding on the line that created the construct, from its column to the line's end. */
  private onSource(d: EngineDiagnostic, constructPath: string, source: { line: number; column: number }, stack: CdkStack, doc: TextDocument): Diagnostic {
    const line = Math.min(Math.max(0, source.line - 1), Math.max(0, doc.lineCount - 1));
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const start = Math.min(Math.max(0, source.column - 1), text.length);
    const end = Math.max(start, text.trimEnd().length);
    return {
      range: { start: { line, character: start }, end: { line, character: end } },
      severity: SEVERITY[d.severity],
      source: SOURCE,
      code: d.rule,
      codeDescription: { href: docsUrl(d.rule) },
      message: `${d.message} (construct ${constructPath}, in the synthesised template of ${stack.displayName})`,
      relatedInformation: [
        { location: { uri: fileUri(stack.templateFile), range: d.range }, message: `${d.rule}: here in ${path.basename(stack.templateFile)}` },
      ],
      // No fix here: the source is not a template; `data` says so to the code actions.
      data: { rule: d.rule, path: d.path, resource: d.resource, fixes: [], cdk: true },
    };
  }
}

function mtimeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
