/**
 * AWS IoT Core security policies for domain configurations
 * (`AWS::IoT::DomainConfiguration.TlsConfig.SecurityPolicy`).
 *
 * Sources (read 2026):
 * - "Configuring TLS settings in domain configurations"
 *   https://docs.aws.amazon.com/iot/latest/developerguide/iot-endpoints-tls-config.html — the five
 *   policy names, their Regions, and "If you create a new domain configuration, the security policy
 *   defaults to IoTSecurityPolicy_TLS13_1_2_2022_10".
 * - "Transport security in AWS IoT Core"
 *   https://docs.aws.amazon.com/iot/latest/developerguide/transport-security.html — "AWS IoT Core
 *   supports the following versions of the TLS protocol: TLS 1.3, TLS 1.2"; its policy table has
 *   TLS 1.2 and TLS 1.3 rows only, with TLS 1.2 marked for every policy but TLS13_1_3_2022_10 and
 *   TLS 1.3 for the two TLS13 policies. So the `TLS12_1_0_*` policies, whose names still say TLS
 *   1.0, now negotiate TLS 1.2 only.
 *
 * `IoTSecurityPolicy_TLS13_1_0_2021_06` (named by an older page of this project's spec) is in no
 * current AWS table and is not listed: an unknown name is not judged.
 */
import type { TlsFloor } from './tls';

export interface IotSecurityPolicy {
  name: string;
  /** Lowest protocol the policy negotiates today (AWS table). */
  minTls: TlsFloor;
  maxTls: TlsFloor;
  /** Kept for old devices: the name promises TLS 1.0 (`TLS12_1_0_*`); only in some Regions. */
  legacy: boolean;
  /** Regions where AWS offers it, when not all. */
  regions?: readonly string[];
}

export const IOT_SECURITY_POLICIES: readonly IotSecurityPolicy[] = Object.freeze(
  [
    { name: 'IoTSecurityPolicy_TLS13_1_3_2022_10', minTls: '1.3', maxTls: '1.3', legacy: false },
    { name: 'IoTSecurityPolicy_TLS13_1_2_2022_10', minTls: '1.2', maxTls: '1.3', legacy: false },
    { name: 'IoTSecurityPolicy_TLS12_1_2_2022_10', minTls: '1.2', maxTls: '1.2', legacy: false },
    {
      name: 'IoTSecurityPolicy_TLS12_1_0_2016_01',
      minTls: '1.2',
      maxTls: '1.2',
      legacy: true,
      regions: [
        'ap-east-1',
        'ap-northeast-2',
        'ap-south-1',
        'ap-southeast-2',
        'ca-central-1',
        'cn-north-1',
        'cn-northwest-1',
        'eu-north-1',
        'eu-west-2',
        'eu-west-3',
        'me-south-1',
        'sa-east-1',
        'us-east-2',
        'us-west-1',
      ],
    },
    {
      name: 'IoTSecurityPolicy_TLS12_1_0_2015_01',
      minTls: '1.2',
      maxTls: '1.2',
      legacy: true,
      regions: ['ap-northeast-1', 'ap-southeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2'],
    },
  ].map((p) => Object.freeze(p as IotSecurityPolicy)),
);

const BY_NAME: ReadonlyMap<string, IotSecurityPolicy> = new Map(IOT_SECURITY_POLICIES.map((p) => [p.name, p] as const));

/** Exact, case-sensitive lookup. */
export function findIotSecurityPolicy(name: string): IotSecurityPolicy | undefined {
  return BY_NAME.get(name);
}

/** What a new domain configuration gets without `TlsConfig.SecurityPolicy` (outside GovCloud), and what the fix writes. */
export const IOT_DEFAULT_SECURITY_POLICY = 'IoTSecurityPolicy_TLS13_1_2_2022_10';
