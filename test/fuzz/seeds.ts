import * as fs from 'fs';
import * as path from 'path';
import { isCandidateFile } from '../../rules/src/parse/detect';

/**
 * Templates the fuzzer mutates: the shared corpus and the acceptance cases (both next to the
 * checkout, both optional), plus a few built-in templates so a run without them still fuzzes.
 */

export interface Seed {
  name: string;
  text: string;
  json: boolean;
}

/** `shared/` next to the checkout; this file runs from out/test/fuzz/. */
export const SHARED = path.resolve(__dirname, '..', '..', '..', '..', 'shared');
export const CORPUS_DIR = path.join(SHARED, 'corpus');
export const ACCEPTANCE_DIR = path.join(SHARED, 'acceptance', 'cases');

/** Corpus files larger than this cost more per lint than they find: skip them. */
const MAX_SEED_BYTES = 64 * 1024;

function filesUnder(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, out);
    else if (isCandidateFile(e.name)) out.push(full);
  }
  return out.sort();
}

function load(files: string[], base: string): Seed[] {
  const out: Seed[] = [];
  for (const f of files) {
    if (fs.statSync(f).size > MAX_SEED_BYTES) continue;
    const text = fs.readFileSync(f, 'utf8');
    out.push({ name: path.relative(base, f), text, json: /^\s*[{[]/.test(text.replace(/^\ufeff/, '')) });
  }
  return out;
}

export const BUILTIN_SEEDS: Seed[] = [
  {
    name: 'builtin/listener.yaml',
    json: false,
    text: `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: prod
    AllowedValues: [prod, dev]
  Policy:
    Type: String
    Default: ELBSecurityPolicy-2016-08
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  Policies:
    prod: {name: ELBSecurityPolicy-TLS13-1-2-2021-06}
    dev: {name: ELBSecurityPolicy-2016-08}
Resources:
  LB:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LB
      Protocol: !If [IsProd, HTTPS, HTTP]
      Port: 443
      SslPolicy: !FindInMap [Policies, !Ref Env, name]
      Certificates:
        - CertificateArn: !Ref Cert
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: !Sub 'www.\${AWS::AccountId}.example.com'
      SubjectAlternativeNames: [example.com, '*.example.com']
      ValidationMethod: EMAIL
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [www.example.com]
        ViewerCertificate:
          AcmCertificateArn: !Ref Cert
          MinimumProtocolVersion: TLSv1
          SslSupportMethod: sni-only
        DefaultCacheBehavior:
          ViewerProtocolPolicy: allow-all
          TargetOriginId: o
        Origins:
          - Id: o
            DomainName: example.com
            CustomOriginConfig: {OriginProtocolPolicy: http-only, OriginSSLProtocols: [SSLv3]}
`,
  },
  {
    name: 'builtin/classic.json',
    json: true,
    text: JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Elb: {
            Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
            Properties: {
              Listeners: [
                { LoadBalancerPort: '443', InstancePort: '80', Protocol: 'HTTPS', SSLCertificateId: { 'Fn::GetAtt': ['Cert', 'Arn'] }, PolicyNames: ['Pol'] },
                { LoadBalancerPort: '80', InstancePort: '80', Protocol: 'HTTP' },
              ],
              Policies: [
                {
                  PolicyName: 'Pol',
                  PolicyType: 'SSLNegotiationPolicyType',
                  Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-2011-08' }],
                },
              ],
            },
          },
          Domain: {
            Type: 'AWS::OpenSearchService::Domain',
            Properties: { DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } },
          },
          ApiDomain: {
            Type: 'AWS::ApiGateway::DomainName',
            Properties: {
              DomainName: 'api.example.com',
              SecurityPolicy: 'TLS_1_0',
              RegionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
            },
          },
        },
      },
      null,
      2,
    ),
  },
];

/**
 * Seeds from the corpus and acceptance cases (when present) plus the built-in ones. The first
 * `focus` seeds are the TLS templates (built-in and acceptance), the rest the corpus.
 */
export function loadSeeds(): { seeds: Seed[]; sources: string[]; focus: number } {
  const sources: string[] = [];
  const seeds = [...BUILTIN_SEEDS];
  if (fs.existsSync(ACCEPTANCE_DIR)) {
    seeds.push(...load(filesUnder(ACCEPTANCE_DIR), ACCEPTANCE_DIR).map((s) => ({ ...s, name: `acceptance/${s.name}` })));
    sources.push('acceptance');
  }
  const focus = seeds.length;
  if (fs.existsSync(CORPUS_DIR)) {
    seeds.push(...load(filesUnder(CORPUS_DIR), CORPUS_DIR).map((s) => ({ ...s, name: `corpus/${s.name}` })));
    sources.push('corpus');
  }
  return { seeds, sources, focus };
}
