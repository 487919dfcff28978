/** Builders for scoring tests: findings and inspections at paths under one root, and a run of computeChecklist over them. */
import assert from 'node:assert/strict';
import { computeChecklist, type ChecklistInput } from '../../server/src/checklist/score';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { emptyConfig, type Attestation, type ReadinessConfig } from '../../server/src/engine/config';
import type { FileKind, Finding, Inspection, Severity, Subject } from '../../server/src/engine/types';

export const ROOT = '/work/app';

export function finding(ruleId: string, file: string, line: number, severity: Severity = 'error'): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} says no.`,
    path: `${ROOT}/${file}`,
    span: { start: 0, end: 1 },
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
  };
}

export function inspection(ruleId: string, subject: Subject, file: string, start = 0, unknown = false): Inspection {
  return {
    ruleId,
    subject,
    path: `${ROOT}/${file}`,
    span: { start, end: start + 1 },
    range: { start: { line: start, character: 0 }, end: { line: start, character: 1 } },
    ...(unknown ? { unknown: true as const } : {}),
  };
}

export type RunInput = Omit<Partial<ChecklistInput>, 'config'> & { checklist?: Record<string, Attestation>; config?: Partial<ReadinessConfig> };

export function run(overrides: RunInput = {}): ChecklistReport {
  const config = { ...emptyConfig(), ...overrides.config, checklist: { ...overrides.config?.checklist, ...overrides.checklist } };
  return computeChecklist({
    findings: [],
    root: ROOT,
    analyzedKinds: new Set<FileKind>(),
    evidenceFiles: [],
    locale: 'en',
    now: new Date('2025-10-15T12:00:00Z'),
    ...overrides,
    config,
  });
}

export function item(report: ChecklistReport, id: string) {
  const found = report.categories.flatMap((category) => category.items).find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
}

export function category(report: ChecklistReport, name: string) {
  return report.categories.find((candidate) => candidate.category === name)!;
}
