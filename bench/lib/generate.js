'use strict';
// Generated templates for B3 (typing latency), B5 (workspace) and B6 (conditions).

const STRONG = ['ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06'];
const WEAK = 'ELBSecurityPolicy-2016-08';

/**
 * B6: 200 conditions over 50 flag parameters and an environment parameter (plain Equals, Not,
 * And, Or, chained through Fn::Condition), and listeners and certificates whose properties are
 * nested Fn::If over them. `expect` lists what a right answer looks like.
 */
function conditionsTemplate({ conditions = 200, flags = 50, listeners = 20, certificates = 20 } = {}) {
  const L = [];
  L.push("AWSTemplateFormatVersion: '2010-09-09'", 'Description: B6 benchmark, many conditions and nested Fn::If', 'Parameters:');
  L.push('  Env:', '    Type: String', '    Default: dev', '    AllowedValues: [dev, test, stage, prod]');
  for (let i = 0; i < flags; i++) L.push(`  Flag${i}:`, '    Type: String', "    Default: 'false'", "    AllowedValues: ['true', 'false']");
  L.push('Conditions:');
  for (let i = 0; i < conditions; i++) {
    const band = Math.floor(i / flags);
    const j = i % flags;
    let body;
    if (band === 0) body = `!Equals [!Ref Flag${j}, 'true']`;
    else if (band === 1) body = `!Not [!Condition C${j}]`;
    else if (band === 2) body = `!And [!Condition C${j}, !Equals [!Ref Env, prod]]`;
    else body = `!Or [!Condition C${j}, !Condition C${(j + 1) % flags}]`;
    L.push(`  C${i}: ${body}`);
  }
  L.push('Resources:');
  L.push(
    '  LoadBalancer:',
    '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
    '    Properties:',
    '      Subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
  );
  const c = (k) => `C${k % conditions}`;
  for (let k = 0; k < certificates; k++) {
    // Cert0: RSA_1024 only where C10 is false and C11 false; the others never weak.
    const key =
      k === 0 ? `!If [C10, RSA_2048, !If [C11, EC_prime256v1, RSA_1024]]` : `!If [${c(3 * k + 100)}, RSA_2048, !If [${c(3 * k + 1)}, EC_prime256v1, RSA_2048]]`;
    L.push(
      `  Cert${k}:`,
      '    Type: AWS::CertificateManager::Certificate',
      '    Properties:',
      `      DomainName: !If [${c(k + 50)}, app${k}.example.com, www${k}.example.com]`,
      '      ValidationMethod: DNS',
      `      KeyAlgorithm: ${key}`,
      '      DomainValidationOptions:',
      `        - DomainName: !If [${c(k + 50)}, app${k}.example.com, www${k}.example.com]`,
      '          HostedZoneId: Z0123456789ABCDEFGHIJ',
      '      Tags:',
      '        - {Key: Owner, Value: platform}',
      '        - {Key: Team, Value: edge}',
      '        - {Key: Application, Value: bench}',
    );
  }
  for (let k = 0; k < listeners; k++) {
    const inner = k === 0 ? WEAK : STRONG[k % 3];
    L.push(
      `  Listener${k}:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref LoadBalancer',
      '      Protocol: HTTPS',
      '      Port: 443',
      `      SslPolicy: !If [${c(k)}, ${STRONG[0]}, !If [${c(k + 150)}, ${STRONG[1]}, !If [${c(k + 101)}, ${STRONG[2]}, ${inner}]]]`,
      '      Certificates:',
      `        - CertificateArn: !If [${c(k + 60)}, !Ref Cert${k % certificates}, !Ref Cert${(k + 1) % certificates}]`,
      '      DefaultActions:',
      '        - Type: fixed-response',
      '          FixedResponseConfig: {StatusCode: "404"}',
    );
  }
  // Consistent across properties: HTTPS with a policy where C0 holds, HTTP redirect where not.
  L.push(
    '  ListenerSwitch:',
    '    Type: AWS::ElasticLoadBalancingV2::Listener',
    '    Properties:',
    '      LoadBalancerArn: !Ref LoadBalancer',
    '      Protocol: !If [C0, HTTPS, HTTP]',
    '      Port: !If [C0, 443, 80]',
    `      SslPolicy: !If [C0, ${STRONG[1]}, !Ref AWS::NoValue]`,
    '      Certificates: !If [C0, [{CertificateArn: !Ref Cert1}], !Ref AWS::NoValue]',
    '      DefaultActions:',
    '        - Type: redirect',
    "          RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}",
  );
  // The weak branch needs C0 and C50 (= not C0) both false: no scenario reaches it.
  L.push(
    '  ListenerUnreachable:',
    '    Type: AWS::ElasticLoadBalancingV2::Listener',
    '    Properties:',
    '      LoadBalancerArn: !Ref LoadBalancer',
    '      Protocol: HTTPS',
    '      Port: 8443',
    `      SslPolicy: !If [C0, ${STRONG[0]}, !If [C50, ${STRONG[1]}, ${WEAK}]]`,
    '      Certificates:',
    '        - CertificateArn: !Ref Cert2',
    '      DefaultActions:',
    '        - Type: fixed-response',
    '          FixedResponseConfig: {StatusCode: "404"}',
  );
  const text = L.join('\n') + '\n';
  return {
    text,
    lines: L.length,
    expect: [
      {
        name: 'weak policy in the innermost Fn::If branch of Listener0 is reported on that branch',
        rule: 'elbv2-ssl-policy-weak',
        resource: 'Listener0',
        present: true,
        text: WEAK,
      },
      {
        name: 'RSA_1024 in a nested Fn::If branch of Cert0 is reported on that branch',
        rule: 'acm-key-algorithm',
        resource: 'Cert0',
        present: true,
        text: 'RSA_1024',
      },
      { name: 'no listener with only strong branches is reported', rule: 'elbv2-ssl-policy-weak', resourcePattern: '^Listener([1-9]|1[0-9])$', present: false },
      { name: 'no certificate with only RSA_2048/EC branches is reported', rule: 'acm-key-algorithm', resourcePattern: '^Cert([1-9]|1[0-9])$', present: false },
      {
        name: 'Protocol and SslPolicy under the same condition are one consistent listener per scenario',
        rule: 'elbv2-ssl-policy-missing',
        resource: 'ListenerSwitch',
        present: false,
      },
      {
        name: 'a branch no scenario reaches (C0 and its negation both false) is not reported',
        rule: 'elbv2-ssl-policy-weak',
        resource: 'ListenerUnreachable',
        present: false,
      },
    ],
  };
}

/** Checks lint diagnostics against a template's `expect` list. */
function checkExpectations(text, diagnostics, expect) {
  return expect.map((e) => {
    const hits = diagnostics.filter(
      (d) => d.rule === e.rule && !d.suppressed && (e.resource ? d.resource === e.resource : new RegExp(e.resourcePattern).test(d.resource ?? '')),
    );
    let ok = e.present ? hits.length > 0 : hits.length === 0;
    let detail = `${hits.length} finding(s)`;
    if (ok && e.present && e.text) {
      const spans = hits.map((d) => text.slice(d.offsets.start, d.offsets.end));
      ok = spans.some((s) => s.includes(e.text));
      detail += `; range text: ${spans.map((s) => JSON.stringify(s)).join(', ')}`;
    }
    return { name: e.name, ok, detail };
  });
}

/**
 * B3/B5: a template of about `lines` lines with listeners, certificates and CloudFront
 * distributions in equal parts (hundreds of each at 10,000 lines).
 */
function largeTemplate(lines) {
  const L = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Description: generated benchmark template',
    'Parameters:',
    '  Env:',
    '    Type: String',
    '    Default: dev',
    '    AllowedValues: [dev, prod]',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Resources:',
  ];
  L.push(
    '  LoadBalancer:',
    '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
    '    Properties:',
    '      Subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
  );
  let i = 0;
  while (L.length < lines - 10) {
    const policy = i % 7 === 3 ? WEAK : STRONG[i % 3];
    L.push(
      `  Cert${i}:`,
      '    Type: AWS::CertificateManager::Certificate',
      '    Properties:',
      `      DomainName: app${i}.example.com`,
      `      SubjectAlternativeNames: [www.app${i}.example.com]`,
      i % 5 === 2 ? '      ValidationMethod: EMAIL' : '      ValidationMethod: DNS',
      '      DomainValidationOptions:',
      `        - DomainName: app${i}.example.com`,
      '          HostedZoneId: Z0123456789ABCDEFGHIJ',
      `        - DomainName: www.app${i}.example.com`,
      '          HostedZoneId: Z0123456789ABCDEFGHIJ',
      `  Listener${i}:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref LoadBalancer',
      '      Protocol: HTTPS',
      `      Port: ${1000 + i}`,
      `      SslPolicy: !If [IsProd, ${STRONG[1]}, ${policy}]`,
      '      Certificates:',
      `        - CertificateArn: !Ref Cert${i}`,
      '      DefaultActions:',
      '        - Type: fixed-response',
      '          FixedResponseConfig:',
      "            StatusCode: '404'",
      `  Distribution${i}:`,
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      `        Aliases: [cdn${i}.example.com]`,
      '        Origins:',
      '          - Id: origin',
      `            DomainName: origin${i}.example.com`,
      '            CustomOriginConfig:',
      '              OriginProtocolPolicy: https-only',
      '              OriginSSLProtocols: [TLSv1.2]',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: origin',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      '        ViewerCertificate:',
      `          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/${String(i).padStart(8, '0')}-1111-2222-3333-444444444444`,
      '          SslSupportMethod: sni-only',
      i % 4 === 1 ? '          MinimumProtocolVersion: TLSv1' : '          MinimumProtocolVersion: TLSv1.2_2021',
    );
    i++;
  }
  return { text: L.join('\n') + '\n', lines: L.length, groups: i };
}

/**
 * B9: `listeners` HTTPS listeners with the weak policy and a certificate from a parameter: one
 * safe fix each (elbv2-ssl-policy-weak), 13 lines each (16,000 listeners: 208,000 lines, 6.4 MB).
 */
function weakListenersTemplate(listeners) {
  const L = ["AWSTemplateFormatVersion: '2010-09-09'", 'Parameters:', '  CertificateArn:', '    Type: String', 'Resources:'];
  L.push(
    '  LoadBalancer:',
    '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
    '    Properties:',
    '      Subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
  );
  for (let i = 0; i < listeners; i++) {
    L.push(
      `  Listener${i}:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref LoadBalancer',
      '      Protocol: HTTPS',
      `      Port: ${1000 + i}`,
      `      SslPolicy: ${WEAK}`,
      '      Certificates:',
      '        - CertificateArn: !Ref CertificateArn',
      '      DefaultActions:',
      '        - Type: fixed-response',
      '          FixedResponseConfig:',
      "            StatusCode: '404'",
    );
  }
  return { text: L.join('\n') + '\n', lines: L.length };
}

module.exports = { conditionsTemplate, checkExpectations, largeTemplate, weakListenersTemplate, STRONG, WEAK };
