import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { analyzeFile, type AnalysisSettings, type FileAnalysis } from '../engine/analyze';
import { skipReasonForContent, tooLargeReason, DEFAULT_MAX_FILE_SIZE_KB } from '../engine/files';
import type { ParsedFile, Rule, WorkspaceView } from '../engine/rule';
import type { BaseModel, FileKind } from '../engine/types';
import { detectKind, kindSupport, mayBeSupported } from '../kinds';
import { isEvidenceCandidate } from '../checklist/evidence';
import { compileGlob, hasMagic, literalPrefix, type GlobMatcher } from './glob';
import { readHead, readRegularFile } from './read';
import { walkFiles } from './walk';

/** Folders never worth walking: VCS data, dependencies, build output of common toolchains. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.terraform', '.venv', '__pycache__', '.e2e', '.hg', '.svn']);

/** A glob (an nginx `include`) returns at most this many files ... */
const MAX_GLOB_MATCHES = 1024;
/** ... and reads at most this many directory entries looking for them. */
const MAX_GLOB_ENTRIES = 100_000;
/** How much of a file too large to read is read to tell its kind (the sniffers look no further). */
const SNIFF_BYTES = 64 * 1024;

/** Globs and excludes work on `/`-separated paths; on Windows a `\` is a separator, not an escape. */
const NATIVE_SLASHES = sep === '/';
const toSlashes = (path: string) => (NATIVE_SLASHES ? path : path.split(sep).join('/'));

export interface IndexOptions {
  exclude?: string[];
  maxFileSizeKb?: number;
}

interface Entry {
  path: string;
  text: string;
  /** Editor version for open documents; undefined for files read from disk. */
  version?: number;
  kind?: FileKind;
  skip?: string;
  model?: BaseModel;
  /** The model of the file's previous text, until this text is parsed: the parser reuses what an edit left alone. */
  previous?: BaseModel;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Every supported file of a workspace with its text and (lazily) its parsed model, plus the files
 * that may hold checklist evidence. The LSP server keeps one current through document and
 * file-watcher events; the CLI builds one per scan. Models are parsed once per text version.
 *
 * What it reads from disk stays inside the workspace: the root and the folders it scanned. Symlinked
 * folders are never followed, a link to a file counts only if the file is inside, and only regular
 * files under the size limit are read.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** `paths()` by kind (undefined: every kind), sorted; a keystroke does not sort thousands of paths again. */
  private readonly sortedPaths = new Map<FileKind | undefined, readonly string[]>();
  private readonly evidence = new Map<string, string>();
  /**
   * The evidence files in the order evidenceFiles() lists them, with their relative paths: sorted
   * again when a file comes or goes, not when a text changes (every keystroke in a manifest does).
   */
  private evidenceOrder: { path: string; relative: string }[] | undefined;
  private currentView: WorkspaceView | undefined;
  /** What every view of this index shares (see WorkspaceView.lineage). */
  private readonly lineage = {};
  readonly skipped = new Map<string, string>();
  private options: Required<IndexOptions>;
  private excludeMatchers: GlobMatcher[] = [];
  /** The workspace folders (absolute), with their real paths once resolved. */
  private readonly roots = new Map<string, string | undefined>();

  constructor(
    readonly root: string,
    options: IndexOptions = {},
  ) {
    this.options = { exclude: [], maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB };
    this.setOptions(options);
    this.roots.set(resolve(root), undefined);
  }

  setOptions(options: IndexOptions): void {
    this.changed();
    this.options = { exclude: options.exclude ?? this.options.exclude, maxFileSizeKb: options.maxFileSizeKb ?? this.options.maxFileSizeKb };
    this.excludeMatchers = this.options.exclude.map((pattern) => compileGlob(pattern, { dot: true, matchBase: !pattern.includes('/') }));
  }

  relative(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  absolute(relativePath: string): string {
    return join(this.root, relativePath);
  }

  isExcluded(path: string): boolean {
    const rel = this.relative(path);
    if (rel.startsWith('..')) return false;
    if (rel.split('/').some((part) => ALWAYS_SKIPPED.has(part))) return true;
    return this.excludeMatchers.some((matches) => matches(rel));
  }

  /** True when a path is in one of the workspace's folders, by name and (when it exists) by its real path. */
  contains(path: string): boolean {
    const absolute = resolve(path);
    if (![...this.roots.keys()].some((root) => isWithin(absolute, root))) return false;
    const real = realPath(absolute);
    if (real === undefined) return true;
    return this.realRoots().some((root) => isWithin(real, root));
  }

  /** Walks a folder (the root by default), reading every file that may be supported or may be evidence. */
  scan(folder: string = this.root): void {
    for (const path of this.candidates(folder)) this.readFromDisk(path);
  }

  /**
   * The files `scan` would read, without reading them: the server reads them a few at a time in
   * the background (`readFromDisk`) so that indexing a large workspace never delays diagnostics.
   * A link to a file inside the workspace is left out: that file is analyzed at its own path.
   */
  candidates(folder: string = this.root): string[] {
    const absolute = resolve(folder);
    if (![...this.roots.keys()].some((root) => isWithin(absolute, root))) this.roots.set(absolute, undefined);
    const found: string[] = [];
    walkFiles(
      absolute,
      (entry) => {
        if (!entry.symlink || realPath(entry.path) === undefined || !this.contains(entry.path)) found.push(entry.path);
      },
      { enter: (entry) => !ALWAYS_SKIPPED.has(entry.name) && !this.isExcluded(entry.path) },
    );
    return found;
  }

  /** (Re)reads a file from disk unless an editor owns it; used by the scan and file watchers. */
  readFromDisk(path: string): void {
    const existing = this.entries.get(path);
    if (existing?.version !== undefined) return;
    const supported = mayBeSupported(path);
    const evidence = isEvidenceCandidate(this.relative(path));
    if (!supported && !evidence) return;
    const type = fileType(path);
    if (type === 'symlink') {
      if (realPath(path) === undefined || !this.contains(path)) return this.skipLink(path);
      this.remove(path);
      if (supported) this.markSkipped(path, 'not analyzed: a symbolic link; the file it points to is analyzed at its own path');
      return;
    }
    if (type === 'folder') return this.remove(path);
    if (type === 'special') {
      this.remove(path);
      if (supported) this.markSkipped(path, 'not analyzed: not a regular file');
      return;
    }
    const maxBytes = this.options.maxFileSizeKb * 1024;
    const read = readRegularFile(path, maxBytes);
    if ('text' in read) return this.setText(path, read.text);
    this.remove(path);
    if (!supported) return;
    if ('tooLarge' in read) {
      // A YAML file is a manifest only by its content: the head tells, as it does for any file.
      if (detectKind(path, readHead(path, SNIFF_BYTES)) !== undefined) this.markSkipped(path, tooLargeReason(read.tooLarge, this.options.maxFileSizeKb));
    } else if ('error' in read && read.error !== 'ENOENT') this.markSkipped(path, `not analyzed: cannot be read (${read.error})`);
    else if ('notAFile' in read) this.markSkipped(path, 'not analyzed: not a regular file');
  }

  /** A link that leads out of the workspace, or nowhere. */
  private skipLink(path: string): void {
    this.remove(path);
    if (!mayBeSupported(path)) return;
    this.markSkipped(path, realPath(path) === undefined ? 'not analyzed: a broken symbolic link' : 'not analyzed: a symbolic link to a file outside the workspace');
  }

  /** Sets the text of a file: from disk (no version) or from an open editor buffer. */
  setText(path: string, text: string, version?: number, kindHint?: FileKind): void {
    const before = this.entries.get(path);
    this.store(path, text, version, kindHint);
    this.noteListing(path, before);
  }

  private store(path: string, text: string, version?: number, kindHint?: FileKind): void {
    this.changed();
    if (isEvidenceCandidate(this.relative(path)) && !text.includes('\u0000')) {
      if (!this.evidence.has(path)) this.evidenceOrder = undefined;
      this.evidence.set(path, text);
    }
    // The editor's language (a user's files.associations) decides when the path alone does not.
    const detection = detectKind(path, text) ?? (kindHint ? { kind: kindHint } : undefined);
    if (!detection) {
      this.entries.delete(path);
      this.skipped.delete(path);
      return;
    }
    const skip = detection.skip ?? skipReasonForContent(text, this.options.maxFileSizeKb);
    if (skip) {
      this.markSkipped(path, skip);
      this.entries.set(path, { path, text: '', version, kind: detection.kind, skip });
      return;
    }
    this.skipped.delete(path);
    const existing = this.entries.get(path);
    if (existing && existing.text === text && existing.kind === detection.kind) {
      existing.version = version;
      return;
    }
    const previous = existing?.kind === detection.kind ? (existing.model ?? existing.previous) : undefined;
    this.entries.set(path, { path, text, version, kind: detection.kind, previous });
  }

  /** An editor closed the file: forget its buffer and go back to the disk's content. */
  release(path: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.version = undefined;
    this.readFromDisk(path);
  }

  /** Drops every file under a folder (a workspace folder was removed). */
  forget(folder: string): void {
    this.roots.delete(resolve(folder));
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    for (const path of [...this.entries.keys(), ...this.evidence.keys(), ...this.skipped.keys()]) {
      if (path.startsWith(prefix)) this.remove(path);
    }
  }

  remove(path: string): void {
    this.changed();
    const before = this.entries.get(path);
    this.entries.delete(path);
    this.noteListing(path, before);
    if (this.evidence.delete(path)) this.evidenceOrder = undefined;
    this.skipped.delete(path);
  }

  private markSkipped(path: string, reason: string) {
    this.skipped.set(path, reason);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  kindOf(path: string): FileKind | undefined {
    return this.entries.get(path)?.kind;
  }

  skipReason(path: string): string | undefined {
    return this.entries.get(path)?.skip ?? this.skipped.get(path);
  }

  paths(kind?: FileKind): string[] {
    let sorted = this.sortedPaths.get(kind);
    if (!sorted) {
      const paths: string[] = [];
      for (const entry of this.entries.values()) if (!entry.skip && (kind === undefined || entry.kind === kind)) paths.push(entry.path);
      sorted = paths.sort();
      this.sortedPaths.set(kind, sorted);
    }
    return sorted.slice();
  }

  /** The sorted lists change only when a file is listed, unlisted or listed under another kind (not when its text changes). */
  private noteListing(path: string, before: Entry | undefined): void {
    const after = this.entries.get(path);
    const listedAs = (entry: Entry | undefined) => (entry && !entry.skip ? entry.kind : undefined);
    if (listedAs(before) !== listedAs(after)) this.sortedPaths.clear();
  }

  model(path: string): BaseModel | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.skip || !entry.kind) return undefined;
    if (!entry.model) {
      entry.model = kindSupport(entry.kind).parse(entry.text, path, entry.previous);
      entry.previous = undefined;
    }
    return entry.model;
  }

  evidenceFiles(): { path: string; text: string }[] {
    this.evidenceOrder ??= [...this.evidence.keys()].map((path) => ({ path, relative: this.relative(path) })).sort((a, b) => a.relative.localeCompare(b.relative));
    return this.evidenceOrder.map(({ path, relative }) => ({ path: relative, text: this.evidence.get(path)! }));
  }

  /**
   * The view rules get of the workspace: parsed files on demand, raw text, and globbing for
   * includes. It is one object per state of the workspace (any change makes a new one), so rules
   * may cache what they derive from it, keyed by the view.
   */
  view(): WorkspaceView {
    if (this.currentView) return this.currentView;
    const byKind = new Map<FileKind | undefined, ParsedFile[]>();
    const globs = new Map<string, string[]>();
    this.currentView = {
      files: (kind) => {
        let files = byKind.get(kind);
        if (!files) {
          files = this.paths(kind).map((path) => this.parsed(path)).filter((file): file is ParsedFile => file !== undefined);
          byKind.set(kind, files);
        }
        return files;
      },
      get: (path) => this.parsed(path),
      readText: (path) => this.readText(path),
      contains: (path) => this.contains(path),
      lineage: this.lineage,
      glob: (pattern) => {
        let matches = globs.get(pattern);
        if (!matches) {
          matches = this.glob(pattern);
          globs.set(pattern, matches);
        }
        return matches;
      },
    };
    return this.currentView;
  }

  /**
   * The text of a file inside the workspace (its open buffer, or the disk's), for includes and
   * other cross-file lookups. Anything else is unknown: a path outside the workspace (`..`, an
   * absolute path elsewhere, a link leading out), a device or FIFO, a file over the size limit.
   */
  private readText(path: string): string | undefined {
    if (!this.contains(path)) return undefined;
    const entry = this.entries.get(resolve(path));
    if (entry) return entry.skip ? undefined : entry.text;
    const read = readRegularFile(path, this.options.maxFileSizeKb * 1024);
    return 'text' in read ? read.text : undefined;
  }

  /**
   * The files inside the workspace that an absolute glob matches (nginx `include conf.d/*.conf`),
   * sorted as nginx does. The walk only enters the workspace's folders, never follows a symlinked
   * folder, and stops at MAX_GLOB_MATCHES files or MAX_GLOB_ENTRIES directory entries.
   */
  private glob(pattern: string): string[] {
    const slashed = toSlashes(pattern);
    const options = { escapes: NATIVE_SLASHES };
    if (!hasMagic(slashed, options)) {
      return this.isReadableFile(pattern) ? [resolve(pattern)] : [];
    }
    const matches = compileGlob(slashed, options);
    const { prefix, depth } = literalPrefix(slashed, options);
    const base = resolve(prefix === '' ? sep : prefix);
    const results: string[] = [];
    for (const start of this.walkStarts(base)) {
      const below = depth - segmentsBetween(base, start);
      if (below <= 0 || !this.contains(start)) continue;
      const complete = walkFiles(
        start,
        (entry) => {
          if (results.length >= MAX_GLOB_MATCHES || !matches(toSlashes(entry.path))) return;
          if (this.isReadableFile(entry.path)) results.push(entry.path);
        },
        { maxDepth: below, maxEntries: MAX_GLOB_ENTRIES },
      );
      if (!complete) break;
    }
    return [...new Set(results)].sort();
  }

  /** A regular file inside the workspace, within the size limit: what readText would return. */
  private isReadableFile(path: string): boolean {
    if (!this.contains(path)) return false;
    if (this.entries.has(resolve(path))) return !this.entries.get(resolve(path))!.skip;
    try {
      const stats = statSync(path);
      return stats.isFile() && stats.size <= this.options.maxFileSizeKb * 1024;
    } catch {
      return false;
    }
  }

  /** Where a walk for a glob below `base` starts: `base` itself inside a workspace folder, or the folders inside `base`. */
  private walkStarts(base: string): string[] {
    const starts: string[] = [];
    for (const root of this.roots.keys()) {
      if (isWithin(base, root)) starts.push(base);
      else if (isWithin(root, base)) starts.push(root);
    }
    return [...new Set(starts)];
  }

  private realRoots(): string[] {
    const reals: string[] = [];
    for (const [root, known] of this.roots) {
      const real = known ?? realPath(root);
      if (real === undefined) continue;
      this.roots.set(root, real);
      reals.push(real);
    }
    return reals;
  }

  /** Every change to the indexed files calls this, so the next view() reflects the new state. */
  private changed(): void {
    this.currentView = undefined;
  }

  private parsed(path: string): ParsedFile | undefined {
    const model = this.model(path);
    return model ? { path, kind: model.kind, model } : undefined;
  }

  analyze(path: string, rules: readonly Rule<any>[], settings: AnalysisSettings): FileAnalysis {
    const model = this.model(path);
    if (!model) return { findings: [], inspected: [] };
    return analyzeFile({ model, rules, settings, workspace: this.view() });
  }
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** How many folders `path` is below `folder`. */
function segmentsBetween(folder: string, path: string): number {
  const rel = relative(folder, path);
  return rel === '' ? 0 : rel.split(sep).length;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** What is at a path itself (a link is not followed); undefined when nothing is. */
function fileType(path: string): 'file' | 'folder' | 'symlink' | 'special' | undefined {
  try {
    const stats = lstatSync(path);
    return stats.isSymbolicLink() ? 'symlink' : stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'special';
  } catch {
    return undefined;
  }
}
