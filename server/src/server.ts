/**
 * Entry point of the language server (dist/server.js) and of its lint worker thread: loads the
 * server bundle (dist/server-main.js) with V8's code cache (rules/src/node/code-cache.ts), so a
 * start does not compile a megabyte of JavaScript.
 */
import path = require('path');
import { requireWithCodeCache } from '../../rules/src/node/code-cache';

requireWithCodeCache(path.join(__dirname, 'server-main.js'));
