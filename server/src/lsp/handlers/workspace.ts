import { FileChangeType, type Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { ReadinessService } from '../../service';
import { pathOf, type UriTable } from '../paths';
import type { DiagnosticsPublisher } from './diagnostics';

/** Files changed on disk. */
export function registerWorkspaceHandlers(connection: Connection, service: ReadinessService, publisher: DiagnosticsPublisher, uris: UriTable): void {
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await service.started;
    const files = changes.flatMap((change) => {
      const path = pathOf(change.uri);
      return path ? [{ path, deleted: change.type === FileChangeType.Deleted }] : [];
    });
    for (const path of service.filesChanged(files)) publisher.schedule(uris.uriOf(path), 0);
  });

}

/**
 * Workspace folders added or removed. Called once initialized: the server's capabilities then say
 * the client sends these notifications unasked; subscribing during `initialize` makes
 * vscode-languageserver also ask for them with client/registerCapability, which the client refuses
 * at that point.
 */
export function registerFolderHandler(connection: Connection, service: ReadinessService, publisher: DiagnosticsPublisher, uris: UriTable): void {
  connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
    await service.started;
    const affected = service.changeFolders(
      added.map((folder) => URI.parse(folder.uri).fsPath),
      removed.map((folder) => URI.parse(folder.uri).fsPath),
    );
    for (const path of affected) publisher.schedule(uris.uriOf(path), 0);
  });
}
