import type { Locale } from './engine/analyze';
import { computeChecklist } from './checklist/score';
import type { ChecklistReport } from './checklist/types';
import { analyzedKinds, configFindings } from './project';
import type { WorkspaceConfig } from './settings';
import type { Finding } from './engine/types';
import type { WorkspaceIndex } from './workspace';

/** The checklist of a workspace from its index, its findings and its config: shared by the server and the CLI. */
export function checklistOf(index: WorkspaceIndex, findings: Finding[], config: WorkspaceConfig, locale: Locale): ChecklistReport {
  return computeChecklist({
    findings: findings.filter((finding) => finding.severity !== 'hint'),
    root: index.root,
    analyzedKinds: analyzedKinds(index),
    evidenceFiles: index.evidenceFiles(),
    config: config.config,
    locale,
    problems: configFindings(config).map((finding) => `${index.relative(finding.path)}:${finding.range.start.line + 1}: ${finding.message}`),
  });
}

export function checklistFor(scan: { index: WorkspaceIndex; findings: Finding[]; config: WorkspaceConfig }, locale: Locale): ChecklistReport {
  return checklistOf(scan.index, scan.findings, scan.config, locale);
}
