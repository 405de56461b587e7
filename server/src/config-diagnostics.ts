import * as fs from 'fs';
import * as path from 'path';
import { Connection, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, parseConfig, RuleRegistry } from '../../rules/src/index';
import { loadConfigFile, LoadedConfig } from '../../rules/src/node/config-files';
import { SOURCE } from './convert';
import type { Log } from './log';
import { fileUri } from './uri';

/**
 * Problems of `.cfn-tls-lint.yaml` files as diagnostics on the file (and a
 * notification once per problem): from disk when a config is used or changes,
 * from the buffer while it is open in an editor (the editor wins).
 */
export class ConfigDiagnostics {
  /** Config files that have diagnostics published. */
  private readonly withProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly registry: RuleRegistry,
    private readonly log: Log,
    /** The URI of the editor a file is open in, if it is. */
    private readonly openUri: (file: string) => string | undefined,
  ) {}

  private toDiagnostics(errors: readonly ConfigError[], text: string | undefined): Diagnostic[] {
    const lines = text?.split(/\r\n|\r|\n/) ?? [];
    return errors.map((e) => ({
      range: { start: { line: e.line, character: 0 }, end: { line: e.line, character: Math.max(lines[e.line]?.length ?? 0, 1) } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'config',
      message: e.detail,
    }));
  }

  private publish(file: string, errors: readonly ConfigError[], text: string | undefined): void {
    if (errors.length) this.withProblems.add(file);
    else if (!this.withProblems.delete(file)) return; // nothing to clear
    this.connection.sendDiagnostics({ uri: fileUri(file), diagnostics: this.toDiagnostics(errors, text) });
  }

  /** A config file was read for linting (once per file after each reload). */
  loaded(c: LoadedConfig): void {
    if (this.openUri(c.file)) return;
    this.publish(c.file, c.errors, c.text);
    const e = c.errors[0];
    if (e && this.log.once(`config ${e.message}`)) {
      const more = c.errors.length > 1 ? ` (and ${c.errors.length - 1} more)` : '';
      this.log.warn(`cfn-tls-lint: ${e.message}${more}`);
      void this.connection.window.showWarningMessage(
        `cfn-tls-lint: ${path.basename(c.file)} line ${e.line + 1}: ${e.detail}${more}. Linting goes on with the rest of the configuration.`,
      );
    }
  }

  /** A config file changed on disk (or was deleted). */
  fromDisk(file: string): void {
    if (this.openUri(file)) return;
    if (!fs.existsSync(file)) this.publish(file, [], undefined);
    else this.loaded(loadConfigFile(file, this.registry));
  }

  /** An open config file's buffer, as typed (the settings apply once it is saved). */
  validateBuffer(doc: TextDocument, file: string): void {
    const text = doc.getText();
    const { errors } = parseConfig(text, file, this.registry.metas);
    if (errors.length) this.withProblems.add(file);
    else this.withProblems.delete(file);
    this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.toDiagnostics(errors, text) });
  }
}
