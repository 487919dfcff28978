/**
 * Evidence: proof in the workspace that a checklist item is done, found by detectors that each
 * look for one kind of file (a CI workflow, a Prometheus config, a runbook, a Terraform resource)
 * and say what they found, where, and why it counts. Facts that need two files (a Service and the
 * workload it selects) are joined after the per-file pass (joins.ts).
 */
import type { ReadinessConfig } from '../../engine/config';
import { LineIndex } from '../../engine/text';
import type { Range, Span } from '../../engine/types';
import type { Locale } from '../../i18n';
import type { Localized } from '../catalog';
import { parseDuration, parsePercent } from '../targets';
import type { EvidenceHit } from '../types';
import { backupScheduleDetector, backupScriptDetector, isBackupScript } from './backup';
import { ciApprovalDetector, ciLoadTestsDetector, ciPromotionDetector, ciQualityGateDetector, ciRollbackDetector, ciSecurityScanDetector, ciTestsDetector, isCiFile } from './ci';
import { CI_MORE_DETECTORS, isRepositoryMetaFile } from './ci-more';
import { declaredMetricsDetector, DOC_DETECTORS, isOpenApiPath, openApiDetector, recoveryObjectivesDetector } from './docs';
import { JOINS, joinFacts as join } from './joins';
import { KUBERNETES_DETECTORS } from './kubernetes';
import { isMigrationPath, migrationsDetector } from './migrations';
import { isNginxConfigPath, NGINX_DETECTORS } from './nginx';
import { alertmanagerDetector, alertRulesDetector, envSettingsDetector, logShippingDetector, otelCollectorDetector, prometheusScrapeDetector, workloadImagesDetector } from './observability';
import { isLoadScriptPath, loadTestScriptDetector, progressiveDeliveryDetector } from './performance';
import { DECLARED_PREFIX, EXCLUDED_FOLDERS, FACT_PREFIX, loc, SourceFile, TEST_DATA_FOLDERS, type Detector, type DetectorHit, type EvidenceInput } from './source';
import { TERRAFORM_DETECTORS } from './terraform';
import { composeMountsDetector } from './compose';

export type { Detector, EvidenceInput } from './source';
export { inFolders, TEST_FOLDERS } from './source';

/** Every per-file detector. One entry per line: other kinds (Compose) register theirs with one more. */
export const DETECTORS: readonly Detector[] = [
  ciTestsDetector,
  ciLoadTestsDetector,
  ciSecurityScanDetector,
  ciQualityGateDetector,
  ciApprovalDetector,
  ciPromotionDetector,
  ciRollbackDetector,
  ...CI_MORE_DETECTORS,
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
  declaredMetricsDetector,
  openApiDetector,
  migrationsDetector,
  ...KUBERNETES_DETECTORS,
  ...TERRAFORM_DETECTORS,
  ...NGINX_DETECTORS,
  ...DOC_DETECTORS,
  composeMountsDetector,
];

/**
 * The seed's "Informações da Aplicação" in `.readiness.yml` state the RTO, the RPO and the SLA;
 * computeChecklist reads them from the parsed configuration rather than from a file.
 */
export const APPLICATION_INFO_EVIDENCE = {
  id: 'application-info',
  title: 'Application information in .readiness.yml',
  heuristic:
    'application.rto and application.rpo in .readiness.yml (the seed\'s "Informações da Aplicação") state a duration ("15 minutos", "5m"); "TBD" or "[RTO]" is not a value. ' +
    'application.slaTarget states the uptime ("99.9%").',
  hint: loc('Set application.rto and application.rpo in .readiness.yml ("15 minutos").', 'Defina application.rto e application.rpo no .readiness.yml ("15 minutos").'),
  hints: {
    'backup/rto-defined': loc('Set application.rto in .readiness.yml ("15 minutos").', 'Defina application.rto no .readiness.yml ("15 minutos").'),
    'backup/rpo-defined': loc('Set application.rpo in .readiness.yml ("5 minutos").', 'Defina application.rpo no .readiness.yml ("5 minutos").'),
  },
  file: '.readiness.yml',
  proves: {
    'backup/rto-defined': loc('The application information states the RTO.', 'As informações da aplicação definem o RTO.'),
    'backup/rpo-defined': loc('The application information states the RPO.', 'As informações da aplicação definem o RPO.'),
  },
} as const;

/** Everything that can prove an item: what the catalog lists and "To verify" explains. */
export interface EvidenceSource {
  id: string;
  title: string;
  heuristic: string;
  hint?: Localized;
  /** An item's own hint, where `hint` does not say what proves it. */
  hints?: Record<string, Localized>;
  proves: Record<string, Localized>;
}

/**
 * Every source of evidence the catalog lists: the file detectors, the joins and the application
 * information. Detectors that only record facts for joins or declared values prove no item alone.
 */
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [...DETECTORS, ...JOINS, APPLICATION_INFO_EVIDENCE].filter((source) => Object.keys(source.proves).length > 0);

export function detectorById(id: string): EvidenceSource | undefined {
  return EVIDENCE_SOURCES.find((detector) => detector.id === id);
}

/** Evidence from the application information (RTO, RPO, SLA) of the configuration, with the values it declares. */
export function applicationEvidence(config: Pick<ReadinessConfig, 'application' | 'locations'>, file: string = APPLICATION_INFO_EVIDENCE.file, locale: Locale = 'en'): Map<string, EvidenceHit[]> {
  const result = new Map<string, EvidenceHit[]>();
  const add = (item: string, hit: EvidenceHit) => result.set(item, [...(result.get(item) ?? []), hit]);
  for (const [field, item, target] of [['rto', 'backup/rto-defined', 'rto'], ['rpo', 'backup/rpo-defined', 'rpo']] as const) {
    const text = config.application[field]?.trim();
    const minutes = text ? parseDuration(text) : undefined;
    if (!text || minutes === undefined) continue;
    const why = APPLICATION_INFO_EVIDENCE.proves[item];
    const range = config.locations[`application.${field}`];
    add(item, {
      detector: APPLICATION_INFO_EVIDENCE.id,
      file,
      what: `application.${field}: ${text}`,
      why: locale === 'pt-BR' ? why.pt : why.en,
      ...(range ? { line: range.start.line } : {}),
      declared: { target, text, value: minutes, source: `application.${field}`, ...(range ? { range } : {}) },
    });
  }
  const sla = config.application.slaTarget?.trim();
  const uptime = sla ? parsePercent(sla) : undefined;
  if (sla && uptime !== undefined) {
    const range = config.locations['application.slaTarget'];
    add(`${DECLARED_PREFIX}uptime`, { detector: APPLICATION_INFO_EVIDENCE.id, file, what: `application.slaTarget: ${sla}`, why: '', declared: { target: 'uptime', text: sla, value: uptime, source: 'application.slaTarget', ...(range ? { range } : {}) } });
  }
  return result;
}

const DOC_FOLDERS = new Set(['docs', 'doc', 'documentation', 'runbooks', 'runbook', 'playbooks', 'wiki', 'ops', 'operations', 'adr', 'adrs', '.github', 'handbook', 'sre']);
const DOC_NAMES = /^(?:readme|security|sla|slo|runbook|architecture|contributing|incident[-_]response|disaster[-_]recovery|on-?call|privacy|terms|changelog|codeowners)[\w.-]*\.(?:md|markdown)$/;

/**
 * Cheap path filter: should the workspace index read this (non-rule) file for evidence? Paths are
 * relative to the workspace root. Dependency, build and test-data folders never count. Terraform and nginx
 * files are candidates too: their resources and directives are evidence the rules do not cover.
 */
export function isEvidenceCandidate(relativePath: string): boolean {
  const file = new SourceFile({ path: relativePath, text: '' });
  if (file.folders.some((folder) => EXCLUDED_FOLDERS.has(folder) || TEST_DATA_FOLDERS.has(folder))) return false;
  if (isCiFile(file) || isRepositoryMetaFile(file)) return true;
  if (file.isYaml || file.isTerraform || isNginxConfigPath(file)) return true;
  if (file.isMarkdown) return file.folders.length === 0 || DOC_NAMES.test(file.name) || file.folders.some((folder) => DOC_FOLDERS.has(folder));
  if (isOpenApiPath(file) || isLoadScriptPath(file) || isBackupScript(file) || isMigrationPath(file)) return true;
  if (/^(?:fluent-?bit|td-agent-bit)[\w.-]*\.conf$/.test(file.name) || /^vector.*\.toml$/.test(file.name)) return true;
  return false;
}

/** The hits of every detector on one file; never throws (a failing detector is skipped for that file). */
export function detectFile(input: EvidenceInput, locale: Locale = 'en'): { item: string; hit: EvidenceHit }[] {
  const file = new SourceFile(input);
  if (file.isCrdOnly) return [];
  const found: { item: string; hit: EvidenceHit }[] = [];
  let lines: LineIndex | undefined;
  const rangeOf = (span: Span) => (lines ??= new LineIndex(file.text)).rangeOf(span);
  for (const detector of DETECTORS) {
    let hits;
    try {
      if (!detector.appliesTo(file) || (detector.textHint && !detector.textHint.test(file.text))) continue;
      hits = detector.detect(file);
    } catch {
      // Evidence is best effort; one odd file must not hide the rest of the checklist.
      continue;
    }
    for (const hit of hits) addHit(found, detector, hit, file.path, locale, rangeOf);
  }
  return found;
}

/** Adds one detector hit as evidence, localized, its declared span as a range; a hit of an item the detector does not prove is dropped. */
export function addHit(found: { item: string; hit: EvidenceHit }[], detector: Detector, hit: DetectorHit, path: string, locale: Locale, rangeOf: (span: Span) => Range): void {
  const internal = hit.item.startsWith(FACT_PREFIX) || hit.item.startsWith(DECLARED_PREFIX);
  const why = internal ? loc('', '') : detector.proves[hit.item];
  if (!why) return;
  let declared: EvidenceHit['declared'];
  if (hit.declares) {
    const { span, ...rest } = hit.declares;
    declared = { ...rest, range: rangeOf(span) };
  }
  found.push({
    item: hit.item,
    hit: {
      detector: detector.id,
      file: path,
      what: locale === 'pt-BR' ? hit.what.pt : hit.what.en,
      why: locale === 'pt-BR' ? why.pt : why.en,
      ...(hit.line !== undefined ? { line: hit.line } : {}),
      ...(declared ? { declared } : {}),
      ...(hit.fact ? { fact: hit.fact } : {}),
    },
  });
}

/**
 * Runs every detector on every file it applies to. Paths are relative with forward slashes; the
 * result maps item ids to hits (item ids without evidence are absent). Facts for cross-file joins
 * stay under their `fact:` keys until joinFacts.
 */
export function runDetectors(files: readonly EvidenceInput[], locale: Locale = 'en'): Map<string, EvidenceHit[]> {
  return groupByItem(files.flatMap((input) => detectFile(input, locale)));
}

/** Turns the facts files contributed into hits of the items the joins prove, and drops the facts. */
export function joinFacts(evidence: Map<string, EvidenceHit[]>, locale: Locale = 'en'): Map<string, EvidenceHit[]> {
  return join(evidence, locale);
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
