import * as path from 'path';
import picomatch from 'picomatch';
import { getValue, intrinsicName, isMap, isSeq, scalarString, SNode } from '../parse/source-tree';
import { ResourceInfo, Template } from '../template/template';
import { ProductionSettings } from './config';

/**
 * Production detection (rules.md): by file glob, by an environment parameter's
 * Default, or (for a resource) by an environment tag. AllowedValues do not count.
 */
export class ProductionDetector {
  private readonly names: Set<string>;
  private readonly pattern: RegExp;
  readonly templateIsProduction: boolean;

  constructor(
    private readonly template: Template,
    settings: ProductionSettings,
  ) {
    this.names = new Set(settings.parameterNames.map((n) => n.toLowerCase()));
    this.pattern = new RegExp(settings.valuePattern, 'i');
    this.templateIsProduction = this.matchesFiles(settings) || this.hasProductionParameter();
  }

  isProduction(resource?: ResourceInfo): boolean {
    if (this.templateIsProduction) return true;
    return resource ? this.hasProductionTag(resource) : false;
  }

  private matchesFiles(settings: ProductionSettings): boolean {
    if (!settings.files.length || !this.template.fileName) return false;
    const rel = path.relative(path.resolve(settings.baseDir), path.resolve(this.template.fileName)).split(path.sep).join('/');
    return picomatch.isMatch(rel, settings.files as string[], { dot: true });
  }

  private hasProductionParameter(): boolean {
    for (const p of this.template.parameters.values()) {
      if (!this.names.has(p.name.toLowerCase())) continue;
      const d = scalarString(p.defaultNode);
      if (d !== undefined && this.pattern.test(d)) return true;
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
        if (key && this.names.has(key.toLowerCase()) && value !== undefined && this.pattern.test(value)) return true;
      }
    } else if (isMap(tags) && !intrinsicName(tags)) {
      // SAM and some resources take tags as a map.
      for (const p of tags.pairs) {
        const value = this.valueOf(p.value);
        if (this.names.has(String(p.key.value).toLowerCase()) && value !== undefined && this.pattern.test(value)) return true;
      }
    }
    return false;
  }
}
