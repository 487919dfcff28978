/**
 * Entry point of the language server over node IPC (VS Code) or --stdio (other editors). All the
 * work is in lsp/server.ts (LSP handlers) and service/ (the ReadinessService they call).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);
createServer(connection);
// A bug must cost one answer, never the server: log it and go on.
process.on('uncaughtException', (error) => connection.console.error(`readiness: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`readiness: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
connection.listen();
