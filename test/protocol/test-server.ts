/**
 * The language server the protocol tests start when they need its fault hooks: the shipped
 * server with the test-only rules and requests of fault-injection.ts added through its
 * extensions. Compiled by `tsc -p .` to out/test/protocol/test-server.js; never bundled.
 */
import { start } from '../../server/src/start';
import { faultExtensions } from './fault-injection';

start(__filename, faultExtensions());
