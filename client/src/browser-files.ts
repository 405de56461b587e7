/**
 * The web client's answers to its server, which has no disk (server/src/browser/protocol.ts):
 * the workspace's candidate templates (`vscode.workspace.findFiles`), their text and the
 * extension's own spec files (`vscode.workspace.fs`), bounded in number and size.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CANDIDATE_GLOB,
  EXTENSION_FILE_PATTERN,
  EXTENSION_FILES_REQUEST,
  LIST_FILES_REQUEST,
  MAX_SCAN_FILE_BYTES,
  READ_FILES_REQUEST,
  type ExtensionFilesParams,
  type ExtensionFilesResult,
  type ListFilesParams,
  type ListFilesResult,
  type ReadFilesParams,
  type ReadFilesResult,
} from '../../server/src/browser/protocol';

/** Always skipped, as by the desktop scan. */
const SKIPPED = ['**/node_modules/**', '**/.git/**', '**/cdk.out/**', '**/.aws-sam/**'];

async function listFiles(p: ListFilesParams, token: vscode.CancellationToken): Promise<ListFilesResult> {
  const out: ListFilesResult = { uris: [], truncated: false };
  for (const f of p.folders) {
    const folder = vscode.Uri.parse(f.uri);
    const exclude = `{${[...SKIPPED, ...f.exclude.filter((g) => !/[{}]/.test(g))].join(',')}}`;
    const max = Math.max(0, Math.floor(f.maxFiles));
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, CANDIDATE_GLOB), exclude, max + 1, token);
    if (found.length > max) out.truncated = true;
    out.uris.push(...found.slice(0, max).map((u) => u.toString()));
  }
  return out;
}

async function readText(uri: vscode.Uri): Promise<{ text: string } | { error: string }> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_SCAN_FILE_BYTES) return { error: `larger than ${MAX_SCAN_FILE_BYTES} bytes` };
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function readFiles(p: ReadFilesParams): Promise<ReadFilesResult> {
  return Promise.all(p.uris.map((u) => readText(vscode.Uri.parse(u))));
}

/** The extension's files below dist/ that the server may ask for (the spec index), nothing else. */
function extensionFiles(context: vscode.ExtensionContext, p: ExtensionFilesParams): Promise<ExtensionFilesResult> {
  return Promise.all(
    p.paths.map(async (path) => {
      if (typeof path !== 'string' || !EXTENSION_FILE_PATTERN.test(path)) return null;
      const r = await readText(vscode.Uri.joinPath(context.extensionUri, 'dist', ...path.split('/')));
      return 'text' in r ? r.text : null;
    }),
  );
}

/** Answers the browser server's file requests. */
export function serveFiles(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  client.onRequest(LIST_FILES_REQUEST, (p: ListFilesParams, token: vscode.CancellationToken) => listFiles(p, token));
  client.onRequest(READ_FILES_REQUEST, (p: ReadFilesParams) => readFiles(p));
  client.onRequest(EXTENSION_FILES_REQUEST, (p: ExtensionFilesParams) => extensionFiles(context, p));
}
