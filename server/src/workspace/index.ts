import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { analyzeFile, type AnalysisSettings, type FileAnalysis } from '../engine/analyze';
import { skipReasonForContent, DEFAULT_MAX_FILE_SIZE_KB } from '../engine/files';
import type { ParsedFile, Rule, WorkspaceView } from '../engine/rule';
import type { BaseModel, FileKind } from '../engine/types';
import { detectKind, kindSupport, mayBeSupported } from '../kinds';
import { isEvidenceCandidate } from '../checklist/evidence';

/** Folders never worth walking: VCS data, dependencies, build output of common toolchains. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.terraform', '.venv', '__pycache__', '.e2e', '.hg', '.svn']);

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
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Every supported file of a workspace with its text and (lazily) its parsed model, plus the files
 * that may hold checklist evidence. The LSP server keeps one current through document and
 * file-watcher events; the CLI builds one per scan. Models are parsed once per text version.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly evidence = new Map<string, string>();
  private currentView: WorkspaceView | undefined;
  readonly skipped = new Map<string, string>();
  private options: Required<IndexOptions>;

  constructor(
    readonly root: string,
    options: IndexOptions = {},
  ) {
    this.options = { exclude: options.exclude ?? [], maxFileSizeKb: options.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB };
  }

  setOptions(options: IndexOptions): void {
    this.changed();
    this.options = { exclude: options.exclude ?? this.options.exclude, maxFileSizeKb: options.maxFileSizeKb ?? this.options.maxFileSizeKb };
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
    return this.options.exclude.some((pattern) => minimatch(rel, pattern, { dot: true, matchBase: !pattern.includes('/') }));
  }

  /** Walks a folder (the root by default), reading every file that may be supported or may be evidence. */
  scan(folder: string = this.root): void {
    walkFiles(folder, (path, name) => !ALWAYS_SKIPPED.has(name) && !this.isExcluded(path), (path, size) => this.readFromDisk(path, size));
  }

  /**
   * The files `scan` would read, without reading them: the server reads them a few at a time in
   * the background (`readFromDisk`) so that indexing a large workspace never delays diagnostics.
   */
  candidates(folder: string = this.root): { path: string; size: number }[] {
    const found: { path: string; size: number }[] = [];
    walkFiles(folder, (path, name) => !ALWAYS_SKIPPED.has(name) && !this.isExcluded(path), (path, size) => found.push({ path, size }));
    return found;
  }

  /** (Re)reads a file from disk unless an editor owns it; used by the scan and file watchers. */
  readFromDisk(path: string, size?: number): void {
    const existing = this.entries.get(path);
    if (existing?.version !== undefined) return;
    const supported = mayBeSupported(path);
    const evidence = isEvidenceCandidate(this.relative(path));
    if (!supported && !evidence) return;
    const bytes = size ?? safeSize(path);
    if (bytes === undefined) return this.remove(path);
    if (bytes > this.options.maxFileSizeKb * 1024) {
      if (supported && detectKind(path) !== undefined) this.markSkipped(path, `not analyzed: ${Math.round(bytes / 1024)} KB is over readiness.maxFileSizeKb (${this.options.maxFileSizeKb} KB)`);
      return;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return this.remove(path);
    }
    this.setText(path, text);
  }

  /** Sets the text of a file: from disk (no version) or from an open editor buffer. */
  setText(path: string, text: string, version?: number, kindHint?: FileKind): void {
    this.changed();
    if (isEvidenceCandidate(this.relative(path)) && !text.includes('\u0000')) this.evidence.set(path, text);
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
    this.entries.set(path, { path, text, version, kind: detection.kind });
  }

  /** An editor closed the file: forget its buffer and go back to the disk's content. */
  release(path: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.version = undefined;
    this.readFromDisk(path);
  }

  /** Drops every file under a folder (a workspace folder was removed). */
  forget(folder: string): void {
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    for (const path of [...this.entries.keys(), ...this.evidence.keys(), ...this.skipped.keys()]) {
      if (path.startsWith(prefix)) this.remove(path);
    }
  }

  remove(path: string): void {
    this.changed();
    this.entries.delete(path);
    this.evidence.delete(path);
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
    const paths: string[] = [];
    for (const entry of this.entries.values()) if (!entry.skip && (kind === undefined || entry.kind === kind)) paths.push(entry.path);
    return paths.sort();
  }

  model(path: string): BaseModel | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.skip || !entry.kind) return undefined;
    entry.model ??= kindSupport(entry.kind).parse(entry.text, path);
    return entry.model;
  }

  evidenceFiles(): { path: string; text: string }[] {
    return [...this.evidence].map(([path, text]) => ({ path: this.relative(path), text })).sort((a, b) => a.path.localeCompare(b.path));
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
      readText: (path) => this.entries.get(path)?.text ?? readTextIfExists(path),
      glob: (pattern) => {
        let matches = globs.get(pattern);
        if (!matches) {
          matches = globFiles(pattern);
          globs.set(pattern, matches);
        }
        return matches;
      },
    };
    return this.currentView;
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

function safeSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Every file below a folder, depth first; `enter` decides which entries (files and folders) are
 * visited. Unreadable entries are skipped, never thrown.
 */
function walkFiles(folder: string, enter: (path: string, name: string, depth: number) => boolean, visit: (path: string, size: number) => void): void {
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (!enter(path, name, depth)) continue;
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path, depth + 1);
      else if (stats.isFile()) visit(path, stats.size);
    }
  };
  walk(folder, 0);
}

/** Files matching an absolute glob (nginx `include conf.d/*.conf`), sorted like nginx does. */
export function globFiles(pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return readTextIfExists(pattern) === undefined ? [] : [pattern];
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex((part) => /[*?[]/.test(part));
  const base = parts.slice(0, firstGlob).join('/') || '/';
  const maxDepth = parts.length - firstGlob;
  const results: string[] = [];
  walkFiles(base, (_path, _name, depth) => depth < maxDepth, (path) => {
    if (minimatch(path, pattern)) results.push(path);
  });
  return results.sort();
}
