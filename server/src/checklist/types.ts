/**
 * The checklist as the server computes it and the client renders it (the `readiness/checklist`
 * request's result), and as `readiness report --format json` prints it. Extend, never rename.
 */
import type { AttestationStatus } from '../engine/config';
import type { Category, Range, Severity, Subject } from '../engine/types';

export type ScoredCategory = 'Deployment' | 'Security' | 'Monitoring' | 'Performance' | 'Backup';

/** Weights of the seed's "Critérios de Aprovação"; Tests and Documentation are gates of the flow, not weighted. */
export const CATEGORY_WEIGHTS: Record<ScoredCategory, number> = {
  Deployment: 0.2,
  Security: 0.25,
  Monitoring: 0.2,
  Performance: 0.2,
  Backup: 0.15,
};

export type ItemStatus =
  /**
   * Proven by the files: evidence with substance, or its rules inspected at least one subject the
   * item is about (`verification.subjects`) and none failed (`proof.rules.proving`).
   */
  | 'satisfied'
  /** A finding of one of its rules, or a declared value outside its target. */
  | 'failing'
  /** Nothing proves it either way: no subject inspected, no evidence, no attestation (`proof.toVerify` says what would). */
  | 'not-verified'
  /** Attested `na` with a reason: drops out of the score. */
  | 'not-applicable'
  /** Attested `done` by a person, and no error finding says otherwise. */
  | 'attested'
  /** Attested `done` or `na`, but error findings say otherwise (`contradiction`): counts as not done. */
  | 'contradicted';

/** Statuses that count as done in scores and gates. */
export const DONE_STATUSES: readonly ItemStatus[] = ['satisfied', 'attested'];

export interface ChecklistFinding {
  /** The rule's id, or `readiness/target` for a declared value outside its target. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  /** Absolute file URI, for opening the file from the panel. */
  uri?: string;
  range: Range;
  /** For `readiness/target` findings: the target the value misses. */
  target?: TargetId;
  /** The finding's quick fix, when its rule computed one: the title the editor offers (in the report locale). */
  fix?: { title: string };
}

export interface EvidenceHit {
  detector: string;
  /** Path relative to the workspace root. */
  file: string;
  uri?: string;
  /** What was found, e.g. "ServiceMonitor app-metrics". */
  what: string;
  /** Why it counts for this item. */
  why: string;
  /** 0-based line of the evidence, when known. */
  line?: number;
  /**
   * A value the evidence states for a target (an RDS retention, a k6 threshold): it counts as
   * evidence only when it meets the target; otherwise it becomes a `readiness/target` finding.
   */
  declared?: { target: TargetId; text: string; value: number; source: string; range?: Range };
  /**
   * @internal A fact one file contributes to a cross-file join (a Service's selector, a KMS key's
   * address), carried as a hit so the server's per-file evidence cache keeps it; joins consume
   * these and they never reach a report.
   */
  fact?: Record<string, string | string[]>;
}

// ---- Proof -----------------------------------------------------------------------------------------

/**
 * What the item's rules inspected across the workspace: the proof behind a clean run. Subjects in
 * test folders (test/, tests/, e2e/, testdata/, fixtures/ ...) are left out: they set up a test.
 */
export interface RuleProof {
  /** Subjects the item's enabled rules inspected and judged, by kind: `{ container: 6, image: 2 }`. */
  subjects: Partial<Record<Subject, number>>;
  /**
   * Of `subjects`, those the item is about (`verification.subjects`): only these prove it. A lone
   * ConfigMap is a subject `k8s/default-namespace` inspects, but no proof of deployment manifests.
   */
  proving: Partial<Record<Subject, number>>;
  /** Distinct files those subjects are in. */
  files: number;
  /** Rules that inspected at least one subject, sorted. */
  rules: string[];
  /**
   * Subjects a rule looked at but could not judge (an `unknown` inspection: a value the files cannot
   * show, an include the workspace lacks), by kind; absent when there are none. They prove nothing,
   * and a subject one rule could not judge is counted here, not in `subjects`, even if another
   * rule judged it.
   */
  unknown?: Partial<Record<Subject, number>>;
  /** Of `unknown`, those the item is about: while there is one, its rules do not prove the item. */
  unknownAbout?: Partial<Record<Subject, number>>;
  /** Distinct files the `unknown` subjects are in. */
  unknownFiles?: number;
  /** Rules that could not judge a subject, sorted. */
  unknownRules?: string[];
}

/** One way to prove an item that is not proven yet, for the "To verify" list. */
export interface ProofStep {
  /** `rules`: a file its rules would inspect; `evidence`: what a detector looks for; `attestation`: a person's word. */
  kind: 'rules' | 'evidence' | 'attestation';
  /** Rule ids, detector ids, or the item id for an attestation. */
  ids: string[];
  /** In the report locale: "a Dockerfile, Kubernetes workload or Compose service (rules ...)", "a Velero Schedule ...". */
  text: string;
}

export interface ItemProof {
  /** What decided the status, first match wins as in score.ts. */
  decidedBy: 'attestation' | 'findings' | 'targets' | 'evidence' | 'rules' | 'nothing';
  rules: RuleProof;
  /** Evidence hits (listed in `evidence`). */
  evidence: number;
  /** One sentence in the report locale, e.g. "6 containers in 3 files checked, none failing." */
  summary: string;
  /** What file or attestation would prove it; present when the item is not verified (a failing item needs its findings fixed instead). */
  toVerify?: ProofStep[];
  /** Findings of its rules in test data, listed in `testDataFindings` and not counted; absent when there are none. */
  testDataFindings?: number;
  /** Decisions its rules noted (findings capped at information), listed in `decisions` and not counted; absent when there are none. */
  decisions?: number;
}

/** An attestation that error findings contradict: shown, never counted as done. */
export interface Contradiction {
  attestation: 'done' | 'na';
  by?: string;
  date?: string;
  /** Error findings (rules and targets) that say otherwise. */
  findings: number;
  /** e.g. "Attested done by Ana, but 2 findings say otherwise." */
  message: string;
}

// ---- Targets ---------------------------------------------------------------------------------------

/**
 * The seed's numbers, configurable under `targets:` in `.readiness.yml`. A value the files declare
 * outside its target fails the item with a `readiness/target` finding at the value.
 */
export type TargetId = 'rto' | 'rpo' | 'backupRetention' | 'logRetention' | 'coverage' | 'p95' | 'tls' | 'uptime' | 'errorRate' | 'throughput' | 'mttr';

export type TargetUnit = 'minutes' | 'days' | 'percent' | 'ms' | 'rps' | 'tls';

export interface TargetSpec {
  id: TargetId;
  /** `max`: at most `value`; `min`: at least `value`; `range`: from `value` to `max`. */
  comparison: 'max' | 'min' | 'range';
  value: number;
  max?: number;
  unit: TargetUnit;
  /** In the report locale, e.g. "at most 15 min", "30 to 90 days", "TLS 1.3 offered". */
  text: string;
  /** The seed's default, or `.readiness.yml` (`targets:`). */
  source: 'seed' | 'config';
}

/** A value the files state for a target (a k6 threshold, an RDS retention, `application.rto`). */
export interface DeclaredValue {
  target: TargetId;
  /** As written, e.g. "4 hours", "p(95)<300". */
  text: string;
  /** In the target's unit (TLS versions as 1.2 / 1.3). */
  value: number;
  met: boolean;
  /** What states it, e.g. "k6 threshold", "application.rto", "aws_db_instance.main". */
  source: string;
  /** Relative path. */
  file: string;
  uri?: string;
  range?: Range;
}

export interface TargetResult {
  target: TargetSpec;
  declared: DeclaredValue[];
  /** Undefined when the files declare no value. */
  met?: boolean;
}

/** The seed's "Métricas de Sucesso", with the value the files declare where one exists. */
export type MetricId = 'uptime' | 'p95' | 'errorRate' | 'throughput' | 'mttr';

export interface SuccessMetric {
  id: MetricId;
  /** In the report locale: "Uptime", "Response time (P95)". */
  title: string;
  target: TargetSpec;
  declared?: DeclaredValue;
  met?: boolean;
}

export interface ChecklistItemResult {
  id: string;
  category: Category;
  title: string;
  description: string;
  /** The seed's Portuguese title and text, verbatim. */
  seedTitle: string;
  seedText: string;
  critical: boolean;
  criticalReason?: string;
  /**
   * How the item can be verified: its rules, evidence detectors, whether it needs a person's
   * word, and the subjects whose inspection by its rules proves it (empty when rules cannot).
   */
  verification: { rules: string[]; evidence: string[]; manual: boolean; subjects: Subject[] };
  status: ItemStatus;
  /** Findings of its rules and targets that count: they fail the item, block its gate, contradict a `done`. */
  findings: ChecklistFinding[];
  /**
   * Findings of its rules in test-data folders (`testdata/`, `fixtures/` ...: input to a project's
   * tests, never deployed): shown in the editor and the CLI, listed here, never counted.
   */
  testDataFindings?: ChecklistFinding[];
  /**
   * Decisions written in the files that its rules note at most as information
   * (`automountServiceAccountToken: true` spelled out, an entrypoint that drops privileges): a
   * person's choice, not a defect, so they are listed here and never counted against the item.
   */
  decisions?: ChecklistFinding[];
  evidence: EvidenceHit[];
  attestation?: { status: AttestationStatus; by?: string; date?: string; note?: string };
  /** How the status was reached and what would prove the item. */
  proof: ItemProof;
  /** Set when the status is `contradicted`. */
  contradiction?: Contradiction;
  /** Targets the item is measured against, with the values the files declare. */
  targets?: TargetResult[];
  /** An attestation `.readiness.yml` records but that is not applied (`na` without a reason). */
  rejectedAttestation?: { status: AttestationStatus; reason: string };
  /** Where its criticality comes from: the product's catalog, or `critical:` in `.readiness.yml`. */
  criticalSource?: 'catalog' | 'config';
}

export interface GateResult {
  /** e.g. ">= 90% of items", "100% of critical items". */
  criterion: string;
  passed: boolean;
  /** Why it is not passed, one sentence each in the report locale (open critical items, error findings, the score). */
  reasons?: string[];
  /** Every item is marked not applicable: the gate does not apply and counts as passed. */
  notApplicable?: boolean;
  /** The minimum share of applicable items, for score-based gates (Deployment, Monitoring, Performance, Tests, Documentation). */
  threshold?: number;
}

export interface CategoryResult {
  category: Category;
  /** Share of applicable items satisfied (satisfied or attested), 0..100, rounded to one decimal; 0 when nothing is applicable. */
  score: number;
  /** False when every item is marked not applicable: the category reads "not applicable", not a percentage. */
  applicable: boolean;
  /** 0 for Tests and Documentation, which are gates of the seed's flow but not weighted. */
  weight: number;
  /** Every category has one: the five weighted gates, and "Tests OK?" and "Documentation OK?" of the flow. */
  gate?: GateResult;
  counts: { total: number; applicable: number; satisfied: number; failing: number; notVerified: number; notApplicable: number; attested: number; contradicted: number };
  items: ChecklistItemResult[];
}

export interface SignOffResult {
  role: 'techLead' | 'devopsEngineer' | 'securityEngineer' | 'productOwner';
  title: string;
  name?: string;
  date?: string;
}

/** The seed's pre-production flow ("Deployment OK?" ... "Documentação OK?"), then the sign-offs. */
export type FlowStepId = Category | 'signoffs';

export interface FlowStep {
  id: FlowStepId;
  /** In the report locale: "Deployment OK?". */
  question: string;
  passed: boolean;
  /** The seed's "No" branch: "Fix the deployment issues". */
  action: string;
}

export type ApprovalOwner = 'devopsEngineer' | 'securityEngineer' | 'sre' | 'techLead' | 'dba' | 'qaEngineer' | 'techWriter';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** One row of the seed's Final Approval table (Categoria | Status | Responsável | Data | Observações). */
export interface ApprovalRow {
  category: Category;
  /** The seed's owner role for the category. */
  ownerRole: ApprovalOwner;
  /** The role's title in the report locale. */
  owner: string;
  /** As recorded under `approval:` in `.readiness.yml`; pending when nothing is recorded. */
  status: ApprovalStatus;
  name?: string;
  date?: string;
  notes?: string;
  gatePassed: boolean;
  /** Recorded approved while the category's gate is open. */
  contradicted?: boolean;
}

export interface ApprovalResult {
  /** Every step of the flow passes: the seven gates and the four sign-offs. */
  approved: boolean;
  flow: FlowStep[];
  /** The first step that does not pass: where the seed's flow sends the team back to. */
  blockingStep?: FlowStepId;
  /** Items attested not applicable, which the verdict states. */
  notApplicableItems: number;
  /** The seed's Final Approval table. */
  table: ApprovalRow[];
}

/** The seed marks no item critical: the critical set is the product's reading, which `.readiness.yml` may change. */
export interface CriticalSet {
  /** In the report locale: says the set is an interpretation and how to change it. */
  note: string;
  items: string[];
  /** Added and removed by `critical:` in `.readiness.yml`. */
  added: string[];
  removed: string[];
}

/** Item counts over the whole checklist: what is proven and what is unknown. */
export interface ChecklistTotals {
  total: number;
  applicable: number;
  satisfied: number;
  attested: number;
  failing: number;
  contradicted: number;
  notVerified: number;
  notApplicable: number;
}

export interface ChecklistReport {
  version: 1;
  generatedAt: string;
  locale: 'en' | 'pt-BR';
  application: Record<string, string>;
  /** Weighted score over the five weighted categories that have applicable items, 0..100, one decimal. */
  score: number;
  /** Gates of the seed's flow: the five weighted categories, Tests and Documentation. */
  gatesPassed: number;
  gatesTotal: number;
  signoffs: SignOffResult[];
  /** Every gate passed and all four sign-offs recorded (with a name and a date): `approval.approved`. */
  approved: boolean;
  approval: ApprovalResult;
  /** The targets in force: the seed's numbers, or `targets:` in `.readiness.yml`. */
  targets: TargetSpec[];
  /** The seed's success metrics. */
  metrics: SuccessMetric[];
  critical: CriticalSet;
  totals: ChecklistTotals;
  categories: CategoryResult[];
  /** Problems to show at the top (a malformed .readiness.yml). */
  problems: string[];
  /** Files the rules looked at; 0 makes the client show its welcome view instead of an empty checklist. */
  analyzedFiles?: number;
  /** The open items ranked by impact, first to fix first (see fix-first.ts). */
  fixFirst?: FixFirstEntry[];
  /** Supported files that were not analyzed, with why and the setting that would include them. */
  skipped?: SkippedFileResult[];
}

// ---- Fix first and skipped files -------------------------------------------------------------------

/**
 * Why an entry ranks where it does, in order: a critical item that is failing (or contradicted),
 * an item its category's open gate needs, an item that only raises the score.
 */
export type FixFirstReason = 'critical' | 'gate' | 'score';

/** The one thing to do about an entry: apply the quick fix of `finding`, open `finding`, or attest the item. */
export type FixFirstAction = 'fix' | 'open' | 'attest';

/** One open item (failing, contradicted or not verified) in the "Fix first" order. */
export interface FixFirstEntry {
  itemId: string;
  category: Category;
  /** In the report locale. */
  title: string;
  status: ItemStatus;
  critical: boolean;
  reason: FixFirstReason;
  /** Findings of the item, how many are errors, and the files they are in. */
  findings: number;
  errors: number;
  files: number;
  /** Items still to be done for the category's gate to pass; absent when the gate is passed. */
  gateDistance?: number;
  /** Points the weighted score rises by once the item is done (0 for Tests and Documentation). */
  scoreGain: number;
  action: FixFirstAction;
  /** The finding `fix` and `open` act on: the most severe one, one with a quick fix first. */
  finding?: ChecklistFinding;
}

export interface SkippedFileResult {
  /** Path relative to the workspace root. */
  file: string;
  uri?: string;
  /** Why, as the server says it in Problems and the CLI says it in `files.skipped`. */
  reason: string;
  /** The setting that would include the file (`readiness.maxFileSizeKb`), when one would. */
  setting?: string;
}

/** LSP custom methods between the client and the server. */
export const CHECKLIST_REQUEST = 'readiness/checklist';
/** The same report, its findings as rows into a table of strings (see wire.ts): what the panel fetches. */
export const CHECKLIST_COMPACT_REQUEST = 'readiness/checklistCompact';
/**
 * What changed since a revision of the compact report the client holds (see wire.ts): a
 * ChecklistDelta, or the whole compact report when the server no longer has that revision.
 */
export const CHECKLIST_DELTA_REQUEST = 'readiness/checklistDelta';
export const CHECKLIST_CHANGED_NOTIFICATION = 'readiness/checklistChanged';

export interface ChecklistDeltaParams {
  /** The `revision` of the report the client holds. */
  since: string;
}

/** With readiness/checklistChanged: `unchanged` when a refresh ended with the very report already sent (the panel need not fetch it again). */
export interface ChecklistChangedParams {
  unchanged?: boolean;
}
export const ATTEST_REQUEST = 'readiness/attest';
export const SIGNOFF_REQUEST = 'readiness/signoff';
export const REPORT_REQUEST = 'readiness/report';

export interface AttestParams {
  itemId: string;
  status: AttestationStatus;
  by?: string;
  note?: string;
}

export interface SignOffParams {
  role: SignOffResult['role'];
  name: string;
  /** Required by `.readiness.yml`; the server fills in today when absent. */
  date?: string;
}

/** Result of a request that edits `.readiness.yml`; `error` when the file is malformed (never overwritten). */
export interface EditResult {
  ok: boolean;
  error?: string;
}

export interface ReportParams {
  format: 'markdown' | 'json' | 'html';
}
