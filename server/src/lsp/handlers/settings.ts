import type { Connection } from 'vscode-languageserver/node';
import { editorSettingsFrom, type EditorSettings } from '../../settings';

/**
 * The editor's `readiness.*` settings (and `files.exclude`), pulled from the client when it
 * supports workspace/configuration; a client that cannot answer gets the defaults.
 */
export async function fetchEditorSettings(connection: Connection, pull: boolean, pushed?: unknown): Promise<EditorSettings> {
  if (!pull) return editorSettingsFrom((pushed as { readiness?: unknown } | undefined)?.readiness);
  try {
    const [value, filesExclude] = (await connection.workspace.getConfiguration([{ section: 'readiness' }, { section: 'files.exclude' }])) as [unknown, unknown];
    return editorSettingsFrom(value, filesExclude);
  } catch (error) {
    connection.console.error(`readiness: cannot read the settings (${error instanceof Error ? error.message : String(error)}); using the defaults`);
    return editorSettingsFrom(undefined);
  }
}
