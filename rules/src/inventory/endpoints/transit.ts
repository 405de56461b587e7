/** Data stores, queues and integrations (TRANSIT_ENDPOINTS) as endpoints: TLS, plaintext and floor per scenario. */
import type { TemplateReader } from '../../engine/types';
import { entryAt, RNode } from '../../evaluate/values';
import { EndpointTable, texts } from '../collect';
import { resourcePath } from './keys';
import { transitSetting, TransitMeaning, TransitSetting } from '../../data/transit-settings';
import { TRANSIT_ENDPOINTS } from './transit-table';

/** Known values as the table spells them (`True` and a YAML boolean both read `true`); undefined: not knowable. */
function valuesOf(node: RNode | undefined): string[] | undefined {
  const v = texts(node);
  return v?.map((x) => (/^(true|false)$/i.test(x) ? x.toLowerCase() : x));
}

/** What the setting's values mean in one scenario; undefined when one of them is not knowable. */
function meanings(setting: TransitSetting, node: RNode | undefined): { value: string | undefined; meaning: TransitMeaning }[] | undefined {
  if (node === undefined) return setting.absentMeans ? [{ value: undefined, meaning: setting.absentMeans }] : undefined;
  const values = valuesOf(node);
  if (!values?.length) return undefined;
  const out: { value: string; meaning: TransitMeaning }[] = [];
  for (const value of values) {
    const meaning = setting.values.find((v) => v.value === value)?.means;
    if (!meaning) return undefined;
    out.push({ value, meaning });
  }
  return out;
}

export function addTransitEndpoints(ctx: TemplateReader, table: EndpointTable): void {
  for (const spec of TRANSIT_ENDPOINTS) {
    const name = spec.setting[spec.setting.length - 1];
    for (const resource of ctx.resources(...spec.types)) {
      const setting = transitSetting(resource.type, name, spec.setting[spec.setting.length - 2]);
      const path = resourcePath(resource.id);
      const acc = table.get(resource.id, spec.kind, resource.id, resource.type ?? null, path);
      acc.claim(path);
      acc.claimCertificates(path);
      for (const view of ctx.views(resource)) {
        const found = setting && meanings(setting, entryAt(view.props, ...spec.setting));
        if (!found) {
          acc.observe({ protocols: spec.protocol ? [spec.protocol] : [], tls: undefined });
          continue;
        }
        const extra = spec.alsoPlaintext ? valuesOf(entryAt(view.props, ...spec.alsoPlaintext.setting)) : [];
        const alsoPlaintext = extra?.some((v) => spec.alsoPlaintext!.values.includes(v)) ?? false;
        for (const { value, meaning } of found) {
          acc.observe({
            protocols: spec.protocol ? [spec.protocol] : value ? [value] : [],
            tls: meaning.tls,
            floor: meaning.tls ? meaning.floor : undefined,
            plaintext: meaning.plaintext || (meaning.tls && alsoPlaintext),
            details: { [name]: value ?? '(absent)' },
          });
        }
      }
    }
  }
}
