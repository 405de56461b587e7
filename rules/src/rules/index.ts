import { RuleRegistry } from '../engine/registry';
import type { Rule } from '../engine/types';
import { acmRules } from './acm/index';
import { apigwRules } from './apigw/index';
import { beanstalkRules } from './beanstalk/index';
import { certificatesRules } from './certificates/index';
import { cloudfrontRules } from './cloudfront/index';
import { daxRules } from './dax/index';
import { dmsRules } from './dms/index';
import { docdbRules } from './docdb/index';
import { elasticacheRules } from './elasticache/index';
import { elbClassicRules } from './elb-classic/index';
import { elbv2Rules } from './elbv2/index';
import { memorydbRules } from './memorydb/index';
import { mskRules } from './msk/index';
import { opensearchRules } from './opensearch/index';
import { pcaIamRules } from './pca-iam/index';
import { efsRules } from './efs/index';
import { emrRules } from './emr/index';
import { appsyncRules } from './appsync/index';
import { transferRules } from './transfer/index';
import { iotRules } from './iot/index';
import { lightsailRules } from './lightsail/index';
import { vpcLatticeRules } from './vpc-lattice/index';
import { resourcePoliciesRules } from './resource-policies/index';
import { sesRules } from './ses/index';
import { eventbridgeRules } from './eventbridge/index';
import { rdsRules } from './rds/index';
import { redshiftRules } from './redshift/index';
import { templateRules } from './core/index';
import { makeUnknownPropertyRule } from './core/unknown-property';

const AREA_RULES: readonly Rule[] = [
  ...elbv2Rules,
  ...elbClassicRules,
  ...beanstalkRules,
  ...certificatesRules,
  ...acmRules,
  ...pcaIamRules,
  ...cloudfrontRules,
  ...apigwRules,
  ...opensearchRules,
  ...efsRules,
  ...emrRules,
  ...appsyncRules,
  ...transferRules,
  ...iotRules,
  ...lightsailRules,
  ...vpcLatticeRules,
  ...resourcePoliciesRules,
  ...sesRules,
  ...eventbridgeRules,
  ...rdsRules,
  ...docdbRules,
  ...redshiftRules,
  ...elasticacheRules,
  ...memorydbRules,
  ...daxRules,
  ...mskRules,
  ...dmsRules,
  ...templateRules,
];

/** Resource types some rule checks: where unknown-property looks for misspelt names (a typo elsewhere is out of a TLS linter's scope). */
function typesRead(rules: readonly Rule[]): string[] {
  const types = new Set<string>();
  for (const r of rules) {
    if (r.meta.resourceTypes === '*') continue;
    for (const t of r.meta.resourceTypes) if (!t.startsWith('Custom::') && !r.meta.contextTypes?.includes(t)) types.add(t);
  }
  return [...types].sort();
}

export const ALL_RULES: readonly Rule[] = [...AREA_RULES, makeUnknownPropertyRule(typesRead(AREA_RULES))];

let registry: RuleRegistry | undefined;

/** The registry of every rule, built once per process. */
export function defaultRegistry(): RuleRegistry {
  return (registry ??= new RuleRegistry(ALL_RULES));
}
