import { strict as assert } from 'assert';
import { withOneValueChanged } from '../../../server/src/worker-thread';

/** The warm-up's edit (server/src/worker-thread.ts): one value in `Resources` changed as typing changes it. */
describe('warm-up: the edited copy of a document', () => {
  it('adds a digit to a number or a letter to a word in Resources, and nothing else', () => {
    const yaml = 'Parameters:\n  P:\n    Default: 1\nResources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Port: 443\n';
    assert.equal(withOneValueChanged(yaml), yaml.replace('Port: 443', 'Port: 4430'));
    const word = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n';
    assert.equal(withOneValueChanged(word), word.replace('BucketName: logs', 'BucketName: logsx'));
    const json = '{"Resources": {"L": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"Port": 443}}}}';
    assert.equal(withOneValueChanged(json), json.replace('"Port": 443', '"Port": 4430'));
  });

  it('none without Resources or a plain value in them', () => {
    assert.equal(withOneValueChanged('a: 1\n'), undefined);
    assert.equal(withOneValueChanged('Resources:\n  B:\n    Type: !Ref T\n'), undefined);
  });
});
