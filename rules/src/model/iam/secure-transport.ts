import { S3_TLS_VERSION_KEY, S3_TLS_VERSION_OPERATORS, SECURE_TRANSPORT_KEY, SECURE_TRANSPORT_OPERATORS } from '../../data/resource-policies';
import type { ConditionTest, PolicyDocument, PolicyStatement } from './policy-document';
import { appliesToEveryone, conditionIs, coversAction, coversResource, isDeny, mentionsCondition, textOf, triAnd, triOr } from './policy-document';
import type { StringExpr, Tri } from '../string-expr';

/**
 * Does a resource policy refuse some requests to everyone? The deny statements AWS documents for
 * S3, SNS and SQS (data/resource-policies.ts): `Effect: Deny`, every principal, the actions, the
 * resources, and one condition that singles the requests out.
 */

export interface DenyRequirement {
  /** The action (or action pattern) the deny must cover. */
  action: string;
  /** ARNs the deny must cover (S3: the bucket and its objects); none: `Resource` is not checked. */
  resources: StringExpr[];
  condition: ConditionTest;
}

/** `Bool`/`BoolIfExists` `aws:SecureTransport` false: the statement applies to plain HTTP. */
export const PLAIN_HTTP: ConditionTest = {
  label: `Bool ${SECURE_TRANSPORT_KEY} false`,
  operators: SECURE_TRANSPORT_OPERATORS,
  key: SECURE_TRANSPORT_KEY,
  value: (e) => {
    const t = textOf(e);
    return t === undefined ? 'unknown' : t.toLowerCase() === 'false' ? 'yes' : 'no';
  },
};

/** `NumericLessThan` `s3:TlsVersion` at or above a version: the statement applies to every request below it. */
export function tlsBelow(version: string): ConditionTest {
  const wanted = Number(version);
  return {
    label: `NumericLessThan ${S3_TLS_VERSION_KEY} ${version}`,
    operators: S3_TLS_VERSION_OPERATORS,
    key: S3_TLS_VERSION_KEY,
    value: (e) => {
      const t = textOf(e);
      if (t === undefined) return 'unknown';
      const n = Number(t.trim());
      return Number.isFinite(n) && t.trim() !== '' && n >= wanted ? 'yes' : 'no';
    },
  };
}

/** One statement against a requirement. */
export function statementRefuses(st: PolicyStatement, req: DenyRequirement): Tri {
  return triAnd(
    isDeny(st),
    conditionIs(st, req.condition),
    appliesToEveryone(st),
    coversAction(st, req.action),
    ...req.resources.map((r) => coversResource(st, r)),
  );
}

/** A deny written for these requests that still lets some through, and why. */
export interface NearMiss {
  statement: PolicyStatement;
  reasons: string[];
}

export interface DenyAnswer {
  /** yes: some statement refuses; no: none does (and every statement could be read); unknown otherwise. */
  answer: Tri;
  /** Deny statements on the condition that fall short (for related information). */
  nearMisses: NearMiss[];
}

/** Whether the document refuses the requests the requirement describes. */
export function documentRefuses(doc: PolicyDocument, req: DenyRequirement): DenyAnswer {
  const answers = doc.statements.map((st) => statementRefuses(st, req));
  let answer = triOr(...answers);
  if (answer === 'no' && doc.incomplete) answer = 'unknown';
  const nearMisses: NearMiss[] = [];
  if (answer === 'no') {
    doc.statements.forEach((st) => {
      if (isDeny(st) !== 'yes' || !mentionsCondition(st, req.condition.operators, req.condition.key)) return;
      const reasons: string[] = [];
      if (conditionIs(st, req.condition) === 'no') reasons.push(`its Condition is not ${req.condition.label} alone`);
      if (appliesToEveryone(st) === 'no') reasons.push('it does not apply to every principal');
      if (coversAction(st, req.action) === 'no') reasons.push(`its Action does not cover ${req.action}`);
      if (req.resources.some((r) => coversResource(st, r) === 'no')) reasons.push('its Resource does not cover every resource the policy protects');
      if (reasons.length) nearMisses.push({ statement: st, reasons });
    });
  }
  return { answer, nearMisses };
}
