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
 *      security headers) are listed in the proof but prove nothing
 *   7. otherwise -> not-verified: "the rules ran on a file of this kind and found nothing" proves
 *      nothing, so an empty main.tf or a lone ConfigMap satisfies no item
 * A `todo` attestation records intent and a note; it does not change the status. Hint-level
 * findings never fail an item (they are editor hints, not problems).
 */
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APPROVAL_KEYS, SIGNOFF_ROLES, type ApprovalKey, type ReadinessConfig } from '../engine/config';
import { CATEGORIES, type Category, type FileKind, type Finding, type Inspection, type Subject } from '../engine/types';
import { ALL_RULES } from '../../../rules/index';
import { formatNumber, t, type Locale, type MessageKey } from '../i18n/index';
import { checklistCatalog, localized, type CatalogItem } from './catalog';
import { kindsOfSubjects } from './subjects';
import { applicationEvidence, detectorById, inFolders, joinFacts, runDetectors, TEST_FOLDERS, type EvidenceInput } from './evidence/index';
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

interface Context {
  input: ChecklistInput;
  locale: Locale;
  findingsByRule: Map<string, Finding[]>;
  inspectionsByRule: Map<string, Inspection[]>;
  evidence: Map<string, EvidenceHit[]>;
  targets: Map<TargetId, TargetSpec>;
  declared: Map<TargetId, DeclaredValue[]>;
  critical: Set<string>;
  criticalFromConfig: Set<string>;
}

export function computeChecklist(input: ChecklistInput): ChecklistReport {
  const { config, locale } = input;
  const evidence = joinFacts(new Map(input.evidence ?? runDetectors(input.evidenceFiles, locale)), locale);
  const configFile = input.configPath ? relativePath(input.configPath, input.root) : '.readiness.yml';
  for (const [item, hits] of applicationEvidence(config, configFile, locale)) evidence.set(item, [...(evidence.get(item) ?? []), ...hits]);

  const targetList = resolveTargets(config.targets, locale);
  const targets = new Map(targetList.map((spec) => [spec.id, spec]));
  const declared = declaredValues(evidence, targets, input.root);

  const findingsByRule = groupBy(
    input.findings.filter((finding) => finding.severity !== 'hint'),
    (finding) => finding.ruleId,
  );
  // A manifest under tests/ or testdata/ sets up a test: its findings fail items like any file's,
  // but what the rules inspect there proves none.
  const inspected = (input.inspected ?? []).filter((inspection) => !inFolders(relativePath(inspection.path, input.root), TEST_FOLDERS));
  const inspectionsByRule = groupBy(inspected, (inspection) => inspection.ruleId);
  const { critical, fromConfig, set } = criticalSet(config, locale);

  const context: Context = { input, locale, findingsByRule, inspectionsByRule, evidence, targets, declared, critical, criticalFromConfig: fromConfig };
  const items = checklistCatalog()
    .filter((item): item is CatalogItem & { category: Category } => item.category !== 'Sign-off')
    .map((item) => itemResult(item, context));

  const categories = CATEGORIES.map((category) => categoryResult(category, items.filter((item) => item.category === category), config, locale));
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
    generatedAt: (input.now ?? new Date()).toISOString(),
    locale,
    application: { ...config.application },
    score,
    gatesPassed,
    gatesTotal: categories.length,
    signoffs,
    approved: approval.approved,
    approval,
    targets: targetList,
    metrics: metrics(targets, declared, locale),
    critical: set,
    totals: totals(items),
    categories,
    problems: [...(input.problems ?? [])],
  };
}

// ---- Items -----------------------------------------------------------------------------------------

function itemResult(item: CatalogItem & { category: Category }, context: Context): ChecklistItemResult {
  const { input, locale } = context;
  const { config, root } = input;
  const enabledRules = item.rules.filter((ruleId) => config.rules[ruleId]?.severity !== 'off');
  const ruleFindings = item.rules.flatMap((ruleId) => context.findingsByRule.get(ruleId) ?? []).map((finding) => checklistFinding(finding, root));
  const targetResults = Object.values(TARGETS).some((definition) => definition.items.includes(item.id)) ? itemTargets(item.id, context) : undefined;
  const targetFindings = (targetResults ?? []).flatMap((result) => result.declared.filter((value) => !value.met).map((value) => targetFinding(value, result.target, locale)));
  const findings = [...ruleFindings, ...targetFindings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const rules = ruleProof(enabledRules, context.inspectionsByRule, item.subjects);
  const hits = dedupe((context.evidence.get(item.id) ?? []).filter((hit) => !hit.declared || meets(context.targets.get(hit.declared.target)!, hit.declared.value))).map((hit) => withUri(hit, root));
  const attestation = config.checklist[item.id];
  const proven = Object.keys(rules.proving).length > 0;

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
    summary: proofSummary(item, status, decidedBy, rules, findings, hits, attestation, contradiction, locale),
    ...(status === 'not-verified' ? { toVerify: toVerify(item, enabledRules, context) } : {}),
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
    evidence: hits,
    ...(attestation ? { attestation: { ...attestation } } : {}),
    proof,
    ...(contradiction ? { contradiction } : {}),
    ...(targetResults ? { targets: targetResults } : {}),
    ...(rejected ? { rejectedAttestation: { status: rejected.status, reason: t(locale, 'attestation.naNeedsReason') } } : {}),
  };
}

function ruleProof(rules: readonly string[], inspectionsByRule: Map<string, Inspection[]>, about: readonly Subject[]): RuleProof {
  const subjects: Partial<Record<Subject, number>> = {};
  const proving: Partial<Record<Subject, number>> = {};
  const files = new Set<string>();
  const inspecting: string[] = [];
  // A subject checked by two rules of the item is one subject: count each file span once per kind.
  const seen = new Set<string>();
  for (const ruleId of rules) {
    const inspections = inspectionsByRule.get(ruleId);
    if (!inspections?.length) continue;
    inspecting.push(ruleId);
    for (const inspection of inspections) {
      files.add(inspection.path);
      const key = `${inspection.subject}\u0000${inspection.path}\u0000${inspection.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      subjects[inspection.subject] = (subjects[inspection.subject] ?? 0) + 1;
      if (about.includes(inspection.subject)) proving[inspection.subject] = (proving[inspection.subject] ?? 0) + 1;
    }
  }
  return { subjects, proving, files: files.size, rules: inspecting.sort() };
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
): string {
  const checked = subjectsText(rules, locale);
  switch (decidedBy) {
    case 'attestation': {
      if (contradiction) return contradiction.message;
      const by = attestation?.by ? t(locale, 'contradiction.by', { by: attestation.by }) : '';
      const note = attestation?.note ? `: ${attestation.note}` : '';
      return t(locale, status === 'not-applicable' ? 'proof.markedNa' : 'proof.attested', { by, note });
    }
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
      if (!checked) return t(locale, 'proof.nothing');
      if (item.manual || item.subjects.length === 0) return t(locale, 'proof.checkedNotEnough', { checked });
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
function subjectsText(rules: RuleProof, locale: Locale): string {
  const parts = (Object.entries(rules.subjects) as [Subject, number][])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([subject, count]) => plural(locale, `subject.${subject}` as 'subject.container', count));
  if (parts.length === 0) return '';
  const list = joinList(parts, ` ${t(locale, 'proof.and')} `);
  return t(locale, 'proof.inFiles', { subjects: list, files: plural(locale, 'cli.count.file', rules.files) });
}

function toVerify(item: CatalogItem, enabledRules: string[], context: Context): ProofStep[] {
  const { locale } = context;
  const steps: ProofStep[] = [];
  // Only files whose rules can inspect a subject the item is about would prove it: a Kubernetes
  // manifest cannot show how an image is built.
  const provingKinds = kindsOfSubjects(item.subjects);
  const provers = item.manual ? [] : enabledRules.filter((ruleId) => provingKinds.has(RULE_KINDS.get(ruleId)!));
  if (provers.length > 0) {
    const kinds = [...new Set(provers.map((ruleId) => RULE_KINDS.get(ruleId)!))];
    const files = joinList(
      kinds.map((kind) => t(locale, `kind.${kind}` as MessageKey)),
      t(locale, 'proof.or'),
    );
    const present = kinds.some((kind) => context.input.analyzedKinds.has(kind));
    const data = { files, rules: provers.join(', ') };
    steps.push({ kind: 'rules', ids: provers, text: t(locale, present ? 'verify.rulesNothingInspected' : 'verify.rules', data) });
  }
  for (const id of item.evidence) {
    const source = detectorById(id);
    if (!source) continue;
    steps.push({ kind: 'evidence', ids: [id], text: source.hint ? localized(source.hint, locale) : `${source.title}.` });
  }
  steps.push({ kind: 'attestation', ids: [item.id], text: t(locale, 'verify.attestation', { id: item.id }) });
  return steps;
}

// ---- Targets ---------------------------------------------------------------------------------------

/** Declared values of every hit, grouped by target, each judged against the target in force. */
function declaredValues(evidence: Map<string, EvidenceHit[]>, targets: Map<TargetId, TargetSpec>, root: string): Map<TargetId, DeclaredValue[]> {
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
        ...(root && isAbsolute(root) ? { uri: pathToFileURL(join(root, hit.file)).href } : {}),
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

function categoryResult(category: Category, items: ChecklistItemResult[], config: ReadinessConfig, locale: Locale): CategoryResult {
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
    const errors = erroring.reduce((sum, item) => sum + item.findings.filter((finding) => finding.severity === 'error').length, 0);
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

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const id = key(value);
    const list = groups.get(id);
    if (list) list.push(value);
    else groups.set(id, [value]);
  }
  return groups;
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
