/**
 * The readiness service: one object owning the workspace index, the configuration and settings,
 * the caches of parsed models, findings and evidence, and the checklist. The language server is
 * thin handlers over it; the CLI uses it for a one-shot scan. It speaks in paths and texts, never
 * in LSP types.
 */
import { dirname, join, sep } from 'node:path';
import { ALL_RULES } from '../../../rules';
import { setAttestation, setSignoff } from '../checklist/attest';
import type { ChecklistChangedParams, ChecklistReport, EditResult } from '../checklist/types';
import { analyzeFile, ENGINE_RULES, type AnalysisSettings, type AnalyzeInput, type FileAnalysis } from '../engine/analyze';
import { CONFIG_FILE_NAMES, type AttestationStatus } from '../engine/config';
import type { Rule } from '../engine/rule';
import { LineIndex, lineIndexOf } from '../engine/text';
import type { BaseModel, FileKind, Finding, Inspection, Span } from '../engine/types';
import { resolveLocale, t, type Locale } from '../i18n';
import { initKind, KINDS, kindSupport } from '../kinds';
import type { CrossFileSignature } from '../kinds/types';
import { analysisSettings, DEFAULT_EDITOR_SETTINGS, findConfigFile, loadConfigText, type EditorSettings, type WorkspaceConfig } from '../settings';
import { WorkspaceIndex } from '../workspace';
import { AnalysisCache, readsKind } from './analyses';
import { ChecklistScorer, configFindings, EvidenceCache } from './checklist';
import { loadConfigFile, readConfigText, writeFileAtomic } from './config-file';
import { TimeSlicer } from './slicer';

/** What the service tells its user (the language server) as background work finds things out. */
export interface ServiceHost {
  log(message: string): void;
  /** Open files whose diagnostics may have changed without an edit of their own (settings, indexing, another file). */
  diagnosticsChanged(paths: string[]): void;
  /** A checklist refresh ended; `unchanged` when it kept the report of the previous one. */
  checklistChanged(params: ChecklistChangedParams): void;
  /** Progress of long background work, when the client can show it. */
  startProgress(title: string): Promise<ProgressSink | undefined>;
  /** Replaces a region of an open editor buffer (the user's undo and cursor stay sensible); resolves with why it was refused. */
  applyEdit(path: string, version: number, current: string, change: Span & { newText: string }): Promise<{ applied: boolean; reason?: string }>;
}

export interface ProgressSink {
  report(done: number, total: number): void;
  done(): void;
}

export interface ServiceOptions {
  /** Workspace folders: what is indexed and scored. */
  roots: string[];
  /** Paths in reports are relative to it; its `.readiness.yml` is the config. Default: the first root. */
  root?: string;
  /** A config file named explicitly (CLI --config); unreadable is then an error, not a problem. */
  configPath?: string;
  rules?: readonly Rule<any>[];
  /** The client's UI language, used when neither the settings nor `.readiness.yml` choose one. */
  clientLocale?: string;
  /** A language that wins over every setting (CLI --lang). */
  locale?: Locale;
  host?: Partial<ServiceHost>;
  /**
   * Interactive use (the language server): indexing and checklist refreshes run in the background
   * in slices that yield to the event loop. Otherwise (the CLI) everything runs to completion.
   */
  live?: boolean;
  /** Milliseconds of background work between yields (live only). */
  sliceMs?: number;
  /** Background indexing of at least this many files reports progress. */
  progressThreshold?: number;
  /** The analysis of one file; tests replace it to exercise failures. */
  analyze?: (input: AnalyzeInput<BaseModel>) => FileAnalysis;
  /** One kind's one-time set-up (default: `initKind`); tests replace it to hold a kind while it starts. */
  startKind?: (kind: FileKind) => Promise<Error | undefined>;
}

/** Findings and inspections of every analyzed workspace file, the files that failed, and the change count they reflect. */
export interface WorkspaceAnalysis {
  findings: Finding[];
  inspected: Inspection[];
  errors: { path: string; message: string }[];
  changes: number;
  /** Each file's analysis (a file whose results were reused keeps the same object). */
  analyses: Map<string, FileAnalysis>;
}

/** What the editor shows for one file. */
export type FileReport =
  | { state: 'findings'; findings: Finding[]; lines: LineIndex; kind?: FileKind }
  | { state: 'skipped'; reason: string }
  | { state: 'unavailable'; reason: string }
  | { state: 'failed'; reason: string }
  /** The kind's one-time set-up is still running: nothing to show yet, the file is reported when it ends. */
  | { state: 'starting' }
  | { state: 'none' };

interface ConfigChange {
  /** The files to index changed (`exclude`, the size limit). */
  indexChanged: boolean;
  /** The rules' severities, options or the locale changed. */
  settingsChanged: boolean;
}

interface OpenDocument {
  text: string;
  version: number;
  languageId?: string;
}

/** Languages whose documents are analyzed whatever their file name (files.associations). */
const LANGUAGE_KINDS: Record<string, FileKind | undefined> = { dockerfile: 'dockerfile', dockercompose: 'compose', nginx: 'nginx', terraform: 'terraform' };

const NO_HOST: ServiceHost = {
  log: () => undefined,
  diagnosticsChanged: () => undefined,
  checklistChanged: () => undefined,
  startProgress: async () => undefined,
  applyEdit: async () => ({ applied: false, reason: 'No editor to apply the edit.' }),
};

export class ReadinessService {
  private roots: string[];
  private readonly root: string | undefined;
  private index: WorkspaceIndex;
  /** Files opened from outside every workspace folder: analyzed on their own, never scored, dropped on close. */
  private readonly outside = new Map<string, WorkspaceIndex>();
  private readonly documents = new Map<string, OpenDocument>();
  private editor: EditorSettings = DEFAULT_EDITOR_SETTINGS;
  private config: WorkspaceConfig = loadConfigText('');
  private settings: AnalysisSettings = analysisSettings(this.config);
  private unavailable = new Map<FileKind, Error>();
  /** Kinds whose one-time set-up (Terraform's WebAssembly parser) is still running: their files wait, the others do not. */
  private readonly startingKinds = new Set<FileKind>();
  private readonly startKind: (kind: FileKind) => Promise<Error | undefined>;
  /** Every kind's set-up has ended (started or unavailable); the workspace is indexed after it. */
  private kindsReady: Promise<void> = Promise.resolve();
  private readonly rules: readonly Rule<any>[];
  private readonly singleFileRules: readonly Rule<any>[];
  private readonly analyses: AnalysisCache;
  private readonly evidence = new EvidenceCache();
  private readonly scorer = new ChecklistScorer();
  private readonly host: ServiceHost;
  private readonly analyze: (input: AnalyzeInput<BaseModel>) => FileAnalysis;
  private readonly live: boolean;
  private readonly sliceMs: number;
  private readonly progressThreshold: number;

  private startedResolve!: () => void;
  /** Resolves once the kinds are initialised and the settings and config are loaded: no analysis runs before. */
  readonly started: Promise<void> = new Promise((resolve) => (this.startedResolve = resolve));
  private isStarted = false;
  /** Background indexing tasks still running; cross-file rules wait for them. */
  private indexingTasks = new Set<Promise<void>>();

  /** Counts changes that can change the checklist; the report records the count it reflects. */
  private changes = 0;
  private report: { changes: number; value: ChecklistReport } | undefined;
  private refreshing: Promise<ChecklistReport> | undefined;
  private refreshScheduled = false;
  private disposed = false;
  private unknownSignatures = 0;

  constructor(private readonly options: ServiceOptions) {
    this.roots = [...options.roots];
    this.root = options.root;
    this.rules = options.rules ?? ALL_RULES;
    this.singleFileRules = this.rules.filter((rule) => !rule.meta.crossFile);
    this.analyses = new AnalysisCache(new Set(this.rules.filter((rule) => rule.meta.crossFile).map((rule) => rule.meta.kind)), (path, kind) => this.crossFileSignature(path, kind));
    this.host = { ...NO_HOST, ...options.host };
    this.analyze = options.analyze ?? analyzeFile;
    this.startKind = options.startKind ?? initKind;
    this.live = options.live ?? false;
    this.sliceMs = this.live ? (options.sliceMs ?? 8) : Number.POSITIVE_INFINITY;
    this.progressThreshold = options.progressThreshold ?? 500;
    this.index = this.newIndex();
  }

  /**
   * Loads the kinds, the editor's settings and the config, analyzes nothing before that, then
   * indexes the workspace folders (in the background when live).
   */
  async start(editor: EditorSettings = DEFAULT_EDITOR_SETTINGS): Promise<void> {
    // The opened files of the other kinds are analyzed while a kind's set-up runs (compiling
    // Terraform's WebAssembly parser takes longer than a manifest's first diagnostics).
    this.kindsReady = this.startKinds();
    if (!this.live) await this.kindsReady;
    this.editor = editor;
    this.loadConfig();
    this.index = this.newIndex();
    for (const path of this.documents.keys()) this.place(path);
    this.isStarted = true;
    this.startedResolve();
    this.indexFolders(this.roots);
    // A workspace with no folder has nothing to index, and still has a checklist.
    this.changes++;
    this.scheduleChecklist();
    if (!this.live) await this.indexed();
  }

  private async startKinds(): Promise<void> {
    await Promise.all(
      KINDS.filter((support) => support.init).map(async ({ kind }) => {
        this.startingKinds.add(kind);
        const error = await this.startKind(kind);
        this.startingKinds.delete(kind);
        if (error) {
          this.unavailable.set(kind, error);
          this.host.log(`cannot analyze ${kindSupport(kind).label} files: ${error.message}`);
        }
        if (this.disposed || !this.isStarted) return;
        const waiting = [...this.documents.keys()].filter((path) => this.containing(path)?.kindOf(path) === kind);
        if (waiting.length > 0) this.host.diagnosticsChanged(waiting);
      }),
    );
  }

  /** New editor settings: returns the open files to re-check; re-indexes when the file selection changed. */
  configure(editor: EditorSettings): string[] {
    const before = this.editor;
    this.editor = editor;
    if (!this.isStarted) return [];
    const selectionChanged = JSON.stringify([before.exclude, before.maxFileSizeKb]) !== JSON.stringify([editor.exclude, editor.maxFileSizeKb]);
    const changed = this.loadConfig();
    this.reconfigure({ indexChanged: changed.indexChanged || selectionChanged, settingsChanged: changed.settingsChanged });
    return [...this.documents.keys()];
  }

  /** Stops background work (the server is shutting down): nothing runs or reports after this. */
  dispose(): void {
    this.disposed = true;
    this.index = this.newIndex();
  }

  get editorSettings(): EditorSettings {
    return this.editor;
  }

  get locale(): Locale {
    return this.settings.locale ?? resolveLocale(this.options.clientLocale);
  }

  /** The workspace index; read-only use (reports, the CLI's summary). */
  get workspace(): WorkspaceIndex {
    return this.index;
  }

  get workspaceConfig(): WorkspaceConfig {
    return this.config;
  }

  get analysisSettings(): AnalysisSettings {
    return this.settings;
  }

  // Documents --------------------------------------------------------------------------------

  /** An editor opened or changed a file; returns the open files whose diagnostics may have changed. */
  setDocument(path: string, text: string, version: number, languageId?: string): string[] {
    const previous = this.documents.get(path);
    this.documents.set(path, { text, version, languageId: languageId ?? previous?.languageId });
    if (!this.isStarted) return [path];
    if (previous && previous.text === text && previous.languageId === (languageId ?? previous.languageId)) {
      const index = this.containing(path);
      if (index && (index.has(path) || index.skipReason(path))) index.setText(path, text, version, LANGUAGE_KINDS[languageId ?? previous.languageId ?? '']);
      return [path];
    }
    return this.place(path);
  }

  /** An editor closed a file: the disk's content counts again; nothing of a file from outside the workspace stays. */
  closeDocument(path: string): string[] {
    if (!this.documents.delete(path)) return [];
    if (!this.isStarted) return [];
    if (this.isConfigPath(path)) return this.configSourceChanged();
    if (this.outside.delete(path)) {
      this.analyses.forget(path);
      return [];
    }
    const before = this.index.kindOf(path);
    // An excluded file never joined the index; reading it back from disk would add it.
    if (this.index.isExcluded(path)) this.index.remove(path);
    else this.index.release(path);
    return this.fileChanged(path, before);
  }

  isOpen(path: string): boolean {
    return this.documents.has(path);
  }

  /** Files changed on disk (a file watcher); returns the open files whose diagnostics may have changed. */
  filesChanged(changes: readonly { path: string; deleted: boolean }[]): string[] {
    if (!this.isStarted) return [];
    const affected = new Set<string>();
    let configChanged = false;
    for (const { path, deleted } of changes) {
      if (this.isConfigPath(path)) {
        configChanged = true;
        continue;
      }
      if (this.documents.has(path) || !this.isInside(path)) continue;
      const before = this.index.kindOf(path);
      if (deleted) this.index.remove(path);
      else if (!this.index.isExcluded(path)) this.index.readFromDisk(path);
      if (before === undefined && !this.index.has(path)) {
        // Not an analyzed file, but a rule may read its text (an nginx include of mime.types);
        // files in excluded folders (.git, node_modules) cannot be included by anything analyzed.
        if (this.index.isExcluded(path)) continue;
        this.analyses.changedEverywhere();
        this.changes++;
        for (const open of this.documents.keys()) affected.add(open);
      } else for (const open of this.fileChanged(path, before)) affected.add(open);
    }
    if (configChanged) for (const open of this.configSourceChanged()) affected.add(open);
    this.scheduleChecklist();
    return [...affected];
  }

  /** Workspace folders added and removed at run time; returns the open files to re-check. */
  changeFolders(added: readonly string[], removed: readonly string[]): string[] {
    this.roots = [...this.roots.filter((root) => !removed.includes(root)), ...added.filter((root) => !this.roots.includes(root))];
    if (!this.isStarted) return [];
    if (removed.length > 0 || this.roots.length === added.length) {
      // The index's root may have gone: start again from the folders there are.
      this.reconfigure({ ...this.loadConfig(), indexChanged: true });
      return [...this.documents.keys()];
    }
    for (const path of this.documents.keys()) this.place(path);
    this.analyses.changedEverywhere();
    this.indexFolders(added);
    this.changes++;
    this.scheduleChecklist();
    return [...this.documents.keys()];
  }

  // Analysis ---------------------------------------------------------------------------------

  /**
   * What the editor shows for a file now. While the workspace is still being indexed, files of
   * kinds with cross-file rules get their single-file findings only: a cross-file rule cannot
   * tell "missing" from "not read yet", and unknown is not missing.
   */
  fileReport(path: string): FileReport {
    if (!this.editor.enable) return { state: 'none' };
    if (this.isConfigPath(path)) {
      const text = this.documents.get(path)?.text ?? this.config.text ?? '';
      return { state: 'findings', findings: path === this.config.path ? configFindings(this.config) : [], lines: new LineIndex(text) };
    }
    const index = this.containing(path);
    if (!index) return { state: 'none' };
    const skip = index.skipReason(path);
    if (skip) return { state: 'skipped', reason: skip };
    const kind = index.kindOf(path);
    if (!kind) return { state: 'none' };
    if (this.startingKinds.has(kind)) return { state: 'starting' };
    const unavailable = this.unavailable.get(kind);
    if (unavailable) return { state: 'unavailable', reason: unavailable.message };
    try {
      const model = index.model(path)!;
      const complete = index !== this.index || this.indexingTasks.size === 0 || !this.analyses.isCrossFile(kind);
      const analysis = this.analysisOf(index, path, complete);
      return { state: 'findings', findings: analysis.findings, lines: lineIndexOf(model), kind };
    } catch (error) {
      this.host.log(`analysis of ${path} failed: ${describe(error, true)}`);
      return { state: 'failed', reason: t(this.locale, 'server.analysisFailed', { reason: describe(error, false) }) };
    }
  }

  /** The kind a file is analyzed as, if any. */
  kindOf(path: string): FileKind | undefined {
    return this.containing(path)?.kindOf(path);
  }

  /** The parsed model of a file, if it is analyzed. */
  modelOf(path: string): BaseModel | undefined {
    const index = this.containing(path);
    if (!index || index.skipReason(path)) return undefined;
    const kind = index.kindOf(path);
    if (kind && this.startingKinds.has(kind)) return undefined;
    return index.model(path);
  }

  private analysisOf(index: WorkspaceIndex, path: string, complete: boolean): FileAnalysis {
    const model = index.model(path);
    if (!model) return { findings: [], inspected: [] };
    const workspace = index.view();
    const cached = this.analyses.get(path, model.kind, model, this.settings, complete, workspace);
    if (cached) return cached;
    let analysis = this.analyze({ model, rules: complete ? this.rules : this.singleFileRules, settings: this.settings, workspace });
    // A suppression of a cross-file rule that has not run yet is not unused.
    if (!complete) analysis = { ...analysis, findings: analysis.findings.filter((finding) => finding.ruleId !== ENGINE_RULES.unusedSuppression) };
    this.analyses.set(path, model.kind, model, this.settings, complete, analysis);
    return analysis;
  }

  /** What a workspace file tells the cross-file rules of the others (see KindSupport.crossFileSignature). */
  private crossFileSignature(path: string, kind: FileKind): CrossFileSignature | undefined {
    // Not parsed before its kind has started: what it tells the others counts as changed.
    if (this.startingKinds.has(kind)) return `\u0000unknown ${++this.unknownSignatures}`;
    const model = this.index.skipReason(path) ? undefined : this.index.model(path);
    if (model?.kind !== kind) return undefined;
    try {
      return kindSupport(kind).crossFileSignature?.(model, this.index.view());
    } catch (error) {
      // A signature that cannot be computed is a change every time.
      this.host.log(`cross-file signature of ${path} failed: ${describe(error, true)}`);
      return `\u0000unknown ${++this.unknownSignatures}`;
    }
  }

  // The checklist ----------------------------------------------------------------------------

  /**
   * The checklist of the workspace. Per-file results are cached (a keystroke re-analyses the
   * edited file and the files its cross-file scope invalidated), the rest is reused; the work
   * yields to the event loop between slices. A refresh already running is shared.
   */
  checklist(): Promise<ChecklistReport> {
    if (this.report && this.report.changes === this.changes) return Promise.resolve(this.report.value);
    this.refreshing ??= this.refreshChecklist().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** The analysis of every workspace file, for the checklist and the CLI. */
  async workspaceAnalysis(): Promise<WorkspaceAnalysis> {
    await this.started;
    await this.indexed();
    const slicer = new TimeSlicer(this.sliceMs);
    // The first analysis of a large workspace takes a while: say so. Later ones reuse the cache.
    const firstPaths = this.index.paths();
    const progress = this.live && !this.report && firstPaths.length >= this.progressThreshold ? await this.host.startProgress(t(this.locale, 'server.analyzing')) : undefined;
    try {
      return await this.analyzeWorkspace(slicer, progress);
    } finally {
      progress?.done();
    }
  }

  /**
   * One pass over the workspace. A change made meanwhile does not restart it: the files it touches
   * are analyzed as the pass reaches them, the result records the change count it started from,
   * and the change has scheduled the next pass, which brings the checklist up to date once typing
   * pauses. Restarting instead would never finish while someone types.
   */
  private async analyzeWorkspace(slicer: TimeSlicer, progress: ProgressSink | undefined): Promise<WorkspaceAnalysis> {
    const at = this.changes;
    const index = this.index;
    const errors: { path: string; message: string }[] = [];
    const analyses = new Map<string, FileAnalysis>();
    const paths = index.paths();
    for (const [done, path] of paths.entries()) {
      if (progress && done % 100 === 0) progress.report(done, paths.length);
      if (this.index !== index || this.disposed) break;
      const kind = index.kindOf(path);
      if (!kind || this.unavailable.has(kind)) continue;
      try {
        const analysis = this.analysisOf(index, path, true);
        analyses.set(path, analysis);
      } catch (error) {
        this.host.log(`analysis of ${path} failed: ${describe(error, true)}`);
        errors.push({ path, message: describe(error, false) });
      }
      await slicer.pause();
    }
    // The checklist reads the analyses file by file; only the CLI wants every finding in one list.
    return {
      get findings() {
        return [...analyses.values()].flatMap((analysis) => analysis.findings);
      },
      get inspected() {
        return [...analyses.values()].flatMap((analysis) => analysis.inspected);
      },
      errors,
      changes: at,
      analyses,
    };
  }

  private async refreshChecklist(): Promise<ChecklistReport> {
    // Diagnostics due in this turn of the event loop (their timers fire with ours) go first.
    if (this.live) await new Promise<void>((resolve) => setImmediate(resolve));
    const { changes, analyses } = await this.workspaceAnalysis();
    if (this.live) await new Promise<void>((resolve) => setImmediate(resolve));
    const slicer = new TimeSlicer(this.sliceMs);
    const evidence = await this.evidence.collectFrom(this.index, this.locale, () => slicer.pause());
    // Scored again from the files whose results changed; an edit that changes nothing the checklist
    // reads (most keystrokes) keeps the very report.
    // The panel fetches the first report whole (its compact form is worked out here, in slices), and
    // later ones as what changed since the one it holds (readiness/checklistDelta), which needs none.
    const value = await this.scorer.score({ index: this.index, analyses, config: this.config, locale: this.locale, evidence, pause: () => slicer.pause(), compact: this.live && !this.report });
    const unchanged = this.report?.value === value;
    this.report = { changes, value };
    if (this.live && !this.disposed) this.host.checklistChanged(unchanged ? { unchanged } : {});
    return value;
  }

  /** Refreshes the checklist in the background once edits pause for the debounce delay. */
  private scheduleChecklist(): void {
    if (!this.live || this.refreshScheduled || this.disposed) return;
    this.refreshScheduled = true;
    void this.quiet().then(() => {
      this.refreshScheduled = false;
      if (this.disposed) return;
      this.checklist().catch((error) => this.host.log(`checklist failed: ${describe(error, true)}`));
    });
  }

  /** Resolves when no change has come for the editor's debounce delay. */
  private async quiet(): Promise<void> {
    if (!this.live) return;
    for (;;) {
      const at = this.changes;
      await new Promise<void>((resolve) => setTimeout(resolve, this.editor.debounceMs));
      if (this.changes === at) return;
    }
  }

  // .readiness.yml ---------------------------------------------------------------------------

  attest(itemId: string, status: AttestationStatus, extra: { by?: string; note?: string } = {}): Promise<EditResult> {
    return this.editConfig((text) => setAttestation(text, itemId, status, { ...extra, date: today() }));
  }

  signOff(role: string, name: string, date?: string): Promise<EditResult> {
    return this.editConfig((text) => setSignoff(text, role, name, date ?? today()));
  }

  /**
   * Edits `.readiness.yml` (creating it if needed): through the editor when the file is open, else
   * replacing it atomically on disk. A file that cannot be read or does not parse is never overwritten.
   */
  private async editConfig(edit: (text: string) => { text: string } | { error: string }): Promise<EditResult> {
    await this.started;
    const root = this.root ?? this.roots[0];
    if (!root) return { ok: false, error: 'Open a folder to record attestations in its .readiness.yml.' };
    const path = this.config.path ?? join(root, CONFIG_FILE_NAMES[0]);
    const open = this.documents.get(path);
    let current = open?.text;
    if (current === undefined) {
      const read = readConfigText(path);
      if ('text' in read) current = read.text;
      else if (read.error === 'ENOENT') current = '';
      else return { ok: false, error: t(this.locale, 'server.configUnreadable', { file: path, reason: read.error }) };
    }
    const result = edit(current);
    if ('error' in result) return { ok: false, error: result.error };
    if (open) {
      const applied = await this.host.applyEdit(path, open.version, current, changedRegion(current, result.text));
      if (!applied.applied) return { ok: false, error: applied.reason ?? 'The editor refused the edit.' };
      // The editor sends the new text as a change of the open document, which reloads the config.
      return { ok: true };
    }
    try {
      writeFileAtomic(path, result.text);
    } catch (error) {
      return { ok: false, error: `Cannot write ${path}: ${describe(error, false)}` };
    }
    this.host.diagnosticsChanged(this.reconfigure(this.setConfig(loadConfigText(result.text, path))));
    return { ok: true };
  }

  // Internals --------------------------------------------------------------------------------

  private newIndex(): WorkspaceIndex {
    return new WorkspaceIndex(this.root ?? this.roots[0] ?? process.cwd(), this.indexOptions());
  }

  private indexOptions() {
    return { exclude: [...this.editor.exclude, ...this.config.config.exclude], maxFileSizeKb: this.editor.maxFileSizeKb };
  }

  private isInside(path: string): boolean {
    return this.roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
  }

  private isConfigPath(path: string): boolean {
    if (this.options.configPath) return path === this.options.configPath;
    return [this.root, ...this.roots].some((root) => root !== undefined && CONFIG_FILE_NAMES.some((name) => join(root, name) === path));
  }

  /** The index a file belongs to: the workspace's, or its own when it was opened from outside. */
  private containing(path: string): WorkspaceIndex | undefined {
    if (this.outside.has(path)) return this.outside.get(path);
    return this.index;
  }

  /** Puts an open document's text where it belongs; returns the open files whose diagnostics may have changed. */
  private place(path: string): string[] {
    const document = this.documents.get(path)!;
    if (this.isConfigPath(path)) return document.text === this.config.text ? [path] : this.configSourceChanged();
    const kindHint = LANGUAGE_KINDS[document.languageId ?? ''];
    if (!this.isInside(path)) {
      let own = this.outside.get(path);
      if (!own) {
        own = new WorkspaceIndex(dirname(path), this.indexOptions());
        this.outside.set(path, own);
      }
      this.analyses.forget(path);
      own.setText(path, document.text, document.version, kindHint);
      return [path];
    }
    if (this.outside.delete(path)) this.analyses.forget(path);
    if (this.index.isExcluded(path)) return [path];
    const before = this.index.kindOf(path);
    this.index.setText(path, document.text, document.version, kindHint);
    return [path, ...this.fileChanged(path, before).filter((other) => other !== path)];
  }

  /** A workspace file's text or presence changed: invalidates its cross-file scope; returns the open files of that scope. */
  private fileChanged(path: string, kindBefore: FileKind | undefined): string[] {
    const kindAfter = this.index.kindOf(path);
    this.analyses.changed(path, kindBefore, kindAfter);
    this.changes++;
    this.scheduleChecklist();
    const kinds = new Set([kindBefore, kindAfter].filter((kind) => kind !== undefined));
    const scopeOf = (kind: FileKind, file: string) => kindSupport(kind).crossFileScope?.(file);
    const affected: string[] = [];
    for (const open of this.documents.keys()) {
      if (open === path) continue;
      const kind = this.index.kindOf(open);
      if (!kind || !this.rules.some((rule) => rule.meta.crossFile && rule.meta.kind === kind)) continue;
      const sameScope = kinds.has(kind) && scopeOf(kind, open) === scopeOf(kind, path);
      if (sameScope || [...kinds].some((changed) => readsKind(kind, changed))) affected.push(open);
    }
    return affected;
  }

  /**
   * (Re)loads `.readiness.yml`: from the editor's buffer when it is open, else from disk; a file
   * that cannot be read is reported on itself and the defaults apply.
   */
  private loadConfig(): ConfigChange {
    const explicit = this.options.configPath;
    const folders = [this.root, ...this.roots].filter((root): root is string => root !== undefined);
    // An unsaved buffer of a new config counts as much as a file on disk.
    const openConfig = folders.flatMap((root) => CONFIG_FILE_NAMES.map((name) => join(root, name))).find((candidate) => this.documents.has(candidate));
    const path = explicit ?? openConfig ?? folders.map(findConfigFile).find((found) => found !== undefined);
    const open = path ? this.documents.get(path) : undefined;
    const config = !path ? loadConfigText('') : open ? loadConfigText(open.text, path) : loadConfigFile(path, resolveLocale(this.options.clientLocale));
    return this.setConfig(config);
  }

  /** Sets the config and the analysis settings; the settings object is kept when nothing in it changed, so cached results stay valid. */
  private setConfig(config: WorkspaceConfig): ConfigChange {
    const excludeBefore = JSON.stringify(this.config.config.exclude);
    this.config = config;
    const settings = analysisSettings(config, this.editor, this.options.clientLocale);
    if (this.options.locale) settings.locale = this.options.locale;
    const settingsChanged = JSON.stringify(settings) !== JSON.stringify(this.settings);
    if (settingsChanged) this.settings = settings;
    return { indexChanged: JSON.stringify(config.config.exclude) !== excludeBefore, settingsChanged };
  }

  private configSourceChanged(): string[] {
    this.reconfigure(this.loadConfig());
    return [...this.documents.keys()];
  }

  /**
   * Applies a change of settings or config: the index is rebuilt when the file selection changed,
   * cached results are dropped when the rules' settings changed, and the checklist is refreshed
   * (attestations change it). Returns the open files to re-check.
   */
  private reconfigure({ indexChanged, settingsChanged }: ConfigChange): string[] {
    if (indexChanged) {
      this.index = this.newIndex();
      this.outside.clear();
      this.analyses.clear();
      for (const path of this.documents.keys()) this.place(path);
      this.analyses.changedEverywhere();
      this.indexFolders(this.roots);
    } else if (settingsChanged) {
      this.analyses.clear();
    }
    this.changes++;
    this.scheduleChecklist();
    return indexChanged || settingsChanged ? [...this.documents.keys()] : this.configPaths();
  }

  private configPaths(): string[] {
    return [...this.documents.keys()].filter((path) => this.isConfigPath(path));
  }

  /** Reads the files of some folders into the index: a few at a time when live, so diagnostics never wait for it. */
  private indexFolders(folders: readonly string[]): void {
    if (folders.length === 0) return;
    const index = this.index;
    const task = (async () => {
      // Two turns of the event loop: the diagnostics published as the service starts are sent by
      // the JSON-RPC writer in the next turn, and the walk of the folders below blocks until done.
      if (this.live) for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
      await this.kindsReady;
      const started = Date.now();
      const files = folders.flatMap((folder) => index.candidates(folder));
      const progress = this.live && files.length >= this.progressThreshold ? await this.host.startProgress(t(this.locale, 'server.indexing')) : undefined;
      const slicer = new TimeSlicer(this.sliceMs);
      try {
        for (let done = 0; done < files.length; done++) {
          if (this.index !== index || this.disposed) return;
          index.readFromDisk(files[done]);
          if (progress && done % 100 === 0) progress.report(done, files.length);
          await slicer.pause();
        }
      } finally {
        progress?.done();
      }
      if (this.index !== index) return;
      this.host.log(`indexed ${index.paths().length} files in ${folders.join(', ')} (${Date.now() - started} ms)`);
    })();
    this.indexingTasks.add(task);
    void task
      .catch((error) => this.host.log(`indexing failed: ${describe(error, true)}`))
      .finally(() => {
        this.indexingTasks.delete(task);
        if (this.indexingTasks.size > 0 || this.index !== index || this.disposed) return;
        // Cross-file rules now see the whole workspace.
        this.analyses.changedEverywhere();
        this.changes++;
        this.scheduleChecklist();
        if (this.live) this.host.diagnosticsChanged([...this.documents.keys()].filter((path) => !this.isConfigPath(path)));
      });
  }

  /** Resolves when no indexing is running. */
  private async indexed(): Promise<void> {
    await this.kindsReady;
    while (this.indexingTasks.size > 0) await Promise.allSettled([...this.indexingTasks]);
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function describe(error: unknown, withStack: boolean): string {
  if (error instanceof Error) return withStack ? (error.stack ?? error.message) : error.message;
  return String(error);
}

/** The smallest single replacement that turns `before` into `after`. */
export function changedRegion(before: string, after: string): Span & { newText: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
