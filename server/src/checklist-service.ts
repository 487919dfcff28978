import type { Locale } from './i18n';
import { annotateChecklist } from './checklist/annotate';
import { detectFile, groupByItem, type EvidenceInput } from './checklist/evidence/index';
import { computeChecklist } from './checklist/score';
import type { ChecklistReport, EvidenceHit } from './checklist/types';
import type { KubernetesModel } from './kinds/kubernetes/model';
import { analyzedKinds, configFindings } from './project';
import type { WorkspaceConfig } from './settings';
import type { Finding, Inspection } from './engine/types';
import type { WorkspaceIndex } from './workspace';

/**
 * Evidence hits per file, kept while the file's text is unchanged: the server recomputes the
 * checklist after every edit, and re-reading every workflow, doc and manifest each time would
 * cost more than the edit itself.
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
      found.push(...entry.found);
    }
    for (const path of this.byPath.keys()) if (!live.has(path)) this.byPath.delete(path);
    return groupByItem(found);
  }
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

/** The checklist of a workspace from its index, its findings and its config: shared by the server and the CLI. */
export function checklistOf(index: WorkspaceIndex, findings: Finding[], inspected: Inspection[], config: WorkspaceConfig, locale: Locale, cache?: EvidenceCache): ChecklistReport {
  const evidenceFiles = evidenceInputs(index);
  const report = computeChecklist({
    findings: findings.filter((finding) => finding.severity !== 'hint'),
    inspected,
    root: index.root,
    analyzedKinds: analyzedKinds(index),
    evidenceFiles,
    evidence: cache?.collect(evidenceFiles, locale),
    config: config.config,
    locale,
    problems: configFindings(config).map((finding) => `${index.relative(finding.path)}:${finding.range.start.line + 1}: ${finding.message}`),
    configPath: config.path,
  });
  // Issue 15 wiring: quick-fix titles on findings, the "Fix first" order and the skipped files.
  return annotateChecklist({ ...report, analyzedFiles: index.paths().length }, { findings, root: index.root, skipped: index.skipped });
}

export function checklistFor(scan: { index: WorkspaceIndex; findings: Finding[]; inspected: Inspection[]; config: WorkspaceConfig }, locale: Locale): ChecklistReport {
  return checklistOf(scan.index, scan.findings, scan.inspected, scan.config, locale);
}
