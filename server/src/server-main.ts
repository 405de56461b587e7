/**
 * The language server (dist/server-main.js), loaded by dist/server.js with V8's code cache. Its
 * lint worker thread starts dist/server.js again, so it too loads with the cache. Nothing
 * test-only is in it: the protocol tests start test/protocol/test-server.ts, which adds their
 * faulty rules through start()'s extensions.
 */
import path = require('path');
import { start } from './start';

start(path.join(__dirname, 'server.js'));
