/** Template builders for the Beanstalk rule tests. */

/** One YAML `OptionSettings` item. */
export const opt = (namespace: string, name: string, value: string): string =>
  `        - Namespace: ${namespace}\n          OptionName: ${name}\n          Value: ${value}`;

export const LB_TYPE = (type: string): string => opt('aws:elasticbeanstalk:environment', 'LoadBalancerType', type);

export interface EnvOptions {
  type?: 'Environment' | 'ConfigurationTemplate';
  /** Extra properties (indented 6), written before OptionSettings. */
  props?: string;
  /** Sections before Resources (Parameters, Conditions). */
  head?: string;
  /** More resources after this one. */
  more?: string;
  id?: string;
}

/** A Beanstalk resource with these option items, followed by an Outputs section. */
export function env(options: string[], o: EnvOptions = {}): string {
  const id = o.id ?? 'Env';
  return `AWSTemplateFormatVersion: '2010-09-09'
${o.head ?? ''}Resources:
  ${id}:
    Type: AWS::ElasticBeanstalk::${o.type ?? 'Environment'}
    Properties:
      ApplicationName: app
      SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
${o.props ?? ''}${options.length ? `      OptionSettings:\n${options.join('\n')}\n` : ''}${o.more ?? ''}Outputs:
  Name:
    Value: !Ref ${id}
`;
}

/** The same in JSON (long-form intrinsics). */
export function envJson(options: [string, string, unknown][], type = 'Environment'): string {
  return (
    JSON.stringify(
      {
        Resources: {
          Env: {
            Type: `AWS::ElasticBeanstalk::${type}`,
            Properties: { ApplicationName: 'app', OptionSettings: options.map(([Namespace, OptionName, Value]) => ({ Namespace, OptionName, Value })) },
          },
        },
      },
      null,
      2,
    ) + '\n'
  );
}
