import { URI } from 'vscode-uri';

/** The file-system path of a `file:` URI; other schemes (untitled, git) are not analyzed. */
export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

/**
 * The URIs of open documents by path, as the client spelled them (a client may encode a drive
 * letter or a space differently from URI.file), so notifications name the documents it knows.
 */
export class UriTable {
  private readonly byPath = new Map<string, string>();

  remember(path: string, uri: string): void {
    this.byPath.set(path, uri);
  }

  forget(path: string): void {
    this.byPath.delete(path);
  }

  uriOf(path: string): string {
    return this.byPath.get(path) ?? URI.file(path).toString();
  }
}
