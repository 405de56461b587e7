/**
 * EventBridge API destinations: `AWS::Events::ApiDestination` `InvocationEndpoint`.
 *
 * Source: EventBridge user guide, "API destinations" ("API destinations are HTTPS endpoints") and
 * "Creating an API destination" ("The URL must use HTTPS"). The resource schema's pattern does not
 * check the scheme, so the template validates and the request fails when the stack is deployed.
 */

export const API_DESTINATION = 'AWS::Events::ApiDestination';

/** The scheme EventBridge refuses for an API destination (compared case-insensitively). */
export const PLAIN_HTTP_SCHEME = 'http://';
