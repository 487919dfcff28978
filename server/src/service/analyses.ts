import type { AnalysisSettings, FileAnalysis } from '../engine/analyze';
import type { WorkspaceView } from '../engine/rule';
import type { BaseModel, FileKind } from '../engine/types';
import { kindSupport } from '../kinds';
import { EVERY_FILE, type CrossFileSignature } from '../kinds/types';

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
 *
 * For a kind that says what its files tell the others (`crossFileSignature`), a change stamps the
 * scope only when that changed: a comment or an image tag typed into one manifest leaves the
 * cross-file results of the thousands of others standing. The comparison waits for the next
 * lookup (it needs the new text parsed), so a burst of keystrokes is compared once. A signature in
 * parts (see CrossFileSignature) stamps, when only parts other than EVERY_FILE's changed, the
 * audiences of those parts: only the files that read them go stale (a manifest's facts by the
 * namespace they land in: the manifests of that namespace).
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Cached>();
  /** When each cross-file scope last changed. */
  private readonly scopeChangedAt = new Map<string, number>();
  /** When each audience of each kind was last stamped (nested: every lookup asks, for every file). */
  private readonly audienceChangedAt = new Map<FileKind, Map<string, number>>();
  /** When a file of a kind that each cross-file kind reads changed (a Dockerfile, for Compose). */
  private readonly readKindChangedAt = new Map<FileKind, number>();
  private everythingChangedAt = 0;
  private clock = 0;
  /**
   * The signature of each file whose kind has one, as every cached result of another file saw it
   * (unknown: the next change of the file counts as a change).
   */
  private readonly signatures = new Map<string, CrossFileSignature | undefined>();
  /** Files changed since the last lookup whose signature is still to compare, with their kinds. */
  private readonly pending = new Map<string, Set<FileKind>>();

  /**
   * @param signatureOf the signature of a file's current content, undefined when it is not analyzed (gone, skipped, another kind)
   */
  constructor(
    private readonly crossFileKinds: ReadonlySet<FileKind>,
    private readonly signatureOf: (path: string, kind: FileKind) => CrossFileSignature | undefined = () => undefined,
  ) {}

  /** @param workspace the workspace state the file is analyzed in (what its audiences may depend on) */
  get(path: string, kind: FileKind, model: BaseModel, settings: AnalysisSettings, complete: boolean, workspace?: WorkspaceView): FileAnalysis | undefined {
    this.settle();
    const cached = this.entries.get(path);
    if (!cached || cached.model !== model || cached.settings !== settings || (complete && !cached.complete)) return undefined;
    if (this.crossFileKinds.has(kind)) {
      let changedAt = Math.max(this.everythingChangedAt, this.scopeChangedAt.get(this.scopeKey(kind, path)) ?? 0, this.readKindChangedAt.get(kind) ?? 0);
      const stamped = this.audienceChangedAt.get(kind);
      if (stamped) for (const audience of kindSupport(kind).crossFileAudiences?.(model, workspace) ?? []) changedAt = Math.max(changedAt, stamped.get(audience) ?? 0);
      if (changedAt > cached.analyzedAt) return undefined;
    }
    return cached.analysis;
  }

  set(path: string, kind: FileKind, model: BaseModel, settings: AnalysisSettings, complete: boolean, analysis: FileAnalysis): void {
    this.entries.set(path, { model, settings, analyzedAt: this.clock, complete, analysis });
    // Every cached result of another file was computed with this file as it is now (a change
    // since would be pending): its signature is the one they saw.
    if (hasSignature(kind) && !this.signatures.has(path) && !this.pending.has(path)) this.signatures.set(path, this.signatureOf(path, kind));
  }

  /** A file's content, kind or presence changed: the results of the files whose cross-file findings may depend on it are stale. */
  changed(path: string, ...kinds: (FileKind | undefined)[]): void {
    this.entries.delete(path);
    const changedKinds = kinds.filter((kind): kind is FileKind => kind !== undefined);
    const compared = changedKinds.filter((kind) => this.isCrossFile(kind) && hasSignature(kind));
    if (compared.length > 0) {
      const kindsOfPath = this.pending.get(path) ?? new Set<FileKind>();
      for (const kind of compared) kindsOfPath.add(kind);
      this.pending.set(path, kindsOfPath);
    }
    this.stamp(path, changedKinds.filter((kind) => !compared.includes(kind)));
  }

  /** Something every cross-file result may read changed (a file outside the index, a folder added or removed). */
  changedEverywhere(): void {
    this.everythingChangedAt = ++this.clock;
    // Results computed from here on see files as they are now, whatever was compared before.
    this.signatures.clear();
    this.pending.clear();
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

  /** Compares the signatures of the files changed since the last lookup; stamps the scopes of those whose signature changed. */
  private settle(): void {
    if (this.pending.size === 0) return;
    for (const [path, kinds] of this.pending) {
      for (const kind of kinds) {
        const signature = this.signatureOf(path, kind);
        const audiences = this.signatures.has(path) ? changedAudiences(this.signatures.get(path), signature) : undefined;
        this.signatures.set(path, signature);
        if (audiences?.length === 0) continue;
        // Other kinds that read this one read all of it.
        if (!audiences || [...this.crossFileKinds].some((reader) => readsKind(reader, kind))) this.stamp(path, [kind]);
        else {
          this.clock++;
          let stamped = this.audienceChangedAt.get(kind);
          if (!stamped) this.audienceChangedAt.set(kind, (stamped = new Map()));
          for (const audience of audiences) stamped.set(audience, this.clock);
        }
      }
    }
    this.pending.clear();
  }

  private stamp(path: string, changedKinds: readonly FileKind[]): void {
    const relevant = changedKinds.filter((kind) => this.crossFileKinds.has(kind));
    const readers = [...this.crossFileKinds].filter((reader) => changedKinds.some((kind) => readsKind(reader, kind)));
    if (relevant.length === 0 && readers.length === 0) return;
    this.clock++;
    for (const kind of relevant) this.scopeChangedAt.set(this.scopeKey(kind, path), this.clock);
    for (const reader of readers) this.readKindChangedAt.set(reader, this.clock);
  }

  private scopeKey(kind: FileKind, path: string): string {
    const scopeOf = kindSupport(kind).crossFileScope;
    return scopeOf ? `${kind}\u0000${scopeOf(path)}` : kind;
  }
}

/**
 * The audiences whose part of a signature changed; undefined when every file's results may have
 * changed (the EVERY_FILE part, a whole signature, the file gone or come).
 */
function changedAudiences(before: CrossFileSignature | undefined, after: CrossFileSignature | undefined): string[] | undefined {
  if (typeof before !== 'object' || typeof after !== 'object') return before === after ? [] : undefined;
  if (before[EVERY_FILE] !== after[EVERY_FILE]) return undefined;
  const audiences = new Set([...Object.keys(before), ...Object.keys(after)]);
  audiences.delete(EVERY_FILE);
  return [...audiences].filter((audience) => before[audience] !== after[audience]);
}

function hasSignature(kind: FileKind): boolean {
  return kindSupport(kind).crossFileSignature !== undefined;
}

/** True when the cross-file rules of `reader` read files of `kind` (Compose reads Dockerfiles and nginx configs). */
export function readsKind(reader: FileKind, kind: FileKind): boolean {
  return kindSupport(reader).readsKinds?.includes(kind) ?? false;
}
