/**
 * vscode-languageserver/node for the whole server, through one `require`. Importing a CommonJS
 * package by name in each module makes esbuild copy its ~300 exports into a namespace object
 * per importing module (`__toESM`): 11 copies were a tenth of the server's start-up.
 * `export import` keeps each name's value and type meanings.
 */
import lsp = require('vscode-languageserver/node');

export import CancellationToken = lsp.CancellationToken;
export import CancellationTokenSource = lsp.CancellationTokenSource;
export import CodeAction = lsp.CodeAction;
export import CodeActionKind = lsp.CodeActionKind;
export import CodeActionParams = lsp.CodeActionParams;
export import CompletionItem = lsp.CompletionItem;
export import CompletionItemKind = lsp.CompletionItemKind;
export import CompletionItemTag = lsp.CompletionItemTag;
export import CompletionList = lsp.CompletionList;
export import Connection = lsp.Connection;
export import Diagnostic = lsp.Diagnostic;
export import DiagnosticSeverity = lsp.DiagnosticSeverity;
export import DiagnosticTag = lsp.DiagnosticTag;
export import DidChangeWatchedFilesNotification = lsp.DidChangeWatchedFilesNotification;
export import ErrorCodes = lsp.ErrorCodes;
export import ExecuteCommandParams = lsp.ExecuteCommandParams;
export import ExecuteCommandRequest = lsp.ExecuteCommandRequest;
export import FileChangeType = lsp.FileChangeType;
export import Hover = lsp.Hover;
export import IPCMessageReader = lsp.IPCMessageReader;
export import IPCMessageWriter = lsp.IPCMessageWriter;
export import InitializeParams = lsp.InitializeParams;
export import InlayHint = lsp.InlayHint;
export import InitializeResult = lsp.InitializeResult;
export import LSPErrorCodes = lsp.LSPErrorCodes;
export import MarkupKind = lsp.MarkupKind;
export import MessageReader = lsp.MessageReader;
export import MessageWriter = lsp.MessageWriter;
export import Position = lsp.Position;
export import ProposedFeatures = lsp.ProposedFeatures;
export import Range = lsp.Range;
export import ResponseError = lsp.ResponseError;
export import SetTraceNotification = lsp.SetTraceNotification;
export import StreamMessageReader = lsp.StreamMessageReader;
export import StreamMessageWriter = lsp.StreamMessageWriter;
export import TextDocumentEdit = lsp.TextDocumentEdit;
export import TextDocumentSyncKind = lsp.TextDocumentSyncKind;
export import TextDocuments = lsp.TextDocuments;
export import TextEdit = lsp.TextEdit;
export import Trace = lsp.Trace;
export import WatchKind = lsp.WatchKind;
export type WorkDoneProgressReporter = lsp.WorkDoneProgressReporter;
export import WorkspaceEdit = lsp.WorkspaceEdit;
export import createConnection = lsp.createConnection;
export import createServerPipeTransport = lsp.createServerPipeTransport;
export import createServerSocketTransport = lsp.createServerSocketTransport;
