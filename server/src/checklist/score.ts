/**
 * Computes the checklist: each item's status from rule findings and inspections, evidence, targets
 * and attestations; each category's score and gate; the weighted score; the seed's pre-production
 * flow and the verdict.
 *
 * Precedence of an item's status, first match wins:
 *   1. attested `done` or `na` (with a reason) while error findings exist -> contradicted: the
 *      files say otherwise, so it counts as not done and the attestation is shown with them
 *   2. attested `na`   -> not-applicable (drops out of the score)
 *   3. attested `done` -> attested (a person's word covers warnings and missing evidence; the
 *      findings are still listed)
 *   4. a finding of one of its rules, or a declared value outside its target -> failing
 *   5. evidence with substance -> satisfied
 *   6. its enabled rules inspected at least one subject the item is about (the catalog's `subjects`:
 *      a container, a stage, an nginx server, a database ...) and found nothing -> satisfied, unless
 *      the item also needs a person's word (`manual`): there the rules can only show a failure.
 *      Other subjects its rules inspect (a ConfigMap for deployment manifests, an http block for
 *      security headers) are listed in the proof but prove nothing. A subject the item is about
 *      that one of its rules could not judge (an `unknown` inspection: an nginx server whose
 *      includes the workspace lacks, a database encrypted by a variable the caller sets) keeps the
 *      rules from proving the item: nothing is known about it either way
 *   7. otherwise -> not-verified: "the rules ran on a file of this kind and found nothing" proves
 *      nothing, so an empty main.tf or a lone ConfigMap satisfies no item
 * A `todo` attestation records intent and a note; it does not change the status. Hint-level
 * findings never fail an item (they are editor hints, not problems), nor do findings in test data
 * (`testdata/`, `fixtures/` ...: input to a project's tests, never deployed), which the item lists
 * apart; what rules inspect under test/, tests/ or e2e/ proves nothing, though findings there count.
 */
import { APPROVAL_KEYS, SIGNOFF_ROLES, type ApprovalKey, type ReadinessConfig } from '../engine/config';
import { CATEGORIES, SUBJECTS, type Category, type FileKind, type Finding, type Inspection, type Range, type Subject } from '../engine/types';
import { ALL_RULES } from '../../../rules/index';
import { formatNumber, t, type Locale, type MessageKey } from '../i18n/index';
import { checklistCatalog, localized, type CatalogItem } from './catalog';
import { FileTable, type FileFacts } from './paths';
import { kindsOfSubjects, SUBJECT_KINDS } from './subjects';
import { applicationEvidence, detectorById, joinFacts, runDetectors, type EvidenceInput } from './evidence/index';
import { formatValue, meets, METRICS, resolveTargets, TARGETS } from './targets';
import {
  CATEGORY_WEIGHTS,
  DONE_STATUSES,
  type ApprovalOwner,
  type ApprovalResult,
  type ApprovalRow,
  type CategoryResult,
  type ChecklistFinding,
  type ChecklistItemResult,
  type ChecklistReport,
  type ChecklistTotals,
  type Contradiction,
  type CriticalSet,
  type DeclaredValue,
  type EvidenceHit,
  type FlowStep,
  type GateResult,
  type ItemProof,
  type ItemStatus,
  type ProofStep,
  type RuleProof,
  type ScoredCategory,
  type SignOffResult,
  type SuccessMetric,
  type TargetId,
  type TargetResult,
  type TargetSpec,
} from './types';

export interface ChecklistInput {
  /** Engine findings of every analyzed file (absolute paths). */
  findings: readonly Finding[];
  /** What the rules inspected in every analyzed file (absolute paths): the proof behind a clean run. */
  inspected?: readonly Inspection[];
  /** Workspace root, to relativize paths. */
  root: string;
  /** Kinds with at least one analyzed file: says in "To verify" whether such files exist at all. */
  analyzedKinds: ReadonlySet<FileKind>;
  /**
   * Files that may hold evidence (see isEvidenceCandidate), paths relative to the root. Include
   * candidates that rules also analyze: Kubernetes YAML carries ServiceMonitors, PrometheusRules,
   * CronJobs and Velero schedules; Terraform and nginx files carry evidence of their own.
   */
  evidenceFiles: readonly EvidenceInput[];
  /** Evidence already detected in `evidenceFiles` (the server caches it per file); detected here when absent. */
  evidence?: ReadonlyMap<string, EvidenceHit[]>;
  config: ReadinessConfig;
  locale: Locale;
  problems?: string[];
  now?: Date;
  /** The configuration file, for findings on its values (`application.rto`); `.readiness.yml` at the root by default. */
  configPath?: string;
}

const RULE_KINDS = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.kind]));

/** The seed's Final Approval table: who approves each category. */
const APPROVAL_OWNERS: Record<Category, ApprovalOwner> = {
  Deployment: 'devopsEngineer',
  Security: 'securityEngineer',
  Monitoring: 'sre',
  Performance: 'techLead',
  Backup: 'dba',
  Tests: 'qaEngineer',
  Documentation: 'techWriter',
};

/** Gates whose criterion is a share of applicable items done; the others count critical items. */
const SCORE_THRESHOLDS: Partial<Record<Category, number>> = { Deployment: 90, Monitoring: 85, Performance: 100 };

const TARGET_RULE = 'readiness/target';

/** Where the checklist's relative paths come from, for the modules that annotate its findings. */
export { relativePath } from './paths';

/**
 * A subject as the proof counts it: one subject (its kind and start) of one file, shared by the
 * rules that inspect it, so a subject two rules of an item inspect is one subject. An item's proof
 * marks each subject it meets with the item's pass number, which dedupes the subjects of its rules
 * without building a set per item.
 */
export interface CountedSubject {
  subject: Subject;
  file: FileFacts;
  judgedPass: number;
  unknownPass: number;
}

/** One rule's inspection of a subject. */
export interface CountedInspection {
  record: CountedSubject;
  unknown: boolean;
}

/** The workspace's inspections by rule, outside test folders, in file order, and the pass numbers of the proofs that read them. */
interface CountedInspections {
  byRule(ruleId: string): readonly CountedInspection[] | undefined;
  /** A pass number no proof has used on these subjects. */
  nextPass(): number;
}

/** What the items are scored from besides the findings and inspections: the evidence, the targets, the critical set. */
export interface ScoringBasis {
  files: FileTable;
  evidence: Map<string, EvidenceHit[]>;
  targetList: TargetSpec[];
  targets: Map<TargetId, TargetSpec>;
  declared: Map<TargetId, DeclaredValue[]>;
  critical: Set<string>;
  criticalFromConfig: Set<string>;
  criticalSet: CriticalSet;
}

export interface Context extends ScoringBasis {
  config: ReadinessConfig;
  locale: Locale;
  analyzedKinds: ReadonlySet<FileKind>;
  /** Each item's findings outside test data, in file and position order. */
  findingsOf(itemId: string): readonly ChecklistFinding[];
  /** Each item's findings in test data: listed, never counted. */
  testDataOf(itemId: string): readonly ChecklistFinding[];
  decisionsOf(itemId: string): readonly ChecklistFinding[];
  /**
   * What the item's enabled rules inspected across the workspace: read from every inspection (a
   * fresh scoring), or kept up to date from what changed (IncrementalChecklist), alike.
   */
  ruleProofOf(itemId: string, enabledRules: readonly string[], about: readonly Subject[]): RuleProofResult;
}

/** The scored items of the catalog (sign-offs are not items), in catalog order. */
export function scoredCatalog(): (CatalogItem & { category: Category })[] {
  return checklistCatalog().filter((item): item is CatalogItem & { category: Category } => item.category !== 'Sign-off');
}

export function computeChecklist(input: ChecklistInput): ChecklistReport {
  const { config, locale } = input;
  const files = new FileTable(input.root);
  const basis = scoringBasis(input.evidence ?? runDetectors(input.evidenceFiles, locale), config, locale, input.configPath, files);
  const catalog = scoredCatalog();
  const { counted, testData, decisions } = findingsByItem(input.findings, catalog, files);
  const inspections = countedInspections(input.inspected ?? [], files);
  const context: Context = {
    ...basis,
    config,
    locale,
    analyzedKinds: input.analyzedKinds,
    findingsOf: (id) => counted.get(id) ?? [],
    testDataOf: (id) => testData.get(id) ?? [],
    decisionsOf: (id) => decisions.get(id) ?? [],
    ruleProofOf: (_itemId, rules, about) => ruleProof(rules, inspections, about),
  };
  const items = catalog.map((item) => itemResult(item, context));
  const categories = CATEGORIES.map((category) => categoryResult(category, items.filter((item) => item.category === category), config, locale));
  return assembleReport(items, categories, basis, config, locale, input.problems ?? [], input.now);
}

/** The evidence joined across files and with the application information, the targets in force and the values the files declare for them, and the critical set. */
export function scoringBasis(detected: ReadonlyMap<string, EvidenceHit[]>, config: ReadinessConfig, locale: Locale, configPath: string | undefined, files: FileTable): ScoringBasis {
  const evidence = joinFacts(new Map(detected), locale);
  const configFile = configPath ? files.of(configPath).file : '.readiness.yml';
  for (const [item, hits] of applicationEvidence(config, configFile, locale)) evidence.set(item, [...(evidence.get(item) ?? []), ...hits]);
  const targetList = resolveTargets(config.targets, locale);
  const targets = new Map(targetList.map((spec) => [spec.id, spec]));
  const declared = declaredValues(evidence, targets, files);
  const { critical, fromConfig, set } = criticalSet(config, locale);
  return { files, evidence, targetList, targets, declared, critical, criticalFromConfig: fromConfig, criticalSet: set };
}

/** The report around scored items and categories: the weighted score, the gates, the sign-offs, the approval flow, the metrics. */
export function assembleReport(
  items: readonly ChecklistItemResult[],
  categories: CategoryResult[],
  basis: ScoringBasis,
  config: ReadinessConfig,
  locale: Locale,
  problems: readonly string[],
  now?: Date,
): ChecklistReport {
  const weighted = categories.filter((category) => category.weight > 0 && category.applicable);
  const weights = weighted.reduce((sum, category) => sum + category.weight, 0);
  const score = weights > 0 ? round1(weighted.reduce((sum, category) => sum + category.weight * category.score, 0) / weights) : 0;
  const gatesPassed = categories.filter((category) => category.gate!.passed).length;

  const signoffs: SignOffResult[] = SIGNOFF_ROLES.map((role) => {
    const entry = config.signoff[role];
    return { role, title: t(locale, `signoff.${role}`), ...(entry ? { name: entry.name, date: entry.date } : {}) };
  });
  const approval = approvalResult(categories, signoffs, config, locale);

  return {
    version: 1,
    generatedAt: (now ?? new Date()).toISOString(),
    locale,
    application: { ...config.application },
    score,
    gatesPassed,
    gatesTotal: categories.length,
    signoffs,
    approved: approval.approved,
    approval,
    targets: basis.targetList,
    metrics: metrics(basis.targets, basis.declared, locale),
    critical: basis.criticalSet,
    totals: totals([...items]),
    categories,
    problems: [...problems],
  };
}

// ---- Items -----------------------------------------------------------------------------------------

export function itemResult(item: CatalogItem & { category: Category }, context: Context): ChecklistItemResult {
  const { config, locale } = context;
  const enabledRules = item.rules.filter((ruleId) => config.rules[ruleId]?.severity !== 'off');
  const ruleFindings = context.findingsOf(item.id);
  const testDataFindings = context.testDataOf(item.id);
  const decisions = context.decisionsOf(item.id);
  const targetResults = Object.values(TARGETS).some((definition) => definition.items.includes(item.id)) ? itemTargets(item.id, context) : undefined;
  const targetFindings = (targetResults ?? []).flatMap((result) => result.declared.filter((value) => !value.met).map((value) => targetFinding(value, result.target, locale)));
  const findings = targetFindings.length > 0 ? [...ruleFindings, ...targetFindings].sort(byFileAndPosition) : [...ruleFindings];
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const { proof: rules, unknownByKind } = context.ruleProofOf(item.id, enabledRules, item.subjects);
  const hits = dedupe((context.evidence.get(item.id) ?? []).filter((hit) => !hit.declared || meets(context.targets.get(hit.declared.target)!, hit.declared.value))).map((hit) => withUri(hit, context.files));
  const attestation = config.checklist[item.id];
  // A subject the item is about that a rule could not judge may be the one that fails it.
  const proven = Object.keys(rules.proving).length > 0 && !rules.unknownAbout;

  let status: ItemStatus;
  let decidedBy: ItemProof['decidedBy'];
  let contradiction: Contradiction | undefined;
  if ((attestation?.status === 'done' || attestation?.status === 'na') && errors > 0) {
    status = 'contradicted';
    decidedBy = 'attestation';
    const by = attestation.by ? t(locale, 'contradiction.by', { by: attestation.by }) : '';
    contradiction = {
      attestation: attestation.status,
      ...(attestation.by ? { by: attestation.by } : {}),
      ...(attestation.date ? { date: attestation.date } : {}),
      findings: errors,
      message: t(locale, `contradiction.${attestation.status}.${errors === 1 ? 'one' : 'other'}` as MessageKey, { by, n: formatNumber(locale, errors) }),
    };
  } else if (attestation?.status === 'na') {
    [status, decidedBy] = ['not-applicable', 'attestation'];
  } else if (attestation?.status === 'done') {
    [status, decidedBy] = ['attested', 'attestation'];
  } else if (findings.length > 0) {
    [status, decidedBy] = ['failing', ruleFindings.length > 0 ? 'findings' : 'targets'];
  } else if (hits.length > 0) {
    [status, decidedBy] = ['satisfied', 'evidence'];
  } else if (proven && !item.manual) {
    [status, decidedBy] = ['satisfied', 'rules'];
  } else {
    [status, decidedBy] = ['not-verified', 'nothing'];
  }

  const proof: ItemProof = {
    decidedBy,
    rules,
    evidence: hits.length,
    summary: proofSummary(item, status, decidedBy, rules, findings, hits, attestation, contradiction, locale, unknownByKind, testDataFindings, decisions),
    ...(status === 'not-verified' ? { toVerify: toVerify(item, enabledRules, context, unknownByKind) } : {}),
    ...(testDataFindings.length > 0 ? { testDataFindings: testDataFindings.length } : {}),
    ...(decisions.length > 0 ? { decisions: decisions.length } : {}),
  };
  const critical = context.critical.has(item.id);
  const rejected = config.rejected[item.id];
  return {
    id: item.id,
    category: item.category,
    title: localized(item.title, locale),
    description: localized(item.description, locale),
    seedTitle: item.seedTitle,
    seedText: item.seedText,
    critical,
    ...(critical && item.criticalReason ? { criticalReason: localized(item.criticalReason, locale) } : {}),
    ...(critical ? { criticalSource: context.criticalFromConfig.has(item.id) ? ('config' as const) : ('catalog' as const) } : {}),
    verification: { rules: [...item.rules], evidence: [...item.evidence], manual: item.manual, subjects: [...item.subjects] },
    status,
    findings,
    ...(testDataFindings.length > 0 ? { testDataFindings: [...testDataFindings] } : {}),
    ...(decisions.length > 0 ? { decisions: [...decisions] } : {}),
    evidence: hits,
    ...(attestation ? { attestation: { ...attestation } } : {}),
    proof,
    ...(contradiction ? { contradiction } : {}),
    ...(targetResults ? { targets: targetResults } : {}),
    ...(rejected ? { rejectedAttestation: { status: rejected.status, reason: t(locale, 'attestation.naNeedsReason') } } : {}),
  };
}

/** Unknown subjects the item is about, of one file kind: one sentence of the proof and one step to verify. */
export interface UnknownOfKind {
  subjects: Partial<Record<Subject, number>>;
  files: number;
  rules: string[];
}

export interface RuleProofResult {
  proof: RuleProof;
  unknownByKind: Map<FileKind, UnknownOfKind>;
}

/** File kinds in the order of their first subject: the order of an item's unknown subjects by kind. */
const KIND_ORDER = [...new Set(SUBJECTS.map((subject) => SUBJECT_KINDS[subject]))];

/** Counts by subject with the subjects in SUBJECTS order, whatever order they were met in. */
function bySubjectOrder(counts: Partial<Record<Subject, number>>): Partial<Record<Subject, number>> {
  const ordered: Partial<Record<Subject, number>> = {};
  for (const subject of SUBJECTS) if (counts[subject] !== undefined) ordered[subject] = counts[subject];
  return ordered;
}

function ruleProof(rules: readonly string[], inspections: CountedInspections, about: readonly Subject[]): RuleProofResult {
  const pass = inspections.nextPass();
  const judged: CountedSubject[] = [];
  const unknown: CountedSubject[] = [];
  const inspecting: string[] = [];
  const unknownRules = new Set<string>();
  const rulesByKind = new Map<FileKind, Set<string>>();
  for (const ruleId of rules) {
    const list = inspections.byRule(ruleId);
    if (!list?.length) continue;
    inspecting.push(ruleId);
    for (const { record, unknown: unknownHere } of list) {
      if (!unknownHere) {
        if (record.judgedPass !== pass) {
          record.judgedPass = pass;
          judged.push(record);
        }
        continue;
      }
      unknownRules.add(ruleId);
      if (record.unknownPass !== pass) {
        record.unknownPass = pass;
        unknown.push(record);
      }
      if (about.includes(record.subject)) {
        const kind = SUBJECT_KINDS[record.subject];
        rulesByKind.set(kind, (rulesByKind.get(kind) ?? new Set()).add(ruleId));
      }
    }
  }

  const subjects: Partial<Record<Subject, number>> = {};
  const proving: Partial<Record<Subject, number>> = {};
  const files = new Set<FileFacts>();
  for (const { subject, file, unknownPass } of judged) {
    // A subject one rule of the item could not judge is not proven by the rules that could.
    if (unknownPass === pass) continue;
    files.add(file);
    subjects[subject] = (subjects[subject] ?? 0) + 1;
    if (about.includes(subject)) proving[subject] = (proving[subject] ?? 0) + 1;
  }
  const proof: RuleProof = { subjects: bySubjectOrder(subjects), proving: bySubjectOrder(proving), files: files.size, rules: inspecting.sort() };
  const unknownByKind = new Map<FileKind, UnknownOfKind>();
  if (unknown.length === 0) return { proof, unknownByKind };

  const unknownSubjects: Partial<Record<Subject, number>> = {};
  const unknownAbout: Partial<Record<Subject, number>> = {};
  const unknownFiles = new Set<FileFacts>();
  const filesByKind = new Map<FileKind, Set<FileFacts>>();
  for (const { subject, file } of unknown) {
    unknownFiles.add(file);
    unknownSubjects[subject] = (unknownSubjects[subject] ?? 0) + 1;
    if (!about.includes(subject)) continue;
    unknownAbout[subject] = (unknownAbout[subject] ?? 0) + 1;
    const kind = SUBJECT_KINDS[subject];
    const entry = unknownByKind.get(kind) ?? { subjects: {}, files: 0, rules: [...rulesByKind.get(kind)!].sort() };
    entry.subjects[subject] = (entry.subjects[subject] ?? 0) + 1;
    unknownByKind.set(kind, entry);
    filesByKind.set(kind, (filesByKind.get(kind) ?? new Set()).add(file));
  }
  for (const [kind, entry] of unknownByKind) {
    entry.files = filesByKind.get(kind)!.size;
    entry.subjects = bySubjectOrder(entry.subjects);
  }
  proof.unknown = bySubjectOrder(unknownSubjects);
  if (Object.keys(unknownAbout).length > 0) proof.unknownAbout = bySubjectOrder(unknownAbout);
  proof.unknownFiles = unknownFiles.size;
  proof.unknownRules = [...unknownRules].sort();
  return { proof, unknownByKind: new Map(KIND_ORDER.filter((kind) => unknownByKind.has(kind)).map((kind) => [kind, unknownByKind.get(kind)!])) };
}

/**
 * What one file's inspections give an item's rule proof, as counts that add up across files (a
 * subject belongs to one file): subjects judged by the item's rules and unknown to none of them,
 * subjects some rule could not judge, and per rule whether it inspected something here. The
 * incremental checklist keeps one per file and item, and the item's sum of them.
 */
export interface ProofTally {
  subjects: Map<Subject, number>;
  /** Files with a judged subject (0 or 1 for one file). */
  files: number;
  /** Files in which each rule inspected a subject. */
  rules: Map<string, number>;
  unknown: Map<Subject, number>;
  unknownFiles: number;
  unknownRules: Map<string, number>;
  /** Unknown subjects the item is about, by kind: counts, files, and files per rule that could not judge one. */
  unknownByKind: Map<FileKind, { subjects: Map<Subject, number>; files: number; rules: Map<string, number> }>;
}

export function emptyTally(): ProofTally {
  return { subjects: new Map(), files: 0, rules: new Map(), unknown: new Map(), unknownFiles: 0, unknownRules: new Map(), unknownByKind: new Map() };
}

/** The tally of one file's inspections (`byRule`: its inspections per rule, outside test folders). */
export function fileTally(rules: readonly string[], byRule: ReadonlyMap<string, readonly CountedInspection[]>, about: readonly Subject[]): ProofTally | undefined {
  let tally: ProofTally | undefined;
  const judged = new Set<CountedSubject>();
  const unknown = new Set<CountedSubject>();
  for (const ruleId of rules) {
    const list = byRule.get(ruleId);
    if (!list?.length) continue;
    tally ??= emptyTally();
    tally.rules.set(ruleId, 1);
    let unknownHere = false;
    for (const { record, unknown: notJudged } of list) {
      if (!notJudged) {
        judged.add(record);
        continue;
      }
      unknownHere = true;
      unknown.add(record);
      if (about.includes(record.subject)) {
        const kind = unknownOfKind(tally, SUBJECT_KINDS[record.subject]);
        kind.rules.set(ruleId, 1);
      }
    }
    if (unknownHere) tally.unknownRules.set(ruleId, 1);
  }
  if (!tally) return undefined;
  for (const record of judged) if (!unknown.has(record)) increment(tally.subjects, record.subject, 1);
  if (tally.subjects.size > 0) tally.files = 1;
  for (const record of unknown) {
    increment(tally.unknown, record.subject, 1);
    if (about.includes(record.subject)) increment(unknownOfKind(tally, SUBJECT_KINDS[record.subject]).subjects, record.subject, 1);
  }
  if (unknown.size > 0) tally.unknownFiles = 1;
  for (const kind of tally.unknownByKind.values()) kind.files = 1;
  return tally;
}

/** Adds `part` to `total` (`sign` 1) or takes it out (-1). */
export function addTally(total: ProofTally, part: ProofTally, sign: 1 | -1): void {
  for (const [subject, count] of part.subjects) increment(total.subjects, subject, sign * count);
  total.files += sign * part.files;
  for (const [ruleId, count] of part.rules) increment(total.rules, ruleId, sign * count);
  for (const [subject, count] of part.unknown) increment(total.unknown, subject, sign * count);
  total.unknownFiles += sign * part.unknownFiles;
  for (const [ruleId, count] of part.unknownRules) increment(total.unknownRules, ruleId, sign * count);
  for (const [kind, entry] of part.unknownByKind) {
    const sum = unknownOfKind(total, kind);
    for (const [subject, count] of entry.subjects) increment(sum.subjects, subject, sign * count);
    sum.files += sign * entry.files;
    for (const [ruleId, count] of entry.rules) increment(sum.rules, ruleId, sign * count);
    if (sum.files === 0 && sum.subjects.size === 0 && sum.rules.size === 0) total.unknownByKind.delete(kind);
  }
}

/** The rule proof a workspace's tally stands for: what `ruleProof` gives from the same inspections. */
export function proofOfTally(tally: ProofTally, about: readonly Subject[]): RuleProofResult {
  const counts = (map: ReadonlyMap<Subject, number>, keep: (subject: Subject) => boolean = () => true) => {
    const record: Partial<Record<Subject, number>> = {};
    for (const subject of SUBJECTS) if (map.has(subject) && keep(subject)) record[subject] = map.get(subject);
    return record;
  };
  const sorted = (map: ReadonlyMap<string, number>) => [...map.keys()].sort();
  const proof: RuleProof = { subjects: counts(tally.subjects), proving: counts(tally.subjects, (subject) => about.includes(subject)), files: tally.files, rules: sorted(tally.rules) };
  const unknownByKind = new Map<FileKind, UnknownOfKind>();
  if (tally.unknown.size === 0) return { proof, unknownByKind };
  for (const kind of KIND_ORDER) {
    const entry = tally.unknownByKind.get(kind);
    if (entry) unknownByKind.set(kind, { subjects: counts(entry.subjects), files: entry.files, rules: sorted(entry.rules) });
  }
  proof.unknown = counts(tally.unknown);
  const unknownAbout = counts(tally.unknown, (subject) => about.includes(subject));
  if (Object.keys(unknownAbout).length > 0) proof.unknownAbout = unknownAbout;
  proof.unknownFiles = tally.unknownFiles;
  proof.unknownRules = sorted(tally.unknownRules);
  return { proof, unknownByKind };
}

function unknownOfKind(tally: ProofTally, kind: FileKind): { subjects: Map<Subject, number>; files: number; rules: Map<string, number> } {
  let entry = tally.unknownByKind.get(kind);
  if (!entry) tally.unknownByKind.set(kind, (entry = { subjects: new Map(), files: 0, rules: new Map() }));
  return entry;
}

/** Adds to a count, dropping it at zero so that a tally's keys are what it counts. */
function increment<K>(map: Map<K, number>, key: K, by: number): void {
  const count = (map.get(key) ?? 0) + by;
  if (count === 0) map.delete(key);
  else map.set(key, count);
}

function proofSummary(
  item: CatalogItem,
  status: ItemStatus,
  decidedBy: ItemProof['decidedBy'],
  rules: RuleProof,
  findings: ChecklistFinding[],
  hits: EvidenceHit[],
  attestation: ReadinessConfig['checklist'][string] | undefined,
  contradiction: Contradiction | undefined,
  locale: Locale,
  unknownByKind: Map<FileKind, UnknownOfKind>,
  testData: readonly ChecklistFinding[],
  decisions: readonly ChecklistFinding[],
): string {
  if (decidedBy === 'attestation') return attestationSummary(status, attestation, contradiction, locale);
  // What could not be judged, and what was not counted, follow whatever decided the status.
  const notes = [...unknownByKind].map(([kind, unknown]) =>
    t(locale, 'proof.unknown', { subjects: subjectsIn(unknown.subjects, unknown.files, locale), reason: t(locale, `unknown.reason.${kind}` as MessageKey) }),
  );
  if (testData.length > 0) notes.push(testDataText(testData, locale));
  if (decisions.length > 0) notes.push(t(locale, decisions.length === 1 ? 'proof.decisions.one' : 'proof.decisions.other', { n: formatNumber(locale, decisions.length) }));
  const base = statusSummary(item, decidedBy, rules, findings, hits, locale, unknownByKind.size > 0);
  return [base, ...notes].filter(Boolean).join(' ');
}

function attestationSummary(
  status: ItemStatus,
  attestation: ReadinessConfig['checklist'][string] | undefined,
  contradiction: Contradiction | undefined,
  locale: Locale,
): string {
  if (contradiction) return contradiction.message;
  const by = attestation?.by ? t(locale, 'contradiction.by', { by: attestation.by }) : '';
  const note = attestation?.note ? `: ${attestation.note}` : '';
  return t(locale, status === 'not-applicable' ? 'proof.markedNa' : 'proof.attested', { by, note });
}

function statusSummary(
  item: CatalogItem,
  decidedBy: Exclude<ItemProof['decidedBy'], 'attestation'>,
  rules: RuleProof,
  findings: ChecklistFinding[],
  hits: EvidenceHit[],
  locale: Locale,
  unknownAbout: boolean,
): string {
  const checked = subjectsIn(rules.subjects, rules.files, locale);
  switch (decidedBy) {
    case 'findings':
    case 'targets':
      return checked
        ? t(locale, 'proof.checkedFailing', { checked, findings: plural(locale, 'cli.count.finding', findings.length) })
        : t(locale, decidedBy === 'targets' ? 'proof.targetsMissed' : 'proof.failing', { findings: plural(locale, 'cli.count.finding', findings.length) });
    case 'evidence': {
      const files = new Set(hits.map((hit) => hit.file)).size;
      const evidence = t(locale, 'proof.evidence', { files: plural(locale, 'cli.count.file', files) });
      return checked ? `${evidence} ${t(locale, 'proof.checkedClean', { checked })}` : evidence;
    }
    case 'rules':
      return t(locale, 'proof.checkedClean', { checked: checked! });
    case 'nothing':
      // The sentence on what could not be judged says why the item is not proven.
      if (unknownAbout) return checked ? t(locale, 'proof.checkedClean', { checked }) : '';
      if (!checked) return t(locale, 'proof.nothing');
      // Evidence (an ExternalSecret, a KMS key with rotation) is in files too: only where there is none do files fall short.
      if (item.manual || item.subjects.length === 0) return t(locale, item.evidence.length > 0 ? 'proof.checkedNeedsEvidence' : 'proof.checkedNotEnough', { checked });
      return t(locale, 'proof.checkedNotAbout', { checked, about: subjectNouns(item.subjects, locale) });
  }
}

/** "workloads, containers or Compose services": what an item is about. */
function subjectNouns(subjects: readonly Subject[], locale: Locale): string {
  return joinList(
    subjects.map((subject) => t(locale, `subject.${subject}.plural` as MessageKey)),
    t(locale, 'proof.or'),
  );
}

/** "a, b or c" / "a, b and c"; `last` separates the last two (with its spaces). */
function joinList(parts: readonly string[], last: string): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${last}${parts[parts.length - 1]}`;
}

/** "6 containers and 2 images in 3 files", or '' when nothing was inspected. */
function subjectsIn(counts: Partial<Record<Subject, number>>, files: number, locale: Locale): string {
  const parts = (Object.entries(counts) as [Subject, number][])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([subject, count]) => plural(locale, `subject.${subject}` as 'subject.container', count));
  if (parts.length === 0) return '';
  const list = joinList(parts, ` ${t(locale, 'proof.and')} `);
  return t(locale, 'proof.inFiles', { subjects: list, files: plural(locale, 'cli.count.file', files) });
}

/** Shown files of the test-data findings; the rest counted. */
const TEST_DATA_FILES_SHOWN = 3;

/** "14 findings in test data, not counted: a.yaml, b.yaml, c.yaml and 4 more files." */
function testDataText(findings: readonly ChecklistFinding[], locale: Locale): string {
  const files = [...new Set(findings.map((finding) => finding.file))];
  const shown = files.slice(0, TEST_DATA_FILES_SHOWN);
  if (files.length > shown.length) shown.push(plural(locale, 'proof.moreFiles', files.length - shown.length));
  const n = findings.length;
  return t(locale, n === 1 ? 'proof.testData.one' : 'proof.testData.other', { n: formatNumber(locale, n), files: joinList(shown, ` ${t(locale, 'proof.and')} `) });
}

function toVerify(item: CatalogItem, enabledRules: string[], context: Context, unknownByKind: Map<FileKind, UnknownOfKind>): ProofStep[] {
  const { locale } = context;
  const steps: ProofStep[] = [];
  // Only files whose rules can inspect a subject the item is about would prove it: a Kubernetes
  // manifest cannot show how an image is built.
  const provingKinds = kindsOfSubjects(item.subjects);
  const provers = item.manual ? [] : enabledRules.filter((ruleId) => provingKinds.has(RULE_KINDS.get(ruleId)!));
  if (unknownByKind.size > 0) {
    // Its rules did find what the item is about; what settles it is what they could not see.
    for (const [kind, unknown] of unknownByKind) {
      const subjects = subjectsIn(unknown.subjects, unknown.files, locale);
      steps.push({ kind: 'rules', ids: unknown.rules, text: t(locale, 'verify.unknown', { subjects, rules: unknown.rules.join(', '), settle: t(locale, `unknown.settle.${kind}` as MessageKey) }) });
    }
  } else if (provers.length > 0) {
    const kinds = [...new Set(provers.map((ruleId) => RULE_KINDS.get(ruleId)!))];
    const files = joinList(
      kinds.map((kind) => t(locale, `kind.${kind}` as MessageKey)),
      t(locale, 'proof.or'),
    );
    const present = kinds.some((kind) => context.analyzedKinds.has(kind));
    const data = { files, rules: provers.join(', ') };
    steps.push({ kind: 'rules', ids: provers, text: t(locale, present ? 'verify.rulesNothingInspected' : 'verify.rules', data) });
  }
  for (const id of item.evidence) {
    const source = detectorById(id);
    if (!source) continue;
    const hint = source.hints?.[item.id] ?? source.hint;
    steps.push({ kind: 'evidence', ids: [id], text: hint ? localized(hint, locale) : `${source.title}.` });
  }
  // "Or attest it" reads as an alternative only after another way.
  steps.push({ kind: 'attestation', ids: [item.id], text: t(locale, steps.length > 0 ? 'verify.attestation' : 'verify.attestationOnly', { id: item.id }) });
  return steps;
}

// ---- Targets ---------------------------------------------------------------------------------------

/** Declared values of every hit, grouped by target, each judged against the target in force. */
function declaredValues(evidence: Map<string, EvidenceHit[]>, targets: Map<TargetId, TargetSpec>, files: FileTable): Map<TargetId, DeclaredValue[]> {
  const result = new Map<TargetId, DeclaredValue[]>();
  const seen = new Set<string>();
  for (const hits of evidence.values()) {
    for (const hit of hits) {
      const declared = hit.declared;
      if (!declared) continue;
      const key = `${declared.target}\u0000${hit.file}\u0000${declared.range?.start.line ?? hit.line}\u0000${declared.range?.start.character ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const value: DeclaredValue = {
        target: declared.target,
        text: declared.text,
        value: declared.value,
        met: meets(targets.get(declared.target)!, declared.value),
        source: declared.source,
        file: hit.file,
        ...uriOf(hit.file, files),
        ...(declared.range ? { range: declared.range } : hit.line !== undefined ? { range: { start: { line: hit.line, character: 0 }, end: { line: hit.line, character: 0 } } } : {}),
      };
      const list = result.get(declared.target) ?? [];
      list.push(value);
      result.set(declared.target, list);
    }
  }
  for (const list of result.values()) list.sort((a, b) => a.file.localeCompare(b.file) || (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0));
  return result;
}

function itemTargets(itemId: string, context: Context): TargetResult[] {
  return (Object.entries(TARGETS) as [TargetId, (typeof TARGETS)[TargetId]][])
    .filter(([, definition]) => definition.items.includes(itemId))
    .map(([id]) => {
      const declared = context.declared.get(id) ?? [];
      return { target: context.targets.get(id)!, declared, ...(declared.length ? { met: declared.every((value) => value.met) } : {}) };
    });
}

function targetFinding(value: DeclaredValue, target: TargetSpec, locale: Locale): ChecklistFinding {
  const position = value.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    ruleId: TARGET_RULE,
    severity: 'error',
    message: t(locale, 'target.finding', { source: value.source, text: value.text, value: formatValue(value.value, target.unit, locale), target: target.text }),
    file: value.file,
    ...(value.uri ? { uri: value.uri } : {}),
    range: position,
    target: value.target,
  };
}

function metrics(targets: Map<TargetId, TargetSpec>, declared: Map<TargetId, DeclaredValue[]>, locale: Locale): SuccessMetric[] {
  return METRICS.map((id) => {
    const values = declared.get(id) ?? [];
    // The value that misses the target is the one the team must see.
    const shown = values.find((value) => !value.met) ?? values[0];
    return {
      id,
      title: t(locale, `metric.${id}` as MessageKey),
      target: targets.get(id)!,
      ...(shown ? { declared: shown, met: shown.met } : {}),
    };
  });
}

// ---- Categories, gates and approval -----------------------------------------------------------------

export function categoryResult(category: Category, items: ChecklistItemResult[], config: ReadinessConfig, locale: Locale): CategoryResult {
  const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
  const counts = {
    total: items.length,
    applicable: items.length - count('not-applicable'),
    satisfied: count('satisfied'),
    failing: count('failing'),
    notVerified: count('not-verified'),
    notApplicable: count('not-applicable'),
    attested: count('attested'),
    contradicted: count('contradicted'),
  };
  const applicable = counts.applicable > 0;
  const score = applicable ? round1((100 * (counts.satisfied + counts.attested)) / counts.applicable) : 0;
  const weight = category in CATEGORY_WEIGHTS ? CATEGORY_WEIGHTS[category as ScoredCategory] : 0;
  return { category, score, applicable, weight, gate: gate(category, items, score, applicable, config, locale), counts, items };
}

function gate(category: Category, items: ChecklistItemResult[], score: number, applicable: boolean, config: ReadinessConfig, locale: Locale): GateResult {
  const configured = category === 'Tests' ? config.gates.tests : category === 'Documentation' ? config.gates.documentation : undefined;
  const threshold = category === 'Tests' || category === 'Documentation' ? (configured ?? 100) : SCORE_THRESHOLDS[category];
  const criterion = threshold !== undefined && (category === 'Tests' || category === 'Documentation') ? t(locale, 'gate.share', { threshold }) : t(locale, `gate.${category}` as MessageKey);
  if (!applicable) return { criterion, passed: true, notApplicable: true, ...(threshold !== undefined ? { threshold } : {}) };

  const reasons: string[] = [];
  const done = (item: ChecklistItemResult) => (DONE_STATUSES as readonly ItemStatus[]).includes(item.status);
  if (threshold !== undefined && score < threshold) reasons.push(t(locale, 'gate.reason.score', { score: formatNumber(locale, score), threshold }));
  const openCritical = items.filter((item) => item.critical && item.status !== 'not-applicable' && !done(item));
  if (openCritical.length > 0) reasons.push(t(locale, 'gate.reason.critical', { items: plural(locale, 'count.criticalItem', openCritical.length), ids: openCritical.map((item) => item.id).join(', ') }));
  const erroring = items.filter((item) => item.findings.some((finding) => finding.severity === 'error'));
  if (erroring.length > 0) {
    // A finding of a rule two items share (k8s/run-as-non-root: security context and pod security) is one finding.
    const keys = new Set<string>();
    for (const item of erroring) for (const finding of item.findings) if (finding.severity === 'error') keys.add(findingKey(finding));
    const errors = keys.size;
    reasons.push(t(locale, 'gate.reason.errors', { findings: plural(locale, 'count.errorFinding', errors), items: plural(locale, 'count.item', erroring.length) }));
  }
  return { criterion, passed: reasons.length === 0, ...(reasons.length ? { reasons } : {}), ...(threshold !== undefined ? { threshold } : {}) };
}

function approvalResult(categories: CategoryResult[], signoffs: SignOffResult[], config: ReadinessConfig, locale: Locale): ApprovalResult {
  const flow: FlowStep[] = categories.map((category) => ({
    id: category.category,
    question: t(locale, `flow.question.${category.category}` as MessageKey),
    passed: category.gate!.passed,
    action: t(locale, `flow.action.${category.category}` as MessageKey),
  }));
  flow.push({ id: 'signoffs', question: t(locale, 'flow.question.signoffs'), passed: signoffs.every((signoff) => !!signoff.name && !!signoff.date), action: t(locale, 'flow.action.signoffs') });
  const blocking = flow.find((step) => !step.passed);
  const table: ApprovalRow[] = categories.map((category) => {
    const key = category.category.toLowerCase() as ApprovalKey;
    const entry = APPROVAL_KEYS.includes(key) ? config.approval[key] : undefined;
    const ownerRole = APPROVAL_OWNERS[category.category];
    const status = entry?.status ?? 'pending';
    return {
      category: category.category,
      ownerRole,
      owner: t(locale, `owner.${ownerRole}` as MessageKey),
      status,
      ...(entry?.name ? { name: entry.name } : {}),
      ...(entry?.date ? { date: entry.date } : {}),
      ...(entry?.notes ? { notes: entry.notes } : {}),
      gatePassed: category.gate!.passed,
      ...(status === 'approved' && !category.gate!.passed ? { contradicted: true } : {}),
    };
  });
  return {
    approved: blocking === undefined,
    flow,
    ...(blocking ? { blockingStep: blocking.id } : {}),
    notApplicableItems: categories.reduce((sum, category) => sum + category.counts.notApplicable, 0),
    table,
  };
}

function criticalSet(config: ReadinessConfig, locale: Locale): { critical: Set<string>; fromConfig: Set<string>; set: CriticalSet } {
  const items = checklistCatalog().filter((item) => item.category !== 'Sign-off');
  const critical = new Set(items.filter((item) => item.critical).map((item) => item.id));
  const added = config.critical.add.filter((id) => !critical.has(id));
  const removed = config.critical.remove.filter((id) => critical.has(id));
  for (const id of added) critical.add(id);
  for (const id of removed) critical.delete(id);
  const ordered = items.map((item) => item.id).filter((id) => critical.has(id));
  return { critical, fromConfig: new Set(added), set: { note: t(locale, 'critical.note'), items: ordered, added, removed } };
}

function totals(items: ChecklistItemResult[]): ChecklistTotals {
  const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
  return {
    total: items.length,
    applicable: items.length - count('not-applicable'),
    satisfied: count('satisfied'),
    attested: count('attested'),
    failing: count('failing'),
    contradicted: count('contradicted'),
    notVerified: count('not-verified'),
    notApplicable: count('not-applicable'),
  };
}

// ---- Helpers ---------------------------------------------------------------------------------------

function plural(locale: Locale, key: string, n: number): string {
  return t(locale, `${key}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n: formatNumber(locale, n) });
}

/**
 * Each item's findings as the checklist shows them, in file and position order, with those in test
 * data apart. Linear in the findings: each file's facts are worked out once, each finding is
 * converted once (an item sharing a rule with another shares its findings), and only the files
 * are sorted by name, each file's findings by position.
 */
function findingsByItem(
  findings: readonly Finding[],
  items: readonly CatalogItem[],
  files: FileTable,
): { counted: Map<string, ChecklistFinding[]>; testData: Map<string, ChecklistFinding[]>; decisions: Map<string, ChecklistFinding[]> } {
  const itemsOfRule = new Map<string, string[]>();
  for (const item of items) for (const ruleId of item.rules) itemsOfRule.set(ruleId, [...(itemsOfRule.get(ruleId) ?? []), item.id]);
  const byFile = new Map<FileFacts, Finding[]>();
  for (const finding of findings) {
    if (finding.severity === 'hint' || !itemsOfRule.has(finding.ruleId)) continue;
    const facts = files.of(finding.path);
    const list = byFile.get(facts);
    if (list) list.push(finding);
    else byFile.set(facts, [finding]);
  }
  const counted = new Map<string, ChecklistFinding[]>();
  const testData = new Map<string, ChecklistFinding[]>();
  const decisions = new Map<string, ChecklistFinding[]>();
  for (const facts of [...byFile.keys()].sort((a, b) => compareFileNames(a.file, b.file))) {
    for (const finding of byFile.get(facts)!.sort((a, b) => comparePositions(a.range, b.range))) {
      const into = facts.testData ? testData : finding.atMost ? decisions : counted;
      const shown = checklistFinding(finding, facts);
      for (const id of itemsOfRule.get(finding.ruleId)!) {
        const list = into.get(id);
        if (list) list.push(shown);
        else into.set(id, [shown]);
      }
    }
  }
  return { counted, testData, decisions };
}

/** A finding as the checklist lists it, in its file's terms, with the title of the quick fix found at its place if any. */
export function checklistFinding(finding: Finding, facts: FileFacts, fixTitle?: string): ChecklistFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: facts.file,
    ...(facts.uri ? { uri: facts.uri } : {}),
    range: finding.range,
    ...(fixTitle !== undefined ? { fix: { title: fixTitle } } : {}),
  };
}

const SUBJECT_INDEX = new Map<Subject, number>(SUBJECTS.map((subject, index) => [subject, index]));

/** A subject's key in its file: its start and kind, a number rather than a string for 100,000 inspections. */
export function subjectKey(inspection: Inspection): number {
  return inspection.span.start * SUBJECTS.length + SUBJECT_INDEX.get(inspection.subject)!;
}

/** The inspections of each rule, outside test folders: a manifest under tests/ sets up a test, and what rules inspect there proves nothing. */
function countedInspections(inspected: readonly Inspection[], files: FileTable): CountedInspections {
  const byRule = new Map<string, CountedInspection[]>();
  const subjectsByFile = new Map<FileFacts, Map<number, CountedSubject>>();
  for (const inspection of inspected) {
    const file = files.of(inspection.path);
    if (file.test) continue;
    let subjects = subjectsByFile.get(file);
    if (!subjects) subjectsByFile.set(file, (subjects = new Map()));
    const key = subjectKey(inspection);
    let record = subjects.get(key);
    if (!record) subjects.set(key, (record = { subject: inspection.subject, file, judgedPass: 0, unknownPass: 0 }));
    const counted: CountedInspection = { record, unknown: inspection.unknown === true };
    const list = byRule.get(inspection.ruleId);
    if (list) list.push(counted);
    else byRule.set(inspection.ruleId, [counted]);
  }
  let pass = 0;
  return { byRule: (ruleId) => byRule.get(ruleId), nextPass: () => ++pass };
}

let collator: Intl.Collator | undefined;

/**
 * localeCompare's order, from one collator: a fifth of the cost of localeCompare on 5,000 paths.
 * Made at the first comparison: loading ICU's collation data costs 7-14 ms, which a server start
 * would otherwise pay before its first diagnostics (no checklist has run by then).
 */
export function compareFileNames(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** Each finding's key, made once: the incremental checklist keeps a file's findings while the file's results hold, and gates are counted again on every edit. */
const FINDING_KEYS = new WeakMap<ChecklistFinding, string>();

function findingKey(finding: ChecklistFinding): string {
  let key = FINDING_KEYS.get(finding);
  if (key === undefined) {
    const { start, end } = finding.range;
    key = `${finding.ruleId}\u0000${finding.file}\u0000${start.line}:${start.character}-${end.line}:${end.character}`;
    FINDING_KEYS.set(finding, key);
  }
  return key;
}

export function comparePositions(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function byFileAndPosition(a: ChecklistFinding, b: ChecklistFinding): number {
  return compareFileNames(a.file, b.file) || comparePositions(a.range, b.range);
}

function uriOf(file: string, files: FileTable): { uri?: string } {
  const { uri } = files.ofRelative(file);
  return uri ? { uri } : {};
}

function withUri(hit: EvidenceHit, files: FileTable): EvidenceHit {
  return { ...hit, ...uriOf(hit.file, files) };
}

function dedupe(hits: EvidenceHit[]): EvidenceHit[] {
  const seen = new Set<string>();
  return hits
    .filter((hit) => {
      const key = `${hit.detector}\u0000${hit.file}\u0000${hit.line ?? ''}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => compareFileNames(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
