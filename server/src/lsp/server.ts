/**
 * The language server: LSP handlers over one ReadinessService. Capabilities and start-up here;
 * documents, workspace events and the checklist requests in handlers/*.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { LineIndex } from '../engine/text';
import { t } from '../i18n';
import { VERSION } from '../package-info';
import { ReadinessService, type ServiceHost, type ServiceOptions } from '../service';
import { registerChecklistHandlers } from './handlers/checklist';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { registerDocumentHandlers } from './handlers/documents';
import { fetchEditorSettings } from './handlers/settings';
import { registerFolderHandler, registerWorkspaceHandlers } from './handlers/workspace';
import { ChecklistChangedNotification } from './protocol';
import { UriTable } from './paths';

/** Options for tests: how the service analyzes, and how eagerly it reports progress. */
export type ServerOptions = Pick<ServiceOptions, 'analyze' | 'progressThreshold' | 'sliceMs' | 'startKind'> & {
  /** Called once, after the first checklist of the workspace is scored (the code cache is written then). */
  settled?: () => void;
};

/** Wires a connection to a new service; call `connection.listen()` after. */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const uris = new UriTable();
  let service: ReadinessService | undefined;
  let pullSettings = false;
  let watchFiles = false;
  let subscribeFolders: (() => void) | undefined;
  let { settled, ...serviceOptions } = options;

  connection.onInitialize((params: InitializeParams) => {
    const roots = params.workspaceFolders?.map((folder) => URI.parse(folder.uri).fsPath) ?? [];
    if (roots.length === 0 && params.rootUri) roots.push(URI.parse(params.rootUri).fsPath);
    const capabilities = params.capabilities;
    pullSettings = Boolean(capabilities.workspace?.configuration);
    const progress = Boolean(capabilities.window?.workDoneProgress);
    const clientLocale = (params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale;
    const host: ServiceHost = {
      log: (message) => connection.console.info(`readiness: ${message}`),
      diagnosticsChanged: (paths) => {
        for (const path of paths) publisher.schedule(uris.uriOf(path), 0);
      },
      checklistChanged: (params) => {
        void connection.sendNotification(ChecklistChangedNotification, params);
        if (settled) setImmediate(settled);
        settled = undefined;
      },
      startProgress: async (title) => {
        if (!progress) return undefined;
        const reporter = await connection.window.createWorkDoneProgress();
        reporter.begin(title, 0, undefined, false);
        return {
          report: (done, total) => reporter.report(Math.floor((100 * done) / total), t(service!.locale, 'server.indexingProgress', { done, total })),
          done: () => reporter.done(),
        };
      },
      applyEdit: async (path, version, current, change) => {
        const result = await connection.workspace.applyEdit({
          documentChanges: [{ textDocument: { uri: uris.uriOf(path), version }, edits: [{ range: new LineIndex(current).rangeOf(change), newText: change.newText }] }],
        });
        return { applied: result.applied, reason: result.failureReason };
      },
    };
    service = new ReadinessService({ ...serviceOptions, roots, clientLocale, host, live: true });
    const publisher = new DiagnosticsPublisher(connection, documents, service);
    registerDocumentHandlers(connection, documents, service, publisher, uris);
    registerWorkspaceHandlers(connection, service, publisher, uris);
    if (capabilities.workspace?.workspaceFolders) subscribeFolders = () => registerFolderHandler(connection, service!, publisher, uris);
    registerChecklistHandlers(connection, service);
    connection.onShutdown(() => {
      publisher.dispose();
      service!.dispose();
    });
    connection.onDidChangeConfiguration(async ({ settings }) => {
      await service!.started;
      const editor = await fetchEditorSettings(connection, pullSettings, settings);
      for (const path of service!.configure(editor)) publisher.schedule(uris.uriOf(path), 0);
    });
    watchFiles = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'readiness', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    subscribeFolders?.();
    if (pullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'readiness' });
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    // The user's settings come before the first analysis: a raised size limit or a rule turned off
    // holds from the first diagnostics on.
    const editor = await fetchEditorSettings(connection, pullSettings);
    await service!.start(editor);
  });

  documents.listen(connection);
}
