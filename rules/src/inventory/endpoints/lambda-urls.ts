/**
 * Lambda function URLs as endpoints: `AWS::Lambda::Url`, and a SAM function's
 * `FunctionUrlConfig`. A function URL is `https://<id>.lambda-url.<region>.on.aws`: HTTPS only,
 * so there is nothing to flag, but it is a public endpoint the inventory should count. Its TLS
 * floor is not something the template sets (nor a documented policy), so it is left unknown;
 * `authType` (`NONE`: anyone on the internet may call it) is kept as a detail.
 */
import type { TemplateReader } from '../../engine/types';
import { entryAt } from '../../evaluate/values';
import { EndpointTable, texts } from '../collect';
import { resourcePath } from './keys';

const LAMBDA_URL = 'AWS::Lambda::Url';
const SAM_FUNCTION = 'AWS::Serverless::Function';

export function addFunctionUrls(ctx: TemplateReader, table: EndpointTable): void {
  for (const resource of ctx.resources(LAMBDA_URL, SAM_FUNCTION)) {
    const sam = resource.type === SAM_FUNCTION;
    const path = sam ? [...resourcePath(resource.id), 'Properties', 'FunctionUrlConfig'] : resourcePath(resource.id);
    let acc: ReturnType<EndpointTable['get']> | undefined;
    for (const view of ctx.views(resource)) {
      const config = sam ? entryAt(view.props, 'FunctionUrlConfig') : view.props;
      if (config === undefined) continue;
      acc ??= table.get(sam ? `${resource.id}.FunctionUrlConfig` : resource.id, 'lambda-function-url', resource.id, resource.type ?? null, path);
      acc.claim(path);
      const authType = texts(entryAt(config, 'AuthType'));
      acc.observe({ protocols: ['HTTPS'], tls: true, floor: undefined, plaintext: false, details: { authType: authType?.join(', ') ?? 'unknown' } });
    }
  }
}
