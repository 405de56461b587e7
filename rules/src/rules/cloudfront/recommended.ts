import { minimumProtocolFloor } from '../../data/cloudfront';
import { CLOUDFRONT_MIN_PROTOCOL_FOR_FLOOR } from '../../data/cloudfront-viewer';
import { DEFAULT_MINIMUM_TLS, isBelow, parseTlsFloor, TlsFloor } from '../../data/tls';
import { ruleOption } from '../../engine/config';
import type { RuleContext } from '../../engine/types';

/** The `minimumTls` option of a rule (default TLS 1.2). */
export function minimumTlsOption(ctx: RuleContext): TlsFloor {
  return parseTlsFloor(String(ruleOption(ctx.options, 'minimumTls', DEFAULT_MINIMUM_TLS))) ?? DEFAULT_MINIMUM_TLS;
}

/**
 * The `MinimumProtocolVersion` fixes write: `recommendedPolicies.cloudfront` when configured and
 * a known policy meeting the minimum, else TLSv1.2_2021 (TLSv1.3_2025 for a TLS 1.3 minimum).
 */
export function recommendedMinimumProtocol(ctx: RuleContext, minimum: TlsFloor = DEFAULT_MINIMUM_TLS): string {
  const configured = ctx.settings.recommendedPolicies.cloudfront;
  const floor = configured === undefined ? undefined : minimumProtocolFloor(configured);
  if (configured !== undefined && floor !== undefined && !isBelow(floor, minimum)) return configured;
  return CLOUDFRONT_MIN_PROTOCOL_FOR_FLOOR[minimum] ?? 'TLSv1.2_2021';
}
