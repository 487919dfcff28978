/**
 * A minimal LSP client for tests and benchmarks: waits on notifications, never sleeps. It talks to
 * a server process over stdio (the built dist/server.js, or a peer language server), or to a
 * server created in this process over a pair of streams (fast, and tests may pass server options).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { createServer, type ServerOptions } from '../../server/src/lsp/server';

export interface ClientOptions {
  /** Answers to workspace/configuration by section (`readiness`, `files.exclude`, ...); null otherwise. */
  settings?: Record<string, unknown>;
}

export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  /** How many times each document's diagnostics were published. */
  readonly publications = new Map<string, number>();
  /** Methods the server asked to register (client/registerCapability), in order. */
  readonly registrations: string[] = [];
  private checklistWaiters: ((params: { unchanged?: boolean }) => void)[] = [];
  /** Workspace edits the server asked the client to apply. */
  readonly appliedEdits: unknown[] = [];
  settings: Record<string, unknown>;

  constructor(
    input: Readable,
    output: Writable,
    options: ClientOptions = {},
    readonly process?: ChildProcess,
    private readonly onClose?: () => void,
  ) {
    this.settings = options.settings ?? {};
    this.connection = createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('readiness/checklistChanged', (params?: { unchanged?: boolean }) => {
      for (const waiter of this.checklistWaiters.splice(0)) waiter(params ?? {});
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => this.settings[item.section ?? ''] ?? null));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      this.appliedEdits.push(params);
      return { applied: false, failureReason: 'the test client applies nothing' };
    });
    this.connection.listen();
  }

  /** A server process speaking LSP over stdio (`node dist/server.js --stdio`, a peer server). */
  static spawn(command: string, args: string[], options: ClientOptions = {}): LspTestClient {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    return new LspTestClient(child.stdout!, child.stdin!, options, child);
  }

  /** Our server in this process, over in-memory streams. */
  static inProcess(options: ClientOptions & { server?: ServerOptions } = {}): LspTestClient {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    createServer(connection, options.server);
    connection.listen();
    return new LspTestClient(toClient, toServer, options, undefined, () => connection.dispose());
  }

  /** initialize + initialized for these folders; resolves with the server's capabilities. */
  async start(folders: string[], capabilities: Record<string, unknown> = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } }): Promise<unknown> {
    const { URI } = await import('vscode-uri');
    const result = await this.connection.sendRequest('initialize', {
      processId: this.process ? process.pid : null,
      rootUri: folders[0] ? URI.file(folders[0]).toString() : null,
      workspaceFolders: folders.map((folder, i) => ({ uri: URI.file(folder).toString(), name: `folder${i}` })),
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    if (this.process) {
      await this.connection.sendNotification('exit').catch(() => undefined);
      this.process.kill();
    }
    this.connection.dispose();
    this.onClose?.();
  }

  /** The next readiness/checklistChanged, with its params (`unchanged` when the server kept its report). */
  checklistChanged(timeoutMs = 15000): Promise<{ unchanged?: boolean }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no readiness/checklistChanged within ${timeoutMs} ms`)), timeoutMs);
      this.checklistWaiters.push((params) => (clearTimeout(timer), resolve(params)));
    });
  }

  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    const current = this.latest.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri))}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }
}
