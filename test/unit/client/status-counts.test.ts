import { strict as assert } from 'assert';
import { DiagnosticCounts, statusText, statusTooltip } from '../../../client/src/status-counts';

describe('client: the status bar count', () => {
  it('is the sum of the diagnostics each document holds now (a document set again replaces its count)', () => {
    const c = new DiagnosticCounts();
    assert.deepEqual(c.totals, { errors: 0, warnings: 0, infos: 0, files: 0 });
    c.set('file:///a.yaml', [1]);
    assert.equal(statusText(c.totals, false), '$(shield) TLS 1');
    c.set('file:///b.yaml', [0, 1, 2, 3]);
    assert.deepEqual(c.totals, { errors: 1, warnings: 2, infos: 2, files: 2 });
    c.set('file:///a.yaml', [1, 1]); // re-linted
    assert.deepEqual(c.totals, { errors: 1, warnings: 3, infos: 2, files: 2 });
    c.set('file:///b.yaml', []); // fixed
    assert.deepEqual(c.totals, { errors: 0, warnings: 2, infos: 0, files: 1 });
    assert.equal(statusText(c.totals, true), '$(sync~spin) TLS 2');
    c.set('file:///a.yaml', []);
    c.set('file:///never-seen.yaml', []);
    assert.deepEqual(c.totals, { errors: 0, warnings: 0, infos: 0, files: 0 });
    c.set('file:///a.yaml', [0]);
    c.clear();
    assert.equal(statusText(c.totals, false), '$(shield) TLS 0');
  });

  it('the tooltip splits by severity and names the last document linted, with no duration', () => {
    const c = new DiagnosticCounts();
    c.set('file:///a.yaml', [0, 1]);
    c.set('file:///b.yaml', [2]);
    const at = new Date(2026, 0, 1, 10, 32, 1);
    const t = statusTooltip(c.totals, false, { file: 'web-alb.yaml', at });
    assert.equal(
      t,
      `CloudFormation TLS Lint: 1 error, 1 warning, 1 info in 2 files.\nLast lint: web-alb.yaml at ${at.toLocaleTimeString()}.\nClick to list them (this extension’s problems only; the list also opens the Problems panel).`,
    );
    assert.ok(!/\bms\b/.test(t));
    assert.match(
      statusTooltip(new DiagnosticCounts().totals, true, undefined),
      /0 errors, 0 warnings, 0 infos\.\nScanning the workspace…\nNo open template linted yet\./,
    );
  });
});
