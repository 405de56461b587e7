import { strict as assert } from 'assert';
import { Problem, problemPickItems, problemPickTitle } from '../../../client/src/problems-pick';

const problem = (uri: string, file: string, severity: number, line: number, code = 'elbv2-ssl-policy-weak'): Problem => ({
  uri,
  file,
  severity,
  line,
  character: 4,
  message: `${code} at ${line}`,
  code,
});

describe('client: the status bar quick pick of this extension’s problems', () => {
  it('offers the Problems panel first, then each file (by path) with its problems by severity and line', () => {
    const items = problemPickItems([
      problem('file:///w/b.yaml', 'stacks/b.yaml', 1, 30),
      problem('file:///w/a.yaml', 'a.yaml', 2, 3, 'acm-missing-tags'),
      problem('file:///w/b.yaml', 'stacks/b.yaml', 0, 40),
      problem('file:///w/b.yaml', 'stacks/b.yaml', 1, 10),
    ]);
    assert.deepEqual(
      items.map((i) => (i.kind === 'problem' ? `${i.label} | ${i.detail}` : `${i.kind}: ${i.label}`)),
      [
        'panel: $(list-tree) Open the Problems panel',
        'separator: a.yaml (1)',
        '$(info) acm-missing-tags at 3 | Ln 4, Col 5 · acm-missing-tags',
        'separator: stacks/b.yaml (3)',
        '$(error) elbv2-ssl-policy-weak at 40 | Ln 41, Col 5 · elbv2-ssl-policy-weak',
        '$(warning) elbv2-ssl-policy-weak at 10 | Ln 11, Col 5 · elbv2-ssl-policy-weak',
        '$(warning) elbv2-ssl-policy-weak at 30 | Ln 31, Col 5 · elbv2-ssl-policy-weak',
      ],
    );
    const first = items.find((i) => i.kind === 'problem');
    assert.equal(first?.kind === 'problem' && first.problem.uri, 'file:///w/a.yaml');
  });

  it('with no problems, offers only the panel and says so', () => {
    assert.deepEqual(
      problemPickItems([]).map((i) => i.kind),
      ['panel'],
    );
    assert.equal(problemPickTitle([]), 'No CloudFormation TLS problems');
    assert.equal(problemPickTitle([problem('file:///a', 'a', 0, 1)]), '1 CloudFormation TLS problem in 1 file: pick one to go to it');
    assert.equal(
      problemPickTitle([problem('file:///a', 'a', 0, 1), problem('file:///b', 'b', 0, 1), problem('file:///b', 'b', 1, 2)]),
      '3 CloudFormation TLS problems in 2 files: pick one to go to it',
    );
  });
});
