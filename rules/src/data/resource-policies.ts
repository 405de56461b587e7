/**
 * Resource policies that must refuse plain HTTP (`s3-secure-transport`, `sns-secure-transport`,
 * `sqs-secure-transport`): what the deny statement AWS documents looks like for each service.
 *
 * Sources:
 * - S3: AWS Knowledge Center "s3-bucket-policy-for-config-rule" (Deny, Principal "*", Action `s3:*`,
 *   the bucket ARN and `<bucket ARN>/*`, `Bool aws:SecureTransport "false"`); "s3-enforce-modern-tls"
 *   (`NumericLessThan s3:TlsVersion`); S3 user guide UsingEncryptionInTransit (S3 accepts HTTP, and
 *   only TLS 1.2 and 1.3 on HTTPS).
 * - SNS: developer guide sns-security-best-practices#enforce-encryption-data-in-transit (Sid
 *   `AllowPublishThroughSSLOnly`, Deny `SNS:Publish` to "*" when `aws:SecureTransport` is "false");
 *   sns-server-side-encryption ("All requests to topics with SSE enabled must use HTTPS").
 * - SQS: sqs-server-side-encryption ("All requests to queues with SSE enabled must use HTTPS and
 *   Signature Version 4"); the statement shape is the SNS one with `sqs:*` (cdk-nag SQS4).
 */

export type SecureTransportService = 's3' | 'sns' | 'sqs';

export interface SecureTransportPolicy {
  /** The policy resource type and the property naming what it protects. */
  policyType: string;
  targetsProperty: string;
  /** The protected resource type. */
  resourceType: string;
  /** The action a deny must cover (case-insensitive, IAM wildcards in the written actions). */
  action: string;
  /** What the fix writes as `Action`. */
  fixAction: string;
  /** `Sid` of the statement the fix inserts (made unique in the document). */
  sid: string;
  /** What a refused request is, for messages. */
  requests: string;
}

export const SECURE_TRANSPORT_POLICIES: Readonly<Record<SecureTransportService, SecureTransportPolicy>> = Object.freeze({
  s3: {
    policyType: 'AWS::S3::BucketPolicy',
    targetsProperty: 'Bucket',
    resourceType: 'AWS::S3::Bucket',
    action: 's3:*',
    fixAction: 's3:*',
    sid: 'DenyInsecureTransport',
    requests: 'requests to the bucket and its objects',
  },
  sns: {
    policyType: 'AWS::SNS::TopicPolicy',
    targetsProperty: 'Topics',
    resourceType: 'AWS::SNS::Topic',
    action: 'sns:Publish',
    fixAction: 'sns:Publish',
    sid: 'AllowPublishThroughSSLOnly',
    requests: 'Publish requests',
  },
  sqs: {
    policyType: 'AWS::SQS::QueuePolicy',
    targetsProperty: 'Queues',
    resourceType: 'AWS::SQS::Queue',
    action: 'sqs:*',
    fixAction: 'sqs:*',
    sid: 'DenyInsecureTransport',
    requests: 'requests to the queue',
  },
});

/** The condition that singles out plain HTTP: `Bool` (or `BoolIfExists`) `aws:SecureTransport` false. */
export const SECURE_TRANSPORT_KEY = 'aws:SecureTransport';
export const SECURE_TRANSPORT_OPERATORS: readonly string[] = Object.freeze(['Bool', 'BoolIfExists']);

/** The condition that singles out old TLS on S3: `NumericLessThan` `s3:TlsVersion`. */
export const S3_TLS_VERSION_KEY = 's3:TlsVersion';
export const S3_TLS_VERSION_OPERATORS: readonly string[] = Object.freeze(['NumericLessThan', 'NumericLessThanIfExists']);

/**
 * The TLS versions S3 accepts on HTTPS: "Amazon S3 supports TLS 1.2 and TLS 1.3 for HTTPS
 * connections across all API endpoints" (UsingEncryptionInTransit). TLS 1.3 is not offered on
 * AWS PrivateLink for Amazon S3 and Multi-Region Access Points (same page).
 */
export const S3_TLS_FLOOR = '1.2';

/** `s3-secure-transport` option `minimumTls`: 1.2 is S3's own floor, 1.3 asks for a TlsVersion deny. */
export const S3_MINIMUM_TLS_VALUES: readonly string[] = Object.freeze(['1.2', '1.3']);

/** Bucket properties that make S3 serve the bucket over HTTP on purpose (website endpoints have no HTTPS). */
export const S3_WEBSITE_PROPERTY = 'WebsiteConfiguration';
