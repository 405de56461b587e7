import { strict as assert } from 'assert';
import { compareTls, parseTlsFloor, isBelow, TLS_FLOORS } from '../../rules/src/data/tls';
import {
  ELBV2_POLICIES,
  ELBV2_DEFAULT_POLICY,
  ELBV2_RECOMMENDED,
  ELBV2_RECOMMENDED_FIPS,
  ELBV2_RECOMMENDED_PQ,
  findElbv2Policy,
} from '../../rules/src/data/elbv2-policies';
import {
  CLASSIC_POLICIES,
  CLASSIC_DEFAULT_POLICY,
  CLASSIC_RECOMMENDED_POLICY,
  WEAK_PROTOCOL_ATTRIBUTES,
  findClassicPolicy,
  isWeakCipherName,
} from '../../rules/src/data/elb-classic-policies';
import {
  MINIMUM_PROTOCOL_VERSIONS,
  CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL,
  CLOUDFRONT_KEY_ALGORITHMS_SUPPORTED,
  minimumProtocolFloor,
  originSslProtocolFloor,
  isS3WebsiteEndpoint,
} from '../../rules/src/data/cloudfront';
import { APIGW_SECURITY_POLICIES, APIGW_RECOMMENDED, findApigwSecurityPolicy } from '../../rules/src/data/apigw';
import { OPENSEARCH_DEFAULT_TLS_POLICY, findOpenSearchTlsPolicy, recommendedOpenSearchTlsPolicy } from '../../rules/src/data/opensearch';
import {
  ACM_KEY_ALGORITHMS,
  ACM_REQUESTABLE_KEY_ALGORITHMS,
  keyAlgorithmFamily,
  pcaKeyAlgorithmFamily,
  signingAlgorithmFamily,
  PCA_SIGNING_ALGORITHMS,
} from '../../rules/src/data/acm';
import {
  parseAcmCertificateArn,
  parseIamServerCertificateArn,
  isIamServerCertificateArn,
  isAcmPcaArn,
  looksLikeArn,
  GLOBAL_CERTIFICATE_REGION,
  isCertificateArnPlaceholder,
} from '../../rules/src/data/arn';
import { PEER_ALIASES, peerKey } from '../../rules/src/data/peers';
import { defaultRegistry } from '../../rules/src/rules/index';

describe('data: tls', () => {
  it('orders SSLv3 < 1.0 < 1.1 < 1.2 < 1.3', () => {
    for (let i = 0; i + 1 < TLS_FLOORS.length; i++) {
      assert.ok(compareTls(TLS_FLOORS[i]!, TLS_FLOORS[i + 1]!) < 0);
      assert.ok(compareTls(TLS_FLOORS[i + 1]!, TLS_FLOORS[i]!) > 0);
    }
    assert.equal(compareTls('1.2', '1.2'), 0);
    assert.ok(isBelow('1.1', '1.2'));
    assert.ok(!isBelow('1.3', '1.2'));
  });
  it('parses version spellings', () => {
    assert.equal(parseTlsFloor('1.2'), '1.2');
    assert.equal(parseTlsFloor('TLSv1.2'), '1.2');
    assert.equal(parseTlsFloor('tls 1.3'), '1.3');
    assert.equal(parseTlsFloor('TLS_1_1'), '1.1');
    assert.equal(parseTlsFloor('TLSv1'), '1.0');
    assert.equal(parseTlsFloor('1.0'), '1.0');
    assert.equal(parseTlsFloor('SSLv3'), 'SSLv3');
    assert.equal(parseTlsFloor('1.4'), undefined);
    assert.equal(parseTlsFloor('TLSv1.2_2021'), undefined);
    assert.equal(parseTlsFloor('SSLv2'), undefined);
    assert.equal(parseTlsFloor(''), undefined);
  });
});

describe('data: elbv2 policies', () => {
  it('has unique names', () => {
    const names = ELBV2_POLICIES.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
  });
  it('lists every predefined policy name: TLS, FIPS, FS, PQ, RFC 9151 and other (count check)', () => {
    // 11 TLS + 8 FIPS + 5 FS + 13 PQ + 7 RFC9151 + 2 other
    assert.equal(ELBV2_POLICIES.length, 46);
  });
  it('gives the minimum TLS version of the AWS tables', () => {
    assert.equal(findElbv2Policy('ELBSecurityPolicy-2016-08')?.minTls, '1.0');
    assert.equal(findElbv2Policy('ELBSecurityPolicy-TLS13-1-2-Res-2021-06')?.minTls, '1.2');
    const fips11 = findElbv2Policy('ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04');
    assert.equal(fips11?.minTls, '1.1');
    assert.equal(fips11?.fips, true);
    assert.equal(findElbv2Policy('ELBSecurityPolicy-FS-1-1-2019-08')?.minTls, '1.1');
    const pq = findElbv2Policy('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09');
    assert.equal(pq?.minTls, '1.2');
    assert.equal(pq?.postQuantum, true);
    assert.equal(pq?.verified, false);
    assert.equal(findElbv2Policy('ELBSecurityPolicy-TLS13-1-3-2021-06')?.minTls, '1.3');
    assert.equal(findElbv2Policy('ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09')?.minTls, '1.0');
    assert.equal(findElbv2Policy('ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07')?.minTls, '1.2');
    assert.equal(findElbv2Policy('ELBSecurityPolicy-2015-05')?.nlbOnly, true);
  });
  it('rejects names that are not real policies', () => {
    assert.equal(findElbv2Policy('ELBSecurityPolicy-2015'), undefined);
    assert.equal(findElbv2Policy('TLS13-1-2-2021-06'), undefined);
    assert.equal(findElbv2Policy('elbsecuritypolicy-2016-08'), undefined);
  });
  it('fips flag only on FIPS names', () => {
    for (const p of ELBV2_POLICIES) assert.equal(p.fips, p.name.includes('FIPS'), p.name);
    assert.ok(ELBV2_POLICIES.filter((p) => p.fips).length > 0);
  });
  it('defaults and recommendations exist and are consistent', () => {
    assert.equal(findElbv2Policy(ELBV2_DEFAULT_POLICY)?.minTls, '1.0');
    const rec = findElbv2Policy(ELBV2_RECOMMENDED);
    assert.ok(rec && rec.minTls === '1.2' && !rec.fips && rec.verified);
    const recFips = findElbv2Policy(ELBV2_RECOMMENDED_FIPS);
    assert.ok(recFips && recFips.minTls === '1.2' && recFips.fips);
    assert.ok(findElbv2Policy(ELBV2_RECOMMENDED_PQ));
  });
  it('maxTls is never below minTls', () => {
    for (const p of ELBV2_POLICIES) assert.ok(compareTls(p.maxTls, p.minTls) >= 0, p.name);
  });
});

describe('data: classic elb', () => {
  it('knows the default and recommended policies', () => {
    assert.equal(findClassicPolicy(CLASSIC_DEFAULT_POLICY)?.minTls, '1.0');
    assert.equal(findClassicPolicy(CLASSIC_RECOMMENDED_POLICY)?.minTls, '1.2');
    assert.equal(findClassicPolicy('ELBSecurityPolicy-2015-05')?.verified, false);
    const names = CLASSIC_POLICIES.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
  });
  it('lists the weak protocol attributes', () => {
    assert.deepEqual([...WEAK_PROTOCOL_ATTRIBUTES], ['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1']);
  });
  it('classifies cipher names', () => {
    for (const weak of [
      'DES-CBC3-SHA',
      'RC4-SHA',
      'RC4-MD5',
      'EXP-RC4-MD5',
      'NULL-SHA',
      'ADH-AES128-SHA',
      'AECDH-AES128-SHA',
      'EDH-RSA-DES-CBC3-SHA',
      'TLS_DH_anon_WITH_AES_128_CBC_SHA',
    ]) {
      assert.equal(isWeakCipherName(weak), true, weak);
    }
    for (const ok of [
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'AES128-SHA',
      'DHE-RSA-AES128-SHA256',
      'ECDHE-RSA-AES128-SHA',
      'Protocol-TLSv1.2',
      'Server-Defined-Cipher-Order',
      'Reference-Security-Policy',
    ]) {
      assert.equal(isWeakCipherName(ok), false, ok);
    }
  });
});

describe('data: cloudfront', () => {
  it('maps minimum protocol versions', () => {
    assert.equal(Object.keys(MINIMUM_PROTOCOL_VERSIONS).length, 9);
    assert.equal(minimumProtocolFloor('TLSv1.1_2016'), '1.1');
    assert.equal(minimumProtocolFloor('TLSv1_2016'), '1.0');
    assert.equal(minimumProtocolFloor('TLSv1.3_2025'), '1.3');
    assert.equal(minimumProtocolFloor(CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL), '1.2');
    assert.equal(minimumProtocolFloor('toString'), undefined);
    assert.equal(originSslProtocolFloor('TLSv1.1'), '1.1');
    assert.equal(originSslProtocolFloor('constructor'), undefined);
  });
  it('supports RSA and P-256 keys only', () => {
    assert.ok(CLOUDFRONT_KEY_ALGORITHMS_SUPPORTED.includes('EC_prime256v1'));
    assert.ok(!CLOUDFRONT_KEY_ALGORITHMS_SUPPORTED.includes('EC_secp384r1'));
  });
  it('recognises S3 website endpoints', () => {
    assert.ok(isS3WebsiteEndpoint('bucket.s3-website-us-east-1.amazonaws.com'));
    assert.ok(isS3WebsiteEndpoint('bucket.s3-website.eu-west-2.amazonaws.com'));
    assert.ok(!isS3WebsiteEndpoint('bucket.s3.amazonaws.com'));
  });
});

describe('data: apigw / opensearch / acm', () => {
  it('api gateway policies', () => {
    assert.equal(findApigwSecurityPolicy(APIGW_RECOMMENDED)?.minTls, '1.2');
    assert.equal(findApigwSecurityPolicy('TLS_1_0')?.minTls, '1.0');
    assert.equal(findApigwSecurityPolicy('SecurityPolicy_TLS13_1_3_2025_09')?.enhanced, true);
    assert.equal(findApigwSecurityPolicy('SecurityPolicy_TLS12_2018_EDGE')?.edgeOnly, true);
    assert.equal(findApigwSecurityPolicy('TLS_1_2')?.enhanced, false);
    assert.equal(new Set(APIGW_SECURITY_POLICIES.map((p) => p.name)).size, APIGW_SECURITY_POLICIES.length);
  });
  it('opensearch policies', () => {
    assert.equal(findOpenSearchTlsPolicy(OPENSEARCH_DEFAULT_TLS_POLICY)?.minTls, '1.0');
    assert.equal(recommendedOpenSearchTlsPolicy('AWS::OpenSearchService::Domain'), 'Policy-Min-TLS-1-2-PFS-2023-10');
    assert.equal(recommendedOpenSearchTlsPolicy('AWS::Elasticsearch::Domain'), 'Policy-Min-TLS-1-2-2019-07');
    assert.equal(findOpenSearchTlsPolicy('Policy-Min-TLS-1-2-PFS-2023-10')?.minTls, '1.2');
  });
  it('acm key algorithms', () => {
    assert.equal(ACM_KEY_ALGORITHMS.length, 7);
    for (const a of ACM_REQUESTABLE_KEY_ALGORITHMS) assert.ok(ACM_KEY_ALGORITHMS.includes(a));
    assert.equal(keyAlgorithmFamily('RSA_1024'), 'RSA');
    assert.equal(keyAlgorithmFamily('EC_secp384r1'), 'EC');
    assert.equal(keyAlgorithmFamily('ED25519'), undefined);
  });
  it('private ca families', () => {
    assert.equal(pcaKeyAlgorithmFamily('RSA_4096'), 'RSA');
    assert.equal(pcaKeyAlgorithmFamily('EC_secp521r1'), 'ECDSA');
    assert.equal(pcaKeyAlgorithmFamily('SM2'), 'SM2');
    assert.equal(pcaKeyAlgorithmFamily('ML_DSA_65'), 'ML_DSA');
    assert.equal(signingAlgorithmFamily('SHA256WITHRSA'), 'RSA');
    assert.equal(signingAlgorithmFamily('SHA384WITHECDSA'), 'ECDSA');
    assert.equal(signingAlgorithmFamily('SM3WITHSM2'), 'SM2');
    assert.equal(signingAlgorithmFamily('MD5WITHRSA'), undefined);
    for (const s of PCA_SIGNING_ALGORITHMS) assert.ok(signingAlgorithmFamily(s), s);
  });
});

describe('data: arn', () => {
  it('parses an ACM certificate ARN', () => {
    assert.deepEqual(parseAcmCertificateArn('arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012'), {
      partition: 'aws',
      region: 'eu-west-1',
      account: '123456789012',
      id: '12345678-1234-1234-1234-123456789012',
    });
    assert.equal(parseAcmCertificateArn('arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/abc')?.partition, 'aws-us-gov');
  });
  it('rejects non-ACM ARNs and near misses', () => {
    assert.equal(parseAcmCertificateArn('arn:aws:iam::123456789012:server-certificate/ev-www-example-com-2025'), undefined);
    assert.equal(parseAcmCertificateArn('arn:aws:acm:eu-west-1:12345678901:certificate/x'), undefined);
    assert.equal(parseAcmCertificateArn(' arn:aws:acm:eu-west-1:123456789012:certificate/x'), undefined);
    assert.equal(parseAcmCertificateArn('arn:aws:acm:eu-west-1:123456789012:certificate/x '), undefined);
    assert.equal(parseAcmCertificateArn('arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/x'), undefined);
  });
  it('recognises IAM server certificates and PCA ARNs', () => {
    assert.ok(isIamServerCertificateArn('arn:aws:iam::123456789012:server-certificate/ev-www-example-com-2025'));
    assert.deepEqual(parseIamServerCertificateArn('arn:aws:iam::000000000000:server-certificate/cloudfront/test/cert'), {
      partition: 'aws',
      account: '000000000000',
      path: '/cloudfront/test/',
      name: 'cert',
    });
    assert.ok(!isIamServerCertificateArn('arn:aws:acm:eu-west-1:123456789012:certificate/x'));
    assert.ok(isAcmPcaArn('arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012'));
    assert.ok(looksLikeArn('arn:aws:iam::aws:policy/ReadOnlyAccess'));
    assert.ok(!looksLikeArn('my-certificate'));
    assert.equal(GLOBAL_CERTIFICATE_REGION, 'us-east-1');
  });
  it('tells placeholders for a certificate ARN from wrong values', () => {
    const placeholders = [
      'certificatearn-domainname',
      'arn:aws:acm:REGION:ACCOUNT:certificate/ID',
      'arn:aws:acm:us-east-1:account-id:certificate/certificate-id',
      'arn:aws:acm:us-east-1:xxxxxxxxxxxx:certificate/xxxx',
      'changeme',
      'CHANGE_ME',
      '<your-cert-arn>',
      'your-certificate-arn',
      '{{CertificateArn}}',
      'TODO',
    ];
    for (const p of placeholders) assert.ok(isCertificateArnPlaceholder(p), p);
    const wrong = [
      'www.example.com',
      '6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c',
      'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11112222-3333-4444-5555-666677778888',
      'arn:aws:acm:eu-west-1:12345678901:certificate/6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c',
      'arn:aws:iam::123456789012:server-certificate/regional-edge',
    ];
    for (const w of wrong) assert.ok(!isCertificateArnPlaceholder(w), w);
  });
});

describe('peers: each rule lists the peer ids it covers, the registry inverts them', () => {
  const registry = defaultRegistry();
  const rulesForPeerId = (id: string): readonly string[] => registry.rulesForPeer(id);
  it('maps W55 and CKV_AWS_103 to the ssl-policy rules', () => {
    for (const id of ['W55', 'CKV_AWS_103']) {
      assert.ok(rulesForPeerId(id).includes('elbv2-ssl-policy-weak'), id);
      assert.ok(rulesForPeerId(id).includes('elbv2-ssl-policy-missing'), id);
    }
  });
  it('W56 covers the HTTP listener rule only', () => {
    assert.ok(!rulesForPeerId('W56').includes('elbv2-ssl-policy-weak'));
    assert.deepEqual([...rulesForPeerId('W56')], ['elbv2-http-without-redirect']);
  });
  it('maps the suppression ids of the acceptance cases', () => {
    assert.ok(rulesForPeerId('E3676').includes('elbv2-certificate-missing'));
    assert.ok(rulesForPeerId('W70').includes('cloudfront-tls-version'));
    assert.ok(rulesForPeerId('CKV_AWS_34').includes('cloudfront-viewer-http'));
    assert.ok(rulesForPeerId('ELB_ACM_CERTIFICATE_REQUIRED').includes('certificate-not-acm'));
    assert.ok(rulesForPeerId('ELBV2_ACM_CERTIFICATE_REQUIRED').includes('certificate-not-acm'));
  });
  it('is case-insensitive and resolves Trivy aliases', () => {
    assert.deepEqual(rulesForPeerId('elbv2_acm_certificate_required'), rulesForPeerId('ELBV2_ACM_CERTIFICATE_REQUIRED'));
    assert.deepEqual(rulesForPeerId('AVD-AWS-0054'), ['elbv2-http-without-redirect']);
    assert.deepEqual(rulesForPeerId('aws-elb-http-not-used'), ['elbv2-http-without-redirect']);
    assert.deepEqual(rulesForPeerId('NOPE_123'), []);
    assert.deepEqual(rulesForPeerId('constructor'), []);
    assert.deepEqual(rulesForPeerId('__proto__'), []);
  });
  it('every alias names an id some rule lists, and no rule lists an id twice', () => {
    for (const id of Object.values(PEER_ALIASES)) assert.ok(rulesForPeerId(id).length > 0, id);
    for (const m of registry.allMetas()) assert.equal(new Set(m.peers.map(peerKey)).size, m.peers.length, m.id);
    assert.ok(registry.metas.get('elbv2-ssl-policy-missing')!.peers.includes('ELB.17'));
  });
});
