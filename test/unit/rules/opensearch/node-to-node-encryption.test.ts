import { strict as assert } from 'assert';
import { opensearchNodeToNodeEncryption } from '../../../../rules/src/rules/opensearch/node-to-node-encryption';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const domain = (props: string, type = 'AWS::OpenSearchService::Domain'): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  NodeToNode:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
  Version:
    Type: String
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  SearchDomain:
    Type: ${type}
    Properties:
      DomainName: catalog-search
${props}`;

const json = (type: string, props: Record<string, unknown>): string =>
  JSON.stringify({ Resources: { SearchDomain: { Type: type, Properties: { DomainName: 'catalog-search', ...props } } } }, null, 2);

const ES = 'AWS::Elasticsearch::Domain';

runRuleTests(opensearchNodeToNodeEncryption, {
  valid: [
    { name: 'Enabled true', code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n') },
    { name: "Enabled 'true' string", code: domain("      NodeToNodeEncryptionOptions:\n        Enabled: 'true'\n") },
    { name: 'Elasticsearch 5.6 has no node-to-node encryption', code: domain('      ElasticsearchVersion: 5.6\n', ES) },
    { name: 'Elasticsearch domain without a version (1.5) has none', code: domain('      ElasticsearchClusterConfig:\n        InstanceCount: 2\n', ES) },
    { name: 'OpenSearchService domain with Elasticsearch_5.6', code: domain('      EngineVersion: Elasticsearch_5.6\n') },
    { name: 'EngineVersion from a parameter without values is unknown', code: domain('      EngineVersion: !Ref Version\n') },
    { name: 'Enabled from ImportValue is unknown', code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !ImportValue n2n\n') },
    { name: 'options from GetAtt are unknown', code: domain('      NodeToNodeEncryptionOptions: !GetAtt Settings.NodeToNode\n') },
    { name: 'Fn::If with true on both branches', code: domain("      NodeToNodeEncryptionOptions:\n        Enabled: !If [Legacy, true, 'true']\n") },
    {
      name: 'Properties from ImportValue are unknown',
      code: 'Resources:\n  SearchDomain:\n    Type: AWS::OpenSearchService::Domain\n    Properties: !ImportValue domain-properties\n',
    },
    {
      name: 'JSON Enabled true',
      code: json('AWS::OpenSearchService::Domain', { EngineVersion: 'OpenSearch_2.11', NodeToNodeEncryptionOptions: { Enabled: true } }),
    },
  ],
  invalid: [
    {
      name: 'no options: on Properties, quick fix inserts them',
      code: domain('      EngineVersion: OpenSearch_2.11\n'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties'], line: 14, severity: 'warning', fixes: 1, messageIncludes: 'not set' }],
      quickFixOutput: domain('      EngineVersion: OpenSearch_2.11\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n'),
    },
    {
      name: 'OpenSearch without a version (the latest)',
      code: domain('      EngineVersion: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties'] }],
    },
    {
      name: 'options without Enabled: on the options key',
      code: domain('      NodeToNodeEncryptionOptions: {}\n'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'NodeToNodeEncryptionOptions'], line: 16, fixes: 1 }],
    },
    {
      name: 'Enabled AWS::NoValue: on the options key',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'NodeToNodeEncryptionOptions'] }],
    },
    {
      name: 'Enabled false: on the value',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: false\n'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'NodeToNodeEncryptionOptions', 'Enabled'], line: 17, fixes: 1 }],
      quickFixOutput: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n'),
    },
    {
      name: 'Elasticsearch 7.10 domain (unquoted version reads as 7.1)',
      code: domain('      ElasticsearchVersion: 7.10\n      NodeToNodeEncryptionOptions:\n        Enabled: false\n', ES),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'NodeToNodeEncryptionOptions', 'Enabled'] }],
    },
    {
      name: 'Elasticsearch 6.3: the quick fix says a new domain is needed',
      code: domain("      ElasticsearchVersion: '6.3'\n", ES),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties'] }],
    },
    {
      name: 'Fn::If branch false',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !If [Legacy, false, true]\n'),
      errors: [
        { path: ['Resources', 'SearchDomain', 'Properties', 'NodeToNodeEncryptionOptions', 'Enabled', 'Fn::If', 1], messageIncludes: 'when Legacy is true' },
      ],
      quickFixOutput: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !If [Legacy, true, true]\n'),
    },
    {
      name: 'parameter AllowedValues false: related information, the quick fix edits the parameter',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref NodeToNode\n'),
      errors: [{ relatedPaths: [['Parameters', 'NodeToNode', 'AllowedValues', 1]] }],
      quickFixOutput: domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref NodeToNode\n').replace(
        "AllowedValues: ['true', 'false']",
        "AllowedValues: ['true', 'true']",
      ),
    },
    {
      name: 'no Properties at all: on the logical id, no fix',
      code: 'Resources:\n  SearchDomain:\n    Type: AWS::OpenSearchService::Domain\n',
      errors: [{ line: 2, fixes: 0 }],
    },
    {
      name: 'JSON Elasticsearch 7.10 with Enabled false',
      code: json(ES, { ElasticsearchVersion: '7.10', NodeToNodeEncryptionOptions: { Enabled: false } }),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'NodeToNodeEncryptionOptions', 'Enabled'], line: 9 }],
      quickFixOutput: json(ES, { ElasticsearchVersion: '7.10', NodeToNodeEncryptionOptions: { Enabled: true } }),
    },
  ],
});

describe('opensearch-node-to-node-encryption fixes', () => {
  it('are quick fixes only, naming the blue/green deployment (and a new domain before Elasticsearch 6.7)', () => {
    const [d] = lintWith(opensearchNodeToNodeEncryption, { name: 'q', code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: false\n') });
    assert.ok(d && d.fixes[0]!.safe === false && /blue\/green/.test(d.fixes[0]!.title), JSON.stringify(d?.fixes));
    const [old] = lintWith(opensearchNodeToNodeEncryption, { name: 'q', code: domain("      ElasticsearchVersion: '6.3'\n", ES) });
    assert.ok(old && /new domain/.test(old.fixes[0]!.title), JSON.stringify(old?.fixes));
  });
});
