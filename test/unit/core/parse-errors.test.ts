import { strict as assert } from 'assert';
import { lintText } from '../../../rules/src/engine/lint';
import { defaultRegistry } from '../../../rules/src/rules/index';

/**
 * One syntax mistake is one diagnostic, a few at most (docs/rules/template-parse-error.md): the
 * parser's own cascade of follow-on errors is not shown. Each mistake is made once in a
 * 1,000-line template, near its start, middle and end.
 */

function template(): string[] {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];
  for (let i = 0; lines.length < 1000; i++) {
    lines.push(
      `  Listener${i}:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      `      LoadBalancerArn: !ImportValue alb-${i}`,
      '      Port: 443',
      '      Protocol: HTTPS',
      '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      '      Certificates:',
      "        - CertificateArn: !Sub 'arn:aws:acm:${AWS::Region}:123456789012:certificate/x'",
      '      DefaultActions:',
      '        - Type: fixed-response',
      '          FixedResponseConfig: {StatusCode: "404"}',
    );
  }
  return lines;
}

/** A mistake: the line it replaces (by its start) and what it writes there. */
const MISTAKES: [string, string, string][] = [
  ['an unclosed single quote', '        - CertificateArn', "        - CertificateArn: 'arn:aws:acm:x"],
  ['an unclosed double quote', '        - CertificateArn', '        - CertificateArn: "arn:aws:acm:x'],
  ['an unclosed flow mapping', '          FixedResponseConfig', '          FixedResponseConfig: {StatusCode: "404"'],
  ['an unclosed flow sequence', '      Port:', '      Port: [443'],
  ['a key one column left', '      Port:', '     Port: 443'],
  ['a key two columns right', '      Port:', '        Port: 443'],
  ['a key at column 0', '      Port:', 'Port: 443'],
  ['a tab as indentation', '      Port:', '\t  Port: 443'],
  ['two colons', '      Port:', '      Port: Protocol: 443'],
  ['a stray dash', '      Port:', '      - Port: 443'],
  ['a missing colon', '      Port:', '      Port 443'],
  ['an alias without its anchor', '      Port:', '      Port: *port'],
];

describe('template-parse-error: one mistake, one diagnostic (a few at most)', () => {
  for (const [name, starts, replacement] of MISTAKES) {
    it(`${name} in a 1,000-line template gives at most 3 diagnostics, the first at or after the mistake`, () => {
      for (const at of [0.1, 0.5, 0.9]) {
        const lines = template();
        let k = Math.floor(lines.length * at);
        while (!lines[k].startsWith(starts)) k++;
        lines[k] = replacement;
        const d = lintText(lines.join('\n') + '\n', 'big.yaml', defaultRegistry()).diagnostics;
        const errors = d.filter((x) => x.rule === 'template-parse-error');
        assert.ok(errors.length >= 1 && errors.length <= 3, `${errors.length} diagnostics at ${at}: ${errors.map((e) => e.message).join(' | ')}`);
        const line = errors[0].range.start.line;
        assert.ok(line >= k - 1 && line <= k + 12, `first diagnostic on line ${line + 1}, the mistake on line ${k + 1}`);
      }
    });
  }

  it('says how many follow-on errors the first one stands for', () => {
    const lines = template();
    lines[500] = '\t' + lines[500];
    const first = lintText(lines.join('\n'), 'big.yaml', defaultRegistry()).diagnostics[0];
    assert.match(first.message, /more syntax errors? follows? from it; fix this one first/);
  });

  it('a JSON template stops at its first error', () => {
    const d = lintText(
      '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::SNS::Topic",}, "B": {,}}}',
      't.json',
      defaultRegistry(),
    ).diagnostics;
    assert.equal(d.length, 1);
  });
});
