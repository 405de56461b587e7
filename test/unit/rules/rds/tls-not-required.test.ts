import { rdsTlsNotRequired } from '../../../../rules/src/rules/rds/tls-not-required';
import { runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ForceSsl:
    Type: String
    Default: '1'
    AllowedValues: ['1', '0']
  Family:
    Type: String
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
`;

/** A DB parameter group `Params` (its Properties lines) and a DB instance `Database` (its Properties lines). */
const instance = (group: string, db: string, groupType = 'AWS::RDS::DBParameterGroup'): string =>
  `${HEAD}  Params:
    Type: ${groupType}
    Properties:
      Description: application settings
${group}
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: '20'
${db}
`;

/** A DB cluster parameter group `Params` and a DB cluster `Cluster`. */
const cluster = (group: string, db: string): string =>
  `${HEAD}  Params:
    Type: AWS::RDS::DBClusterParameterGroup
    Properties:
      Description: cluster settings
${group}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      MasterUsername: admin
      ManageMasterUserPassword: true
${db}
`;

const json = (resources: Record<string, unknown>): string => JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2);

const GROUP = (type: string, props: Record<string, unknown>) => ({ Type: type, Properties: { Description: 'settings', ...props } });

runRuleTests(rdsTlsNotRequired, {
  valid: [
    {
      name: 'PostgreSQL 14 group with rds.force_ssl 1, used by the instance',
      code: instance(
        "      Family: postgres14\n      Parameters:\n        rds.force_ssl: '1'",
        '      Engine: postgres\n      EngineVersion: "14.7"\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'PostgreSQL 16 on the default group: TLS is required by default',
      code: instance('      Family: postgres16', '      Engine: postgres\n      EngineVersion: "16.3"'),
    },
    {
      name: 'PostgreSQL without a version: the default version requires TLS',
      code: instance('      Family: postgres16', '      Engine: postgres'),
    },
    {
      name: 'PostgreSQL 15 group that does not set rds.force_ssl: its default is 1',
      code: instance(
        '      Family: postgres15\n      Parameters:\n        work_mem: "4096"',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'MySQL 8.0 group with require_secure_transport 1',
      code: instance(
        "      Family: mysql8.0\n      Parameters:\n        require_secure_transport: '1'",
        '      Engine: mysql\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'MySQL 9.7 requires TLS by default',
      code: instance('      Family: mysql9.7', '      Engine: mysql\n      EngineVersion: "9.7.0"\n      DBParameterGroupName: !Ref Params'),
    },
    {
      name: 'MariaDB 11.8 requires TLS by default',
      code: instance('      Family: mariadb11.8', '      Engine: mariadb\n      EngineVersion: "11.8.2"'),
    },
    {
      name: 'MariaDB 10.4 has no require_secure_transport: not reported',
      code: instance('      Family: mariadb10.4', '      Engine: mariadb\n      EngineVersion: "10.4.34"\n      DBParameterGroupName: !Ref Params'),
    },
    {
      name: 'MariaDB without a version on the default group: the default version is not knowable',
      code: instance('      Family: mariadb10.11', '      Engine: mariadb'),
    },
    {
      name: 'Oracle is out of scope',
      code: instance(
        '      Family: oracle-ee-19',
        '      Engine: oracle-ee\n      LicenseModel: bring-your-own-license\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'parameter value from ImportValue is unknown',
      code: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: !ImportValue shared-force-ssl',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'Parameters from GetAtt are unknown',
      code: instance('      Family: mysql8.0\n      Parameters: !GetAtt Settings.Parameters', '      Engine: mysql\n      DBParameterGroupName: !Ref Params'),
    },
    {
      name: 'a group from outside the template is unknown',
      code: instance('      Family: mysql8.0', '      Engine: mysql\n      DBParameterGroupName: shared-mysql-tls'),
    },
    {
      name: 'a group name from ImportValue is unknown',
      code: instance('      Family: mysql8.0', '      Engine: mysql\n      DBParameterGroupName: !ImportValue shared-group'),
    },
    {
      name: 'engine from a parameter without values is unknown',
      code: instance('      Family: !Ref Family', '      Engine: !Ref Family'),
    },
    {
      name: 'Aurora instance: the cluster parameter group decides',
      code: cluster(
        '      Family: aurora-mysql8.0\n      Parameters:\n        require_secure_transport: "ON"',
        '      Engine: aurora-mysql\n      DBClusterParameterGroupName: !Ref Params',
      ).replace(
        'Resources:\n',
        'Resources:\n  Writer:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-mysql\n      DBClusterIdentifier: !Ref Cluster\n      DBInstanceClass: db.r6g.large\n',
      ),
    },
    {
      name: 'Aurora MySQL 1 (engine aurora) has no require_secure_transport',
      code: cluster('      Family: aurora5.6', '      Engine: aurora\n      DBClusterParameterGroupName: !Ref Params'),
    },
    {
      name: 'RDS for MySQL 8.0 group with on: Fn::If both branches on',
      code: instance(
        "      Family: mysql8.0\n      Parameters:\n        require_secure_transport: !If [Legacy, 'ON', '1']",
        '      Engine: mysql\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'JSON PostgreSQL 13 group requiring TLS',
      code: json({
        Params: GROUP('AWS::RDS::DBParameterGroup', { Family: 'postgres13', Parameters: { 'rds.force_ssl': '1' } }),
        Database: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { Engine: 'postgres', EngineVersion: '13.15', DBInstanceClass: 'db.t4g.micro', DBParameterGroupName: { Ref: 'Params' } },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'PostgreSQL 14 group with rds.force_ssl 0 (number): on the value, fixed to 1',
      code: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: 0',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
      errors: [
        {
          path: ['Resources', 'Params', 'Properties', 'Parameters', 'rds.force_ssl'],
          line: 18,
          severity: 'warning',
          fixes: 1,
          messageIncludes: "rds.force_ssl is '0'",
        },
      ],
      output: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: 1',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'PostgreSQL 15 group turning off the default: the message says so',
      code: instance("      Family: postgres15\n      Parameters:\n        rds.force_ssl: '0'", '      Engine: postgres'),
      errors: [{ messageIncludes: '15 and later require TLS by default' }],
      output: instance("      Family: postgres15\n      Parameters:\n        rds.force_ssl: '1'", '      Engine: postgres'),
    },
    {
      name: 'Aurora MySQL cluster group with OFF: fixed to ON',
      code: cluster(
        "      Family: aurora-mysql8.0\n      Parameters:\n        require_secure_transport: 'OFF'",
        '      Engine: aurora-mysql\n      DBClusterParameterGroupName: !Ref Params',
      ),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'require_secure_transport'] }],
      output: cluster(
        "      Family: aurora-mysql8.0\n      Parameters:\n        require_secure_transport: 'ON'",
        '      Engine: aurora-mysql\n      DBClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'unquoted YAML OFF (a boolean) is off too',
      code: cluster('      Family: aurora-mysql8.4\n      Parameters:\n        require_secure_transport: OFF', '      Engine: aurora-mysql'),
      errors: [{ messageIncludes: 'Aurora MySQL 8.4 and later require TLS by default' }],
      output: cluster("      Family: aurora-mysql8.4\n      Parameters:\n        require_secure_transport: 'ON'", '      Engine: aurora-mysql'),
    },
    {
      name: 'family not knowable: an off rds.force_ssl is still reported',
      code: instance('      Family: !Ref Family\n      Parameters:\n        rds.force_ssl: "0"', '      Engine: postgres'),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'rds.force_ssl'] }],
      output: instance('      Family: !Ref Family\n      Parameters:\n        rds.force_ssl: "1"', '      Engine: postgres'),
    },
    {
      name: 'MySQL 8.0 group that leaves require_secure_transport out: on the instance, the fix inserts it into the group',
      code: instance(
        '      Family: mysql8.0\n      Parameters:\n        max_connections: "200"',
        '      Engine: mysql\n      EngineVersion: "8.0.39"\n      DBParameterGroupName: !Ref Params',
      ),
      errors: [
        {
          path: ['Resources', 'Database', 'Properties', 'DBParameterGroupName'],
          line: 26,
          severity: 'warning',
          relatedPaths: [['Resources', 'Params', 'Properties', 'Parameters']],
          messageIncludes: 'RDS for MySQL 8.0',
        },
      ],
      output: instance(
        '      Family: mysql8.0\n      Parameters:\n        max_connections: "200"\n        require_secure_transport: "1"',
        '      Engine: mysql\n      EngineVersion: "8.0.39"\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'group without Parameters: the fix inserts the map',
      code: instance('      Family: postgres14', '      Engine: postgres\n      DBParameterGroupName: !Ref Params'),
      errors: [{ path: ['Resources', 'Database', 'Properties', 'DBParameterGroupName'], relatedPaths: [['Resources', 'Params', 'Properties']] }],
      output: instance(
        "      Family: postgres14\n      Parameters:\n        rds.force_ssl: '1'",
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'family not knowable: the instance engine decides',
      code: instance(
        '      Family: !Ref Family',
        '      Engine: sqlserver-se\n      EngineVersion: 15.00.4335.1.v1\n      LicenseModel: license-included\n      DBParameterGroupName: !Ref Params',
      ),
      errors: [{ messageIncludes: 'RDS for SQL Server 15.0.4335.1' }],
    },
    {
      name: 'AWS::NoValue makes the parameter absent',
      code: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: !Ref AWS::NoValue\n        work_mem: "4096"',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
      errors: [{ path: ['Resources', 'Database', 'Properties', 'DBParameterGroupName'] }],
    },
    {
      name: 'no parameter group on MySQL: info on Properties, no fix',
      code: instance('      Family: mysql8.0', '      Engine: mysql\n      EngineVersion: "8.4.3"'),
      errors: [{ path: ['Resources', 'Database', 'Properties'], line: 19, severity: 'info', fixes: 0, messageIncludes: 'default parameter group' }],
    },
    {
      name: 'a default. group name: info on the value',
      code: instance('      Family: mysql8.0', '      Engine: mysql\n      DBParameterGroupName: default.mysql8.0'),
      errors: [{ path: ['Resources', 'Database', 'Properties', 'DBParameterGroupName'], severity: 'info' }],
    },
    {
      name: 'PostgreSQL 14 without a group: info',
      code: instance('      Family: postgres14', '      Engine: postgres\n      EngineVersion: "14.12"'),
      errors: [{ severity: 'info', messageIncludes: 'RDS for PostgreSQL 14.12' }],
    },
    {
      name: 'Fn::If branch of the value: on the branch, fixed there',
      code: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: !If [Legacy, 0, 1]',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'rds.force_ssl', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      output: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: !If [Legacy, 1, 1]',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'AllowedValues entry of a parameter: related information, the fix edits the parameter',
      code: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: !Ref ForceSsl',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'rds.force_ssl'], relatedPaths: [['Parameters', 'ForceSsl', 'AllowedValues', 1]] }],
      output: instance(
        '      Family: postgres14\n      Parameters:\n        rds.force_ssl: !Ref ForceSsl',
        '      Engine: postgres\n      DBParameterGroupName: !Ref Params',
      ).replace("AllowedValues: ['1', '0']", "AllowedValues: ['1', '1']"),
    },
    {
      name: 'Fn::If on the group name: the group on one branch, the default group on the other',
      code: instance('      Family: mysql8.0', '      Engine: mysql\n      DBParameterGroupName: !If [Legacy, !Ref Params, !Ref AWS::NoValue]'),
      errors: [
        { path: ['Resources', 'Database', 'Properties'], severity: 'info' },
        { path: ['Resources', 'Database', 'Properties', 'DBParameterGroupName', 'Fn::If', 1], severity: 'warning', messageIncludes: 'when Legacy is true' },
      ],
    },
    {
      name: 'Aurora PostgreSQL cluster group without rds.force_ssl',
      code: cluster(
        '      Family: aurora-postgresql16\n      Parameters:\n        timezone: UTC',
        '      Engine: aurora-postgresql\n      DBClusterParameterGroupName: !Ref Params',
      ),
      errors: [{ path: ['Resources', 'Cluster', 'Properties', 'DBClusterParameterGroupName'], messageIncludes: 'DB cluster' }],
      output: cluster(
        "      Family: aurora-postgresql16\n      Parameters:\n        timezone: UTC\n        rds.force_ssl: '1'",
        '      Engine: aurora-postgresql\n      DBClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'Aurora MySQL 3 cluster group without require_secure_transport: ON is inserted',
      code: cluster(
        '      Family: aurora-mysql8.0\n      Parameters:\n        time_zone: UTC',
        '      Engine: aurora-mysql\n      DBClusterParameterGroupName: !Ref Params',
      ),
      errors: [{ messageIncludes: "'ON'" }],
      output: cluster(
        "      Family: aurora-mysql8.0\n      Parameters:\n        time_zone: UTC\n        require_secure_transport: 'ON'",
        '      Engine: aurora-mysql\n      DBClusterParameterGroupName: !Ref Params',
      ),
    },
    {
      name: 'JSON: an off value and an instance on the default group',
      code: json({
        Params: GROUP('AWS::RDS::DBParameterGroup', { Family: 'mariadb10.6', Parameters: { require_secure_transport: '0' } }),
        Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mariadb', EngineVersion: '10.6.18', DBInstanceClass: 'db.t4g.micro' } },
      }),
      errors: [
        { path: ['Resources', 'Params', 'Properties', 'Parameters', 'require_secure_transport'], line: 10, severity: 'warning' },
        { path: ['Resources', 'Database', 'Properties'], severity: 'info' },
      ],
    },
    {
      name: 'JSON: a group missing the parameter gets it inserted',
      code: json({
        Params: GROUP('AWS::RDS::DBParameterGroup', { Family: 'postgres13', Parameters: { work_mem: '4096' } }),
        Database: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', DBParameterGroupName: { Ref: 'Params' } },
        },
      }),
      errors: [{ path: ['Resources', 'Database', 'Properties', 'DBParameterGroupName'] }],
      output: json({
        Params: GROUP('AWS::RDS::DBParameterGroup', { Family: 'postgres13', Parameters: { work_mem: '4096', 'rds.force_ssl': '1' } }),
        Database: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', DBParameterGroupName: { Ref: 'Params' } },
        },
      }),
    },
  ],
});
