import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { yamlFilesUnder } from './yaml-differential';

/** Random edits of templates, as a user makes them, for the tests of the incremental paths. */

/** The corpus, the acceptance cases and the examples (templates under 40 KB); fails without ../shared. */
export function templateFiles(root: string, shared: string): string[] {
  const json = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.json'))
          .map((f) => path.join(dir, f))
      : [];
  const files = [
    ...yamlFilesUnder(path.join(shared, 'corpus')),
    ...json(path.join(shared, 'corpus')),
    ...yamlFilesUnder(path.join(shared, 'acceptance')),
    ...yamlFilesUnder(path.join(root, 'examples')),
  ].filter((f) => fs.statSync(f).size < 40_000);
  assert.ok(files.length >= 400, `only ${files.length} templates: these tests need ../shared/corpus next to the project`);
  return files;
}

/** Values an edit writes: weak and strong settings, other types, references, junk. */
const VALUES = [
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'TLSv1',
  'TLSv1.2_2021',
  'HTTP',
  'HTTPS',
  'true',
  'false',
  '443',
  'RSA_1024',
  'EMAIL',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::CertificateManager::Certificate',
  'x.example.com',
  "''",
];
const YAML_ONLY = ['!Ref Env', '!GetAtt Cert.Arn', '[a, b]', '{Ref: AWS::Region}'];
const TYPED = ['a', ' ', '\n', ':', '- ', '#', '"', '[', '}'];

/** One random edit of a template's text. */
export function editTemplate(text: string, json: boolean, rnd: (n: number) => number): string {
  const lines = text.split('\n');
  const at = rnd(lines.length);
  switch (rnd(6)) {
    case 0:
    case 1: {
      // The value of some `key: value` line.
      const valued = lines
        .map((l, i) => ((json ? /^(\s*"[^"]+":\s*)"[^"]*"(,?)$/ : /^(\s*-?\s*[A-Za-z][\w:.-]*:\s)(\S.*)$/).test(l) ? i : -1))
        .filter((i) => i >= 0);
      if (!valued.length) return text;
      const i = valued[rnd(valued.length)]!;
      const values = json ? VALUES : [...VALUES, ...YAML_ONLY];
      const v = values[rnd(values.length)]!;
      lines[i] = json
        ? lines[i]!.replace(/^(\s*"[^"]+":\s*)"[^"]*"(,?)$/, (_m, k: string, c: string) => `${k}${JSON.stringify(v)}${c}`)
        : lines[i]!.replace(/^(\s*-?\s*[A-Za-z][\w:.-]*:\s)(\S.*)$/, `$1${v}`);
      break;
    }
    case 2:
      lines.splice(at, 1);
      break;
    case 3:
      lines.splice(at, 0, lines[at]!);
      break;
    case 4: {
      const p = rnd(lines[at]!.length + 1);
      lines[at] = lines[at]!.slice(0, p) + TYPED[rnd(TYPED.length)] + lines[at]!.slice(p);
      break;
    }
    default: {
      // Lines moved: offsets of everything after shift.
      lines.splice(at, 0, json ? '' : '# moved');
    }
  }
  return lines.join('\n');
}
