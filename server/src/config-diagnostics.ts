import fs = require('fs');
import path = require('path');
import { Connection, Diagnostic, DiagnosticSeverity } from './lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, ConfigLayer, parseConfig, RuleRegistry } from '../../rules/src/index';
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
  /** The text of each config file as last logged: a reload of the same text is not logged again. */
  private readonly logged = new Map<string, string | undefined>();

  constructor(
    private readonly connection: Connection,
    /** The rules, read when first needed (the engine loads after `initialize`). */
    private readonly rules: () => RuleRegistry,
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
    // The output channel says which file applies, and every problem in it.
    if (!this.logged.has(c.file) || this.logged.get(c.file) !== c.text) {
      this.logged.set(c.file, c.text);
      const problems = c.errors.length ? `, ${c.errors.length} problem${c.errors.length === 1 ? '' : 's'} (the rest applies)` : '';
      this.log.info(`cfn-tls-lint: configuration loaded from ${c.file}: ${describeLayer(c.layer)}${problems}`);
      for (const e of c.errors) this.log.warn(`cfn-tls-lint: ${e.message}`);
    }
    if (this.openUri(c.file)) return;
    this.publish(c.file, c.errors, c.text);
    const e = c.errors[0];
    if (e && this.log.once(`config ${e.message}`)) {
      const more = c.errors.length > 1 ? ` (and ${c.errors.length - 1} more)` : '';
      void this.connection.window.showWarningMessage(
        `cfn-tls-lint: ${path.basename(c.file)} line ${e.line + 1}: ${e.detail}${more}. Linting goes on with the rest of the configuration.`,
      );
    }
  }

  /** A config file changed on disk (or was deleted). */
  fromDisk(file: string): void {
    if (this.openUri(file)) return;
    if (!fs.existsSync(file)) {
      if (this.logged.delete(file)) this.log.info(`cfn-tls-lint: configuration ${file} deleted`);
      this.publish(file, [], undefined);
    } else this.loaded(loadConfigFile(file, this.rules()));
  }

  /** An open config file's buffer, as typed (the settings apply once it is saved). */
  validateBuffer(doc: TextDocument, file: string): void {
    const text = doc.getText();
    const { errors } = parseConfig(text, file, this.rules().metas);
    if (errors.length) this.withProblems.add(file);
    else this.withProblems.delete(file);
    this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.toDiagnostics(errors, text) });
  }
}

/** What a config file sets, for the output channel: `2 rule settings, recommendedPolicies, exclude (3 globs)`. */
export function describeLayer(layer: ConfigLayer): string {
  const parts: string[] = [];
  const n = layer.rules?.size ?? 0;
  if (n) parts.push(`${n} rule setting${n === 1 ? '' : 's'}`);
  if (layer.recommendedPolicies && Object.keys(layer.recommendedPolicies).length) parts.push('recommendedPolicies');
  if (layer.allowedDomains) parts.push(`allowedDomains (${layer.allowedDomains.length})`);
  if (layer.production) parts.push('production');
  if (layer.regions) parts.push(`regions (${layer.regions.length})`);
  if (layer.include) parts.push(`include (${layer.include.length} glob${layer.include.length === 1 ? '' : 's'})`);
  if (layer.exclude) parts.push(`exclude (${layer.exclude.length} glob${layer.exclude.length === 1 ? '' : 's'})`);
  return parts.length ? parts.join(', ') : 'no settings';
}
