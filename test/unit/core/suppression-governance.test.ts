import { strict as assert } from 'assert';
import { defaultRegistry, lintText, mergeSettings, parseConfig, type ConfigLayer } from '../../../rules/src/index';
import { runCli, tempDir } from '../../support/cli';

/** Suppression governance (issue 18, part 6): runs that ignore suppressions, unsuppressible rules, expiries. */

const registry = defaultRegistry();
const WEAK = 'elbv2-ssl-policy-weak';

const yamlTemplate = (comment: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue alb
      Port: 443
      Protocol: HTTPS
      ${comment}
      SslPolicy: ELBSecurityPolicy-2016-08
      Certificates: [{ CertificateArn: !ImportValue cert }]
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: '200' } }]
`;
const jsonTemplate = (reason: string): string =>
  JSON.stringify({
    Resources: {
      L: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Metadata: { 'cfn-tls-lint': { ignore: [{ rule: WEAK, reason }] } },
        Properties: {
          LoadBalancerArn: { 'Fn::ImportValue': 'alb' },
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-2016-08',
          Certificates: [{ CertificateArn: { 'Fn::ImportValue': 'cert' } }],
          DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }],
        },
      },
    },
  });

function rules(text: string, file: string, layer: ConfigLayer = {}, today = '2027-01-15'): string[] {
  const settings = { ...mergeSettings(layer), today };
  return lintText(text, file, registry, { settings })
    .diagnostics.map((d) => d.rule)
    .sort();
}

describe('suppression governance', () => {
  const comment = `# cfn-tls-lint-disable-next-line ${WEAK} -- until 2027-03-31: kiosk clients, SEC-123`;

  it('an expiry: the suppression applies through its day, then the finding returns with suppression-expired (YAML comment)', () => {
    assert.deepEqual(rules(yamlTemplate(comment), 't.yaml', {}, '2027-03-31'), []);
    assert.deepEqual(rules(yamlTemplate(comment), 't.yaml', {}, '2027-04-01'), [WEAK, 'suppression-expired']);
    const expired = lintText(yamlTemplate(comment), 't.yaml', registry, { settings: { ...mergeSettings({}), today: '2027-04-01' } }).diagnostics.find(
      (d) => d.rule === 'suppression-expired',
    )!;
    assert.equal(expired.severity, 'info');
    assert.equal(expired.range.start.line, 8, 'on the comment');
    assert.match(expired.message, /expired on 2027-03-31/);
  });

  it('an expiry in Metadata (JSON), and the reason after the date still counts as a reason', () => {
    assert.deepEqual(rules(jsonTemplate('until 2027-03-31: kiosk clients'), 't.json', {}, '2027-02-01'), []);
    assert.deepEqual(rules(jsonTemplate('until 2027-03-31: kiosk clients'), 't.json', {}, '2028-01-01'), [WEAK, 'suppression-expired']);
    assert.deepEqual(rules(jsonTemplate('until 2027-03-31'), 't.json', {}, '2027-02-01'), ['suppression-without-reason'], 'a date alone is no reason');
  });

  it('suppressions: false (--no-inline-suppressions) ignores every comment and Metadata suppression; a later layer cannot undo it', () => {
    assert.deepEqual(rules(yamlTemplate(comment), 't.yaml', { suppressions: false }), [WEAK]);
    assert.deepEqual(rules(jsonTemplate('kiosk clients'), 't.json', { suppressions: false }), [WEAK]);
    const settings = mergeSettings({ suppressions: false }, { suppressions: true });
    assert.equal(settings.suppressions, false);
  });

  it('unsuppressible rules: their findings show through any suppression; other rules stay suppressible', () => {
    assert.deepEqual(rules(yamlTemplate(comment), 't.yaml', { unsuppressible: [WEAK] }), [WEAK]);
    const other = `# cfn-tls-lint-disable-next-line ${WEAK}, certificate-arn-hardcoded -- reviewed`;
    assert.deepEqual(rules(yamlTemplate(other), 't.yaml', { unsuppressible: ['certificate-arn-hardcoded'] }), []);
  });

  it('the config keys: suppressions (true/false) and unsuppressible (known rule ids, with a did-you-mean)', () => {
    const { layer, errors } = parseConfig(`suppressions: false\nunsuppressible: [${WEAK}, elbv2-ssl-policy-week]\n`, 'c.yaml', registry.metas);
    assert.equal(layer.suppressions, false);
    assert.deepEqual(layer.unsuppressible, [WEAK]);
    assert.deepEqual(
      errors.map((e) => e.detail),
      [`unsuppressible: unknown rule "elbv2-ssl-policy-week" (did you mean "${WEAK}"?)`],
    );
    assert.deepEqual(
      parseConfig('suppressions: nope\n', 'c.yaml', registry.metas).errors.map((e) => e.detail),
      ['suppressions must be true or false'],
    );
  });

  it('CLI: --no-inline-suppressions holds the line in CI', () => {
    const dir = tempDir({ 't.yaml': yamlTemplate(`# cfn-tls-lint-disable-next-line ${WEAK} -- reviewed`) });
    assert.equal(runCli(['t.yaml'], dir).status, 0);
    const r = runCli(['--no-inline-suppressions', '--max-warnings', '0', 't.yaml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(WEAK));
  });
});
