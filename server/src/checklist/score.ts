/**
 * Computes the checklist: each item's status from rule findings, evidence and attestations; each
 * category's score and gate; the weighted score and the verdict.
 *
 * Precedence of an item's status, first match wins:
 *   1. attested `na`   -> not-applicable (drops out of the score)
 *   2. attested `done` -> attested (a person's word overrides findings and missing evidence; the
 *                         findings are still listed)
 *   3. a finding of one of its rules anywhere in the workspace -> failing (evidence elsewhere does
 *      not excuse a misconfiguration that is in the files)
 *   4. evidence present -> satisfied
 *   5. one of its rules ran on at least one file of its kind (and is not turned off) and found
 *      nothing -> satisfied, unless the item also needs a person's word (`manual`): there the rules
 *      can only show a failure (a public bucket is not PII protection, but a bucket that is not
 *      public does not prove it either), so a clean run leaves the item not verified
 *   6. otherwise -> not-verified
 * A `todo` attestation records intent and a note; it does not change the status.
 * Hint-level findings never fail an item (they are editor hints, not problems).
 */
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReadinessConfig } from '../engine/config';
import { SIGNOFF_ROLES } from '../engine/config';
import { CATEGORIES, type Category, type FileKind, type Finding, type Inspection } from '../engine/types';
import { ALL_RULES } from '../../../rules/index';
import { t } from '../i18n/index';
import { checklistCatalog, localized, type CatalogItem } from './catalog';
import type { Locale } from '../i18n/index';
import { applicationEvidence, runDetectors, type EvidenceInput } from './evidence/index';
import {
  CATEGORY_WEIGHTS,
  type CategoryResult,
  type ChecklistFinding,
  type ChecklistItemResult,
  type ChecklistReport,
  type EvidenceHit,
  type GateResult,
  type ItemStatus,
  type ScoredCategory,
  type SignOffResult,
} from './types';

export interface ChecklistInput {
  /** Engine findings of every analyzed file (absolute paths). */
  findings: readonly Finding[];
  /** What the rules inspected in every analyzed file (absolute paths): the proof behind a clean run. */
  inspected?: readonly Inspection[];
  /** Workspace root, to relativize paths. */
  root: string;
  /** Kinds with at least one analyzed file. */
  analyzedKinds: ReadonlySet<FileKind>;
  /**
   * Files that may hold evidence (see isEvidenceCandidate), paths relative to the root. Include
   * candidates that rules also analyze: Kubernetes YAML carries ServiceMonitors, PrometheusRules,
   * CronJobs and Velero schedules.
   */
  evidenceFiles: readonly EvidenceInput[];
  /** Evidence already detected in `evidenceFiles` (the server caches it per file); detected here when absent. */
  evidence?: ReadonlyMap<string, EvidenceHit[]>;
  config: ReadinessConfig;
  locale: Locale;
  problems?: string[];
  now?: Date;
}

const RULE_KINDS = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.kind]));

export function computeChecklist(input: ChecklistInput): ChecklistReport {
  const { config, locale } = input;
  const evidence = new Map(input.evidence ?? runDetectors(input.evidenceFiles, locale));
  for (const [item, hits] of applicationEvidence(config.application, locale)) evidence.set(item, [...(evidence.get(item) ?? []), ...hits]);

  const findingsByRule = new Map<string, Finding[]>();
  for (const finding of input.findings) {
    if (finding.severity === 'hint') continue;
    const list = findingsByRule.get(finding.ruleId) ?? [];
    list.push(finding);
    findingsByRule.set(finding.ruleId, list);
  }

  const items = checklistCatalog()
    .filter((item): item is CatalogItem & { category: Category } => item.category !== 'Sign-off')
    .map((item) => itemResult(item, input, findingsByRule, evidence.get(item.id) ?? []));

  const categories = CATEGORIES.map((category) => categoryResult(category, items.filter((item) => item.category === category), locale));
  const scored = categories.filter((category) => category.gate);
  const score = round1(scored.reduce((sum, category) => sum + category.weight * category.score, 0));
  const gatesPassed = scored.filter((category) => category.gate!.passed).length;

  const signoffs: SignOffResult[] = SIGNOFF_ROLES.map((role) => {
    const entry = config.signoff[role];
    return { role, title: t(locale, `signoff.${role}`), ...(entry?.name ? { name: entry.name } : {}), ...(entry?.date ? { date: entry.date } : {}) };
  });

  return {
    version: 1,
    generatedAt: (input.now ?? new Date()).toISOString(),
    locale,
    application: { ...config.application },
    score,
    gatesPassed,
    gatesTotal: scored.length,
    signoffs,
    approved: gatesPassed === scored.length && signoffs.every((signoff) => !!signoff.name),
    categories,
    problems: [...(input.problems ?? [])],
  };
}

function itemResult(item: CatalogItem & { category: Category }, input: ChecklistInput, findingsByRule: Map<string, Finding[]>, evidence: EvidenceHit[]): ChecklistItemResult {
  const { config, locale, root } = input;
  const findings = item.rules.flatMap((ruleId) => findingsByRule.get(ruleId) ?? []).map((finding) => checklistFinding(finding, root));
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const rulesLooked = item.rules.some((ruleId) => {
    const kind = RULE_KINDS.get(ruleId);
    return kind !== undefined && input.analyzedKinds.has(kind) && config.rules[ruleId]?.severity !== 'off';
  });
  const attestation = config.checklist[item.id];
  const status: ItemStatus =
    attestation?.status === 'na'
      ? 'not-applicable'
      : attestation?.status === 'done'
        ? 'attested'
        : findings.length > 0
          ? 'failing'
          : evidence.length > 0 || (rulesLooked && !item.manual)
            ? 'satisfied'
            : 'not-verified';
  return {
    id: item.id,
    category: item.category,
    title: localized(item.title, locale),
    description: localized(item.description, locale),
    seedTitle: item.seedTitle,
    seedText: item.seedText,
    critical: item.critical,
    ...(item.criticalReason ? { criticalReason: localized(item.criticalReason, locale) } : {}),
    verification: { rules: [...item.rules], evidence: [...item.evidence], manual: item.manual },
    status,
    findings,
    evidence: dedupe(evidence).map((hit) => withUri(hit, root)),
    ...(attestation ? { attestation: { ...attestation } } : {}),
  };
}

function categoryResult(category: Category, items: ChecklistItemResult[], locale: Locale): CategoryResult {
  const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
  const counts = {
    total: items.length,
    applicable: items.length - count('not-applicable'),
    satisfied: count('satisfied'),
    failing: count('failing'),
    notVerified: count('not-verified'),
    notApplicable: count('not-applicable'),
    attested: count('attested'),
  };
  // Nothing applicable means nothing left to do: the category scores 100 and its gate passes.
  const score = counts.applicable === 0 ? 100 : round1((100 * (counts.satisfied + counts.attested)) / counts.applicable);
  const weight = category in CATEGORY_WEIGHTS ? CATEGORY_WEIGHTS[category as ScoredCategory] : 0;
  return { category, score, weight, ...(weight > 0 ? { gate: gate(category as ScoredCategory, items, score, locale) } : {}), counts, items };
}

function gate(category: ScoredCategory, items: ChecklistItemResult[], score: number, locale: Locale): GateResult {
  const done = (item: ChecklistItemResult) => item.status === 'satisfied' || item.status === 'attested';
  const applicable = items.filter((item) => item.status !== 'not-applicable');
  let passed: boolean;
  switch (category) {
    case 'Deployment':
      passed = score >= 90;
      break;
    case 'Monitoring':
      passed = score >= 85;
      break;
    case 'Performance':
      passed = applicable.every(done);
      break;
    case 'Security':
    case 'Backup':
      passed = applicable.filter((item) => item.critical).every(done);
      break;
  }
  return { criterion: t(locale, `gate.${category}`), passed };
}

function checklistFinding(finding: Finding, root: string): ChecklistFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: relativePath(finding.path, root),
    ...(isAbsolute(finding.path) ? { uri: pathToFileURL(finding.path).href } : {}),
    range: finding.range,
  };
}

function withUri(hit: EvidenceHit, root: string): EvidenceHit {
  return root && isAbsolute(root) ? { ...hit, uri: pathToFileURL(join(root, hit.file)).href } : { ...hit };
}

export function relativePath(path: string, root: string): string {
  if (!root || !isAbsolute(path)) return path.replace(/\\/g, '/');
  const rel = relative(root, path);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path).replace(/\\/g, '/');
}

function dedupe(hits: EvidenceHit[]): EvidenceHit[] {
  const seen = new Set<string>();
  return hits
    .filter((hit) => {
      const key = `${hit.detector}\u0000${hit.file}\u0000${hit.line ?? ''}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
