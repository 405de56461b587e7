import { redshiftRequireSsl } from '../../../../rules/src/rules/redshift/require-ssl';
import { runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  RequireSsl:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
`;

/** A cluster parameter group `Params` (its Properties lines after the description) and a cluster `Warehouse`. */
const template = (group: string, cluster: string): string => `${HEAD}  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: warehouse settings
${group}
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.large
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
${cluster}
`;

const workgroup = (config: string): string => `${HEAD}  Workgroup:
    Type: AWS::RedshiftServerless::Workgroup
    Properties:
      WorkgroupName: analytics
      NamespaceName: analytics
${config}
`;

const json = (resources: Record<string, unknown>): string => JSON.stringify({ Resources: resources }, null, 2);

runRuleTests(redshiftRequireSsl, {
  valid: [
    {
      name: 'redshift-1.0 group with require_ssl true, used by the cluster',
      code: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: 'true'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'redshift-2.0 group that leaves require_ssl out: true by default',
      code: template(
        "      ParameterGroupFamily: redshift-2.0\n      Parameters:\n        - ParameterName: enable_user_activity_logging\n          ParameterValue: 'true'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'cluster without a parameter group: default.redshift-2.0 requires SSL',
      code: template('      ParameterGroupFamily: redshift-1.0', ''),
    },
    {
      name: 'cluster with a group from outside the template',
      code: template('      ParameterGroupFamily: redshift-1.0', '      ClusterParameterGroupName: shared-warehouse-params'),
    },
    {
      name: 'require_ssl value from ImportValue is unknown',
      code: template(
        '      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: !ImportValue require-ssl',
        '      ClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'a parameter name that is not knowable: the group may set require_ssl',
      code: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: !ImportValue parameter-name\n          ParameterValue: 'true'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'family not knowable',
      code: template('      ParameterGroupFamily: !ImportValue family', '      ClusterParameterGroupName: !Ref Params'),
    },
    {
      name: 'Serverless workgroup with require_ssl true',
      code: workgroup("      ConfigParameters:\n        - ParameterKey: require_ssl\n          ParameterValue: 'true'"),
    },
    {
      name: 'Serverless workgroup without require_ssl',
      code: workgroup("      ConfigParameters:\n        - ParameterKey: max_query_execution_time\n          ParameterValue: '3600'"),
    },
    {
      name: 'Fn::If with require_ssl true on both branches',
      code: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: !If [Legacy, 'true', 'TRUE']",
        '',
      ),
    },
    {
      name: 'JSON group with require_ssl true',
      code: json({
        Params: {
          Type: 'AWS::Redshift::ClusterParameterGroup',
          Properties: { Description: 'd', ParameterGroupFamily: 'redshift-1.0', Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true' }] },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'require_ssl false: on the value, fixed',
      code: template(
        "      ParameterGroupFamily: redshift-2.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: 'false'",
        '',
      ),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 0, 'ParameterValue'], line: 17, severity: 'warning', fixes: 1 }],
      output: template(
        "      ParameterGroupFamily: redshift-2.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: 'true'",
        '',
      ),
    },
    {
      name: 'require_ssl written as a YAML boolean false',
      code: template('      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: REQUIRE_SSL\n          ParameterValue: false', ''),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 0, 'ParameterValue'] }],
      output: template('      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: REQUIRE_SSL\n          ParameterValue: true', ''),
    },
    {
      name: 'Fn::If branch false',
      code: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: !If [Legacy, 'false', 'true']",
        '',
      ),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 0, 'ParameterValue', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      output: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: !If [Legacy, 'true', 'true']",
        '',
      ),
    },
    {
      name: 'parameter AllowedValues: related information, the fix edits the parameter',
      code: template(
        '      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: !Ref RequireSsl',
        '',
      ),
      errors: [{ relatedPaths: [['Parameters', 'RequireSsl', 'AllowedValues', 1]] }],
      output: template(
        '      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: !Ref RequireSsl',
        '',
      ).replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true', 'true']"),
    },
    {
      name: 'redshift-1.0 group used by the cluster without require_ssl: on the cluster, the item is appended',
      code: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: enable_user_activity_logging\n          ParameterValue: 'true'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
      errors: [
        {
          path: ['Resources', 'Warehouse', 'Properties', 'ClusterParameterGroupName'],
          line: 26,
          relatedPaths: [['Resources', 'Params', 'Properties', 'Parameters']],
          messageIncludes: "family 'redshift-1.0'",
        },
      ],
      output: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: enable_user_activity_logging\n          ParameterValue: 'true'\n        - ParameterName: require_ssl\n          ParameterValue: 'true'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'redshift-1.0 group without Parameters: the list is inserted',
      code: template('      ParameterGroupFamily: redshift-1.0', '      ClusterParameterGroupName: !Ref Params'),
      errors: [{ path: ['Resources', 'Warehouse', 'Properties', 'ClusterParameterGroupName'] }],
      output: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: 'true'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'AWS::NoValue item leaves require_ssl out',
      code: template(
        "      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - !Ref AWS::NoValue\n        - ParameterName: statement_timeout\n          ParameterValue: '0'",
        '      ClusterParameterGroupName: !Ref Params',
      ),
      errors: [{ path: ['Resources', 'Warehouse', 'Properties', 'ClusterParameterGroupName'] }],
    },
    {
      name: 'the default.redshift-1.0 group named: info, no fix',
      code: template('      ParameterGroupFamily: redshift-1.0', '      ClusterParameterGroupName: default.redshift-1.0'),
      errors: [{ path: ['Resources', 'Warehouse', 'Properties', 'ClusterParameterGroupName'], severity: 'info', fixes: 0 }],
    },
    {
      name: 'Serverless workgroup with require_ssl false',
      code: workgroup("      ConfigParameters:\n        - ParameterKey: require_ssl\n          ParameterValue: 'false'"),
      errors: [{ path: ['Resources', 'Workgroup', 'Properties', 'ConfigParameters', 0, 'ParameterValue'], messageIncludes: 'the workgroup' }],
      output: workgroup("      ConfigParameters:\n        - ParameterKey: require_ssl\n          ParameterValue: 'true'"),
    },
    {
      name: 'JSON group with require_ssl false',
      code: json({
        Params: {
          Type: 'AWS::Redshift::ClusterParameterGroup',
          Properties: { Description: 'd', ParameterGroupFamily: 'redshift-1.0', Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'false' }] },
        },
      }),
      errors: [{ line: 11 }],
      output: json({
        Params: {
          Type: 'AWS::Redshift::ClusterParameterGroup',
          Properties: { Description: 'd', ParameterGroupFamily: 'redshift-1.0', Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true' }] },
        },
      }),
    },
  ],
});
