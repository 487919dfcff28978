import type { Locale } from '../i18n';
import { detectFile, groupByItem, type EvidenceInput } from '../checklist/evidence/index';
import { annotateChecklist } from '../checklist/annotate';
import { computeChecklist } from '../checklist/score';
import type { ChecklistReport, EvidenceHit } from '../checklist/types';
import { ENGINE_RULES, engineFinding } from '../engine/analyze';
import { LineIndex } from '../engine/text';
import type { FileKind, Finding, Inspection } from '../engine/types';
import type { KubernetesModel } from '../kinds/kubernetes/model';
import type { WorkspaceConfig } from '../settings';
import type { WorkspaceIndex } from '../workspace';

/**
 * Evidence hits per file, kept while the file's text is unchanged: the checklist is recomputed
 * after every edit, and re-reading every workflow, doc and manifest each time would cost more
 * than the edit itself.
 */
export class EvidenceCache {
  private readonly byPath = new Map<string, { text: string; locale: Locale; found: ReturnType<typeof detectFile> }>();

  collect(files: readonly EvidenceInput[], locale: Locale): Map<string, EvidenceHit[]> {
    const live = new Set<string>();
    const found: ReturnType<typeof detectFile> = [];
    for (const file of files) {
      live.add(file.path);
      let entry = this.byPath.get(file.path);
      if (!entry || entry.text !== file.text || entry.locale !== locale) {
        entry = { text: file.text, locale, found: detectFile(file, locale) };
        this.byPath.set(file.path, entry);
      }
      for (const hit of entry.found) found.push(hit);
    }
    for (const path of this.byPath.keys()) if (!live.has(path)) this.byPath.delete(path);
    return groupByItem(found);
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
export function analyzedKinds(index: WorkspaceIndex): Set<FileKind> {
  const kinds = new Set<FileKind>();
  for (const path of index.paths()) {
    const kind = index.kindOf(path);
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** The evidence inputs of the index, handing over the YAML the Kubernetes model already parsed. */
function evidenceInputs(index: WorkspaceIndex): EvidenceInput[] {
  return index.evidenceFiles().map((file) => {
    const absolute = index.absolute(file.path);
    if (index.kindOf(absolute) !== 'kubernetes') return file;
    const model = index.model(absolute) as KubernetesModel | undefined;
    return model ? { ...file, yamlRoots: model.documents.map((document) => document.root) } : file;
  });
}

export interface ChecklistSources {
  index: WorkspaceIndex;
  findings: readonly Finding[];
  inspected: readonly Inspection[];
  config: WorkspaceConfig;
  locale: Locale;
  evidence?: EvidenceCache;
}

/** The checklist of a workspace from its index, its findings and its config: the one place both the server and the CLI score it. */
export function checklistOf({ index, findings, inspected, config, locale, evidence }: ChecklistSources): ChecklistReport {
  const evidenceFiles = evidenceInputs(index);
  const report = computeChecklist({
    findings: findings.filter((finding) => finding.severity !== 'hint'),
    inspected,
    root: index.root,
    analyzedKinds: analyzedKinds(index),
    evidenceFiles,
    evidence: evidence?.collect(evidenceFiles, locale),
    config: config.config,
    configPath: config.path,
    locale,
    problems: configFindings(config).map((finding) => `${index.relative(finding.path)}:${finding.range.start.line + 1}: ${finding.message}`),
  });
  // Quick-fix titles on findings, the "Fix first" order and the skipped files, for the panel and the report.
  return annotateChecklist({ ...report, analyzedFiles: index.paths().length }, { findings, root: index.root, skipped: index.skipped });
}
