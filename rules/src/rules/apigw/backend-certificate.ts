import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';

const STAGE = 'AWS::ApiGateway::Stage';

export const apigwBackendCertificate: Rule = {
  meta: {
    id: 'apigw-backend-certificate',
    severity: 'off',
    summary: 'REST API stage without ClientCertificateId: the back end cannot authenticate API Gateway (Security Hub APIGateway.2).',
    fixable: false,
    docs: { severityNote: 'enable it in the configuration' },
    peers: [
      'ed4c48b8-eccc-4881-95c1-09fdae23db25', // KICS API Gateway Without SSL Certificate
      'APIGateway.2',
      'CKV2_AWS_51',
    ],
    resourceTypes: [STAGE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(STAGE)) {
      // Properties written but not a mapping (an intrinsic): not knowable.
      if (!view.props && view.resource.properties !== undefined) continue;
      if (entry(view.props, 'ClientCertificateId') !== undefined) continue;
      ctx.report({
        path: view.path,
        target: 'key',
        message:
          'Stage has no ClientCertificateId, so API Gateway calls the back end without a client certificate and the back end ' +
          "cannot tell its requests from anyone else's. Add an AWS::ApiGateway::ClientCertificate and set ClientCertificateId to it.",
      });
    }
  },
};
