import { findIotSecurityPolicy, IOT_DEFAULT_SECURITY_POLICY } from '../../data/iot-policies';
import { entryAt } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';

const DOMAIN_CONFIGURATION = 'AWS::IoT::DomainConfiguration';

/**
 * The spec asked for a warning on policies whose lowest TLS version is below 1.2. AWS IoT Core now
 * negotiates only TLS 1.2 and 1.3 under every policy (data/iot-policies.ts), so no policy does; the
 * legacy `TLS12_1_0_*` policies, whose names still say TLS 1.0, are reported as info.
 */
export const iotDomainTlsPolicy: Rule = {
  meta: {
    id: 'iot-domain-tls-policy',
    severity: 'info',
    summary: 'IoT domain configuration with a legacy TLS12_1_0 security policy (kept for old devices; no TLS 1.3).',
    fixable: true,
    peers: [],
    resourceTypes: [DOMAIN_CONFIGURATION],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(DOMAIN_CONFIGURATION)) {
      const policy = entryAt(view.props, 'TlsConfig', 'SecurityPolicy');
      if (!policy) continue; // absent: new domain configurations get IoTSecurityPolicy_TLS13_1_2_2022_10
      const bad = badStrings(policy, (v) => findIotSecurityPolicy(v)?.legacy === true);
      reportValue(ctx, {
        node: policy,
        bad,
        message:
          `TlsConfig.SecurityPolicy ${listValues(bad)} is a legacy AWS IoT Core policy kept for old devices: its name promises TLS 1.0, ` +
          'AWS IoT Core now negotiates only TLS 1.2 under it, it offers no TLS 1.3, and only some Regions have it. ' +
          `Use ${IOT_DEFAULT_SECURITY_POLICY} (TLS 1.2 and 1.3), the default for new domain configurations.`,
        fixValue: IOT_DEFAULT_SECURITY_POLICY,
        fixWhat: 'SecurityPolicy',
        data: { recommended: IOT_DEFAULT_SECURITY_POLICY },
      });
    }
  },
};
