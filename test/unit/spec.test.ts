import { strict as assert } from 'assert';
import { closestNames, docsFor, propertyTypeSpec, resourceSpec, resourceTypeNames, specAt, specSources } from '../../rules/src/spec';

describe('bundled resource spec', () => {
  describe('resourceSpec', () => {
    it('knows KeyAlgorithm on AWS::CertificateManager::Certificate (added after cfnspec 117)', () => {
      const cert = resourceSpec('AWS::CertificateManager::Certificate');
      assert.ok(cert, 'certificate resource known');
      const ka = cert.properties.get('KeyAlgorithm');
      assert.ok(ka, 'KeyAlgorithm known');
      assert.equal(ka.primitive, 'String');
      assert.equal(ka.required, false);
      const dn = cert.properties.get('DomainName');
      assert.ok(dn);
      assert.equal(dn.required, true);
    });

    it('knows MutualAuthentication and SslPolicy on the ELBv2 listener, not SSLPolicy', () => {
      const listener = resourceSpec('AWS::ElasticLoadBalancingV2::Listener');
      assert.ok(listener);
      const ma = listener.properties.get('MutualAuthentication');
      assert.ok(ma, 'MutualAuthentication known');
      assert.equal(ma.complexType, 'AWS::ElasticLoadBalancingV2::Listener.MutualAuthentication');
      assert.equal(ma.collection, undefined);
      assert.ok(listener.properties.has('SslPolicy'));
      assert.equal(listener.properties.has('SSLPolicy'), false);

      const actions = listener.properties.get('DefaultActions');
      assert.ok(actions);
      assert.deepEqual(
        { required: actions.required, collection: actions.collection, complexType: actions.complexType },
        { required: true, collection: 'list', complexType: 'AWS::ElasticLoadBalancingV2::Listener.Action' },
      );
      const tags = listener.properties.get('Tags');
      assert.ok(tags);
      assert.equal(tags.collection, 'list');
      assert.equal(tags.complexType, 'Tag');
    });

    it('returns undefined for unknown resource types and caches specs', () => {
      assert.equal(resourceSpec('AWS::Nope::Nothing'), undefined);
      assert.equal(resourceSpec('AWS::S3::Bucket'), resourceSpec('AWS::S3::Bucket'));
      assert.ok(resourceTypeNames().includes('AWS::S3::Bucket'));
      assert.match(specSources().cfnspec ?? '', /cfnspec/);
    });

    it('exposes unions (SAM CodeUri: String or S3Location)', () => {
      const fn = resourceSpec('AWS::Serverless::Function');
      assert.ok(fn);
      const codeUri = fn.properties.get('CodeUri');
      assert.ok(codeUri);
      assert.equal(codeUri.complexType, 'AWS::Serverless::Function.S3Location');
      assert.ok(codeUri.anyOf?.some((a) => a.primitive === 'String'));
    });
  });

  describe('propertyTypeSpec', () => {
    it('resolves property types by full name, including the global Tag', () => {
      const mtls = propertyTypeSpec('AWS::ElasticLoadBalancingV2::Listener.MutualAuthentication');
      assert.ok(mtls);
      assert.ok(mtls.properties.has('TrustStoreArn'));
      const tag = propertyTypeSpec('Tag');
      assert.ok(tag);
      assert.deepEqual([...tag.properties.keys()].sort(), ['Key', 'Value']);
      assert.equal(propertyTypeSpec('AWS::ElasticLoadBalancingV2::Listener.Nope'), undefined);
    });
  });

  describe('specAt', () => {
    it('walks into CloudFront ViewerCertificate', () => {
      const vc = specAt('AWS::CloudFront::Distribution', ['DistributionConfig', 'ViewerCertificate']);
      assert.ok(vc);
      assert.ok(vc.properties.has('MinimumProtocolVersion'));
      assert.ok(vc.properties.has('SslSupportMethod'));
    });

    it('walks through list items by index or implicitly', () => {
      const rc = specAt('AWS::ElasticLoadBalancingV2::Listener', ['DefaultActions', 0, 'RedirectConfig']);
      assert.ok(rc);
      assert.ok(rc.properties.has('Protocol'));
      assert.ok(rc.properties.has('StatusCode'));
      assert.equal(specAt('AWS::ElasticLoadBalancingV2::Listener', ['DefaultActions', '0', 'RedirectConfig']), rc);
      assert.equal(specAt('AWS::ElasticLoadBalancingV2::Listener', ['DefaultActions', 'RedirectConfig']), rc);
      const action = specAt('AWS::ElasticLoadBalancingV2::Listener', ['DefaultActions']);
      assert.ok(action?.properties.has('Type'));
    });

    it('finds TLSSecurityPolicy under OpenSearch DomainEndpointOptions', () => {
      const deo = specAt('AWS::OpenSearchService::Domain', ['DomainEndpointOptions']);
      assert.ok(deo);
      assert.ok(deo.properties.has('TLSSecurityPolicy'));
      assert.ok(deo.properties.has('EnforceHTTPS'));
    });

    it('returns the resource for an empty path and undefined for primitives / unknowns', () => {
      assert.equal(specAt('AWS::ElasticLoadBalancingV2::Listener', []), resourceSpec('AWS::ElasticLoadBalancingV2::Listener'));
      assert.equal(specAt('AWS::ElasticLoadBalancingV2::Listener', ['SslPolicy']), undefined);
      assert.equal(specAt('AWS::ElasticLoadBalancingV2::Listener', ['Nope']), undefined);
      assert.equal(specAt('AWS::ElasticLoadBalancingV2::Listener', ['DefaultActions', 0, 'Nope']), undefined);
      assert.equal(specAt('AWS::Nope::Nothing', []), undefined);
    });

    it('goes through map values with any key', () => {
      // AWS::Serverless::Function Events: map of EventSource
      const ev = specAt('AWS::Serverless::Function', ['Events', 'MyEvent']);
      assert.ok(ev);
      assert.ok(ev.properties.has('Type'));
      // a union of event property types is merged
      const props = specAt('AWS::Serverless::Function', ['Events', 'MyEvent', 'Properties']);
      assert.ok(props);
      assert.ok(props.properties.has('Bucket')); // S3Event
      assert.ok(props.properties.has('Queue')); // SQSEvent
      assert.equal(specAt('AWS::Serverless::Function', ['Events']), undefined);
    });
  });

  describe('docsFor', () => {
    it('returns text and URL for a listener property', () => {
      const d = docsFor('AWS::ElasticLoadBalancingV2::Listener', ['SslPolicy']);
      assert.ok(d);
      assert.match(d.text, /security policy/i);
      assert.equal(
        d.url,
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html#cfn-elasticloadbalancingv2-listener-sslpolicy',
      );
    });

    it('documents resource types, nested properties and newer properties', () => {
      const r = docsFor('AWS::ElasticLoadBalancingV2::Listener');
      assert.ok(r);
      assert.match(r.text, /listener/i);
      const nested = docsFor('AWS::ElasticLoadBalancingV2::Listener', ['DefaultActions', '0', 'RedirectConfig', 'Protocol']);
      assert.ok(nested?.text);
      assert.match(nested.url ?? '', /aws-properties-elasticloadbalancingv2-listener-redirectconfig\.html#/);
      const newer = docsFor('AWS::ElasticLoadBalancingV2::Listener', ['MutualAuthentication']);
      assert.ok(newer?.text);
      // legacy page names are kept from cfnspec
      const asg = docsFor('AWS::AutoScaling::AutoScalingGroup', ['MaxSize']);
      assert.match(asg?.url ?? '', /aws-properties-as-group\.html#cfn-as-group-maxsize$/);
      assert.equal(docsFor('AWS::ElasticLoadBalancingV2::Listener', ['Nope']), undefined);
      assert.equal(docsFor('AWS::Nope::Nothing'), undefined);
    });
  });

  describe('closestNames', () => {
    const listenerProps = () => [...resourceSpec('AWS::ElasticLoadBalancingV2::Listener')!.properties.keys()];

    it('suggests SslPolicy first for SSLPolicy', () => {
      const s = closestNames('SSLPolicy', listenerProps());
      assert.equal(s[0], 'SslPolicy');
      assert.ok(s.length <= 3);
    });

    it('finds typos by edit distance, sorted by distance', () => {
      assert.deepEqual(closestNames('Protcol', ['Port', 'Protocol', 'Certificates']), ['Protocol']);
      assert.deepEqual(closestNames('Certifcates', listenerProps()).slice(0, 1), ['Certificates']);
      // transposition counts as one edit
      assert.deepEqual(closestNames('DefualtActions', listenerProps()), ['DefaultActions']);
      assert.deepEqual(closestNames('ab', ['abc', 'xyz', 'a']), ['a', 'abc']);
      assert.deepEqual(closestNames('Totally', ['Different', 'Names']), []);
      assert.deepEqual(closestNames('Port', ['Port', 'Part', 'Sort', 'Pert'], 2).length, 2);
    });
  });
});
