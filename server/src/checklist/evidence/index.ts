/**
 * Evidence: proof in the workspace that a checklist item is done, found by detectors that each
 * look for one kind of file (a CI workflow, a Prometheus config, a runbook) and say what they
 * found, where, and why it counts.
 */
import type { EvidenceHit } from '../types';
import type { Locale } from '../../i18n';
import { ciApprovalDetector, ciLoadTestsDetector, ciPromotionDetector, ciQualityGateDetector, ciRollbackDetector, ciSecurityScanDetector, ciTestsDetector, isCiFile } from './ci';
import { alertmanagerDetector, alertRulesDetector, envSettingsDetector, logShippingDetector, otelCollectorDetector, prometheusScrapeDetector, workloadImagesDetector } from './observability';
import { isLoadScriptPath, loadTestScriptDetector, progressiveDeliveryDetector } from './performance';
import { backupScheduleDetector, backupScriptDetector, isBackupScript } from './backup';
import { DOC_DETECTORS, isOpenApiPath, openApiDetector, recoveryObjectivesDetector } from './docs';
import { EXCLUDED_FOLDERS, loc, SourceFile, type Detector, type EvidenceInput } from './source';
import { composeMountsDetector } from './compose';

export type { Detector, EvidenceInput } from './source';

export const DETECTORS: readonly Detector[] = [
  ciTestsDetector,
  ciLoadTestsDetector,
  ciSecurityScanDetector,
  ciQualityGateDetector,
  ciApprovalDetector,
  ciPromotionDetector,
  ciRollbackDetector,
  prometheusScrapeDetector,
  alertRulesDetector,
  alertmanagerDetector,
  logShippingDetector,
  envSettingsDetector,
  otelCollectorDetector,
  workloadImagesDetector,
  loadTestScriptDetector,
  progressiveDeliveryDetector,
  backupScheduleDetector,
  backupScriptDetector,
  recoveryObjectivesDetector,
  openApiDetector,
  ...DOC_DETECTORS,
  composeMountsDetector,
];

/**
 * The seed's "Informações da Aplicação" in `.readiness.yml` state the RTO and RPO; computeChecklist
 * reads them from the parsed configuration rather than from a file.
 */
export const APPLICATION_INFO_EVIDENCE = {
  id: 'application-info',
  title: 'Application information in .readiness.yml',
  heuristic: 'application.rto and application.rpo are set in .readiness.yml (the seed\'s "Informações da Aplicação").',
  file: '.readiness.yml',
  proves: {
    'backup/rto-defined': loc('The application information states the RTO.', 'As informações da aplicação definem o RTO.'),
    'backup/rpo-defined': loc('The application information states the RPO.', 'As informações da aplicação definem o RPO.'),
  },
} as const;

/** Every source of evidence the catalog lists: the file detectors and the application information. */
export const EVIDENCE_SOURCES: readonly Pick<Detector, 'id' | 'title' | 'heuristic' | 'proves'>[] = [...DETECTORS, APPLICATION_INFO_EVIDENCE];

export function detectorById(id: string): Pick<Detector, 'id' | 'title' | 'heuristic' | 'proves'> | undefined {
  return EVIDENCE_SOURCES.find((detector) => detector.id === id);
}

/** Evidence from the application information (RTO, RPO) of the configuration. */
export function applicationEvidence(application: Readonly<Record<string, string>>, locale: Locale = 'en'): Map<string, EvidenceHit[]> {
  const result = new Map<string, EvidenceHit[]>();
  for (const [field, item] of [['rto', 'backup/rto-defined'], ['rpo', 'backup/rpo-defined']] as const) {
    const value = application[field]?.trim();
    if (!value) continue;
    const why = APPLICATION_INFO_EVIDENCE.proves[item];
    result.set(item, [
      {
        detector: APPLICATION_INFO_EVIDENCE.id,
        file: APPLICATION_INFO_EVIDENCE.file,
        what: `application.${field}: ${value}`,
        why: locale === 'pt-BR' ? why.pt : why.en,
      },
    ]);
  }
  return result;
}

const DOC_FOLDERS = new Set(['docs', 'doc', 'documentation', 'runbooks', 'runbook', 'playbooks', 'wiki', 'ops', 'operations', 'adr', 'adrs', '.github', 'handbook', 'sre']);
const DOC_NAMES = /^(?:readme|security|sla|slo|runbook|architecture|contributing|incident[-_]response|disaster[-_]recovery|on-?call|privacy|terms)[\w.-]*\.(?:md|markdown)$/;

/**
 * Cheap path filter: should the workspace index read this (non-rule) file for evidence? Paths are
 * relative to the workspace root. Dependency and build folders never count.
 */
export function isEvidenceCandidate(relativePath: string): boolean {
  const file = new SourceFile({ path: relativePath, text: '' });
  if (file.folders.some((folder) => EXCLUDED_FOLDERS.has(folder))) return false;
  if (isCiFile(file)) return true;
  if (file.isYaml) return true;
  if (file.isMarkdown) return file.folders.length === 0 || DOC_NAMES.test(file.name) || file.folders.some((folder) => DOC_FOLDERS.has(folder));
  if (isOpenApiPath(file) || isLoadScriptPath(file) || isBackupScript(file)) return true;
  if (/^(?:fluent-?bit|td-agent-bit)[\w.-]*\.conf$/.test(file.name) || /^vector.*\.toml$/.test(file.name)) return true;
  return false;
}

/** The hits of every detector on one file; never throws (a failing detector is skipped for that file). */
export function detectFile(input: EvidenceInput, locale: Locale = 'en'): { item: string; hit: EvidenceHit }[] {
  const file = new SourceFile(input);
  if (file.isCrdOnly) return [];
  const found: { item: string; hit: EvidenceHit }[] = [];
  for (const detector of DETECTORS) {
    let hits;
    try {
      if (!detector.appliesTo(file) || (detector.textHint && !detector.textHint.test(file.text))) continue;
      hits = detector.detect(file);
    } catch {
      // Evidence is best effort; one odd file must not hide the rest of the checklist.
      continue;
    }
    for (const hit of hits) {
      const why = detector.proves[hit.item];
      if (!why) continue;
      found.push({
        item: hit.item,
        hit: {
          detector: detector.id,
          file: file.path,
          what: locale === 'pt-BR' ? hit.what.pt : hit.what.en,
          why: locale === 'pt-BR' ? why.pt : why.en,
          ...(hit.line !== undefined ? { line: hit.line } : {}),
        },
      });
    }
  }
  return found;
}

/**
 * Runs every detector on every file it applies to. Paths are relative with forward slashes; the
 * result maps item ids to hits (item ids without evidence are absent).
 */
export function runDetectors(files: readonly EvidenceInput[], locale: Locale = 'en'): Map<string, EvidenceHit[]> {
  return groupByItem(files.flatMap((input) => detectFile(input, locale)));
}

export function groupByItem(found: readonly { item: string; hit: EvidenceHit }[]): Map<string, EvidenceHit[]> {
  const result = new Map<string, EvidenceHit[]>();
  for (const { item, hit } of found) {
    const list = result.get(item) ?? [];
    list.push(hit);
    result.set(item, list);
  }
  return result;
}
