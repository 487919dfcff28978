/**
 * The language server: speaks LSP and nothing else. Analysis lives in pure functions (engine,
 * kinds, rules); this file keeps the workspace index current and turns findings into
 * diagnostics, code actions and the checklist. Runs over node IPC (VS Code) or --stdio (others).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ALL_RULES } from '../../rules';
import { setAttestation, setSignoff } from './checklist/attest';
import { renderReport } from './checklist/report';
import {
  ATTEST_REQUEST,
  CHECKLIST_CHANGED_NOTIFICATION,
  CHECKLIST_REQUEST,
  REPORT_REQUEST,
  SIGNOFF_REQUEST,
  type AttestParams,
  type ChecklistReport,
  type EditResult,
  type ReportParams,
  type SignOffParams,
} from './checklist/types';
import { checklistOf, EvidenceCache } from './checklist-service';
import type { AnalysisSettings, FileAnalysis } from './engine/analyze';
import { CONFIG_FILE_NAMES } from './engine/config';
import { LineIndex, lineIndexOf } from './engine/text';
import type { FileKind, Finding, Inspection } from './engine/types';
import { initEachKind, kindSupport } from './kinds';
import { codeActionsFor, skippedDiagnostic, toDiagnostic, unavailableDiagnostic } from './lsp/convert';
import { VERSION } from './package-info';
import { configFindings } from './project';
import { analysisSettings, DEFAULT_EDITOR_SETTINGS, loadConfigText, type EditorSettings, type WorkspaceConfig } from './settings';
import { resolveLocale } from './i18n';
import { WorkspaceIndex } from './workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let index = new WorkspaceIndex(process.cwd());
let roots: string[] = [];
let clientLocale: string | undefined;
let supportsConfiguration = false;
let supportsWatcherRegistration = false;
let supportsWorkspaceFolders = false;
let editorSettings: EditorSettings = DEFAULT_EDITOR_SETTINGS;
let config: WorkspaceConfig = loadConfigText('');
let settings: AnalysisSettings = analysisSettings(config);
let ready: Promise<void> = Promise.resolve();
/** Kinds whose parser could not start (a missing WebAssembly file): their files get one error diagnostic. */
let unavailableKinds = new Map<FileKind, Error>();

/** Findings and inspections of every workspace file, for the checklist; invalidated per kind when a file changes. */
const findingsCache = new Map<string, FileAnalysis>();
const pending = new Map<string, NodeJS.Timeout>();
let checklistTimer: NodeJS.Timeout | undefined;
let checklistCache: ChecklistReport | undefined;
const evidenceCache = new EvidenceCache();

connection.onInitialize((params: InitializeParams) => {
  const folders = params.workspaceFolders?.map((folder) => URI.parse(folder.uri).fsPath) ?? [];
  if (folders.length === 0 && params.rootUri) folders.push(URI.parse(params.rootUri).fsPath);
  roots = folders;
  index = new WorkspaceIndex(roots[0] ?? process.cwd());
  clientLocale = (params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale;
  supportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
  supportsWatcherRegistration = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  supportsWorkspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      foldingRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'readiness', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'readiness' });
  if (supportsWatcherRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
  }
  if (supportsWorkspaceFolders) watchWorkspaceFolders();
  ready = start();
});

function watchWorkspaceFolders() {
  connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
    await ready;
    for (const folder of removed) {
      const path = URI.parse(folder.uri).fsPath;
      roots = roots.filter((root) => root !== path);
      index.forget(path);
    }
    for (const folder of added) {
      const path = URI.parse(folder.uri).fsPath;
      roots.push(path);
      index.scan(path);
    }
    findingsCache.clear();
    refreshAll();
  });
}

async function start(): Promise<void> {
  unavailableKinds = await initEachKind();
  for (const [kind, error] of unavailableKinds) {
    void connection.window.showErrorMessage(`Production Readiness cannot analyze ${kindSupport(kind).label} files: ${error.message}`);
  }
  await loadSettings();
  for (const root of roots) index.scan(root);
  connection.console.info(`readiness: indexed ${index.paths().length} files in ${roots.join(', ') || '(no folder)'}`);
  for (const document of documents.all()) schedule(document.uri, 0);
  scheduleChecklist();
}

async function loadSettings(): Promise<void> {
  if (supportsConfiguration) {
    const [value, filesExclude] = (await connection.workspace.getConfiguration([{ section: 'readiness' }, { section: 'files.exclude' }])) as [
      Partial<EditorSettings> | null,
      Record<string, boolean> | null,
    ];
    editorSettings = { ...DEFAULT_EDITOR_SETTINGS, ...(value ?? {}) };
    const hidden = Object.entries(filesExclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
    editorSettings.exclude = [...(editorSettings.exclude ?? []), ...hidden];
  }
  const configPath = roots.map((root) => CONFIG_FILE_NAMES.map((name) => join(root, name))).flat().find((path) => existsSync(path));
  const open = configPath ? documents.get(URI.file(configPath).toString()) : undefined;
  config = configPath ? loadConfigText(open?.getText() ?? readFileSync(configPath, 'utf8'), configPath) : loadConfigText('');
  settings = analysisSettings(config, editorSettings, clientLocale);
  index.setOptions({ exclude: [...editorSettings.exclude, ...config.config.exclude], maxFileSizeKb: editorSettings.maxFileSizeKb });
  findingsCache.clear();
}

function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

function isConfigFile(path: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => path.endsWith(`/${name}`) || path.endsWith(`\\${name}`));
}

/** Languages whose documents are analyzed whatever their file name (files.associations). */
const LANGUAGE_KINDS: Record<string, FileKind | undefined> = { dockerfile: 'dockerfile', nginx: 'nginx', terraform: 'terraform' };

documents.onDidChangeContent(({ document }) => {
  const path = pathOf(document.uri);
  if (!path) return;
  if (isConfigFile(path)) {
    schedule(document.uri, editorSettings.debounceMs);
    return;
  }
  if (index.isExcluded(path)) return;
  index.setText(path, document.getText(), document.version, LANGUAGE_KINDS[document.languageId]);
  invalidate(index.kindOf(path), path);
  schedule(document.uri, editorSettings.debounceMs);
});

documents.onDidClose(({ document }) => {
  const path = pathOf(document.uri);
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  if (path && !isConfigFile(path)) {
    index.release(path);
    invalidate(index.kindOf(path), path);
  }
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(async () => {
  await ready;
  await loadSettings();
  refreshAll();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await ready;
  let configChanged = false;
  for (const change of changes) {
    const path = pathOf(change.uri);
    if (!path) continue;
    if (isConfigFile(path)) {
      configChanged = true;
      continue;
    }
    if (documents.get(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) index.remove(path);
    else if (!index.isExcluded(path)) index.readFromDisk(path);
    invalidate(index.kindOf(path), path);
  }
  if (configChanged) await loadSettings();
  refreshAll();
});

/** A change to one file can change the cross-file findings of the files of its kind in its scope. */
function invalidate(kind: FileKind | undefined, path: string) {
  findingsCache.delete(path);
  if (kind) {
    const scopeOf = kindSupport(kind).crossFileScope;
    const scope = scopeOf?.(path);
    for (const other of index.paths(kind)) if (!scopeOf || scopeOf(other) === scope) findingsCache.delete(other);
  }
  checklistCache = undefined;
}

function refreshAll() {
  for (const document of documents.all()) schedule(document.uri, 0);
  checklistCache = undefined;
  scheduleChecklist();
}

function schedule(uri: string, delay: number) {
  clearTimeout(pending.get(uri));
  pending.set(
    uri,
    setTimeout(() => {
      pending.delete(uri);
      void ready.then(() => validate(uri));
    }, delay),
  );
}

/** Analyzes the buffer's current version; the result is dropped if the buffer moved on meanwhile. */
function validate(uri: string) {
  const document = documents.get(uri);
  const path = pathOf(uri);
  if (!document || !path) return;
  const version = document.version;
  let diagnostics: Diagnostic[];
  try {
    diagnostics = diagnosticsFor(path, document);
  } catch (error) {
    connection.console.error(`readiness: analysis of ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return;
  }
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
  // Other open files of the same kind may have cross-file findings that depend on this one.
  const kind = index.kindOf(path);
  if (kind) for (const other of documents.all()) if (other.uri !== uri && index.kindOf(pathOf(other.uri) ?? '') === kind && !pending.has(other.uri)) revalidateQuietly(other.uri, kind);
  scheduleChecklist();
}

const crossFileKinds = new Set(ALL_RULES.filter((rule) => rule.meta.crossFile).map((rule) => rule.meta.kind));
function revalidateQuietly(uri: string, kind: FileKind) {
  if (!crossFileKinds.has(kind)) return;
  const document = documents.get(uri);
  const path = pathOf(uri);
  if (!document || !path) return;
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnosticsFor(path, document) });
}

function diagnosticsFor(path: string, document: TextDocument): Diagnostic[] {
  if (!editorSettings.enable) return [];
  if (isConfigFile(path)) {
    const text = document.getText();
    if (text !== config.text) {
      config = loadConfigText(text, path);
      settings = analysisSettings(config, editorSettings, clientLocale);
      index.setOptions({ exclude: [...editorSettings.exclude, ...config.config.exclude] });
      findingsCache.clear();
      for (const other of documents.all()) if (other.uri !== document.uri) schedule(other.uri, 0);
    }
    const lines = new LineIndex(text);
    return configFindings(config).map((finding) => toDiagnostic(finding, lines));
  }
  const skip = index.skipReason(path);
  if (skip) return [skippedDiagnostic(skip)];
  const unavailable = unavailableKinds.get(index.kindOf(path)!);
  if (unavailable) return [unavailableDiagnostic(unavailable.message)];
  const { findings } = analysisOf(path);
  const model = index.model(path);
  if (!model) return [];
  const lines = lineIndexOf(model);
  return findings.map((finding) => toDiagnostic(finding, lines));
}

function analysisOf(path: string): FileAnalysis {
  let analysis = findingsCache.get(path);
  if (!analysis) {
    analysis = index.analyze(path, ALL_RULES, settings);
    findingsCache.set(path, analysis);
  }
  return analysis;
}

connection.onCodeAction(async (params) => {
  await ready;
  const document = documents.get(params.textDocument.uri);
  const path = pathOf(params.textDocument.uri);
  if (!document || !path) return [];
  const kind = index.kindOf(path);
  const lines = new LineIndex(document.getText());
  const prefix = kind ? kindSupport(kind).commentPrefix : '#';
  return params.context.diagnostics.flatMap((diagnostic) =>
    codeActionsFor(diagnostic, { uri: document.uri, version: document.version }, lines, prefix),
  );
});

connection.onFoldingRanges(async ({ textDocument }) => {
  await ready;
  const path = pathOf(textDocument.uri);
  const kind = path ? index.kindOf(path) : undefined;
  const foldingRanges = kind ? kindSupport(kind).foldingRanges : undefined;
  const model = path ? index.model(path) : undefined;
  if (!foldingRanges || !model) return null;
  const lines = lineIndexOf(model);
  return foldingRanges(model)
    .map((span) => ({ startLine: lines.positionAt(span.start).line, endLine: lines.positionAt(span.end).line - 1 }))
    .filter((range) => range.endLine > range.startLine);
});

function scheduleChecklist() {
  clearTimeout(checklistTimer);
  checklistTimer = setTimeout(() => {
    checklistCache = undefined;
    void connection.sendNotification(CHECKLIST_CHANGED_NOTIFICATION);
  }, 300);
}

function currentChecklist(): ChecklistReport {
  if (!checklistCache) {
    const findings: Finding[] = [];
    const inspected: Inspection[] = [];
    for (const path of index.paths()) {
      if (unavailableKinds.has(index.kindOf(path)!)) continue;
      try {
        const analysis = analysisOf(path);
        findings.push(...analysis.findings);
        inspected.push(...analysis.inspected);
      } catch (error) {
        connection.console.error(`readiness: analysis of ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    checklistCache = checklistOf(index, findings, inspected, config, settings.locale ?? resolveLocale(clientLocale), evidenceCache);
  }
  return checklistCache;
}

connection.onRequest(CHECKLIST_REQUEST, async () => {
  await ready;
  return currentChecklist();
});

connection.onRequest(REPORT_REQUEST, async (params: ReportParams) => {
  await ready;
  return renderReport(currentChecklist(), params.format);
});

/** Edits `.readiness.yml` (creating it if needed); a malformed file is reported, never overwritten. */
async function editConfig(edit: (text: string) => { text: string } | { error: string }): Promise<EditResult> {
  await ready;
  const root = roots[0];
  if (!root) return { ok: false, error: 'Open a folder to record attestations in its .readiness.yml.' };
  const path = config.path ?? join(root, CONFIG_FILE_NAMES[0]);
  const open = documents.get(URI.file(path).toString());
  let current = '';
  try {
    current = open?.getText() ?? readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  const result = edit(current);
  if ('error' in result) return { ok: false, error: result.error };
  if (open) {
    // Only the changed middle of the file is replaced, so the user's cursor and undo stay sensible.
    const lines = new LineIndex(current);
    const change = changedRegion(current, result.text);
    const applied = await connection.workspace.applyEdit({
      documentChanges: [{ textDocument: { uri: open.uri, version: open.version }, edits: [{ range: lines.rangeOf(change), newText: change.newText }] }],
    });
    if (!applied.applied) return { ok: false, error: applied.failureReason ?? 'The editor refused the edit.' };
  } else {
    writeFileSync(path, result.text);
  }
  config = loadConfigText(result.text, path);
  settings = analysisSettings(config, editorSettings, clientLocale);
  checklistCache = undefined;
  scheduleChecklist();
  return { ok: true };
}

/** The smallest single replacement that turns `before` into `after`. */
function changedRegion(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

connection.onRequest(ATTEST_REQUEST, (params: AttestParams) =>
  editConfig((text) => setAttestation(text, params.itemId, params.status, { by: params.by, note: params.note, date: new Date().toISOString().slice(0, 10) })),
);

connection.onRequest(SIGNOFF_REQUEST, (params: SignOffParams) =>
  editConfig((text) => setSignoff(text, params.role, params.name, params.date ?? new Date().toISOString().slice(0, 10))),
);

process.on('uncaughtException', (error) => connection.console.error(`readiness: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
