/**
 * The VS Code client: starts the bundled server (dist/server.js) over IPC; the commands, the
 * status bar item, the "TLS Inventory" view and the output channel are client-core.ts's (shared
 * with the web client, browser-extension.ts). Everything about templates happens in the server.
 */
import path = require('path');
import type * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateClient, deactivateClient } from './client-core';
import { CDK_SOURCE_LANGUAGES } from '../../server/src/protocol';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // VS Code's Node.js rejects the build's code cache (another V8): the server keeps its own here.
  const env = { ...process.env, CFN_TLS_LINT_CODE_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  await activateClient(context, {
    create: (options) => new LanguageClient('cfnTlsLint', 'CloudFormation TLS Lint', serverOptions, options),
    // A CDK app's sources: the findings of its cloud assembly on the lines that create constructs.
    moreDocuments: CDK_SOURCE_LANGUAGES.map((language) => ({ scheme: 'file', language })),
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
