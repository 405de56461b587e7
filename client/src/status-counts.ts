/**
 * What the status bar item says: the number of cfn-tls-lint diagnostics the client holds, kept
 * per document and updated for the documents each `onDidChangeDiagnostics` names, so the count
 * is the squiggles' count at every moment (never a snapshot taken some time later). Kept free of
 * `vscode` so that it can be unit-tested: severities are VS Code's numbers.
 */

/** vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3. */
export type SeverityNumber = 0 | 1 | 2 | 3;

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  /** Documents with at least one diagnostic. */
  files: number;
}

interface Count {
  errors: number;
  warnings: number;
  infos: number;
}

export class DiagnosticCounts {
  private readonly byUri = new Map<string, Count>();
  private sum: Count = { errors: 0, warnings: 0, infos: 0 };

  /** A document's diagnostics now (an empty list: it has none). */
  set(uri: string, severities: readonly number[]): void {
    const old = this.byUri.get(uri);
    if (old) this.add(old, -1);
    if (!severities.length) {
      this.byUri.delete(uri);
      return;
    }
    const c: Count = { errors: 0, warnings: 0, infos: 0 };
    for (const s of severities) {
      if (s === 0) c.errors++;
      else if (s === 1) c.warnings++;
      else c.infos++;
    }
    this.byUri.set(uri, c);
    this.add(c, 1);
  }

  clear(): void {
    this.byUri.clear();
    this.sum = { errors: 0, warnings: 0, infos: 0 };
  }

  get totals(): Totals {
    return { ...this.sum, files: this.byUri.size };
  }

  private add(c: Count, sign: 1 | -1): void {
    this.sum = { errors: this.sum.errors + sign * c.errors, warnings: this.sum.warnings + sign * c.warnings, infos: this.sum.infos + sign * c.infos };
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The item's text: `$(shield) TLS 3` (a spinning icon while the workspace is scanned). */
export function statusText(t: Totals, scanning: boolean): string {
  return `${scanning ? '$(sync~spin)' : '$(shield)'} TLS ${t.errors + t.warnings + t.infos}`;
}

/** The item's tooltip: the split by severity, the last lint of an open document, what a click does. */
export function statusTooltip(t: Totals, scanning: boolean, lastLint: { file: string; at: Date } | undefined): string {
  const total = t.errors + t.warnings + t.infos;
  const where = total ? ` in ${plural(t.files, 'file')}` : '';
  const lines = [`CloudFormation TLS Lint: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info', 'infos')}${where}.`];
  if (scanning) lines.push('Scanning the workspace…');
  lines.push(lastLint ? `Last lint: ${lastLint.file} at ${lastLint.at.toLocaleTimeString()}.` : 'No open template linted yet.');
  lines.push('Click to list them (this extension’s problems only; the list also opens the Problems panel).');
  return lines.join('\n');
}
