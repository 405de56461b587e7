import { strict as assert } from 'assert';
import { actionMatches, lifecycleActionsMatching } from '../../../../rules/src/data/iam-certificate-actions';

describe('IAM action patterns (as IAM matches them)', () => {
  it('matches case-insensitively, with * as any run and ? as one character', () => {
    assert.ok(actionMatches('acm:*', 'acm:DeleteCertificate'));
    assert.ok(actionMatches('ACM:delete*', 'acm:DeleteCertificate'));
    assert.ok(actionMatches('acm:?eleteCertificate', 'acm:DeleteCertificate'));
    assert.ok(actionMatches('*', 'acm-pca:IssueCertificate'));
    assert.ok(actionMatches('*:*Certificate', 'acm:ImportCertificate'));
    assert.ok(actionMatches('a*c*m*:*', 'acm:ExportCertificate'));
    assert.ok(!actionMatches('acm:Delete', 'acm:DeleteCertificate'));
    assert.ok(!actionMatches('acm:?', 'acm:DeleteCertificate'));
    assert.ok(!actionMatches('acm-pca:*', 'acm:DeleteCertificate'));
    assert.ok(!actionMatches('acm:*x', 'acm:DeleteCertificate'));
  });

  it('agrees with a regular expression on every lifecycle action, for many patterns', () => {
    const actions = ['acm:DeleteCertificate', 'acm:ImportCertificate', 'acm-pca:IssueCertificate', 'acm:ExportCertificate'];
    const patterns = ['*', '**', '*?', '?*', 'acm*', '*Cert*', 'acm:*e*e*', 'acm??:*', 'acm-pca:*', '*:?ssue*', 'x*', '*e', 'acm:*Certificate*', '?cm:*'];
    for (const p of patterns) {
      const re = new RegExp(
        `^${p
          .replace(/[.+^${}()|[\]\\:-]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      );
      for (const a of actions) assert.equal(actionMatches(p, a), re.test(a), `${p} ~ ${a}`);
    }
  });

  it('a long run of wildcards answers at once (no backtracking blow-up)', () => {
    assert.deepEqual(lifecycleActionsMatching(`${'*'.repeat(5000)}x`), []);
    assert.ok(lifecycleActionsMatching('*?*?*?*').length > 0);
  });
});
