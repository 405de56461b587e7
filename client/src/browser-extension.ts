/**
 * The web client (package.json `browser`: vscode.dev, github.dev): the same extension as
 * extension.ts (client-core.ts), with the language server in a Web Worker
 * (dist/web/server.js, server/src/browser/) instead of a Node process. The server has no disk:
 * the client reads the workspace's files for it (browser-files.ts). docs/editor.md, "In the browser".
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { serveFiles } from './browser-files';
import { activateClient, deactivateClient } from './client-core';

/** The Web Worker constructor of the extension host (a global there; the declaration keeps this file free of the DOM types). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * The server's worker. VS Code's web worker extension host refuses a worker script of an
 * extension installed on a remote (`vscode-remote:`, as in code-server): its code is read
 * through VS Code's file system and started from a blob there.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<ConstructorParameters<typeof LanguageClient>[3]> {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  if (serverUri.scheme !== 'vscode-remote') return new Worker(serverUri.toString(true));
  const code = await vscode.workspace.fs.readFile(serverUri);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'application/javascript' })));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await serverWorker(context);
  await activateClient(context, {
    create: (options) => new LanguageClient('cfnTlsLint', 'CloudFormation TLS Lint', options, worker),
    attach: serveFiles,
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
