import { strict as assert } from 'assert';
import { lintText } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import { elbv2SslPolicyWeak } from '../../../rules/src/rules/elbv2/ssl-policy-weak';

const registry = new RuleRegistry([elbv2SslPolicyWeak]);

const listener = (extra = '', before = '', metadata = ''): string => `${before}AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
${metadata}    Properties:
      Protocol: HTTPS
${extra}      SslPolicy: ELBSecurityPolicy-2016-08
  Other:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-2016-08
`;

function lint(text: string, file = 't.yaml') {
  const r = lintText(text, file, registry, { showSuppressed: true });
  return {
    weak: r.diagnostics.filter((d) => d.rule === 'elbv2-ssl-policy-weak').map((d) => `${d.resource}:${d.suppressed ? 'suppressed' : 'active'}`),
    noReason: r.diagnostics.filter((d) => d.rule === 'suppression-without-reason').length,
  };
}

describe('suppression', () => {
  it('next-line comment covers the line below only, and only that rule', () => {
    assert.deepEqual(lint(listener('      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-weak -- kiosks\n')), {
      weak: ['Listener:suppressed', 'Other:active'],
      noReason: 0,
    });
    assert.deepEqual(lint(listener('      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-missing -- x\n')).weak, ['Listener:active', 'Other:active']);
    assert.deepEqual(lint(listener('      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-weak -- x\n\n')).weak, ['Listener:active', 'Other:active']);
  });

  it('disable-line at the end of the line', () => {
    const text = listener().replace(
      'SslPolicy: ELBSecurityPolicy-2016-08\n  Other',
      'SslPolicy: ELBSecurityPolicy-2016-08 # cfn-tls-lint-disable-line elbv2-ssl-policy-weak -- legacy\n  Other',
    );
    assert.deepEqual(lint(text).weak, ['Listener:suppressed', 'Other:active']);
  });

  it('file-level comment before the first line applies to the whole file', () => {
    assert.deepEqual(lint(listener('', '# cfn-tls-lint-disable elbv2-ssl-policy-weak -- migration ticket 12\n')).weak, [
      'Listener:suppressed',
      'Other:suppressed',
    ]);
    // Not in the header: no effect.
    const late = listener().replace('Resources:', 'Resources:\n# cfn-tls-lint-disable elbv2-ssl-policy-weak -- x');
    assert.deepEqual(lint(late).weak, ['Listener:active', 'Other:active']);
  });

  it('a suppression without a reason applies and is reported', () => {
    assert.deepEqual(lint(listener('      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-weak\n')), {
      weak: ['Listener:suppressed', 'Other:active'],
      noReason: 1,
    });
  });

  it('resource Metadata covers that resource; template Metadata every resource', () => {
    const meta = '    Metadata:\n      cfn-tls-lint:\n        ignore:\n          - rule: elbv2-ssl-policy-weak\n            reason: kiosks\n';
    assert.deepEqual(lint(listener('', '', meta)), { weak: ['Listener:suppressed', 'Other:active'], noReason: 0 });
    const top = 'Metadata:\n  cfn-tls-lint:\n    ignore: [{rule: elbv2-ssl-policy-weak}]\n';
    assert.deepEqual(lint(listener('', top)), { weak: ['Listener:suppressed', 'Other:suppressed'], noReason: 1 });
  });

  it("peers' formats map through their check ids", () => {
    const nag = '    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: W55\n            reason: legacy\n';
    assert.deepEqual(lint(listener('', '', nag)).weak, ['Listener:suppressed', 'Other:active']);
    const other = '    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: W56\n';
    assert.deepEqual(lint(listener('', '', other)).weak, ['Listener:active', 'Other:active']);
    const checkov = '    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_103\n';
    assert.deepEqual(lint(listener('', '', checkov)).weak, ['Listener:suppressed', 'Other:active']);
    const guard = 'Metadata:\n  guard:\n    SuppressedRules: [ELBV2_LISTENER_SSL_POLICY_RULE]\n';
    assert.deepEqual(lint(listener('', guard)), { weak: ['Listener:suppressed', 'Other:suppressed'], noReason: 0 });
    const comment = listener('      # checkov:skip=CKV_AWS_103:kiosk clients\n');
    assert.deepEqual(lint(comment).weak, ['Listener:suppressed', 'Other:active']);
  });

  it('JSON resource Metadata', () => {
    const json = JSON.stringify({
      Resources: {
        L: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Metadata: { 'cfn-tls-lint': { ignore: [{ rule: 'elbv2-ssl-policy-weak', reason: 'x' }] } },
          Properties: { Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-2016-08' },
        },
      },
    });
    assert.deepEqual(lint(json, 't.json').weak, ['L:suppressed']);
  });

  it('suppressed findings are left out without showSuppressed', () => {
    const r = lintText(listener('      # cfn-tls-lint-disable-next-line elbv2-ssl-policy-weak -- x\n'), 't.yaml', registry);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.rule === 'elbv2-ssl-policy-weak').map((d) => d.resource),
      ['Other'],
    );
  });
});
