import type { Locale } from '../i18n';
import { DocumentEvidence } from '../checklist/evidence/documents';
import { groupByItem, type EvidenceInput } from '../checklist/evidence/index';
import { annotateChecklist } from '../checklist/annotate';
import { IncrementalChecklist } from '../checklist/incremental';
import { computeChecklist } from '../checklist/score';
import { prepareCompact } from '../checklist/wire';
import type { ChecklistReport, EvidenceHit } from '../checklist/types';
import { ENGINE_RULES, engineFinding, type FileAnalysis } from '../engine/analyze';
import { LineIndex } from '../engine/text';
import type { FileKind, Finding, Inspection } from '../engine/types';
import type { KubernetesModel } from '../kinds/kubernetes/model';
import type { WorkspaceConfig } from '../settings';
import type { WorkspaceIndex } from '../workspace';

/**
 * Evidence hits per file, kept while the file's text is unchanged: the checklist is recomputed
 * after every edit, and re-reading every workflow, doc and manifest each time would cost more
 * than the edit itself. Within a manifest, only the documents an edit changed are read again
 * (DocumentEvidence).
 */
export class EvidenceCache {
  private readonly byPath = new Map<string, { text: string; locale: Locale; found: ReturnType<DocumentEvidence['detect']>; documents: DocumentEvidence }>();
  /** The evidence by item the last `collect` returned: returned again, the very map, while nothing changes. */
  private grouped: Map<string, EvidenceHit[]> | undefined;
  /** Whether a file read since the last grouping found other evidence than before. */
  private changedSince = false;

  collect(files: readonly EvidenceInput[], locale: Locale): Map<string, EvidenceHit[]> {
    for (const file of files) this.read(file, () => file, locale);
    return this.grouping(files);
  }

  /**
   * The evidence of the index's files; only a file whose text changed is handed over (with its
   * parsed YAML) and read again, and the reading yields between files (`pause`).
   */
  async collectFrom(index: WorkspaceIndex, locale: Locale, pause: () => Promise<void> = async () => undefined): Promise<Map<string, EvidenceHit[]>> {
    const files = index.evidenceFiles();
    for (const file of files) if (this.read(file, () => evidenceInput(index, file), locale)) await pause();
    return this.grouping(files);
  }

  /** Reads a file's evidence unless its text was read already; true when it was read now. */
  private read(file: { path: string; text: string }, input: () => EvidenceInput, locale: Locale): boolean {
    const entry = this.byPath.get(file.path);
    if (entry && entry.text === file.text && entry.locale === locale) return false;
    const documents = entry?.documents ?? new DocumentEvidence();
    const detected = documents.detect(input(), locale);
    this.changedSince ||= !entry || entry.locale !== locale || JSON.stringify(entry.found) !== JSON.stringify(detected);
    this.byPath.set(file.path, { text: file.text, locale, found: detected, documents });
    return true;
  }

  private grouping(files: readonly { path: string }[]): Map<string, EvidenceHit[]> {
    let changed = this.changedSince;
    this.changedSince = false;
    if (this.byPath.size !== files.length) {
      const live = new Set(files.map((file) => file.path));
      for (const path of this.byPath.keys()) {
        if (live.has(path)) continue;
        this.byPath.delete(path);
        changed = true;
      }
    }
    if (changed || !this.grouped) this.grouped = groupByItem(files.flatMap((file) => this.byPath.get(file.path)!.found));
    return this.grouped;
  }
}

/** The problems of a loaded `.readiness.yml` as findings on that file. */
export function configFindings(config: WorkspaceConfig): Finding[] {
  if (!config.path || config.text === undefined) return [];
  const lines = new LineIndex(config.text);
  return config.problems.map((problem) => engineFinding(ENGINE_RULES.config, problem.severity, ensurePeriod(problem.message), config.path!, problem.span, lines));
}

function ensurePeriod(message: string): string {
  return /[.?!]$/.test(message) ? message : `${message}.`;
}

/** The kinds with at least one analyzed file. */
export function analyzedKinds(index: WorkspaceIndex, paths: readonly string[] = index.paths()): Set<FileKind> {
  const kinds = new Set<FileKind>();
  for (const path of paths) {
    const kind = index.kindOf(path);
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** The evidence inputs of the index, handing over the YAML the Kubernetes model already parsed. */
export function evidenceInputs(index: WorkspaceIndex): EvidenceInput[] {
  return index.evidenceFiles().map((file) => evidenceInput(index, file));
}

function evidenceInput(index: WorkspaceIndex, file: { path: string; text: string }): EvidenceInput {
  const absolute = index.absolute(file.path);
  if (index.kindOf(absolute) !== 'kubernetes') return file;
  const model = index.model(absolute) as KubernetesModel | undefined;
  return model ? { path: file.path, text: file.text, ...yamlDocumentsOf(model) } : file;
}

const yamlDocuments = new WeakMap<KubernetesModel, Required<Pick<EvidenceInput, 'yamlRoots' | 'yamlDocuments'>>>();

function yamlDocumentsOf(model: KubernetesModel): Required<Pick<EvidenceInput, 'yamlRoots' | 'yamlDocuments'>> {
  let documents = yamlDocuments.get(model);
  if (!documents) {
    documents = { yamlRoots: model.documents.map((document) => document.root), yamlDocuments: model.documents.map(({ span, hasErrors }) => ({ span, hasErrors })) };
    yamlDocuments.set(model, documents);
  }
  return documents;
}

export interface ChecklistSources {
  index: WorkspaceIndex;
  findings: readonly Finding[];
  inspected: readonly Inspection[];
  config: WorkspaceConfig;
  locale: Locale;
  evidence?: EvidenceCache;
  /** Evidence already collected from `evidenceInputs(index)` (the service decides from it whether to score again). */
  collected?: { files: EvidenceInput[]; evidence: Map<string, EvidenceHit[]> };
}

/** The checklist of a workspace from its index, its findings and its config, scored from scratch: what ChecklistScorer keeps up to date. */
export function checklistOf({ index, findings, inspected, config, locale, evidence, collected }: ChecklistSources): ChecklistReport {
  const evidenceFiles = collected?.files ?? evidenceInputs(index);
  const report = computeChecklist({
    findings: findings.filter((finding) => finding.severity !== 'hint'),
    inspected,
    root: index.root,
    analyzedKinds: analyzedKinds(index),
    evidenceFiles,
    evidence: collected?.evidence ?? evidence?.collect(evidenceFiles, locale),
    config: config.config,
    configPath: config.path,
    locale,
    problems: configFindings(config).map((finding) => `${index.relative(finding.path)}:${finding.range.start.line + 1}: ${finding.message}`),
  });
  // Quick-fix titles on findings, the "Fix first" order and the skipped files, for the panel and the report.
  return annotateChecklist({ ...report, analyzedFiles: index.paths().length }, { findings, root: index.root, skipped: index.skipped });
}

export interface ScoringSources {
  index: WorkspaceIndex;
  /** Each analyzed file's findings and inspections; an unchanged file keeps the very object. */
  analyses: ReadonlyMap<string, FileAnalysis>;
  config: WorkspaceConfig;
  locale: Locale;
  /** Evidence by item from EvidenceCache.collect (the same map while it is unchanged). */
  evidence: ReadonlyMap<string, EvidenceHit[]>;
  pause?: () => Promise<void>;
  /** Work out the compact form the panel fetches too (the language server), in slices. */
  compact?: boolean;
}

/**
 * The service's checklist, scored again from what changed since the last one (see
 * IncrementalChecklist): the same report checklistOf computes from scratch.
 */
export class ChecklistScorer {
  private incremental: IncrementalChecklist | undefined;

  async score({ index, analyses, config, locale, evidence, pause, compact }: ScoringSources): Promise<ChecklistReport> {
    if (this.incremental?.root !== index.root) this.incremental = new IncrementalChecklist(index.root);
    const paths = index.paths();
    const report = await this.incremental.score({
      analyses,
      evidence,
      config: config.config,
      configPath: config.path,
      locale,
      analyzedKinds: analyzedKinds(index, paths),
      problems: configFindings(config).map((finding) => `${index.relative(finding.path)}:${finding.range.start.line + 1}: ${finding.message}`),
      skipped: index.skipped,
      analyzedFiles: paths.length,
      pause,
    });
    if (compact) await prepareCompact(report, pause ?? (async () => undefined));
    return report;
  }
}
