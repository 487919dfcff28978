/**
 * How the panel and the report order what they list, shared so both read the same: items inside a
 * category, and an item's findings grouped by rule.
 */
import type { Severity } from '../engine/types';
import type { ChecklistFinding, ChecklistItemResult, ItemStatus } from './types';

// ---- Item order ---------------------------------------------------------------------------------------

const STATUS_ORDER: Record<ItemStatus, number> = { failing: 0, contradicted: 0, 'not-verified': 1, attested: 2, satisfied: 2, 'not-applicable': 3 };

/** Inside a category: what is wrong first (critical, then most errors), then what is unknown (critical first), then what is done. */
export function itemOrder(items: readonly ChecklistItemResult[]): ChecklistItemResult[] {
  const errors = (item: ChecklistItemResult) => item.findings.filter((finding) => finding.severity === 'error').length;
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status] ||
        Number(b.item.critical) - Number(a.item.critical) ||
        errors(b.item) - errors(a.item) ||
        b.item.findings.length - a.item.findings.length ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}

// ---- Findings grouped by rule --------------------------------------------------------------------------

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface FileFindings {
  file: string;
  uri?: string;
  findings: ChecklistFinding[];
}

export interface RuleGroup {
  ruleId: string;
  /** The most severe finding's severity. */
  severity: Severity;
  count: number;
  files: FileFindings[];
  /** Findings with a quick fix. */
  fixable: number;
}

/** "k8s/default-namespace · 139 in 31 files": errors, then warnings, then information; more findings first; files and ranges in order. */
export function groupByRule(findings: readonly ChecklistFinding[]): RuleGroup[] {
  const groups = new Map<string, ChecklistFinding[]>();
  for (const finding of findings) {
    const list = groups.get(finding.ruleId);
    if (list) list.push(finding);
    else groups.set(finding.ruleId, [finding]);
  }
  const rank = (severity: Severity) => SEVERITY_ORDER.indexOf(severity);
  return [...groups]
    .map(([ruleId, list]): RuleGroup => {
      const byFile = new Map<string, FileFindings>();
      for (const finding of list) {
        let entry = byFile.get(finding.file);
        if (!entry) byFile.set(finding.file, (entry = { file: finding.file, ...(finding.uri ? { uri: finding.uri } : {}), findings: [] }));
        entry.findings.push(finding);
      }
      const files = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
      for (const file of files) file.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return {
        ruleId,
        severity: list.reduce<Severity>((worst, finding) => (rank(finding.severity) < rank(worst) ? finding.severity : worst), 'hint'),
        count: list.length,
        files,
        fixable: list.filter((finding) => finding.fix).length,
      };
    })
    .sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}
