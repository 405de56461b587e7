import { strict as assert } from 'assert';
import * as path from 'path';
import { parseYamlGeneral } from '../../../rules/src/parse/yaml';
import { parseYamlFast } from '../../../rules/src/parse/yaml-fast';
import type { SourceFile } from '../../../rules/src/parse/source-tree';
import { differs, mutatedDocuments, oracle, oracleAvailable, OracleResult, seedWindows, yamlFilesUnder } from '../../support/yaml-differential';

/**
 * CloudFormation's YAML is PyYAML's YAML (docs/yaml-dialect.md). The same documents go to
 * PyYAML, with CloudFormation's tags, and to both of our YAML paths; what each accepts and the
 * values it reads must agree. The feed: windows of the corpus and acceptance templates, and
 * 10,000 of them mutated towards the shapes the two readers could disagree on (multi-line
 * quoted scalars and flow collections at any indentation, YAML 1.1 scalars, tags, duplicate
 * keys, comments, noise).
 *
 * Where we differ on purpose, the difference is named below; anything else fails the test.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const MUTATED = 10_000;

type Direction = 'pyyaml-accepts-we-refuse' | 'we-accept-pyyaml-refuses';

interface NamedDifference {
  name: string;
  direction: Direction;
  why: string;
  matches(doc: string, ours: SourceFile, theirs: OracleResult): boolean;
}

/** The character PyYAML's error points at (its last "line L, column C"). */
function charAtError(doc: string, error: string): string | undefined {
  const all = [...error.matchAll(/line (\d+), column (\d+)/g)];
  const last = all[all.length - 1];
  if (!last) return undefined;
  const line = doc.split('\n')[Number(last[1]) - 1];
  return line?.[Number(last[2]) - 1];
}

const err = (t: OracleResult): string => (t.ok ? '' : t.error);

export const INTENTIONAL: readonly NamedDifference[] = [
  {
    name: 'merge-or-value-indicator-as-a-value',
    direction: 'we-accept-pyyaml-refuses',
    why: 'A plain `<<` or `=` as a value resolves to YAML 1.1 tags that PyYAML cannot build; we read them as the strings they are written as.',
    matches: (_d, _o, t) => /constructor for the tag 'tag:yaml\.org,2002:(merge|value)'/.test(err(t)),
  },
  {
    name: 'tab-as-whitespace',
    direction: 'we-accept-pyyaml-refuses',
    why: 'libyaml refuses a tab on a blank line after a plain scalar, or right after a `-`; the `yaml` package reads it as the whitespace it is.',
    matches: (d, _o, t) =>
      /tab character that violates indentation|found character .{0,4}that cannot start any token/.test(err(t)) && charAtError(d, err(t)) === '\t',
  },
  {
    name: 'unusual-characters-in-a-tag-or-alias',
    direction: 'we-accept-pyyaml-refuses',
    why: "A tag or alias name with characters PyYAML does not allow there (`!Re#f`, `*'`): the `yaml` package takes the characters as part of the name.",
    matches: (_d, _o, t) => /while scanning (a tag|an alias)/.test(err(t)),
  },
  {
    name: 'unknown-standard-tag',
    direction: 'we-accept-pyyaml-refuses',
    why: 'A `!!` tag YAML does not define (`!!GetAZs`, a typo of `!GetAZs`): the `yaml` package warns and reads the node untagged.',
    matches: (_d, _o, t) => /could not determine a constructor for the tag 'tag:yaml\.org,2002:(?!merge'|value')/.test(err(t)),
  },
  {
    name: 'content-after-a-root-block-scalar',
    direction: 'we-accept-pyyaml-refuses',
    why: 'A document that is a block scalar (`|`) with lines at column 0 after it: not a template either way.',
    matches: (d, _o, t) => /expected <document start>/.test(err(t)) && /^\s*[|>]/.test(d),
  },
  {
    name: 'comment-glued-to-a-block-scalar-header',
    direction: 'pyyaml-accepts-we-refuse',
    why: 'libyaml takes `>#` as a header and a comment; YAML and the `yaml` package ask for a space before the `#`.',
    matches: (d, o) => /Comments must be separated from other tokens/.test(o.errors[0]?.message ?? '') && /[|>][-+0-9]?#/.test(d),
  },
  {
    name: 'tag-then-block-scalar-at-the-parent-indentation',
    direction: 'pyyaml-accepts-we-refuse',
    why: "A tag alone at the end of a line whose block scalar indicator (`|`) is on a later line at the parent's indentation.",
    matches: (d, o) => /Implicit keys need to be on a single line/.test(o.errors[0]?.message ?? '') && /!\S+[ \t]*\n(?:[ \t]*\n)*[|>]/.test(d),
  },
];

describe('YAML as CloudFormation reads it: differential test against PyYAML', function () {
  this.timeout(300_000);
  const missing = oracleAvailable();

  it(`accepts what PyYAML accepts and reads the same values, over ${MUTATED} mutated templates`, function () {
    if (missing) {
      console.log(`      skipped: ${missing}; the YAML differential test needs python3 with PyYAML`);
      this.skip();
    }
    const files = [
      ...yamlFilesUnder(path.join(SHARED, 'corpus')),
      ...yamlFilesUnder(path.join(SHARED, 'acceptance')),
      ...yamlFilesUnder(path.join(ROOT, 'examples')),
      ...yamlFilesUnder(path.join(ROOT, 'test', 'fixtures', 'yaml-dialect')),
    ];
    const seeds = seedWindows(files);
    // Without ../shared the feed would shrink to a handful of seeds: fail loudly instead.
    assert.ok(seeds.length >= 500, `only ${seeds.length} seed documents: the differential test needs ../shared/corpus next to the project`);
    const docs = [...seeds, ...mutatedDocuments(seeds, MUTATED, 20261203)];
    const theirs = oracle(docs);

    const unexplained: string[] = [];
    const named = new Map<string, number>();
    let bothAccept = 0;
    let fastChecked = 0;
    docs.forEach((doc, i) => {
      const ours = parseYamlGeneral(doc);
      const fast = parseYamlFast(doc);
      if (fast) {
        assert.deepStrictEqual(fast, ours, `document ${i}: the fast path differs from the general path`);
        fastChecked++;
      }
      const t = theirs[i];
      const weAccept = ours.errors.length === 0;
      let problem: string | undefined;
      let direction: Direction | undefined;
      if (t.ok && !weAccept) [direction, problem] = ['pyyaml-accepts-we-refuse', ours.errors[0].message];
      else if (!t.ok && weAccept) [direction, problem] = ['we-accept-pyyaml-refuses', t.error];
      else if (t.ok && weAccept) {
        bothAccept++;
        problem = differs(ours.root, t.value);
      }
      if (!problem) return;
      const known = INTENTIONAL.find((n) => n.direction === direction && n.matches(doc, ours, t));
      if (known) named.set(known.name, (named.get(known.name) ?? 0) + 1);
      else if (unexplained.length < 8) unexplained.push(`document ${i} (${direction ?? 'values differ'}): ${problem}\n${doc.slice(0, 400)}`);
      else unexplained.push('');
    });
    console.log(
      `      ${docs.length} documents: ${bothAccept} read alike by both, ${fastChecked} also by the fast path; named differences: ${[...named].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    );
    assert.equal(
      unexplained.length,
      0,
      `${unexplained.length} documents read differently from PyYAML, without a named reason:\n\n${unexplained.filter(Boolean).join('\n\n')}`,
    );
  });
});
