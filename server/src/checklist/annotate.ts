/**
 * What the panel and the report need besides the score, added to a computed checklist: the quick
 * fix each finding offers (so "apply the fix" is offered only where there is one), the "Fix first"
 * order, and the supported files that were skipped with the setting that would include them.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../engine/types';
import { rankFixFirst } from './fix-first';
import { relativePath } from './score';
import type { ChecklistFinding, ChecklistReport, SkippedFileResult } from './types';

export interface AnnotateInput {
  /** The engine findings the checklist was computed from (absolute paths). */
  findings: readonly Finding[];
  root: string;
  /** Skipped files by absolute path, with the reason (WorkspaceIndex.skipped). */
  skipped?: ReadonlyMap<string, string>;
}

export function annotateChecklist(report: ChecklistReport, input: AnnotateInput): ChecklistReport {
  const fixes = new Map<string, string>();
  for (const finding of input.findings) if (finding.fix) fixes.set(findingKey(finding.ruleId, relativePath(finding.path, input.root), finding.range), finding.fix.title);
  const withFix = (finding: ChecklistFinding): ChecklistFinding => {
    const title = fixes.get(findingKey(finding.ruleId, finding.file, finding.range));
    return title === undefined ? finding : { ...finding, fix: { title } };
  };
  const annotated: ChecklistReport = {
    ...report,
    categories: report.categories.map((category) => ({ ...category, items: category.items.map((item) => ({ ...item, findings: item.findings.map(withFix) })) })),
  };
  annotated.fixFirst = rankFixFirst(annotated);
  if (input.skipped) annotated.skipped = skippedFiles(input.skipped, input.root);
  return annotated;
}

function findingKey(ruleId: string, file: string, range: ChecklistFinding['range']): string {
  return `${ruleId}\u0000${file}\u0000${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The setting a skip reason names, when changing it would include the file. */
const SETTING_IN_REASON = /\breadiness\.maxFileSizeKb\b/;

export function skippedFiles(skipped: ReadonlyMap<string, string>, root: string): SkippedFileResult[] {
  return [...skipped]
    .map(([path, reason]) => ({
      file: relativePath(path, root),
      ...(isAbsolute(path) ? { uri: pathToFileURL(path).href } : {}),
      reason,
      ...(SETTING_IN_REASON.test(reason) ? { setting: 'readiness.maxFileSizeKb' } : {}),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}
