import { strict as assert } from 'assert';
import { mergeSettings } from '../../../rules/src/engine/config';
import { readTemplate } from '../../../rules/src/model/views';
import { parseSource } from '../../../rules/src/parse/index';
import { Template } from '../../../rules/src/template/template';
import {
  CertificateEntry,
  EndpointEntry,
  floorGroup,
  inventoryCsv,
  inventoryMarkdown,
  inventoryReport,
  summarize,
  TemplateInventory,
} from '../../../rules/src/inventory/index';
import { inventoryOf } from './support';

const head = "AWSTemplateFormatVersion: '2010-09-09'\n";
const endpoint = (inv: TemplateInventory, key: string): EndpointEntry => {
  const e = inv.endpoints.find((x) => x.key === key);
  assert.ok(e, `endpoint ${key} in ${inv.endpoints.map((x) => x.key).join(', ')}`);
  return e;
};
const certificate = (inv: TemplateInventory, key: string): CertificateEntry => {
  const c = inv.certificates.find((x) => x.key === key);
  assert.ok(c, `certificate ${key} in ${inv.certificates.map((x) => x.key).join(', ')}`);
  return c;
};

const LISTENER = (props: string): string =>
  `${head}Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/x/1\n${props}      DefaultActions:\n        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}\n`;

describe('inventory model', () => {
  describe('ELBv2 listeners', () => {
    it('an HTTPS listener without SslPolicy: the default policy, TLS 1.0', () => {
      const inv = inventoryOf(
        LISTENER('      Protocol: HTTPS\n      Port: 443\n      Certificates:\n        - CertificateArn: !Ref Cert\n') +
          'Parameters:\n  Cert:\n    Type: String\n',
      );
      const l = endpoint(inv, 'L');
      assert.deepEqual(l.policy, { values: ['ELBSecurityPolicy-2016-08'], default: true });
      assert.equal(l.tlsFloor, '1.0');
      assert.equal(l.tls, 'yes');
      assert.deepEqual(l.certificates, ['parameter:Cert']);
      assert.ok(l.findings.some((f) => f.rule === 'elbv2-ssl-policy-missing'));
      const cert = certificate(inv, 'parameter:Cert');
      assert.equal(cert.kind, 'unknown'); // ELB takes ACM or IAM, and the parameter has no default
      assert.deepEqual(
        cert.consumers.map((c) => c.path),
        [['Resources', 'L', 'Properties', 'Certificates', 0, 'CertificateArn']],
      );
    });

    it('Fn::If scenarios merge into one consistent endpoint', () => {
      const text =
        head +
        "Parameters:\n  UseTls:\n    Type: String\n    AllowedValues: ['yes', 'no']\nConditions:\n  Tls: !Equals [!Ref UseTls, 'yes']\n" +
        LISTENER(
          '      Protocol: !If [Tls, HTTPS, HTTP]\n      Port: !If [Tls, 443, 80]\n      SslPolicy: !If [Tls, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, !Ref AWS::NoValue]\n      Certificates: !If [Tls, [{CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc}], !Ref AWS::NoValue]\n',
        ).slice(head.length);
      const l = endpoint(inventoryOf(text), 'L');
      assert.equal(l.tls, 'conditional');
      assert.equal(l.plaintext, true);
      assert.equal(l.tlsFloor, '1.2');
      assert.deepEqual(l.policy, { values: ['ELBSecurityPolicy-TLS13-1-2-Res-2021-06'], default: false });
      assert.deepEqual(l.protocols.sort(), ['HTTP', 'HTTPS']);
      assert.deepEqual(l.ports.sort(), ['443', '80']);
      assert.deepEqual(l.certificates, ['literal:arn:aws:acm:eu-west-1:123456789012:certificate/abc']);
    });

    it('a policy that is not knowable, or not a known name, gives no floor', () => {
      const unknown = endpoint(inventoryOf(LISTENER('      Protocol: HTTPS\n      SslPolicy: !ImportValue shared-policy\n')), 'L');
      assert.equal(unknown.tlsFloor, null);
      assert.deepEqual(unknown.policy, { values: [], default: false });
      const typo = endpoint(inventoryOf(LISTENER('      Protocol: TLS\n      SslPolicy: TLS13-1-2-2021-06\n')), 'L');
      assert.equal(typo.tlsFloor, null);
      assert.equal(floorGroup(typo), 'unknown');
    });

    it('an HTTP listener: plaintext, whether it redirects; TCP is neither TLS nor plaintext', () => {
      const http = endpoint(inventoryOf(LISTENER('      Protocol: HTTP\n')), 'L');
      assert.equal(http.plaintext, true);
      assert.equal(http.tls, 'no');
      assert.deepEqual(http.details.redirectsToHttps, ['no']);
      assert.equal(floorGroup(http), 'plaintext');
      const tcp = endpoint(inventoryOf(LISTENER('      Protocol: TCP\n')), 'L');
      assert.equal(tcp.plaintext, false);
      assert.equal(tcp.policy, null);
    });

    it('a ListenerCertificate of a listener outside the template is an endpoint of its own', () => {
      const inv = inventoryOf(
        `${head}Resources:\n  Extra:\n    Type: AWS::ElasticLoadBalancingV2::ListenerCertificate\n    Properties:\n      ListenerArn: !ImportValue shared-listener\n      Certificates:\n        - CertificateArn: !Ref Cert\n  Cert:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: a.example.com\n      ValidationMethod: DNS\n`,
      );
      const e = endpoint(inv, 'Extra');
      assert.equal(e.kind, 'elbv2-listener-certificate');
      assert.deepEqual(e.certificates, ['resource:Cert']);
      assert.deepEqual(
        certificate(inv, 'resource:Cert').consumers.map((c) => c.endpoint),
        ['Extra'],
      );
    });
  });

  describe('certificates', () => {
    it('an ACM certificate: names, defaults, tags, unknown names', () => {
      const inv = inventoryOf(
        `${head}Parameters:\n  Extra:\n    Type: String\nResources:\n  C:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: Example.com\n      SubjectAlternativeNames: [www.example.com, !Ref Extra]\n      Tags:\n        - {Key: Owner, Value: team}\n        - {Key: CostCentre, Value: !GetAtt X.Y}\n`,
      );
      const c = certificate(inv, 'resource:C');
      assert.deepEqual(c.domains, ['Example.com', 'www.example.com']);
      assert.equal(c.domainsComplete, false);
      assert.equal(c.type, 'public');
      assert.deepEqual(c.validation, { values: ['EMAIL'], default: true });
      assert.deepEqual(c.keyAlgorithm, { values: ['RSA_2048'], default: true });
      assert.deepEqual(c.transparencyLogging, { values: ['ENABLED'], default: true });
      assert.deepEqual(c.tags, { Owner: 'team', CostCentre: null });
      assert.deepEqual(c.consumers, []);
      assert.ok(c.findings.some((f) => f.rule === 'acm-email-validation'));
    });

    it('a private certificate names its CA; a CA ARN literal is a private-ca entry', () => {
      const inv = inventoryOf(
        `${head}Resources:\n  C:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: internal.example.com\n      CertificateAuthorityArn: arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555\n`,
      );
      const c = certificate(inv, 'resource:C');
      assert.equal(c.type, 'private');
      assert.equal(c.validation, null);
      assert.equal(c.transparencyLogging, null);
      const ca = certificate(inv, 'literal:arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555');
      assert.equal(ca.kind, 'private-ca');
      assert.deepEqual(ca.issues, ['resource:C']);
      assert.equal(c.issuer, ca.key);
    });

    it('mapped ARNs are literals written in the mapping; comma-separated Beanstalk ARNs are several', () => {
      const inv = inventoryOf(
        `${head}Mappings:\n  Certs:\n    eu-west-1: {Arn: 'arn:aws:acm:eu-west-1:123456789012:certificate/eu'}\n    us-east-1: {Arn: 'arn:aws:acm:us-east-1:123456789012:certificate/us'}\nResources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        ViewerCertificate:\n          AcmCertificateArn: !FindInMap [Certs, !Ref 'AWS::Region', Arn]\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2021\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: app\n      OptionSettings:\n        - {Namespace: 'aws:elasticbeanstalk:environment', OptionName: LoadBalancerType, Value: application}\n        - {Namespace: 'aws:elbv2:listener:443', OptionName: Protocol, Value: HTTPS}\n        - {Namespace: 'aws:elbv2:listener:443', OptionName: SSLCertificateArns, Value: 'arn:aws:acm:eu-west-1:123456789012:certificate/a,arn:aws:acm:eu-west-1:123456789012:certificate/b'}\n`,
      );
      const eu = certificate(inv, 'literal:arn:aws:acm:eu-west-1:123456789012:certificate/eu');
      assert.deepEqual(eu.path, ['Mappings', 'Certs', 'eu-west-1', 'Arn']);
      assert.deepEqual(eu.details.region, ['eu-west-1']);
      assert.deepEqual(endpoint(inv, 'Cdn').certificates.length, 2);
      const listener = endpoint(inv, 'Env.aws:elbv2:listener:443');
      assert.deepEqual(listener.certificates, [
        'literal:arn:aws:acm:eu-west-1:123456789012:certificate/a',
        'literal:arn:aws:acm:eu-west-1:123456789012:certificate/b',
      ]);
      assert.deepEqual(listener.policy, { values: ['ELBSecurityPolicy-2016-08'], default: true });
      assert.equal(listener.tlsFloor, '1.0');
    });

    it('expressions are named by their JSON, the same in YAML and JSON; an ACM Sub pattern is ACM', () => {
      const yaml = inventoryOf(
        LISTENER(
          '      Protocol: HTTPS\n      Certificates:\n        - CertificateArn: !Sub "arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}"\n',
        ),
      );
      const json = inventoryOf(
        JSON.stringify({
          Resources: {
            L: {
              Type: 'AWS::ElasticLoadBalancingV2::Listener',
              Properties: {
                Protocol: 'HTTPS',
                Certificates: [{ CertificateArn: { 'Fn::Sub': 'arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}' } }],
              },
            },
          },
        }),
        'template.json',
      );
      assert.deepEqual(
        yaml.certificates.map((c) => [c.key, c.kind]),
        json.certificates.map((c) => [c.key, c.kind]),
      );
      assert.equal(yaml.certificates[0].kind, 'acm');
      assert.equal(yaml.certificates[0].source, 'expression');
    });

    it('a NoEcho parameter shows no values', () => {
      const inv = inventoryOf(
        LISTENER('      Protocol: HTTPS\n      Certificates:\n        - CertificateArn: !Ref Cert\n') +
          "Parameters:\n  Cert:\n    Type: String\n    NoEcho: true\n    Default: 'arn:aws:acm:eu-west-1:123456789012:certificate/x'\n",
      );
      const c = certificate(inv, 'parameter:Cert');
      assert.deepEqual(c.details, { parameterType: ['String'] });
      assert.equal(c.kind, 'acm');
    });
  });

  describe('CloudFront', () => {
    it('the default certificate: TLSv1 whatever MinimumProtocolVersion says; allow-all behaviours are plain endpoints', () => {
      const inv = inventoryOf(
        `${head}Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n          MinimumProtocolVersion: TLSv1.2_2021\n        DefaultCacheBehavior:\n          TargetOriginId: o\n          ViewerProtocolPolicy: allow-all\n`,
      );
      const d = endpoint(inv, 'Cdn');
      assert.equal(d.defaultCertificate, true);
      assert.equal(d.tlsFloor, '1.0');
      assert.deepEqual(d.details.ignoredMinimumProtocolVersion, ['TLSv1.2_2021']);
      const b = endpoint(inv, 'Cdn.DistributionConfig.DefaultCacheBehavior');
      assert.equal(b.kind, 'cloudfront-behaviour');
      assert.equal(b.plaintext, true);
      // The behaviour takes its own finding; the distribution keeps the rest.
      assert.deepEqual(
        b.findings.map((f) => f.rule),
        ['cloudfront-viewer-http'],
      );
      assert.ok(!d.findings.some((f) => f.rule === 'cloudfront-viewer-http'));
      assert.ok(d.findings.some((f) => f.rule === 'cloudfront-default-certificate'));
    });
  });

  describe('findings', () => {
    it('a classic load balancer: listener findings stay on the listener, policy findings go to the listeners using it', () => {
      const inv = inventoryOf(
        `${head}Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}\n        - {LoadBalancerPort: '443', InstancePort: '80', Protocol: HTTPS, SSLCertificateId: 'arn:aws:acm:eu-west-1:123456789012:certificate/x', PolicyNames: [Weak]}\n      Policies:\n        - PolicyName: Weak\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - {Name: Reference-Security-Policy, Value: ELBSecurityPolicy-2016-08}\n`,
      );
      const http = endpoint(inv, 'Lb.Listeners[0]');
      const https = endpoint(inv, 'Lb.Listeners[1]');
      assert.deepEqual(
        http.findings.map((f) => f.rule),
        ['elb-plaintext-listener'],
      );
      assert.ok(https.findings.some((f) => f.rule === 'elb-ssl-policy'));
      assert.ok(!http.findings.some((f) => f.rule === 'elb-ssl-policy'));
      assert.equal(https.tlsFloor, '1.0');
      assert.deepEqual(https.policy, { values: ['ELBSecurityPolicy-2016-08'], default: false });
      const arn = certificate(inv, 'literal:arn:aws:acm:eu-west-1:123456789012:certificate/x');
      assert.ok(arn.consumers[0].findings.some((f) => f.rule === 'certificate-arn-hardcoded'));
    });
  });

  describe('summary', () => {
    const acm = (file: string, production: boolean, key: string, domains: string[], validation = 'DNS'): TemplateInventory => ({
      file,
      production,
      endpoints: [],
      certificates: [
        {
          key,
          kind: 'acm',
          source: 'resource',
          name: key,
          label: key,
          resourceType: 'AWS::CertificateManager::Certificate',
          path: ['Resources', key],
          line: 1,
          domains,
          domainsComplete: true,
          type: 'public',
          validation: { values: [validation], default: false },
          keyAlgorithm: null,
          transparencyLogging: null,
          tags: null,
          issuer: null,
          issues: [],
          details: {},
          consumers: [],
          findings: [],
        },
      ],
    });

    it('shared names across templates, case-insensitive; a wildcard covers one label only', () => {
      const s = summarize([
        acm('a.yaml', true, 'resource:W', ['*.Example.com']),
        acm('b.yaml', false, 'resource:X', ['WWW.example.com', 'example.com', 'a.b.example.com'], 'EMAIL'),
        acm('c.yaml', false, 'resource:Y', ['www.example.com']),
      ]);
      assert.deepEqual(
        s.sharedDomains.map((d) => [d.domain, d.certificates.map((c) => c.file)]),
        [['www.example.com', ['b.yaml', 'c.yaml', 'a.yaml']]],
      );
      assert.deepEqual(s.wildcards, [{ domain: '*.Example.com', certificate: { file: 'a.yaml', key: 'resource:W' }, production: true }]);
      assert.deepEqual(
        s.emailValidation.map((e) => e.certificate.file),
        ['b.yaml'],
      );
      assert.equal(s.certificates, 3);
    });

    it('renders empty inventories', () => {
      const report = inventoryReport([{ file: 'empty.yaml', production: false, certificates: [], endpoints: [] }]);
      const md = inventoryMarkdown(report);
      assert.equal(md, '# TLS certificate and endpoint inventory\n\n1 template, 0 certificates, 0 endpoints.\n');
      assert.doesNotMatch(md, /None\./);
      assert.equal(inventoryCsv(report).split('\n').length, 2); // header + final newline
    });
  });

  it('CSV quotes what needs quoting', () => {
    const inv = inventoryOf(
      LISTENER(
        "      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-2016-08\n      Certificates:\n        - CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x'\n",
      ),
    );
    const csv = inventoryCsv(inventoryReport([inv]));
    const row = csv.split('\n')[1];
    assert.match(row, /^template\.yaml,L,ELBv2 listener,/);
    assert.match(row, /"elbv2-ssl-policy-weak \(warning, line \d+\); certificate-arn-hardcoded \(warning, line \d+\)"|"certificate-arn-hardcoded/);
  });

  it('reads a template as rules read it, with nothing to report through', () => {
    const template = new Template(parseSource(LISTENER('      Protocol: HTTPS\n'), 't.yaml'), 't.yaml');
    const reader = readTemplate(template, mergeSettings());
    assert.equal(reader.viewsOf('AWS::ElasticLoadBalancingV2::Listener').length, 1);
    assert.equal('report' in reader, false);
  });
});
