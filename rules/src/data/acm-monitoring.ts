/**
 * What counts as watching ACM activity: auditing certificate creation and alarming on certificate
 * API calls (docs/rules/acm-activity-unmonitored.md; docs/sources.md §12).
 * Sources: EventBridge delivers ACM events with `source: aws.acm` and CloudTrail API calls
 * with `detail.eventSource: acm.amazonaws.com`; ACM publishes the CloudWatch metric
 * `DaysToExpiry` in the `AWS/CertificateManager` namespace.
 */

/** EventBridge `source` of ACM events. */
export const ACM_EVENT_SOURCE = 'aws.acm';

/** CloudTrail `eventSource` of ACM API calls. */
export const ACM_CLOUDTRAIL_EVENT_SOURCE = 'acm.amazonaws.com';

/** CloudWatch namespace of ACM metrics. */
export const ACM_METRIC_NAMESPACE = 'AWS/CertificateManager';

/** ACM API calls that change the certificate inventory (CloudTrail `eventName`). */
export const ACM_API_CALLS: readonly string[] = Object.freeze([
  'RequestCertificate',
  'ImportCertificate',
  'DeleteCertificate',
  'ExportCertificate',
  'RenewCertificate',
  'RevokeCertificate',
  'UpdateCertificateOptions',
]);

export const EVENTS_RULE = 'AWS::Events::Rule';
export const CLOUDWATCH_ALARM = 'AWS::CloudWatch::Alarm';
export const LOGS_METRIC_FILTER = 'AWS::Logs::MetricFilter';
