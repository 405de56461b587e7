import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { docsUrl } from '../../../rules/src/index';
import { defaultRegistry } from '../../../rules/src/rules/index';
import { RulePages, SHOW_RULE_DOCS_COMMAND } from '../../../client/src/rule-docs';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Written by scripts/build.js (npm test builds first). */
const PACKAGED = path.join(ROOT, 'dist', 'docs', 'rules');

/** As the client reads a folder's pages (rule-docs-view.ts, through VS Code's file system). */
function load(dir: string): RulePages {
  let index: string | undefined;
  try {
    index = fs.readFileSync(path.join(dir, 'index.json'), 'utf8');
  } catch {
    index = undefined;
  }
  return RulePages.fromIndex(dir, index);
}

describe('client: rule pages inside VS Code', () => {
  it('the build packages a page for every rule, with its online link, and lists them in index.json', () => {
    const pages = load(PACKAGED);
    assert.deepEqual(
      [...pages.ids],
      defaultRegistry()
        .allMetas()
        .map((m) => m.id)
        .sort(),
    );
    for (const id of pages.ids) {
      const text = fs.readFileSync(pages.file(id)!, 'utf8');
      assert.ok(text.startsWith(`# ${id}\n`), id);
      assert.ok(text.includes(`[View this page online](${docsUrl(id)})`), `${id}: the "view online" link`);
      // Relative links go to other packaged rule pages only (the rest of docs/ is not packaged).
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1];
        if (/^https:\/\//.test(link) || link.startsWith('#')) continue;
        assert.ok(pages.has(link.replace(/#.*$/, '').replace(/\.md$/, '')), `${id}: ${link} is a packaged page`);
      }
    }
  });

  it('opens a page only for an id of the packaged list: never a path or a URL from the argument', () => {
    const pages = load(PACKAGED);
    assert.equal(pages.file('elbv2-ssl-policy-weak'), path.join(PACKAGED, 'elbv2-ssl-policy-weak.md'));
    for (const bad of [
      '../../package',
      '../index',
      'index',
      'no-such-rule',
      'ELBV2-SSL-POLICY-WEAK',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
      42,
      null,
      undefined,
      {},
      ['elbv2-ssl-policy-weak'],
    ]) {
      assert.equal(pages.has(bad), false, JSON.stringify(bad));
      assert.equal(pages.file(bad), undefined, JSON.stringify(bad));
    }
  });

  it('an index.json with anything but rule ids, or none at all, opens nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-pages-'));
    try {
      assert.deepEqual(load(dir).ids, []);
      fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ rules: ['good-id', '../x', '/etc/passwd', 'a b', 7, 'UPPER'] }));
      const pages = load(dir);
      assert.deepEqual(pages.ids, ['good-id']);
      assert.equal(pages.file('../x'), undefined);
      fs.writeFileSync(path.join(dir, 'index.json'), '{ not json');
      assert.deepEqual(load(dir).ids, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("diagnostic and hover links become command links to the client's command, with the id as its one argument", () => {
    const uri = RulePages.commandUri('elbv2-ssl-policy-weak');
    const m = /^command:([^?]+)\?(.*)$/.exec(uri)!;
    assert.equal(m[1], SHOW_RULE_DOCS_COMMAND);
    assert.deepEqual(JSON.parse(decodeURIComponent(m[2])), ['elbv2-ssl-policy-weak']);
    const pages = load(PACKAGED);
    const hover = `**elbv2-ssl-policy-weak** (warning)\n\n[Documentation for elbv2-ssl-policy-weak](${docsUrl('elbv2-ssl-policy-weak')})`;
    assert.equal(pages.linkLocally(hover), `**elbv2-ssl-policy-weak** (warning)\n\n[Documentation for elbv2-ssl-policy-weak](${uri})`);
    // Other links stay: the AWS documentation, an online page of an id that has no packaged page.
    const other =
      '[AWS::ElasticLoadBalancingV2::Listener](https://docs.aws.amazon.com/x.html) [x](https://github.com/cfn-tls-lint/cfn-tls-lint/blob/main/docs/rules/nope.md)';
    assert.equal(pages.linkLocally(other), other);
  });
});
