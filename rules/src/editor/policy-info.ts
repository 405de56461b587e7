import { APIGW_RECOMMENDED, APIGW_SECURITY_POLICIES, APIGWV2_SECURITY_POLICIES } from '../data/apigw';
import { CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL, MINIMUM_PROTOCOL_VERSIONS, ORIGIN_PROTOCOL_POLICIES, VIEWER_PROTOCOL_POLICIES } from '../data/cloudfront';
import { ELBV2_POLICIES, ELBV2_RECOMMENDED, ELBV2_RECOMMENDED_FIPS, ELBV2_RECOMMENDED_PQ } from '../data/elbv2-policies';
import { ELASTICSEARCH_DOCUMENTED_TLS_POLICIES, OPENSEARCH_TLS_POLICIES, recommendedOpenSearchTlsPolicy } from '../data/opensearch';
import { isBelow, TlsFloor, tlsLabel } from '../data/tls';
import type { Settings } from '../engine/config';

/**
 * What the editor says about a policy value (hover) and offers for one
 * (completion), read from the policy tables in rules/src/data.
 */

/** Properties whose values hover and completion know. */
export const POLICY_PROPERTIES = [
  'SslPolicy',
  'MinimumProtocolVersion',
  'SecurityPolicy',
  'TLSSecurityPolicy',
  'ViewerProtocolPolicy',
  'OriginProtocolPolicy',
] as const;
export type PolicyProperty = (typeof POLICY_PROPERTIES)[number];

export function isPolicyProperty(name: unknown): name is PolicyProperty {
  return typeof name === 'string' && (POLICY_PROPERTIES as readonly string[]).includes(name);
}

export type Verdict = 'recommended' | 'acceptable' | 'weak';

export interface PolicyChoice {
  name: string;
  /** Lowest protocol accepted (TLS policies), when the value is a TLS setting. */
  minTls?: TlsFloor;
  maxTls?: TlsFloor;
  verdict: Verdict;
  /** One line: protocols and verdict. */
  detail: string;
  notes: string[];
}

const MINIMUM: TlsFloor = '1.2';

function tlsRange(min: TlsFloor, max?: TlsFloor): string {
  if (max && max !== min) return `${tlsLabel(min)} to ${tlsLabel(max)}`;
  if (min === '1.3' || max === min) return `${tlsLabel(min)} only`;
  return `${tlsLabel(min)} and newer`;
}

function tlsVerdict(name: string, min: TlsFloor, recommended: readonly string[]): Verdict {
  if (recommended.includes(name)) return 'recommended';
  return isBelow(min, MINIMUM) ? 'weak' : 'acceptable';
}

const VERDICT_LABEL: Record<Verdict, string> = {
  recommended: 'recommended',
  acceptable: 'TLS 1.2+',
  weak: 'weak: accepts TLS below 1.2',
};

function tlsChoice(name: string, min: TlsFloor, max: TlsFloor | undefined, recommended: readonly string[], notes: string[]): PolicyChoice {
  const verdict = tlsVerdict(name, min, recommended);
  return { name, minTls: min, maxTls: max, verdict, detail: `${tlsRange(min, max)} · ${VERDICT_LABEL[verdict]}`, notes };
}

/** Every value known for a property, recommended first, weak last (stable within a group). */
export function policyChoices(property: PolicyProperty, resourceType: string | undefined, settings: Settings): PolicyChoice[] {
  const rec = settings.recommendedPolicies;
  let out: PolicyChoice[];
  switch (property) {
    case 'SslPolicy': {
      const recommended = [rec.elbv2 ?? ELBV2_RECOMMENDED, rec.elbv2Fips ?? ELBV2_RECOMMENDED_FIPS];
      out = ELBV2_POLICIES.map((p) => {
        const notes: string[] = [];
        if (p.fips) notes.push('FIPS policy (an ALB cannot mix FIPS and non-FIPS policies)');
        if (p.forwardSecrecy) notes.push('forward secrecy');
        if (p.postQuantum) notes.push('post-quantum hybrid key exchange');
        if (p.name === ELBV2_RECOMMENDED_PQ) notes.push("AWS's current console default");
        if (p.nlbOnly) notes.push('Network Load Balancer only');
        if (p.legacy) notes.push('legacy');
        if (!p.verified) notes.push('protocols inferred from the name');
        if (p.note) notes.push(p.note);
        return tlsChoice(p.name, p.minTls, p.maxTls, recommended, notes);
      });
      break;
    }
    case 'MinimumProtocolVersion': {
      const recommended = [rec.cloudfront ?? CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL];
      out = Object.entries(MINIMUM_PROTOCOL_VERSIONS).map(([name, floor]) =>
        tlsChoice(name, floor, undefined, recommended, [
          'applies only with a custom certificate (the default *.cloudfront.net certificate always allows TLSv1)',
        ]),
      );
      break;
    }
    case 'SecurityPolicy': {
      const recommended = [rec.apigw ?? APIGW_RECOMMENDED];
      const v2 = resourceType === 'AWS::ApiGatewayV2::DomainName';
      out = APIGW_SECURITY_POLICIES.filter((p) => !v2 || APIGWV2_SECURITY_POLICIES.includes(p.name)).map((p) => {
        const notes: string[] = [];
        if (p.enhanced) notes.push('enhanced policy: needs EndpointAccessMode');
        if (p.edgeOnly) notes.push('edge-optimized endpoints only');
        if (p.fips) notes.push('FIPS');
        if (p.postQuantum) notes.push('post-quantum hybrid key exchange');
        if (!p.verified) notes.push('minimum TLS inferred from the name');
        if (p.note) notes.push(p.note);
        return tlsChoice(p.name, p.minTls, undefined, recommended, notes);
      });
      break;
    }
    case 'TLSSecurityPolicy': {
      const elasticsearch = resourceType === 'AWS::Elasticsearch::Domain';
      const recommended = [(elasticsearch ? rec.elasticsearch : rec.opensearch) ?? recommendedOpenSearchTlsPolicy(resourceType ?? '')];
      out = OPENSEARCH_TLS_POLICIES.filter((p) => !elasticsearch || ELASTICSEARCH_DOCUMENTED_TLS_POLICIES.includes(p.name)).map((p) => {
        const notes: string[] = [];
        if (p.fips) notes.push('FIPS');
        if (p.forwardSecrecy) notes.push('forward secrecy');
        if (p.note) notes.push(p.note);
        return tlsChoice(p.name, p.minTls, undefined, recommended, notes);
      });
      break;
    }
    case 'ViewerProtocolPolicy':
      out = Object.entries(VIEWER_PROTOCOL_POLICIES).map(([name, p]) => {
        const verdict: Verdict = p.allowsHttp ? 'weak' : 'recommended';
        const detail = p.allowsHttp
          ? 'serves plain HTTP · weak'
          : name === 'redirect-to-https'
            ? 'redirects HTTP to HTTPS · recommended'
            : 'HTTPS only (HTTP gets 403) · recommended';
        return { name, verdict, detail, notes: [] };
      });
      break;
    case 'OriginProtocolPolicy':
      out = Object.entries(ORIGIN_PROTOCOL_POLICIES).map(([name, p]) => {
        const verdict: Verdict = p.http === 'never' ? 'recommended' : 'weak';
        const detail =
          p.http === 'never'
            ? 'HTTPS to the origin · recommended'
            : p.http === 'always'
              ? 'plain HTTP to the origin · weak'
              : 'HTTP to the origin when the viewer used HTTP · weak';
        return { name, verdict, detail, notes: [] };
      });
      break;
  }
  const rank: Record<Verdict, number> = { recommended: 0, acceptable: 1, weak: 2 };
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank[a.c.verdict] - rank[b.c.verdict] || a.i - b.i)
    .map((x) => x.c);
}

const WHAT: Record<PolicyProperty, string> = {
  SslPolicy: 'Elastic Load Balancing security policy',
  MinimumProtocolVersion: 'CloudFront viewer security policy',
  SecurityPolicy: 'API Gateway custom-domain security policy',
  TLSSecurityPolicy: 'OpenSearch TLS security policy',
  ViewerProtocolPolicy: 'CloudFront viewer protocol policy',
  OriginProtocolPolicy: 'CloudFront origin protocol policy',
};

/** Markdown for a hover on a policy value; undefined when the value is not a string. */
export function describePolicyValue(property: PolicyProperty, value: unknown, resourceType: string | undefined, settings: Settings): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const choices = policyChoices(property, resourceType, settings);
  const hit = choices.find((c) => c.name === value);
  const best = choices.filter((c) => c.verdict === 'recommended').map((c) => `\`${c.name}\``);
  const lines: string[] = [];
  if (!hit) {
    lines.push(`**${value}** is not a known ${WHAT[property]}.`);
  } else {
    const protocols = hit.minTls ? `Accepts ${tlsRange(hit.minTls, hit.maxTls)}.` : `${hit.detail.split(' · ')[0]}.`;
    lines.push(`**${value}** — ${WHAT[property]}. ${protocols}`);
    if (hit.verdict === 'recommended') lines.push('', '✓ Recommended.');
    else if (hit.verdict === 'acceptable') lines.push('', `✓ Accepts only TLS 1.2 or newer (not the recommended value).`);
    else lines.push('', hit.minTls ? `⚠ Not recommended: accepts ${tlsLabel(hit.minTls)}, below TLS 1.2.` : '⚠ Not recommended: allows plain HTTP.');
    if (hit.notes.length) lines.push('', hit.notes.map((n) => `- ${n}`).join('\n'));
  }
  if (best.length && hit?.verdict !== 'recommended') lines.push('', `Recommended: ${best.join(', ')}`);
  return lines.join('\n');
}
