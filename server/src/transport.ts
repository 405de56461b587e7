import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  MessageReader,
  MessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from './lsp';

/**
 * The server's end of the connection, chosen from the command line as vscode-languageserver
 * chooses it (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`), but made here so
 * that the reader's errors reach the server: the library's own connection drops them, and a
 * message it cannot read left the server reading nothing more, silently (docs/robustness.md,
 * "Language server faults").
 */
export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** The raw byte stream of a `--stdio` connection (its framing is checked too); undefined otherwise. */
  stdin?: NodeJS.ReadableStream;
}

/** The value of `--name value` or `--name=value` in argv. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** The transport the command line asks for; stdio when it names none. */
export function transportFromArgs(argv: readonly string[]): Transport {
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process) };
  const port = Number.parseInt(option(argv, '--socket') ?? '', 10);
  if (Number.isInteger(port) && port > 0) {
    const [reader, writer] = createServerSocketTransport(port);
    return { reader, writer };
  }
  const pipe = option(argv, '--pipe');
  if (pipe) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer };
  }
  return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdin: process.stdin };
}
