/**
 * The "Fix first" order: every open item (failing, contradicted, not verified) ranked by what doing
 * it buys the team, computed from a finished checklist so the panel, the report and the JSON agree.
 *
 *   1. critical items that are failing or contradicted: a finding already says what is wrong with
 *      something the team cannot ship without;
 *   2. items an open gate needs, gates closest to passing first (fewest items still to do): first
 *      those whose findings say what to fix, then those nothing proves yet (verify or attest);
 *   3. the rest, by how much the weighted score rises once the item is done.
 * Ties: a larger score rise, more errors, more findings, catalogue order.
 */
import type { Severity } from '../engine/types';
import { SEVERITY_ORDER } from './order';
import { DONE_STATUSES, type CategoryResult, type ChecklistFinding, type ChecklistItemResult, type ChecklistReport, type FixFirstEntry, type FixFirstReason, type ItemStatus } from './types';

const REASON_RANK: Record<FixFirstReason, number> = { critical: 0, gate: 1, score: 2 };

export function isDone(item: ChecklistItemResult): boolean {
  return (DONE_STATUSES as readonly ItemStatus[]).includes(item.status);
}

function isOpen(item: ChecklistItemResult): boolean {
  return item.status === 'failing' || item.status === 'contradicted' || item.status === 'not-verified';
}

/** What the order reads of an item's findings, worked out once per item result (the server keeps the results of unchanged items). */
interface FindingStats {
  errors: number;
  files: number;
  action: ChecklistFinding | undefined;
}

const STATS = new WeakMap<ChecklistItemResult, { findings: readonly ChecklistFinding[]; stats: FindingStats }>();

function statsOf(item: ChecklistItemResult): FindingStats {
  const kept = STATS.get(item);
  if (kept && kept.findings === item.findings) return kept.stats;
  // One pass: an item of a large workspace has tens of thousands of findings.
  let errors = 0;
  const files = new Set<string>();
  let previous: string | undefined;
  for (const finding of item.findings) {
    if (finding.severity === 'error') errors++;
    // Findings come in file order: a file is looked up once per run of its findings.
    if (finding.file !== previous) files.add((previous = finding.file));
  }
  const stats = { errors, files: files.size, action: actionFinding(item.findings) };
  STATS.set(item, { findings: item.findings, stats });
  return stats;
}

function hasErrors(item: ChecklistItemResult): boolean {
  return statsOf(item).errors > 0;
}

interface GateNeeds {
  /** Items still to be done for the gate to pass. */
  distance: number;
  /** Whether doing this item brings the gate closer. */
  needs: (item: ChecklistItemResult) => boolean;
}

/**
 * What an open gate still needs, read from the items as score.ts judges them: every critical item
 * done, no error findings, and for score gates a share of the applicable items done.
 */
export function gateNeeds(category: CategoryResult): GateNeeds | undefined {
  const gate = category.gate;
  if (!gate || gate.passed || gate.notApplicable) return undefined;
  const applicable = category.items.filter((item) => item.status !== 'not-applicable');
  const blocking = new Set(applicable.filter((item) => (item.critical && !isDone(item)) || hasErrors(item)).map((item) => item.id));
  const done = applicable.filter(isDone).length;
  const needed = gate.threshold === undefined ? 0 : Math.max(0, Math.ceil((gate.threshold * applicable.length) / 100 - 1e-9) - done);
  const distance = Math.max(needed, blocking.size);
  return { distance, needs: (item) => blocking.has(item.id) || (needed > 0 && !isDone(item) && item.status !== 'not-applicable') };
}

/** Points the weighted score gains when one more item of `category` is done. */
function scoreGain(category: CategoryResult, weights: number): number {
  if (category.weight <= 0 || weights <= 0 || category.counts.applicable <= 0) return 0;
  return Math.round(((category.weight / weights) * 100 * 10) / category.counts.applicable) / 10;
}

const SEVERITY_RANKS = new Map<Severity, number>(SEVERITY_ORDER.map((severity, rank) => [severity, rank]));
const severityRank = (severity: Severity) => SEVERITY_RANKS.get(severity) ?? -1;

/** The finding to act on: the most severe, one with a quick fix before one without, then the first in the file order. */
export function actionFinding(findings: readonly ChecklistFinding[]): ChecklistFinding | undefined {
  let best: ChecklistFinding | undefined;
  for (const finding of findings) {
    if (!best) best = finding;
    else {
      const bySeverity = severityRank(finding.severity) - severityRank(best.severity);
      if (bySeverity < 0 || (bySeverity === 0 && finding.fix && !best.fix)) best = finding;
    }
  }
  return best;
}

export function rankFixFirst(report: ChecklistReport): FixFirstEntry[] {
  const weights = report.categories.filter((category) => category.weight > 0 && category.applicable !== false).reduce((sum, category) => sum + category.weight, 0);
  const entries: { entry: FixFirstEntry; order: number }[] = [];
  let order = 0;
  for (const category of report.categories) {
    const needs = gateNeeds(category);
    const gain = scoreGain(category, weights);
    for (const item of category.items) {
      order++;
      if (!isOpen(item)) continue;
      const failing = item.status !== 'not-verified';
      const reason: FixFirstReason = item.critical && failing ? 'critical' : needs?.needs(item) ? 'gate' : 'score';
      const stats = statsOf(item);
      const finding = failing ? stats.action : undefined;
      entries.push({
        order,
        entry: {
          itemId: item.id,
          category: item.category,
          title: item.title,
          status: item.status,
          critical: item.critical,
          reason,
          findings: item.findings.length,
          errors: stats.errors,
          files: stats.files,
          ...(needs ? { gateDistance: needs.distance } : {}),
          scoreGain: gain,
          action: finding ? (finding.fix ? 'fix' : 'open') : 'attest',
          ...(finding ? { finding } : {}),
        },
      });
    }
  }
  return entries
    .sort(
      (a, b) =>
        REASON_RANK[a.entry.reason] - REASON_RANK[b.entry.reason] ||
        (a.entry.reason === 'gate' ? Number(a.entry.status === 'not-verified') - Number(b.entry.status === 'not-verified') : 0) ||
        (a.entry.reason === 'gate' ? (a.entry.gateDistance ?? 0) - (b.entry.gateDistance ?? 0) : 0) ||
        Number(b.entry.critical) - Number(a.entry.critical) ||
        b.entry.scoreGain - a.entry.scoreGain ||
        Number(b.entry.status !== 'not-verified') - Number(a.entry.status !== 'not-verified') ||
        b.entry.errors - a.entry.errors ||
        b.entry.findings - a.entry.findings ||
        a.order - b.order,
    )
    .map(({ entry }) => entry);
}
