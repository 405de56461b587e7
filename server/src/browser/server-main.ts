/**
 * The browser server's entry (dist/web/server.js, scripts/build-web.js): LSP over the Web
 * Worker's messages, the server in this worker (browser-server.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { BrowserLintServer } from './browser-server';

/** The worker's global scope: what the message reader and writer need of it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

new BrowserLintServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self))).listen();
