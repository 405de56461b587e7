/**
 * Entry point of the bundled language server (dist/server.js), and of its lint worker thread
 * (the same file: no second bundle to ship). Nothing test-only is in it: the protocol tests
 * start test/protocol/test-server.ts, which adds their faulty rules through start()'s extensions.
 */
import { start } from './start';

start(__filename);
