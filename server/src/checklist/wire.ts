/**
 * The checklist as the panel fetches it (`readiness/checklistCompact`): the report with every
 * item's findings as rows of numbers into a table of the item's strings. A workspace of 5,000
 * manifests has tens of thousands of findings that repeat the same rule ids, messages, files and
 * file URIs; as objects they made a 25 MB message that took the server 150 ms to write, on the
 * thread that publishes diagnostics, and the client longer to read. As rows it is a quarter of
 * that, and an item the server kept since the last report keeps its rows. The client expands it
 * into the very report `readiness/checklist` answers (a test holds the two equal).
 */
import type { Range, Severity } from '../engine/types';
import type { ChecklistFinding, ChecklistItemResult, ChecklistReport, TargetId } from './types';

/** Numbers per finding: rule id, severity, message, file, uri, start line, start character, end line, end character, target, fix title (strings by index, -1 for none). */
const ROW = 11;
const NONE = -1;
/** In the uri column: the item's `uriBase`, a slash and the file (how the server builds most URIs). */
const BASE_AND_FILE = -2;

type FindingLists = 'findings' | 'testDataFindings' | 'decisions';
const LISTS: readonly FindingLists[] = ['findings', 'testDataFindings', 'decisions'];

/** An item with its finding lists as rows into its own strings. */
export type CompactItem = Omit<ChecklistItemResult, FindingLists> & { rows: Partial<Record<FindingLists, number[]>>; strings: string[]; uriBase?: string };

export interface CompactChecklist {
  /** The report, each item's finding lists replaced by `rows`. */
  report: Omit<ChecklistReport, 'categories'> & { categories: (Omit<ChecklistReport['categories'][number], 'items'> & { items: CompactItem[] })[] };
}

/** Items keep their compact form while the server keeps them (an edit scores a few items again, not all). */
const compacted = new WeakMap<ChecklistItemResult, CompactItem>();
const compactReports = new WeakMap<ChecklistReport, CompactChecklist>();

/** The compact form of a report, worked out once per report and once per item result. */
export function compactChecklist(report: ChecklistReport): CompactChecklist {
  let compact = compactReports.get(report);
  if (!compact) {
    compact = { report: { ...report, categories: report.categories.map((category) => ({ ...category, items: category.items.map(compactItem) })) } };
    compactReports.set(report, compact);
  }
  return compact;
}

/** Works out the compact form ahead of the request, an item at a time, yielding between items (`pause`): the request then only writes it. */
export async function prepareCompact(report: ChecklistReport, pause: () => Promise<void>): Promise<void> {
  for (const category of report.categories) {
    for (const item of category.items) {
      if (compacted.has(item)) continue;
      compactItem(item);
      await pause();
    }
  }
  compactChecklist(report);
}

function compactItem(item: ChecklistItemResult): CompactItem {
  const kept = compacted.get(item);
  if (kept) return kept;
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  const at = (value: string | undefined) => {
    if (value === undefined) return NONE;
    let index = numbers.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      numbers.set(value, index);
    }
    return index;
  };
  const { findings, testDataFindings, decisions, ...rest } = item;
  const sample = [...findings, ...(testDataFindings ?? []), ...(decisions ?? [])].find((finding) => finding.uri?.endsWith(`/${finding.file}`));
  const uriBase = sample ? sample.uri!.slice(0, sample.uri!.length - sample.file.length - 1) : undefined;
  const rows = (list: readonly ChecklistFinding[]) => {
    const out = new Array<number>(list.length * ROW);
    let i = 0;
    for (const finding of list) {
      const { start, end } = finding.range;
      out[i++] = at(finding.ruleId);
      out[i++] = at(finding.severity);
      out[i++] = at(finding.message);
      out[i++] = at(finding.file);
      out[i++] = uriBase !== undefined && isBaseAndFile(finding, uriBase) ? BASE_AND_FILE : at(finding.uri);
      out[i++] = start.line;
      out[i++] = start.character;
      out[i++] = end.line;
      out[i++] = end.character;
      out[i++] = at(finding.target);
      out[i++] = at(finding.fix?.title);
    }
    return out;
  };
  const lists: Partial<Record<FindingLists, number[]>> = { findings: rows(findings) };
  if (testDataFindings) lists.testDataFindings = rows(testDataFindings);
  if (decisions) lists.decisions = rows(decisions);
  const compact: CompactItem = { ...rest, rows: lists, strings, ...(uriBase !== undefined ? { uriBase } : {}) };
  compacted.set(item, compact);
  return compact;
}

/** Whether the finding's URI is the base, a slash and its file (tested without building the string, for tens of thousands of findings). */
function isBaseAndFile({ uri, file }: ChecklistFinding, base: string): boolean {
  return uri !== undefined && uri.length === base.length + 1 + file.length && uri.startsWith(base) && uri.charCodeAt(base.length) === 47 && uri.endsWith(file);
}

/** The report a compact checklist stands for, key for key. */
export function expandChecklist({ report }: CompactChecklist): ChecklistReport {
  return { ...report, categories: report.categories.map((category) => ({ ...category, items: category.items.map(expandItem) })) };
}

function expandItem({ rows, strings, uriBase, ...item }: CompactItem): ChecklistItemResult {
  const findingsOf = (list: readonly number[]): ChecklistFinding[] => {
    const findings: ChecklistFinding[] = [];
    for (let i = 0; i < list.length; i += ROW) {
      const file = strings[list[i + 3]];
      const uri = list[i + 4];
      const target = list[i + 9];
      const fix = list[i + 10];
      const range: Range = { start: { line: list[i + 5], character: list[i + 6] }, end: { line: list[i + 7], character: list[i + 8] } };
      // Keys in the report's order, set one by one: spreading optional parts costs more than the rest of the expansion.
      const finding = { ruleId: strings[list[i]], severity: strings[list[i + 1]] as Severity, message: strings[list[i + 2]], file } as ChecklistFinding;
      if (uri === BASE_AND_FILE) finding.uri = `${uriBase}/${file}`;
      else if (uri !== NONE) finding.uri = strings[uri];
      finding.range = range;
      if (target !== NONE) finding.target = strings[target] as TargetId;
      if (fix !== NONE) finding.fix = { title: strings[fix] };
      findings.push(finding);
    }
    return findings;
  };
  // The lists go back where the report has them: after the status, findings, test data, decisions.
  const expanded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    expanded[key] = value;
    if (key === 'status') for (const list of LISTS) if (rows[list]) expanded[list] = findingsOf(rows[list]!);
  }
  return expanded as unknown as ChecklistItemResult;
}
