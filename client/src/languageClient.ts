import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { withReveal } from './fixes';
import type { RuleDocs } from './ruleDocs';

const SERVER_MODULE = 'dist/server.js';

/** Files the server analyzes; the patterns catch files VS Code gives no language id (Dockerfile.prod, *.tf without an extension installed). */
const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile}' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'nginx' },
  { scheme: 'file', language: 'terraform' },
  { scheme: 'file', pattern: '**/*.tf' },
  { scheme: 'file', pattern: '**/.readiness.{yml,yaml}' },
];

/** Every file that can change a finding or a piece of evidence, including files that are never opened. */
const WATCHED_FILES =
  '**/{*.yaml,*.yml,*.tf,*.conf,*.nginx,Dockerfile*,.readiness.yml,.readiness.yaml,*.md,*.json,*.js,*.ts,*.py,*.sh,*.jmx}';

export function createLanguageClient(context: vscode.ExtensionContext, docs: RuleDocs): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  // V8's code cache of the server bundle lives in the extension's own storage, never in a workspace.
  const args = [`--code-cache=${vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath}`];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, args },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'readiness', fileEvents: watcher },
    initializationOptions: { locale: vscode.env.language },
    middleware: {
      // Rule links open the page shipped with the extension; fixes reveal the text they insert.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((diagnostic) => docs.localizeDiagnostic(diagnostic))),
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        return actions?.map((action) => (action instanceof vscode.CodeAction ? withReveal(action, document.uri) : action));
      },
    },
  };
  // The id matches the settings prefix so `readiness.trace.server` drives the protocol trace.
  return new LanguageClient('readiness', vscode.l10n.t('Production Readiness'), serverOptions, clientOptions);
}
