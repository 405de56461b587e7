import { efsTransitEncryption } from '../../../../rules/src/rules/efs/transit-encryption';
import { runRuleTests } from '../../../support/rule-tester';

/** An ECS task definition with one EFS volume whose configuration lines are `efs` (indented 10). */
const task = (efs: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: web
          Image: nginx
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
${efs}`;

const PARAMS = `Parameters:
  Transit:
    Type: String
    Default: ENABLED
    AllowedValues: [ENABLED, DISABLED]
Conditions:
  Encrypt: !Equals [!Ref AWS::Region, eu-west-1]
`;

/** A Batch job definition in JSON with the given `Properties`. */
const job = (properties: object): string =>
  JSON.stringify({ Resources: { ReportJob: { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', ...properties } } } }, null, 2);

const batchVolume = (efs: object): object => ({ Name: 'reports', EfsVolumeConfiguration: { FileSystemId: 'fs-87654321', ...efs } });

runRuleTests(efsTransitEncryption, {
  valid: [
    { name: 'ENABLED', code: task('            TransitEncryption: ENABLED\n') },
    {
      name: 'ENABLED from a parameter Default without AllowedValues',
      code: task('            TransitEncryption: !Ref Transit\n', 'Parameters:\n  Transit:\n    Type: String\n    Default: ENABLED\n'),
    },
    { name: 'ImportValue is unknown', code: task('            TransitEncryption: !ImportValue efs-transit\n') },
    { name: 'GetAtt is unknown', code: task('            TransitEncryption: !GetAtt Settings.Transit\n') },
    {
      name: 'EFS configuration not knowable',
      code: task('').replace(/EFSVolumeConfiguration:\n {12}FilesystemId: fs-12345678\n/, 'EFSVolumeConfiguration: !ImportValue shared-efs\n'),
    },
    {
      name: 'a volume without EFS (host volume)',
      code: task('').replace(/EFSVolumeConfiguration:\n {12}FilesystemId: fs-12345678\n/, 'Host:\n            SourcePath: /data\n'),
    },
    { name: 'task definition without volumes', code: `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: t\n` },
    {
      name: 'Fn::If: both branches ENABLED',
      code: task(
        '            TransitEncryption: !If [Encrypt, ENABLED, !Ref Transit]\n',
        PARAMS.replace('AllowedValues: [ENABLED, DISABLED]', 'AllowedValues: [ENABLED]'),
      ),
    },
    {
      name: 'JSON Batch: all four volume paths ENABLED',
      code: job({
        ContainerProperties: { Image: 'busybox', Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] },
        EcsProperties: { TaskProperties: [{ Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] }] },
        NodeProperties: {
          MainNode: 0,
          NumNodes: 1,
          NodeRangeProperties: [
            {
              TargetNodes: '0:',
              Container: { Image: 'busybox', Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] },
              EcsProperties: { TaskProperties: [{ Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] }] },
            },
          ],
        },
      }),
    },
    {
      name: 'JSON Batch: the ECS spelling EFSVolumeConfiguration is not a Batch property (unknown-property says so)',
      code: job({ ContainerProperties: { Image: 'busybox', Volumes: [{ Name: 'x', EFSVolumeConfiguration: { FileSystemId: 'fs-1' } }] } }),
    },
  ],
  invalid: [
    {
      name: 'absent: DISABLED by default, inserted',
      code: task(''),
      errors: [
        {
          path: ['Resources', 'WebTask', 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration'],
          line: 12,
          severity: 'warning',
          messageIncludes: "EFS volume 'shared' of task definition WebTask does not set TransitEncryption",
          fixes: 1,
        },
      ],
      output: task('            TransitEncryption: ENABLED\n'),
    },
    {
      name: 'DISABLED',
      code: task('            TransitEncryption: DISABLED\n'),
      errors: [{ path: ['Resources', 'WebTask', 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration', 'TransitEncryption'], line: 14, severity: 'warning' }],
      output: task('            TransitEncryption: ENABLED\n'),
    },
    {
      name: 'access point with DISABLED: error, the task definition is rejected',
      code: task('            TransitEncryption: DISABLED\n            AuthorizationConfig:\n              AccessPointId: !Ref AccessPoint\n'),
      errors: [{ line: 14, severity: 'error', messageIncludes: 'access point' }],
      output: task('            TransitEncryption: ENABLED\n            AuthorizationConfig:\n              AccessPointId: !Ref AccessPoint\n'),
    },
    {
      name: 'IAM authorization without TransitEncryption: error',
      code: task('            AuthorizationConfig:\n              IAM: ENABLED\n'),
      errors: [
        { path: ['Resources', 'WebTask', 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration'], severity: 'error', messageIncludes: 'EFS IAM authorization' },
      ],
      output: task('            AuthorizationConfig:\n              IAM: ENABLED\n            TransitEncryption: ENABLED\n'),
    },
    {
      name: 'IAM DISABLED is no requirement: warning',
      code: task('            AuthorizationConfig:\n              IAM: DISABLED\n'),
      errors: [{ severity: 'warning' }],
    },
    {
      name: 'NoValue makes it absent',
      code: task('            TransitEncryption: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'WebTask', 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration'], line: 12 }],
    },
    {
      name: 'Fn::If branch DISABLED',
      code: task('            TransitEncryption: !If [Encrypt, ENABLED, DISABLED]\n', PARAMS),
      errors: [{ path: ['Resources', 'WebTask', 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration', 'TransitEncryption', 'Fn::If', 2], line: 21 }],
      output: task('            TransitEncryption: !If [Encrypt, ENABLED, ENABLED]\n', PARAMS),
    },
    {
      name: 'parameter AllowedValues entry DISABLED: related information, the fix edits the parameter',
      code: task('            TransitEncryption: !Ref Transit\n', PARAMS),
      errors: [{ path: ['Resources', 'WebTask', 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration', 'TransitEncryption'], related: 1 }],
      output: task('            TransitEncryption: !Ref Transit\n', PARAMS.replace('AllowedValues: [ENABLED, DISABLED]', 'AllowedValues: [ENABLED, ENABLED]')),
    },
    {
      name: 'JSON Batch: every volume path is checked, with the Batch spelling',
      code: job({
        ContainerProperties: { Image: 'busybox', Volumes: [batchVolume({})] },
        EcsProperties: { TaskProperties: [{ Volumes: [batchVolume({ TransitEncryption: 'DISABLED' })] }] },
        NodeProperties: {
          MainNode: 0,
          NumNodes: 1,
          NodeRangeProperties: [
            {
              TargetNodes: '0:',
              Container: { Image: 'busybox', Volumes: [batchVolume({ AuthorizationConfig: { Iam: 'ENABLED' } })] },
              EcsProperties: { TaskProperties: [{ Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] }] },
            },
          ],
        },
      }),
      errors: [
        {
          path: ['Resources', 'ReportJob', 'Properties', 'ContainerProperties', 'Volumes', 0, 'EfsVolumeConfiguration'],
          severity: 'warning',
          messageIncludes: 'job definition ReportJob',
        },
        { path: ['Resources', 'ReportJob', 'Properties', 'EcsProperties', 'TaskProperties', 0, 'Volumes', 0, 'EfsVolumeConfiguration', 'TransitEncryption'] },
        {
          path: ['Resources', 'ReportJob', 'Properties', 'NodeProperties', 'NodeRangeProperties', 0, 'Container', 'Volumes', 0, 'EfsVolumeConfiguration'],
          severity: 'error',
          messageIncludes: 'AWS Batch rejects the job definition',
        },
      ],
      output: job({
        ContainerProperties: { Image: 'busybox', Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] },
        EcsProperties: { TaskProperties: [{ Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] }] },
        NodeProperties: {
          MainNode: 0,
          NumNodes: 1,
          NodeRangeProperties: [
            {
              TargetNodes: '0:',
              Container: { Image: 'busybox', Volumes: [batchVolume({ AuthorizationConfig: { Iam: 'ENABLED' }, TransitEncryption: 'ENABLED' })] },
              EcsProperties: { TaskProperties: [{ Volumes: [batchVolume({ TransitEncryption: 'ENABLED' })] }] },
            },
          ],
        },
      }),
    },
  ],
});
