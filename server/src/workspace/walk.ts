import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface WalkedEntry {
  path: string;
  name: string;
  /** Folders below the walk's start (0: directly in it). */
  depth: number;
  /** A symbolic link: the walk reports it, never follows it; the caller decides what a link to a file is worth. */
  symlink: boolean;
  /** A FIFO, socket or device: reported so it can be listed, never to be opened. */
  special: boolean;
}

export interface WalkOptions {
  /** Whether to report a file or enter a folder; everything is entered by default. */
  enter?(entry: WalkedEntry, isFolder: boolean): boolean;
  /** Folders deeper than this are not entered. */
  maxDepth?: number;
  /** Stop after reading this many directory entries (a hostile tree cannot keep the walk busy). */
  maxEntries?: number;
}

/**
 * Every entry that is not a folder below a folder, depth first, in name order. Only real folders
 * are entered: a symlinked folder is never followed, so `ln -s . loop` neither loops nor counts a
 * file twice, and a link cannot lead the walk out of the tree. Unreadable folders are skipped,
 * never thrown. Returns false when `maxEntries` cut the walk short.
 */
export function walkFiles(folder: string, visit: (entry: WalkedEntry) => void, options: WalkOptions = {}): boolean {
  const maxDepth = options.maxDepth ?? Infinity;
  let budget = options.maxEntries ?? Infinity;
  // An explicit stack: a deep tree cannot overflow the call stack.
  const stack: { dir: string; depth: number }[] = [{ dir: folder, depth: 0 }];
  while (stack.length) {
    const { dir, depth } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: { dir: string; depth: number }[] = [];
    for (const dirent of entries) {
      if (--budget < 0) return false;
      const symlink = dirent.isSymbolicLink();
      const special = !symlink && !dirent.isFile() && !dirent.isDirectory();
      const entry: WalkedEntry = { path: join(dir, dirent.name), name: dirent.name, depth, symlink, special };
      if (dirent.isDirectory()) {
        if (depth + 1 < maxDepth && (options.enter?.(entry, true) ?? true)) folders.push({ dir: entry.path, depth: depth + 1 });
      } else if (options.enter?.(entry, false) ?? true) visit(entry);
    }
    for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]);
  }
  return true;
}
