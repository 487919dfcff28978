/** A minimal LSP client over stdio for tests and benchmarks: waits on notifications, never sleeps. */
import type { ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  private checklistWaiters: (() => void)[] = [];

  constructor(readonly process: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('readiness/checklistChanged', () => {
      for (const waiter of this.checklistWaiters.splice(0)) waiter();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  checklistChanged(timeoutMs = 15000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no readiness/checklistChanged within ${timeoutMs} ms`)), timeoutMs);
      this.checklistWaiters.push(() => (clearTimeout(timer), resolve()));
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
