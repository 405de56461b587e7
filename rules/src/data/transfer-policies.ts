/**
 * AWS Transfer Family server security policies (`AWS::Transfer::Server.SecurityPolicyName`).
 *
 * Sources (read 2026):
 * - "Security policies for AWS Transfer Family servers"
 *   https://docs.aws.amazon.com/transfer/latest/userguide/security-policies.html —
 *   "TransferSecurityPolicy-2024-01 is the default security policy attached to your server when
 *   creating a server using the console, API, or CLI. If you create a Transfer Family server using
 *   CloudFormation and accept the default security policy, the server is assigned
 *   TransferSecurityPolicy-2018-11." "We strongly recommend updating your servers to our latest
 *   security policy." Host keys: rsa-sha2-256/512, ecdsa-sha2-nistp256/384/521, ssh-ed25519;
 *   "Additionally, the following security policies allow ssh-rsa: TransferSecurityPolicy-2018-11,
 *   -2020-06, -FIPS-2020-06, -FIPS-2023-05, -FIPS-2024-01, -PQ-SSH-FIPS-Experimental-2023-04".
 *   The algorithm table (2018-11, 2020-06, 2022-03, 2023-05, FIPS-2020-06, FIPS-2023-05 columns):
 *   only 2018-11 has the SHA-1 key exchange `diffie-hellman-group14-sha1` and the SHA-1 MACs
 *   `hmac-sha1`, `hmac-sha1-etm@openssh.com` (and `umac-64`), and the TLS ciphers without forward
 *   secrecy `TLS_RSA_WITH_AES_128/256_CBC_SHA256`. "We support TLS 1.2" (FTPS).
 * - The list of names: the Terraform AWS provider's `security_policy_name` values (v6, 18 names),
 *   which match the AWS guide's policy sections.
 *
 * `sha1` / `sshRsa`: true or false where the AWS text above says so; undefined where it does not
 * (newer policies absent from the tables that were read, the Restricted and AS2 policies). An
 * undefined fact is never reported.
 */

export interface TransferSecurityPolicy {
  name: string;
  fips: boolean;
  /** SHA-1 key exchange and MACs (`diffie-hellman-group14-sha1`, `hmac-sha1`). */
  sha1?: boolean;
  /** Allows the `ssh-rsa` host-key signature (RSA with SHA-1). */
  sshRsa?: boolean;
}

type Row = [name: string, sha1?: boolean, sshRsa?: boolean];

const ROWS: readonly Row[] = [
  ['TransferSecurityPolicy-2018-11', true, true],
  ['TransferSecurityPolicy-2020-06', false, true],
  ['TransferSecurityPolicy-2022-03', false, false],
  ['TransferSecurityPolicy-2023-05', false, false],
  ['TransferSecurityPolicy-2024-01', undefined, false],
  ['TransferSecurityPolicy-2025-03'],
  ['TransferSecurityPolicy-FIPS-2020-06', false, true],
  ['TransferSecurityPolicy-FIPS-2023-05', false, true],
  ['TransferSecurityPolicy-FIPS-2024-01', undefined, true],
  ['TransferSecurityPolicy-FIPS-2024-05'],
  ['TransferSecurityPolicy-FIPS-2025-03'],
  ['TransferSecurityPolicy-PQ-SSH-Experimental-2023-04', undefined, false],
  ['TransferSecurityPolicy-PQ-SSH-FIPS-Experimental-2023-04', undefined, true],
  ['TransferSecurityPolicy-Restricted-2018-11'],
  ['TransferSecurityPolicy-Restricted-2020-06'],
  ['TransferSecurityPolicy-Restricted-2024-06'],
  ['TransferSecurityPolicy-SshAuditCompliant-2025-02'],
  ['TransferSecurityPolicy-AS2Restricted-2025-07'],
];

export const TRANSFER_SECURITY_POLICIES: readonly TransferSecurityPolicy[] = Object.freeze(
  ROWS.map(([name, sha1, sshRsa]) => {
    const p: TransferSecurityPolicy = { name, fips: name.includes('-FIPS-') };
    if (sha1 !== undefined) p.sha1 = sha1;
    if (sshRsa !== undefined) p.sshRsa = sshRsa;
    return Object.freeze(p);
  }),
);

const BY_NAME: ReadonlyMap<string, TransferSecurityPolicy> = new Map(TRANSFER_SECURITY_POLICIES.map((p) => [p.name, p] as const));

/** Exact, case-sensitive lookup. */
export function findTransferSecurityPolicy(name: string): TransferSecurityPolicy | undefined {
  return BY_NAME.get(name);
}

/** What a server created by CloudFormation without `SecurityPolicyName` gets. */
export const TRANSFER_CLOUDFORMATION_DEFAULT_POLICY = 'TransferSecurityPolicy-2018-11';

/** The latest policies (AWS: "We strongly recommend updating your servers to our latest security policy"): what the fixes write. */
export const TRANSFER_RECOMMENDED_POLICY = 'TransferSecurityPolicy-2025-03';
export const TRANSFER_RECOMMENDED_FIPS_POLICY = 'TransferSecurityPolicy-FIPS-2025-03';

/** The recommended replacement for a policy: the FIPS one for a FIPS policy. */
export function recommendedTransferPolicy(current: string | undefined): string {
  return current !== undefined && findTransferSecurityPolicy(current)?.fips ? TRANSFER_RECOMMENDED_FIPS_POLICY : TRANSFER_RECOMMENDED_POLICY;
}
