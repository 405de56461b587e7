import { HOSTED_ZONE_PARAMETER, HOSTED_ZONE_PARAMETER_TYPE } from '../../data/acm-practice';
import type { FixIntent, FixValue } from '../../engine/types';
import type { Template } from '../../template/template';

/**
 * The `HostedZoneId` value a DNS-validation fix writes (docs/rules/acm-dns-validation-manual.md):
 * `!Ref HostedZoneId`, or the
 * template's only hosted-zone parameter, adding `HostedZoneId` (`AWS::Route53::HostedZone::Id`)
 * when there is neither.
 */
export function hostedZoneReference(template: Template): { value: FixValue; addParameter?: FixIntent } {
  if (template.parameters.has(HOSTED_ZONE_PARAMETER)) return { value: { Ref: HOSTED_ZONE_PARAMETER } };
  const zones = [...template.parameters.values()].filter((p) => p.type === HOSTED_ZONE_PARAMETER_TYPE);
  if (zones.length === 1) return { value: { Ref: zones[0].name } };
  return {
    value: { Ref: HOSTED_ZONE_PARAMETER },
    addParameter: {
      kind: 'addParameter',
      name: HOSTED_ZONE_PARAMETER,
      definition: { Type: HOSTED_ZONE_PARAMETER_TYPE, Description: 'Route 53 hosted zone where CloudFormation creates the certificate validation records' },
    },
  };
}
