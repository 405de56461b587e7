import { CLASSIC_LOADBALANCER, ELBV2_LISTENER } from '../../data/beanstalk-options';
import type { Rule } from '../../engine/types';
import { quote, relatedFor } from '../helpers';
import { BeanstalkListener, beanstalkCases, isTls, listenersOf } from '../../model/beanstalk/environment';
import { BEANSTALK_TYPES } from '../../model/beanstalk/options';

function message(l: BeanstalkListener, elbv2: boolean): string {
  const protocols = (l.protocols ?? []).filter((p) => p === 'HTTPS' || p === 'SSL').join('/');
  if (l.namespace === CLASSIC_LOADBALANCER.namespace) {
    return `${CLASSIC_LOADBALANCER.namespace} ${CLASSIC_LOADBALANCER.httpsPort} opens a secure (${protocols}) listener, but ${CLASSIC_LOADBALANCER.certificate} is not set in that namespace: Elastic Beanstalk cannot create the listener without a certificate and the environment fails to launch or update. Set ${CLASSIC_LOADBALANCER.certificate} to an ACM (or IAM) certificate ARN.`;
  }
  const cert = elbv2 ? ELBV2_LISTENER.certificates : 'SSLCertificateId';
  return `${quote(l.namespace)} is an ${protocols} listener without ${cert}: Elastic Beanstalk cannot create it without a certificate and the environment fails to launch or update. Set ${cert} in ${quote(l.namespace)} to an ACM (or IAM) certificate ARN.`;
}

export const beanstalkCertificateMissing: Rule = {
  meta: {
    id: 'beanstalk-certificate-missing',
    severity: 'error',
    summary: 'Elastic Beanstalk HTTPS/SSL listener option without a certificate (SSLCertificateArns / SSLCertificateId).',
    fixable: false,
    peers: [],
    resourceTypes: [...BEANSTALK_TYPES],
  },
  check(ctx) {
    for (const c of beanstalkCases(ctx)) {
      if (c.lb !== 'classic' && c.lb !== 'application') continue;
      for (const l of listenersOf(c.set, c.lb).listeners) {
        const node = l.tlsEntry?.value;
        // Only a certificate known to be absent: unknown options may hold it.
        if (l.enabled !== true || !isTls(l) || !node || l.certificate.state !== 'unset') continue;
        ctx.report({ path: node.path, message: message(l, c.lb === 'application'), related: relatedFor(l.tlsCandidates), data: { namespace: l.namespace } });
      }
    }
  },
};
