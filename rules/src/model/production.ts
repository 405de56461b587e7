import path = require('path');
import { getValue, intrinsicName, isMap, isSeq, scalarString, SNode } from '../parse/source-tree';
import { ResourceInfo, Template } from '../template/template';
import { compileGlobs } from '../util/glob';
import { compileUserRegex, SafeRegex } from '../util/safe-regex';
import { DEFAULT_SETTINGS, ProductionSettings } from '../engine/config';

interface CompiledProduction {
  valueMatches(value: string): boolean;
  fileMatches(rel: string): boolean;
}

/**
 * Compiled once per pattern and globs (the CLI makes settings per file: linting a thousand files
 * compiles each once), and only when a template has a value or a file name to test: most have
 * neither, and a one-file run then never loads RE2.
 */
const compiledPatterns = new Map<string, CompiledProduction>();
const MAX_COMPILED = 64;

function compiledFor(settings: ProductionSettings): CompiledProduction {
  const key = JSON.stringify([settings.valuePattern, settings.files]);
  let c = compiledPatterns.get(key);
  if (!c) {
    let pattern: SafeRegex | undefined;
    let files: ((rel: string) => boolean) | undefined;
    c = {
      valueMatches: (value) => (pattern ??= compilePattern(settings.valuePattern)).test(value),
      fileMatches: (rel) => (files ??= compileGlobs(settings.files).matches)(rel),
    };
    if (compiledPatterns.size >= MAX_COMPILED) compiledPatterns.clear();
    compiledPatterns.set(key, c);
  }
  return c;
}

/** The config refused a pattern RE2 cannot run (config.ts); a setting made some other way falls back to the default. */
function compilePattern(source: string): SafeRegex {
  const r = compileUserRegex(source, { ignoreCase: true });
  return r.ok ? r.regex : (compileUserRegex(DEFAULT_SETTINGS.production.valuePattern, { ignoreCase: true }) as { ok: true; regex: SafeRegex }).regex;
}

/**
 * Production detection (README, "Configuration"): by file glob, by an environment parameter's
 * Default, or (for a resource) by an environment tag. AllowedValues do not count.
 */
export class ProductionDetector {
  private readonly names: Set<string>;
  private readonly compiled: CompiledProduction;
  readonly templateIsProduction: boolean;

  constructor(
    private readonly template: Template,
    settings: ProductionSettings,
  ) {
    this.names = new Set(settings.parameterNames.map((n) => n.toLowerCase()));
    this.compiled = compiledFor(settings);
    this.templateIsProduction = this.matchesFiles(settings) || this.hasProductionParameter();
  }

  isProduction(resource?: ResourceInfo): boolean {
    if (this.templateIsProduction) return true;
    return resource ? this.hasProductionTag(resource) : false;
  }

  private matchesFiles(settings: ProductionSettings): boolean {
    if (!settings.files.length || !this.template.fileName) return false;
    const rel = path.relative(path.resolve(settings.baseDir), path.resolve(this.template.fileName)).split(path.sep).join('/');
    return this.compiled.fileMatches(rel);
  }

  private hasProductionParameter(): boolean {
    for (const p of this.template.parameters.values()) {
      if (!this.names.has(p.name.toLowerCase())) continue;
      const d = scalarString(p.defaultNode);
      if (d !== undefined && this.compiled.valueMatches(d)) return true;
    }
    return false;
  }

  private valueOf(node: SNode | undefined): string | undefined {
    if (intrinsicName(node) === 'Ref' && isMap(node)) {
      const p = this.template.parameters.get(scalarString(node.pairs[0].value) ?? '');
      return p ? scalarString(p.defaultNode) : undefined;
    }
    return scalarString(node);
  }

  private hasProductionTag(resource: ResourceInfo): boolean {
    const tags = getValue(resource.properties, 'Tags');
    if (isSeq(tags)) {
      for (const t of tags.items) {
        const key = scalarString(getValue(t, 'Key'));
        const value = this.valueOf(getValue(t, 'Value'));
        if (key && this.names.has(key.toLowerCase()) && value !== undefined && this.compiled.valueMatches(value)) return true;
      }
    } else if (isMap(tags) && !intrinsicName(tags)) {
      // SAM and some resources take tags as a map.
      for (const p of tags.pairs) {
        const value = this.valueOf(p.value);
        if (this.names.has(String(p.key.value).toLowerCase()) && value !== undefined && this.compiled.valueMatches(value)) return true;
      }
    }
    return false;
  }
}
