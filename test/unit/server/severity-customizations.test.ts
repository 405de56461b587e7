import { strict as assert } from 'assert';
import { customizedSeverity, parseCustomizations } from '../../../server/src/severity-customizations';

describe('cfnTlsLint.rulesCustomizations', () => {
  it('patterns: an id, *, a prefix, a negation; the last match wins', () => {
    const c = parseCustomizations([
      { rule: '*', severity: 'warning' },
      { rule: 'acm-*', severity: 'downgrade' },
      { rule: '!elbv2-*', severity: 'default' },
      { rule: 'acm-missing-tags', severity: 'off' },
    ]);
    assert.equal(customizedSeverity('elbv2-ssl-policy-weak', 'error', c), 'warning', '* then nothing later for elbv2-*');
    assert.equal(customizedSeverity('acm-email-validation', 'warning', c), 'warning', '!elbv2-* matches it last: as configured');
    assert.equal(customizedSeverity('acm-missing-tags', 'info', c), 'off');
    assert.equal(customizedSeverity('cloudfront-tls-version', 'error', c), 'error', 'default, as configured');
  });

  it('downgrade and upgrade move one step and stop at the ends', () => {
    const down = parseCustomizations([{ rule: '*', severity: 'downgrade' }]);
    const up = parseCustomizations([{ rule: '*', severity: 'upgrade' }]);
    assert.deepEqual(
      (['error', 'warning', 'info'] as const).map((s) => customizedSeverity('r', s, down)),
      ['warning', 'info', 'info'],
    );
    assert.deepEqual(
      (['error', 'warning', 'info'] as const).map((s) => customizedSeverity('r', s, up)),
      ['error', 'error', 'warning'],
    );
  });

  it('malformed entries are passed over, never thrown on', () => {
    assert.deepEqual(parseCustomizations('*'), []);
    assert.deepEqual(parseCustomizations([null, 3, { rule: '*' }, { rule: '*', severity: 'loud' }, { rule: 'a', severity: 'error' }]), [
      { rule: 'a', severity: 'error' },
    ]);
  });
});
