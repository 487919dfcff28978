/**
 * Entry point of the language server over node IPC (VS Code) or --stdio (other editors). All the
 * work is in lsp/server.ts (LSP handlers) and service/ (the ReadinessService they call).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);
createServer(connection);
process.on('uncaughtException', (error) => connection.console.error(`readiness: ${error.stack ?? error.message}`));
connection.listen();
