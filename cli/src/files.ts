import fs = require('fs');
import path = require('path');
import picomatch from 'picomatch';
import type { Unreadable } from '../../rules/src/node/ignore-tree';
import { PathFilter } from '../../rules/src/node/path-filter';
import { describeIoError, nonRegularKind } from '../../rules/src/node/read-file';
import { walkFiles } from '../../rules/src/node/walk';
import { assemblyOfTemplate, CdkStack, CloudAssembly, findCloudAssembly, readCloudAssembly } from '../../rules/src/node/cdk-assembly';

export interface FileList {
  files: string[];
  /** Files named on the command line (config excludes do not apply to them). */
  explicit: Set<string>;
  /** Arguments that named nothing. */
  missing: string[];
  /** Arguments, folders and ignore files that could not be read (reported; exit status 2). */
  unreadable: Unreadable[];
  /** Stack templates of CDK cloud assemblies named on the command line, with their constructs. */
  cdk: Map<string, CdkStack>;
  /** Files seen to be regular files (a stat, a folder listing): read without another stat first. */
  regular: Set<string>;
}

/**
 * Expands CLI arguments into files: a file named explicitly is always taken; a directory is
 * walked for candidate files (rules/src/node/walk.ts: .gitignore files and the default excludes);
 * a glob is matched against the files below its base folder; a CDK cloud assembly, or the folder of
 * a CDK app, gives its stack templates (rules/src/node/cdk-assembly.ts). The command line is the user's own,
 * so its globs keep picomatch's full syntax; globs read from files go through util/glob.ts.
 */
export async function collectFiles(args: string[], cwd: string): Promise<FileList> {
  const list: FileList = { files: [], explicit: new Set(), missing: [], unreadable: [], cdk: new Map(), regular: new Set() };
  const seen = new Set<string>();
  const add = (abs: string): void => {
    if (!seen.has(abs)) {
      seen.add(abs);
      list.files.push(abs);
    }
  };
  const walk = async (root: string, keep: (file: string) => boolean = () => true): Promise<number> => {
    const r = await walkFiles(new PathFilter(root));
    list.unreadable.push(...r.unreadable);
    let found = 0;
    for (const f of r.files) {
      if (!keep(f)) continue;
      add(f);
      list.regular.add(f);
      found++;
    }
    return found;
  };
  const read = new Map<string, CloudAssembly>();
  /** Each assembly read once; what cannot be read in it is reported once. */
  const assemblies = (dir: string): CloudAssembly => {
    let a = read.get(dir);
    if (!a) {
      read.set(dir, (a = readCloudAssembly(dir)));
      for (const reason of a.problems) list.unreadable.push({ path: dir, reason: `cloud assembly: ${reason}` });
    }
    return a;
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        list.unreadable.push({ path: abs, reason: `cannot read: ${describeIoError(e).reason}` });
        continue;
      }
    }
    if (stat?.isFile()) {
      add(abs);
      list.explicit.add(abs);
      list.regular.add(abs);
      // A stack template named on its own still gets its constructs (the CDK names them *.template.json).
      const assembly = abs.endsWith('.template.json') ? assemblyOfTemplate(abs) : undefined;
      const stack = assembly ? assemblies(assembly).stacks.find((s) => s.templateFile === abs) : undefined;
      if (stack) list.cdk.set(abs, stack);
      continue;
    }
    if (stat?.isDirectory()) {
      // A cloud assembly (`cdk.out`), or a CDK app's folder: the stacks the app synthesised,
      // nested stage assemblies included. The walk skips cdk.out folders.
      const assembly = findCloudAssembly(abs);
      if (assembly) {
        const read = assemblies(assembly);
        for (const stack of read.stacks) {
          add(stack.templateFile);
          list.explicit.add(stack.templateFile);
          list.cdk.set(stack.templateFile, stack);
        }
        if (assembly === abs) continue;
      }
      await walk(abs);
      continue;
    }
    if (stat) {
      list.unreadable.push({ path: abs, reason: `not a regular file (${nonRegularKind(stat)})` });
      continue;
    }
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      // The glob part is matched from its fixed base, so an absolute (`"/abs/path/*.yaml"`) or
      // `../` glob works as a relative one does.
      const base = path.resolve(cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob.replace(/\\/g, '/'), { dot: false });
      const posix = (p: string): string => p.split(path.sep).join('/');
      const found = fs.existsSync(base) ? await walk(base, (f) => isMatch(posix(path.relative(base, f)))) : 0;
      if (!found) list.missing.push(arg);
      continue;
    }
    list.missing.push(arg);
  }
  return list;
}
