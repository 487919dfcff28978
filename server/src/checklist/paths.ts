/**
 * Where a finding or an inspection lies, as the checklist shows and judges it: its path relative to
 * the workspace root, its file URI, and whether the file is test data or part of a test. Worked out
 * once per file: at 5,000 manifests the workspace has ten findings and twenty-five inspections a
 * file, and converting each one's path was most of the scoring time.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inFolders, TEST_DATA_FOLDERS, TEST_FOLDERS } from './evidence/source';

export interface FileFacts {
  /** Relative to the workspace root, forward slashes (the path itself when it lies outside the root). */
  file: string;
  /** Absolute file URI, for opening the file from the panel. */
  uri?: string;
  /** In a test-data folder (`testdata/`, `fixtures/` ...): input to a test, never deployed. Its findings fail no item. */
  testData: boolean;
  /** In a test folder or a test-data folder: what rules inspect there proves no item. */
  test: boolean;
}

/** The facts of each file, computed on first use; one table per checklist computation. */
export class FileTable {
  private readonly byPath = new Map<string, FileFacts>();
  private readonly byRelative = new Map<string, FileFacts>();
  private readonly rootUri?: string;

  constructor(private readonly root: string) {
    if (root && isAbsolute(root)) this.rootUri = pathToFileURL(root).href.replace(/\/$/, '');
  }

  /** The facts of a path relative to the root (an evidence hit's). */
  ofRelative(file: string): FileFacts {
    let facts = this.byRelative.get(file);
    if (!facts) {
      facts = this.root && isAbsolute(this.root) ? this.of(join(this.root, file)) : this.of(file);
      this.byRelative.set(file, facts);
    }
    return facts;
  }

  of(path: string): FileFacts {
    let facts = this.byPath.get(path);
    if (!facts) {
      const file = relativePath(path, this.root);
      // Only a path inside the root is judged by its folders: the root's own folders (a workspace
      // kept under fixtures/) say nothing about its files.
      const inside = file !== path.replace(/\\/g, '/') || !isAbsolute(path);
      facts = {
        file,
        ...(isAbsolute(path) ? { uri: this.uriOf(path, inside ? file : undefined) } : {}),
        testData: inside && inFolders(file, TEST_DATA_FOLDERS),
        test: inside && inFolders(file, TEST_FOLDERS),
      };
      this.byPath.set(path, facts);
    }
    return facts;
  }

  /** pathToFileURL's address, built from the root's for a plain relative path (nothing in it to encode): a tenth of the cost. */
  private uriOf(path: string, file: string | undefined): string {
    return this.rootUri && file !== undefined && PLAIN_PATH.test(file) ? `${this.rootUri}/${file}` : pathToFileURL(path).href;
  }
}

/** Characters a file URL's path keeps as they are. */
const PLAIN_PATH = /^[\w.\-/]+$/;

/** `path` relative to `root` with forward slashes, or `path` itself (forward slashes) outside the root. */
export function relativePath(path: string, root: string): string {
  if (!root || !isAbsolute(path)) return path.replace(/\\/g, '/');
  // The common case, a normalized path under the root, without path.relative's resolving.
  const base = root.endsWith(sep) || root.endsWith('/') ? root : `${root}${sep}`;
  if (path.startsWith(base)) {
    const rest = path.slice(base.length);
    // An empty segment, `.` or `..` anywhere: path.relative normalizes them.
    if (!/(?:^|[\\/])(?:\.\.?)?(?:[\\/]|$)/.test(rest)) return rest.replace(/\\/g, '/');
  }
  const rel = relative(root, path);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path).replace(/\\/g, '/');
}
