/**
 * What the browser server asks the VS Code client for, having no disk (names and types only: the
 * client bundle pulls in nothing else from here). The client answers through
 * `vscode.workspace.fs` (client/src/browser-files.ts). docs/editor.md, "In the browser".
 */

/** Request (server to client): the candidate templates of workspace folders. */
export const LIST_FILES_REQUEST = 'cfnTlsLint/web/listFiles';

export interface ListFilesParams {
  folders: { uri: string; exclude: string[]; maxFiles: number }[];
}

export interface ListFilesResult {
  uris: string[];
  /** A folder had more candidates than its maxFiles. */
  truncated: boolean;
}

/** Request (server to client): the text of some files. */
export const READ_FILES_REQUEST = 'cfnTlsLint/web/readFiles';

export interface ReadFilesParams {
  uris: string[];
}

/** One per URI, in order: the text, or why it could not be read. */
export type ReadFilesResult = ({ text: string } | { error: string })[];

/** Request (server to client): files of the extension itself (the resource specification), by path below `dist/`. */
export const EXTENSION_FILES_REQUEST = 'cfnTlsLint/web/extensionFiles';

export interface ExtensionFilesParams {
  paths: string[];
}

/** One per path, in order: the text, or null when there is no such file. */
export type ExtensionFilesResult = (string | null)[];

/** What may be asked for with EXTENSION_FILES_REQUEST: the spec index's files, nothing else. */
export const EXTENSION_FILE_PATTERN = /^spec-index\/[A-Za-z0-9_]{1,100}\.json$/;

/** Files larger than this are not read for the scan (the engine would refuse them anyway). */
export const MAX_SCAN_FILE_BYTES = 10 * 1024 * 1024;

/** The globs of candidate templates (as the desktop scan's `isCandidateFile`). */
export const CANDIDATE_GLOB = '**/*.{yaml,yml,json,template}';
