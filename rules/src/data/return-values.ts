/**
 * What `Ref` and `Fn::GetAtt` return for resources whose strings rules compare (CloudFormation
 * "Return values" of each resource type), so that an ARN written through intrinsics
 * (`!GetAtt Bucket.Arn`, `!Sub arn:${AWS::Partition}:s3:::${Bucket}`) reads as one string
 * (model/string-expr.ts).
 */

/**
 * Attribute -> the string it returns, as a `Fn::Sub` template over `${Ref}` (the resource's `Ref`)
 * and `${AWS::Partition}`. An attribute not listed stays a name of its own (`Queue.Arn`).
 */
export const RESOURCE_RETURN_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.freeze({
  // Ref: the bucket name.
  'AWS::S3::Bucket': { Arn: 'arn:${AWS::Partition}:s3:::${Ref}' },
  // Ref: the topic ARN.
  'AWS::SNS::Topic': { TopicArn: '${Ref}' },
  // Ref: the queue URL; Arn is its own attribute.
  'AWS::SQS::Queue': {},
});
