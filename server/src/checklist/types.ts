/**
 * The checklist as the server computes it and the client renders it (the `readiness/checklist`
 * request's result), and as `readiness report --format json` prints it. Extend, never rename.
 */
import type { AttestationStatus } from '../engine/config';
import type { Category, Range, Severity } from '../engine/types';

export type ScoredCategory = 'Deployment' | 'Security' | 'Monitoring' | 'Performance' | 'Backup';

/** Weights of the seed's "Critérios de Aprovação"; Tests and Documentation are shown, not weighted. */
export const CATEGORY_WEIGHTS: Record<ScoredCategory, number> = {
  Deployment: 0.2,
  Security: 0.25,
  Monitoring: 0.2,
  Performance: 0.2,
  Backup: 0.15,
};

export type ItemStatus =
  /** Its rules find nothing across the workspace and they had files to look at, or evidence is present. */
  | 'satisfied'
  /** At least one of its rules has a finding. */
  | 'failing'
  /** No rule could look at a file, no evidence, no attestation. */
  | 'not-verified'
  /** Attested `na`: drops out of the score. */
  | 'not-applicable'
  /** Attested `done` by a person. */
  | 'attested';

export interface ChecklistFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  /** Absolute file URI, for opening the file from the panel. */
  uri?: string;
  range: Range;
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
  /** How the item can be verified. */
  verification: { rules: string[]; evidence: string[]; manual: boolean };
  status: ItemStatus;
  findings: ChecklistFinding[];
  evidence: EvidenceHit[];
  attestation?: { status: AttestationStatus; by?: string; date?: string; note?: string };
}

export interface GateResult {
  /** e.g. ">= 90% of items", "100% of critical items". */
  criterion: string;
  passed: boolean;
}

export interface CategoryResult {
  category: Category;
  /** Share of applicable items satisfied (satisfied or attested), 0..100, rounded to one decimal. */
  score: number;
  weight: number;
  /** Undefined for Tests and Documentation, which have no gate. */
  gate?: GateResult;
  counts: { total: number; applicable: number; satisfied: number; failing: number; notVerified: number; notApplicable: number; attested: number };
  items: ChecklistItemResult[];
}

export interface SignOffResult {
  role: 'techLead' | 'devopsEngineer' | 'securityEngineer' | 'productOwner';
  title: string;
  name?: string;
  date?: string;
}

export interface ChecklistReport {
  version: 1;
  generatedAt: string;
  locale: 'en' | 'pt-BR';
  application: Record<string, string>;
  /** Weighted score over the five scored categories, 0..100, one decimal. */
  score: number;
  gatesPassed: number;
  gatesTotal: number;
  signoffs: SignOffResult[];
  /** Every gate passed and all four sign-offs recorded. */
  approved: boolean;
  categories: CategoryResult[];
  /** Problems to show at the top (a malformed .readiness.yml). */
  problems: string[];
  /** Files the rules looked at; 0 makes the client show its welcome view instead of an empty checklist. */
  analyzedFiles?: number;
}

/** LSP custom methods between the client and the server. */
export const CHECKLIST_REQUEST = 'readiness/checklist';
export const CHECKLIST_CHANGED_NOTIFICATION = 'readiness/checklistChanged';
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
