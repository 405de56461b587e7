import { ruleOption } from '../../engine/config';
import {
  S3_MINIMUM_TLS_VALUES,
  S3_TLS_FLOOR,
  S3_TLS_VERSION_KEY,
  S3_WEBSITE_PROPERTY,
  SECURE_TRANSPORT_KEY,
  SECURE_TRANSPORT_POLICIES,
} from '../../data/resource-policies';
import type { Fix, FixValue, ResourceView, Rule, RuleContext } from '../../engine/types';
import { entry } from '../../evaluate/values';
import type { ResourceInfo } from '../../template/template';
import { getValue, intrinsicName, isMap, isScalar, isSeq, pathKey, scalarString } from '../../parse/source-tree';
import type { SNode } from '../../parse/source-tree';
import type { PolicyDocument } from '../../model/iam/policy-document';
import { itemExpr, writtenItems } from '../../model/iam/policy-document';
import type { DenyRequirement } from '../../model/iam/secure-transport';
import { documentRefuses, PLAIN_HTTP, tlsBelow } from '../../model/iam/secure-transport';
import type { ExprContext, StringExpr, Tri } from '../../model/string-expr';
import { concatExpr, isOpaque, sameString, stringExpr, textExpr, withSuffix } from '../../model/string-expr';
import { quote, toFixValue } from '../helpers';
import { addStatementFix, denyStatement, exprContext, findingSite, freeSid, nearMissNote, policyDocumentOf, relatedStatements } from './secure-transport';

const S3 = SECURE_TRANSPORT_POLICIES.s3;
const BUCKET = S3.resourceType;
const BUCKET_POLICY = S3.policyType;

export const s3SecureTransport: Rule = {
  meta: {
    id: 's3-secure-transport',
    severity: 'warning',
    summary:
      'S3 bucket policy without a Deny for every principal on s3:* for the bucket and its objects when aws:SecureTransport is false; info: a bucket with no bucket policy in the template.',
    fixable: true,
    docs: {
      severityNote: 'info for a bucket without a bucket policy in the template',
      fixNote: 'inserts the deny statement; adding a bucket policy to a bucket that has none is offered in the editor only',
    },
    peers: ['S3.5', 'AwsSolutions-S10', 'S3_BUCKET_SSL_REQUESTS_ONLY', 'CT.S3.PR.8'],
    resourceTypes: [BUCKET_POLICY, BUCKET],
    // A bucket is read for whether it has a policy (and is a website): its other properties are not TLS.
    contextTypes: [BUCKET],
    options: {
      minimumTls: {
        type: 'string',
        description: 'Lowest TLS version the bucket must accept: 1.2 is S3 own floor; 1.3 also asks for a Deny on NumericLessThan s3:TlsVersion 1.3',
        values: S3_MINIMUM_TLS_VALUES,
      },
    },
  },
  check(ctx) {
    const minimumTls = String(ruleOption(ctx.options, 'minimumTls', S3_TLS_FLOOR));
    for (const view of ctx.viewsOf(BUCKET_POLICY)) checkPolicy(ctx, view, minimumTls);
    checkBucketsWithoutPolicy(ctx, minimumTls);
  },
};

/** The bucket a policy names, as an expression (through `Ref`, `Fn::Sub`, parameters…). */
function policyBucket(view: ResourceView, cx: ExprContext): { node: SNode | undefined; expr: StringExpr } {
  const node = getValue(view.resource.properties, S3.targetsProperty);
  return { node, expr: stringExpr(node, cx) };
}

/** The names a bucket of the template goes by: its `Ref`, and its `BucketName` when written. */
function bucketNames(bucket: ResourceInfo, cx: ExprContext): StringExpr[] {
  const names: StringExpr[] = [[{ kind: 'symbol', name: `ref:${bucket.id}`, certain: true }]];
  const written = getValue(bucket.properties, 'BucketName');
  if (written !== undefined) names.push(stringExpr(written, cx));
  return names;
}

/** Whether an expression names a bucket of the template (yes, no, or not knowable). */
function namesBucket(expr: StringExpr, bucket: ResourceInfo, cx: ExprContext): Tri {
  const answers = bucketNames(bucket, cx).map((n) => sameString(expr, n));
  return answers.includes('yes') ? 'yes' : answers.includes('unknown') ? 'unknown' : 'no';
}

/** A website bucket: S3 website endpoints serve HTTP only, so a secure-transport deny would break the site. */
function isWebsiteBucket(ctx: RuleContext, bucket: ResourceInfo, view: ResourceView): boolean {
  const views = ctx.viewsIn(bucket.id, view.scenario);
  return views.length > 0 && views.some((v) => entry(v.props, S3_WEBSITE_PROPERTY) !== undefined);
}

function checkPolicy(ctx: RuleContext, view: ResourceView, minimumTls: string): void {
  const cx = exprContext(ctx, view);
  const bucket = policyBucket(view, cx);
  for (const b of ctx.resources(BUCKET)) {
    if (namesBucket(bucket.expr, b, cx) === 'yes' && isWebsiteBucket(ctx, b, view)) return;
  }
  const doc = policyDocumentOf(ctx, view);
  if (!doc) return;
  const bucketArn = concatExpr(textExpr('arn:aws:s3:::'), bucket.expr);
  const objectsArn = withSuffix(bucketArn, '/*');
  const resources = isOpaque(bucket.expr) ? [] : [bucketArn, objectsArn];
  const site = findingSite(doc);

  const http: DenyRequirement = { action: S3.action, resources, condition: PLAIN_HTTP };
  const httpAnswer = documentRefuses(doc, http);
  if (httpAnswer.answer === 'no') {
    const sid = freeSid(doc, S3.sid);
    const resource = resourceValue(doc, bucket, bucketArn, objectsArn, cx);
    const fix =
      resource &&
      addStatementFix(
        doc,
        denyStatement(sid, S3.fixAction, resource, 'Bool', SECURE_TRANSPORT_KEY, 'false'),
        `Add statement ${quote(sid)} denying requests over plain HTTP`,
      );
    ctx.report({
      ...site,
      message:
        'This bucket policy has no statement that denies plain HTTP, and S3 accepts HTTP as well as HTTPS: requests and ' +
        'objects can travel unencrypted. Add a Deny statement for Principal "*", Action s3:*, the bucket ARN and ' +
        `<bucket ARN>/*, with Condition Bool ${SECURE_TRANSPORT_KEY} false.` +
        nearMissNote(httpAnswer),
      related: relatedStatements(doc, httpAnswer, PLAIN_HTTP),
      fixes: fix ? [fix] : undefined,
      data: { condition: SECURE_TRANSPORT_KEY },
    });
  }

  if (minimumTls !== '1.3') return;
  const condition = tlsBelow(minimumTls);
  const tls: DenyRequirement = { action: S3.action, resources, condition };
  const tlsAnswer = documentRefuses(doc, tls);
  if (tlsAnswer.answer !== 'no') return;
  const sid = freeSid(doc, 'DenyOutdatedTls');
  const resource = resourceValue(doc, bucket, bucketArn, objectsArn, cx);
  const fix =
    resource &&
    addStatementFix(
      doc,
      denyStatement(sid, S3.fixAction, resource, 'NumericLessThan', S3_TLS_VERSION_KEY, 1.3),
      `Add statement ${quote(sid)} denying TLS below 1.3`,
    );
  ctx.report({
    ...site,
    key: `${pathKey(site.path)}#tls`,
    message:
      `This bucket policy has no statement that denies TLS below ${minimumTls} (NumericLessThan ${S3_TLS_VERSION_KEY} ${minimumTls}), which the ` +
      `rule's minimumTls option asks for: S3 itself accepts TLS 1.2 and 1.3. Add a Deny statement for Principal "*", Action s3:* ` +
      'on the bucket and its objects. TLS 1.3 is not offered on AWS PrivateLink for S3 and Multi-Region Access Points: clients there are refused.' +
      nearMissNote(tlsAnswer),
    related: relatedStatements(doc, tlsAnswer, condition),
    fixes: fix ? [fix] : undefined,
    data: { condition: S3_TLS_VERSION_KEY, minimumTls },
  });
}

// ------------------------------------------------------------------ the Resource the fix writes

/**
 * The bucket ARN and `<bucket ARN>/*`, written as the document's other statements write them:
 * an ARN of the bucket already written in the document is copied; the other one is derived from
 * it (`/*` added or removed in its `Fn::Sub` or `Fn::Join`); otherwise both are built from the
 * policy's `Bucket`, in `Fn::Join` when the document joins its ARNs, else in `Fn::Sub`. Every
 * value is checked to name exactly the bucket and its objects.
 */
function resourceValue(
  doc: PolicyDocument,
  bucket: { node: SNode | undefined; expr: StringExpr },
  bucketArn: StringExpr,
  objectsArn: StringExpr,
  cx: ExprContext,
): FixValue | undefined {
  if (!bucket.node || isOpaque(bucket.expr)) return undefined;
  let bucketValue: FixValue | undefined;
  let objectsValue: FixValue | undefined;
  let joins = false;
  for (const st of doc.statements) {
    for (const item of writtenItems(st.entries.get('Resource'))) {
      if (!item.node) continue;
      if (intrinsicName(item.node) === 'Fn::Join') joins = true;
      const e = itemExpr(item);
      if (!e) continue;
      if (bucketValue === undefined && sameString(e, bucketArn) === 'yes') bucketValue = toFixValue(item.node);
      if (objectsValue === undefined && sameString(e, objectsArn) === 'yes') objectsValue = toFixValue(item.node);
    }
  }
  const names = (v: FixValue | undefined, target: StringExpr): FixValue | undefined =>
    v !== undefined && sameString(stringExpr(fixNode(v), cx), target) === 'yes' ? v : undefined;
  if (bucketValue === undefined && objectsValue !== undefined) bucketValue = names(withoutObjects(objectsValue), bucketArn);
  if (objectsValue === undefined && bucketValue !== undefined) objectsValue = names(withObjects(bucketValue), objectsArn);
  const built = builtArns(bucket.node, joins);
  bucketValue ??= names(built?.[0], bucketArn);
  objectsValue ??= names(built?.[1], objectsArn);
  return bucketValue !== undefined && objectsValue !== undefined ? [bucketValue, objectsValue] : undefined;
}

type FixMap = { [key: string]: FixValue };

function isFixMap(v: FixValue): v is FixMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `<ARN>/*` in the style the ARN is written. */
function withObjects(v: FixValue): FixValue | undefined {
  if (typeof v === 'string') return `${v}/*`;
  if (!isFixMap(v)) return undefined;
  const sub = v['Fn::Sub'];
  if (typeof sub === 'string') return { 'Fn::Sub': `${sub}/*` };
  if (Array.isArray(sub) && typeof sub[0] === 'string') return { 'Fn::Sub': [`${sub[0]}/*`, ...sub.slice(1)] };
  const join = v['Fn::Join'];
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1])) return { 'Fn::Join': ['', [...join[1], '/*']] };
  const att = v['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string' && typeof att[1] === 'string') return { 'Fn::Sub': `\${${att[0]}.${att[1]}}/*` };
  if (typeof att === 'string') return { 'Fn::Sub': `\${${att}}/*` };
  return undefined;
}

/** The ARN without its `/*`, in the style it is written. */
function withoutObjects(v: FixValue): FixValue | undefined {
  const trim = (s: string): string | undefined => (s.endsWith('/*') ? s.slice(0, -2) : undefined);
  if (typeof v === 'string') return trim(v);
  if (!isFixMap(v)) return undefined;
  const sub = v['Fn::Sub'];
  if (typeof sub === 'string') {
    const t = trim(sub);
    if (t === undefined) return undefined;
    // `${Bucket.Arn}` alone is `!GetAtt Bucket.Arn`.
    const m = /^\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}$/.exec(t);
    return m ? { 'Fn::GetAtt': [m[1], m[2]] } : { 'Fn::Sub': t };
  }
  if (Array.isArray(sub) && typeof sub[0] === 'string') {
    const t = trim(sub[0]);
    return t === undefined ? undefined : { 'Fn::Sub': [t, ...sub.slice(1)] };
  }
  const join = v['Fn::Join'];
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1]) && join[1].length) {
    const items = join[1];
    const last = items[items.length - 1];
    if (last === '/*') return { 'Fn::Join': ['', items.slice(0, -1)] };
    if (typeof last === 'string' && last.endsWith('/*')) return { 'Fn::Join': ['', [...items.slice(0, -1), last.slice(0, -2)]] };
  }
  return undefined;
}

/** Both ARNs built from the policy's `Bucket`: `Fn::Sub` over its name, or `Fn::Join` around it. */
function builtArns(bucket: SNode, joins: boolean): [FixValue, FixValue] | undefined {
  const prefix = 'arn:${AWS::Partition}:s3:::';
  if (!joins) {
    const fn = intrinsicName(bucket);
    if (fn === 'Ref' && isMap(bucket)) {
      const name = scalarString(bucket.pairs[0].value);
      if (name) return [{ 'Fn::Sub': `${prefix}\${${name}}` }, { 'Fn::Sub': `${prefix}\${${name}}/*` }];
    }
    if (fn === undefined && isScalar(bucket) && typeof bucket.value === 'string' && !bucket.value.includes('${')) {
      return [{ 'Fn::Sub': `${prefix}${bucket.value}` }, { 'Fn::Sub': `${prefix}${bucket.value}/*` }];
    }
    if (fn === 'Fn::Sub' && isMap(bucket)) {
      const arg = bucket.pairs[0].value;
      if (isScalar(arg) && typeof arg.value === 'string') return [{ 'Fn::Sub': `${prefix}${arg.value}` }, { 'Fn::Sub': `${prefix}${arg.value}/*` }];
      if (isSeq(arg) && isScalar(arg.items[0]) && typeof arg.items[0].value === 'string' && arg.items.length === 2) {
        const vars = toFixValue(arg.items[1]);
        return [{ 'Fn::Sub': [`${prefix}${arg.items[0].value}`, vars] }, { 'Fn::Sub': [`${prefix}${arg.items[0].value}/*`, vars] }];
      }
    }
  }
  const name = toFixValue(bucket);
  const head: FixValue[] = ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', name];
  return [{ 'Fn::Join': ['', head] }, { 'Fn::Join': ['', [...head, '/*']] }];
}

/** A fix value as a template node, to read it back as the template will. */
function fixNode(v: FixValue): SNode {
  if (Array.isArray(v)) return { kind: 'seq', start: 0, end: 0, items: v.map(fixNode) };
  if (isFixMap(v)) {
    return {
      kind: 'map',
      start: 0,
      end: 0,
      pairs: Object.entries(v).map(([k, x]) => ({ key: { kind: 'scalar', value: k, start: 0, end: 0 }, value: fixNode(x) })),
    };
  }
  return { kind: 'scalar', value: v, start: 0, end: 0 };
}

// ------------------------------------------------------------------ buckets without a policy

function checkBucketsWithoutPolicy(ctx: RuleContext, minimumTls: string): void {
  const policies = ctx.resources(BUCKET_POLICY);
  for (const bucket of ctx.resources(BUCKET)) {
    for (const view of ctx.views(bucket)) {
      if (entry(view.props, S3_WEBSITE_PROPERTY) !== undefined) continue;
      if (mayHavePolicy(ctx, bucket, view, policies)) continue;
      const name = policyName(ctx, bucket);
      ctx.report({
        path: view.path,
        target: 'key',
        severity: 'info',
        message:
          `No AWS::S3::BucketPolicy in this template names bucket ${bucket.id}, so nothing here refuses plain HTTP: S3 accepts HTTP ` +
          'as well as HTTPS. If its policy is managed elsewhere, make sure it denies requests where aws:SecureTransport is false; ' +
          'otherwise add a bucket policy with that Deny statement.',
        fixes: [addPolicyFix(bucket, name, minimumTls)],
        data: { bucket: bucket.id },
      });
    }
  }
}

/** Whether some bucket policy of the template names the bucket, or may name it (a name that cannot be known). */
function mayHavePolicy(ctx: RuleContext, bucket: ResourceInfo, view: ResourceView, policies: ResourceInfo[]): boolean {
  for (const policy of policies) {
    for (const pv of ctx.viewsIn(policy.id, view.scenario)) {
      const cx = exprContext(ctx, pv);
      const named = policyBucket(pv, cx).expr;
      if (namesBucket(named, bucket, { template: ctx.template, scenario: view.scenario }) !== 'no') return true;
    }
  }
  return false;
}

function policyName(ctx: RuleContext, bucket: ResourceInfo): string {
  let name = `${bucket.id}Policy`;
  for (let i = 2; ctx.template.resources.has(name); i++) name = `${bucket.id}Policy${i}`;
  return name;
}

/** Quick fix: a bucket policy with the deny statement(s), under the bucket's Condition. */
function addPolicyFix(bucket: ResourceInfo, name: string, minimumTls: string): Fix {
  const resource: FixValue = [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, { 'Fn::Sub': `\${${bucket.id}.Arn}/*` }];
  const statements: FixValue[] = [denyStatement(S3.sid, S3.fixAction, resource, 'Bool', SECURE_TRANSPORT_KEY, 'false')];
  if (minimumTls === '1.3') statements.push(denyStatement('DenyOutdatedTls', S3.fixAction, resource, 'NumericLessThan', S3_TLS_VERSION_KEY, 1.3));
  const definition: FixMap = { Type: BUCKET_POLICY };
  if (bucket.condition) definition.Condition = bucket.condition;
  definition.Properties = { Bucket: { Ref: bucket.id }, PolicyDocument: { Version: '2012-10-17', Statement: statements } };
  return {
    title: `Add bucket policy ${name} denying plain HTTP (a bucket has one policy: this replaces a policy set outside the template)`,
    intents: [{ kind: 'addResource', name, definition }],
    safe: false,
  };
}
