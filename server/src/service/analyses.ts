import type { AnalysisSettings, FileAnalysis } from '../engine/analyze';
import type { BaseModel, FileKind } from '../engine/types';
import { kindSupport } from '../kinds';

interface Cached {
  model: BaseModel;
  settings: AnalysisSettings;
  /** The clock when it was analyzed. */
  analyzedAt: number;
  /** False when only the single-file rules ran (the workspace was still being indexed). */
  complete: boolean;
  analysis: FileAnalysis;
}

/**
 * Findings and inspections per file, valid while the file's model (one per text), the settings
 * and, for kinds with cross-file rules, its cross-file scope are unchanged. A change to a file stamps
 * its scope (a Terraform module's folder, every nginx file...) with the clock, which makes the
 * cached results of the files in that scope stale in O(1) instead of walking them.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Cached>();
  /** When each cross-file scope last changed. */
  private readonly scopeChangedAt = new Map<string, number>();
  /** When a file of a kind that each cross-file kind reads changed (a Dockerfile, for Compose). */
  private readonly readKindChangedAt = new Map<FileKind, number>();
  private everythingChangedAt = 0;
  private clock = 0;

  constructor(private readonly crossFileKinds: ReadonlySet<FileKind>) {}

  get(path: string, kind: FileKind, model: BaseModel, settings: AnalysisSettings, complete: boolean): FileAnalysis | undefined {
    const cached = this.entries.get(path);
    if (!cached || cached.model !== model || cached.settings !== settings || (complete && !cached.complete)) return undefined;
    if (this.crossFileKinds.has(kind)) {
      const changedAt = Math.max(this.everythingChangedAt, this.scopeChangedAt.get(this.scopeKey(kind, path)) ?? 0, this.readKindChangedAt.get(kind) ?? 0);
      if (changedAt > cached.analyzedAt) return undefined;
    }
    return cached.analysis;
  }

  set(path: string, kind: FileKind, model: BaseModel, settings: AnalysisSettings, complete: boolean, analysis: FileAnalysis): void {
    this.entries.set(path, { model, settings, analyzedAt: this.clock, complete, analysis });
  }

  /** A file's content, kind or presence changed: the results of the files whose cross-file findings may depend on it are stale. */
  changed(path: string, ...kinds: (FileKind | undefined)[]): void {
    this.entries.delete(path);
    const changedKinds = kinds.filter((kind): kind is FileKind => kind !== undefined);
    const relevant = changedKinds.filter((kind) => this.crossFileKinds.has(kind));
    const readers = [...this.crossFileKinds].filter((reader) => changedKinds.some((kind) => readsKind(reader, kind)));
    if (relevant.length === 0 && readers.length === 0) return;
    this.clock++;
    for (const kind of relevant) this.scopeChangedAt.set(this.scopeKey(kind, path), this.clock);
    for (const reader of readers) this.readKindChangedAt.set(reader, this.clock);
  }

  /** Something every cross-file result may read changed (a file outside the index, a folder added or removed). */
  changedEverywhere(): void {
    this.everythingChangedAt = ++this.clock;
  }

  isCrossFile(kind: FileKind): boolean {
    return this.crossFileKinds.has(kind);
  }

  forget(path: string): void {
    this.entries.delete(path);
  }

  clear(): void {
    this.entries.clear();
  }

  private scopeKey(kind: FileKind, path: string): string {
    const scopeOf = kindSupport(kind).crossFileScope;
    return scopeOf ? `${kind}\u0000${scopeOf(path)}` : kind;
  }
}

/** True when the cross-file rules of `reader` read files of `kind` (Compose reads Dockerfiles and nginx configs). */
export function readsKind(reader: FileKind, kind: FileKind): boolean {
  return kindSupport(reader).readsKinds?.includes(kind) ?? false;
}
