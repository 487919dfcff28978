/** A checklist scored from findings alone, as tests of what is built on it need one. */
import { computeChecklist } from '../../server/src/checklist/score';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { emptyConfig, type ReadinessConfig } from '../../server/src/engine/config';
import type { FileKind, Finding } from '../../server/src/engine/types';

/** The workspace root the findings of these tests live under. */
export const CHECKLIST_ROOT = '/work/app';

/** The checklist of `findings` in a workspace where every kind but Compose was analyzed and no evidence file exists. */
export function checklistOf(findings: Finding[], config: Partial<ReadinessConfig> = {}): ChecklistReport {
  return computeChecklist({
    findings,
    root: CHECKLIST_ROOT,
    analyzedKinds: new Set<FileKind>(['kubernetes', 'dockerfile', 'nginx', 'terraform']),
    evidenceFiles: [],
    config: { ...emptyConfig(), ...config },
    locale: 'en',
  });
}
