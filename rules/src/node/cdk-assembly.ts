import fs = require('fs');
import path = require('path');
import type { Settings } from '../engine/config';
import { FileReadError, readRegularFileSync } from './read-file';

/**
 * CDK cloud assemblies (`cdk.out`): which stack templates they hold, and for each resource its
 * construct path and where the app created it. The CDK writes that in each stack's metadata (the
 * artifact's `additionalMetadataFile` since 2.1x, `metadata` in manifest.json before): per
 * construct path, `aws:cdk:logicalId` and the creation stack (`aws:cdk:creationStack`, or the
 * `trace` of older assemblies), whose frames the CDK has already mapped through source maps.
 */

export interface SourceFrame {
  /** Absolute path of the app's source file (relocated when the assembly was made elsewhere). */
  file: string;
  /** 1-based, as in stack traces. */
  line: number;
  column: number;
}

export interface CdkConstruct {
  /** The construct path (`WebStack/HttpsListener/Resource`). */
  path: string;
  /** The first frame of the app's own code that created it, when the assembly recorded one. */
  source?: SourceFrame;
}

export interface CdkStack {
  /** Absolute path of the stack's template. */
  templateFile: string;
  /** The stack's display name (`Prod/Web`). */
  displayName: string;
  /** The region it deploys to, when the app set one (`env: { region }`). */
  region?: string;
  /** By logical id. */
  constructs: Map<string, CdkConstruct>;
}

export interface CloudAssembly {
  dir: string;
  stacks: CdkStack[];
  /** What could not be read (a manifest, a metadata file), in a few words each. */
  problems: string[];
}

const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Stage assemblies nest (`assembly-Prod`); deeper than this is not followed. */
const MAX_ASSEMBLY_DEPTH = 8;

/**
 * The cloud assembly a folder names: the folder itself when it holds a manifest.json, or the
 * output of the CDK app whose cdk.json it holds (`output`, by default `cdk.out`).
 */
export function findCloudAssembly(dir: string): string | undefined {
  if (isAssembly(dir)) return dir;
  const cdkJson = path.join(dir, 'cdk.json');
  if (!isFile(cdkJson)) return undefined;
  let output = 'cdk.out';
  const config = readJson(cdkJson, 1024 * 1024);
  if (config.ok && typeof (config.value as { output?: unknown }).output === 'string') output = (config.value as { output: string }).output;
  const assembly = path.resolve(dir, output);
  return isFile(path.join(assembly, MANIFEST)) ? assembly : undefined;
}

/** A cloud assembly's folder: its manifest, and the `cdk.out` file the CDK writes its schema version in. */
function isAssembly(dir: string): boolean {
  return isFile(path.join(dir, MANIFEST)) && isFile(path.join(dir, 'cdk.out'));
}

/** The assembly a stack template sits in (its folder), when it is one. */
export function assemblyOfTemplate(file: string): string | undefined {
  const dir = path.dirname(file);
  return isAssembly(dir) ? dir : undefined;
}

export function readCloudAssembly(dir: string): CloudAssembly {
  const out: CloudAssembly = { dir, stacks: [], problems: [] };
  // Frames name files on the machine that synthesised; the app is the folder above the outermost
  // assembly (a stage's assembly nests in its parent's).
  let outermost = dir;
  while (isAssembly(path.dirname(outermost)) && path.dirname(outermost) !== outermost) outermost = path.dirname(outermost);
  const appDir = path.dirname(outermost);
  const visit = (assembly: string, depth: number): void => {
    const manifest = readJson(path.join(assembly, MANIFEST), MAX_MANIFEST_BYTES);
    if (!manifest.ok) {
      out.problems.push(`${path.join(assembly, MANIFEST)}: ${manifest.problem}`);
      return;
    }
    const artifacts = (manifest.value as { artifacts?: Record<string, Artifact> }).artifacts ?? {};
    for (const [id, artifact] of Object.entries(artifacts)) {
      const props = artifact?.properties ?? {};
      if (artifact?.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
        if (depth < MAX_ASSEMBLY_DEPTH) visit(path.resolve(assembly, props.directoryName), depth + 1);
        continue;
      }
      if (artifact?.type !== 'aws:cloudformation:stack' || typeof props.templateFile !== 'string') continue;
      const metadata: Record<string, MetadataEntry[]> = { ...(artifact.metadata ?? {}) };
      if (typeof artifact.additionalMetadataFile === 'string') {
        const extra = readJson(path.resolve(assembly, artifact.additionalMetadataFile), MAX_MANIFEST_BYTES);
        if (extra.ok) Object.assign(metadata, extra.value);
        else out.problems.push(`${artifact.additionalMetadataFile}: ${extra.problem}`);
      }
      // `aws://123456789012/eu-west-1`; `unknown-region` when the app left it to the deployment.
      const region = typeof artifact.environment === 'string' ? /^aws:\/\/[^/]*\/([a-z0-9-]+)$/.exec(artifact.environment)?.[1] : undefined;
      out.stacks.push({
        templateFile: path.resolve(assembly, props.templateFile),
        displayName: typeof artifact.displayName === 'string' ? artifact.displayName : id,
        ...(region && region !== 'unknown-region' ? { region } : {}),
        constructs: constructsOf(metadata, appDir),
      });
    }
  };
  visit(dir, 0);
  return out;
}

interface MetadataEntry {
  type?: unknown;
  data?: unknown;
  trace?: unknown;
}

interface Artifact {
  type?: unknown;
  environment?: unknown;
  displayName?: unknown;
  additionalMetadataFile?: unknown;
  properties?: { templateFile?: unknown; directoryName?: unknown };
  metadata?: Record<string, MetadataEntry[]>;
}

function constructsOf(metadata: Record<string, MetadataEntry[]>, appDir: string): Map<string, CdkConstruct> {
  const out = new Map<string, CdkConstruct>();
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    const logical = entries.find((e) => e?.type === 'aws:cdk:logicalId' && typeof e.data === 'string');
    if (!logical) continue;
    const creation = entries.find((e) => e?.type === 'aws:cdk:creationStack')?.data ?? logical.trace;
    const frame = Array.isArray(creation) ? userFrame(creation, appDir) : undefined;
    out.set(logical.data as string, { path: constructPath.replace(/^\//, ''), ...(frame ? { source: frame } : {}) });
  }
  return out;
}

/** `new WebStack (/app/lib/web.ts:21:5)`, `at /app/bin/app.ts:3:1`, `    at new X (file:///app/x.ts:1:2)`. */
const FRAME = /(?:\(|\bat\s+|^)((?:file:\/\/)?[^()\s][^()]*?):(\d+):(\d+)\)?\s*$/;

/** The first frame in the app's own code (not node_modules, not Node's internals). */
export function userFrame(frames: readonly unknown[], appDir: string): SourceFrame | undefined {
  for (const f of frames) {
    if (typeof f !== 'string') continue;
    const m = FRAME.exec(f.trim());
    if (!m) continue;
    const written = m[1].startsWith('file://') ? decodeURIComponent(m[1].slice('file://'.length)) : m[1];
    if (/[\\/]node_modules[\\/]/.test(written) || written.startsWith('node:') || !/[\\/]/.test(written)) continue;
    return { file: relocate(written, appDir), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/**
 * The file a frame names, in this app: the longest tail of it found under the app's folder (the
 * assembly may have been made in CI, a container or another checkout), else as written.
 */
function relocate(written: string, appDir: string): string {
  const root = path.resolve(appDir);
  if (path.isAbsolute(written) && (written + path.sep).startsWith(root + path.sep) && isFile(written)) return written;
  const parts = written.split(/[\\/]+/).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(root, ...parts.slice(i));
    if (isFile(candidate)) return candidate;
  }
  return path.resolve(root, written);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function readJson(file: string, maxBytes: number): { ok: true; value: unknown } | { ok: false; problem: string } {
  let text: string;
  try {
    text = readRegularFileSync(file, maxBytes).toString('utf8');
  } catch (e) {
    if (e instanceof FileReadError) return { ok: false, problem: e.reason };
    throw e;
  }
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? { ok: true, value } : { ok: false, problem: 'not a JSON object' };
  } catch (e) {
    return { ok: false, problem: `not valid JSON (${(e as Error).message})` };
  }
}

const inRegion = new WeakMap<Settings, Map<string, Settings>>();

/**
 * A stack's settings: the region the app deploys it to is its target region (what `regions` in
 * the config says for templates that do not know theirs), for certificate-region. One object per
 * settings and region, so the worker pool sends each once.
 */
export function stackSettings(settings: Settings, stack: CdkStack | undefined): Settings {
  if (!stack?.region) return settings;
  let byRegion = inRegion.get(settings);
  if (!byRegion) inRegion.set(settings, (byRegion = new Map()));
  let s = byRegion.get(stack.region);
  if (!s) byRegion.set(stack.region, (s = { ...settings, regions: [stack.region] }));
  return s;
}
