import type { WorkspaceView } from '../engine/rule';
import type { BaseModel, FileKind, Span } from '../engine/types';

/** How one file kind is recognised and parsed. One parsed model per file, with source offsets. */
export interface KindSupport<M extends BaseModel = BaseModel> {
  kind: FileKind;
  /** Human name, for messages and the scan summary. */
  label: string;
  /** Line comment marker, used for suppression comments inserted by code actions. */
  commentPrefix: string;
  /** Decide from the path alone: 'yes', 'no', or 'sniff' to look at the content. */
  claim(path: string): 'yes' | 'no' | 'sniff';
  /** For 'sniff' claims: does the content show this kind? */
  sniff?(text: string, path: string): boolean;
  /** A reason not to analyze a file this kind claims (a Helm template), shown in the scan summary. */
  skipReason?(text: string, path: string): string | undefined;
  /** One-time asynchronous set-up (loading a WebAssembly grammar); must throw loudly on failure. */
  init?(): Promise<void>;
  /**
   * `previous`, the model of the file's previous version, lets a kind reparse only what an edit
   * touched (a manifest's documents); the model is the same with or without it.
   */
  parse(text: string, path: string, previous?: M): M;
  /**
   * Which other files of this kind a file's cross-file findings can depend on: files with the same
   * scope key (a Terraform module is its directory). Absent: every file of the kind.
   */
  crossFileScope?(path: string): string;
  /**
   * Other kinds whose files this kind's cross-file rules read (a Compose service is read with the
   * Dockerfile it builds and the nginx config it mounts): a change to one of them makes this kind's
   * cross-file findings stale too.
   */
  readsKinds?: readonly FileKind[];
  /**
   * What a file tells the cross-file rules of other files, as a string (or in parts, see
   * CrossFileSignature): when an edit leaves it unchanged, no other file's cross-file findings can
   * change, and the service keeps them. Absent: any change of a file may change them. `workspace`
   * is the workspace's current state, where a part may depend on it (the namespace kustomize files
   * a manifest's facts under).
   */
  crossFileSignature?(model: M, workspace?: WorkspaceView): CrossFileSignature;
  /**
   * The parts of the others' signatures (besides EVERY_FILE's) this file's cross-file rules read:
   * a kustomization reads what the files it brings in leave without a namespace. Absent: none.
   */
  crossFileAudiences?(model: M, workspace?: WorkspaceView): readonly string[];
  /** Blocks an editor may fold, from the opening to the closing brace (for kinds VS Code does not fold by itself). */
  foldingRanges?(model: M): Span[];
}

/** The part of a signature by parts that every file of the kind reads. */
export const EVERY_FILE = '*';

/**
 * A whole signature, or one in parts by audience: the EVERY_FILE part every file of the kind reads,
 * any other part only the files whose `crossFileAudiences` name it. A change to a part that only a
 * few files read re-checks those few.
 */
export type CrossFileSignature = string | Readonly<Record<string, string>>;
