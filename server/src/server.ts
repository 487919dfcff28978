/**
 * The language server over node IPC (VS Code) or --stdio (other editors), started by dist/server.js
 * (boot.ts). All the work is in lsp/server.ts (LSP handlers) and service/ (the ReadinessService
 * they call).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/server';

export interface StartOptions {
  /** Called once, after the first checklist of the workspace is scored. */
  settled?: () => void;
}

export function start(options: StartOptions = {}): void {
  const connection = createConnection(ProposedFeatures.all);
  createServer(connection, { settled: options.settled });
  // A bug must cost one answer, never the server: log it and go on.
  process.on('uncaughtException', (error) => connection.console.error(`readiness: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`readiness: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  connection.listen();
}

if (require.main === module) start();
