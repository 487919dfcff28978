/**
 * The checklist as the panel fetches it (`readiness/checklistCompact`): the report with every
 * item's findings as rows of numbers into a table of the item's strings. A workspace of 5,000
 * manifests has tens of thousands of findings that repeat the same rule ids, messages, files and
 * file URIs; as objects they made a 25 MB message that took the server 150 ms to write, on the
 * thread that publishes diagnostics, and the client longer to read. As rows it is a quarter of
 * that, and an item the server kept since the last report keeps its rows. The client expands it
 * into the very report `readiness/checklist` answers (a test holds the two equal).
 *
 * After the first fetch the panel asks for what changed since the revision it holds
 * (`readiness/checklistDelta`): the items the server kept are sent as their ids, and each finding
 * list of an item scored again as one splice of the list the panel holds. An edit changes one
 * file's findings, which are one run of each list (lists are in file order), so a keystroke that
 * adds a finding at 5,000 manifests sends tens of kilobytes instead of the 6.5 MB report.
 */
import type { Range, Severity } from '../engine/types';
import { CHECKLIST_COMPACT_REQUEST, CHECKLIST_DELTA_REQUEST, type CategoryResult, type ChecklistDeltaParams, type ChecklistFinding, type ChecklistItemResult, type ChecklistReport, type TargetId } from './types';

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
  report: Omit<ChecklistReport, 'categories'> & { categories: (Omit<CategoryResult, 'items'> & { items: CompactItem[] })[] };
  /** The server's name for this report, to ask `readiness/checklistDelta` what changed since; absent from servers that keep no revisions. */
  revision?: string;
}

/** One finding list changed: `deleteCount` findings from `start` of the list the client holds are replaced by `rows`. */
export interface ListSplice {
  start: number;
  deleteCount: number;
  rows: number[];
}

/** An item scored again since the base revision: its fields, and each finding list it has as a splice of the base's (rows into its `strings`). */
export type DeltaItem = Omit<CompactItem, 'rows'> & { splices: Partial<Record<FindingLists, ListSplice>> };

/** What changed from the report of revision `since` to that of `revision` (`readiness/checklistDelta`). */
export interface ChecklistDelta {
  revision: string;
  since: string;
  /** The report; in its categories an item the base holds unchanged is its id, any other a DeltaItem. */
  report: Omit<ChecklistReport, 'categories'> & { categories: (Omit<CategoryResult, 'items'> & { items: (string | DeltaItem)[] })[] };
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
  const { findings, testDataFindings, decisions, ...rest } = item;
  const { rows, strings, uriBase } = encodeLists({ findings, testDataFindings, decisions });
  const compact: CompactItem = { ...rest, rows, strings, ...(uriBase !== undefined ? { uriBase } : {}) };
  compacted.set(item, compact);
  return compact;
}

/** Finding lists as rows into one table of strings, URIs that are a common base and the file by reference to it. */
function encodeLists(lists: Partial<Record<FindingLists, readonly ChecklistFinding[]>>): { rows: Partial<Record<FindingLists, number[]>>; strings: string[]; uriBase?: string } {
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
  const present = LISTS.filter((list) => lists[list] !== undefined);
  const sample = present.flatMap((list) => lists[list]!).find((finding) => finding.uri?.endsWith(`/${finding.file}`));
  const uriBase = sample ? sample.uri!.slice(0, sample.uri!.length - sample.file.length - 1) : undefined;
  const rowsOf = (list: readonly ChecklistFinding[]) => {
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
  const rows: Partial<Record<FindingLists, number[]>> = {};
  for (const list of present) rows[list] = rowsOf(lists[list]!);
  return { rows, strings, ...(uriBase !== undefined ? { uriBase } : {}) };
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
  const lists: Partial<Record<FindingLists, ChecklistFinding[]>> = {};
  for (const list of LISTS) if (rows[list]) lists[list] = decodeRows(rows[list]!, strings, uriBase);
  return withLists(item, lists);
}

/** The item with its finding lists where the report has them: after the status, findings, test data, decisions. */
function withLists(item: object, lists: Partial<Record<FindingLists, ChecklistFinding[]>>): ChecklistItemResult {
  const expanded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    expanded[key] = value;
    if (key === 'status') for (const list of LISTS) if (lists[list]) expanded[list] = lists[list];
  }
  return expanded as unknown as ChecklistItemResult;
}

function decodeRows(list: readonly number[], strings: readonly string[], uriBase: string | undefined): ChecklistFinding[] {
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
}

// Deltas ------------------------------------------------------------------------------------------

/**
 * What changed from `base` to `report`: an item result the server kept is sent as its id; any
 * other item with its fields and, per finding list, the one run that differs from the base's (the
 * longest common head and tail are kept).
 */
export function checklistDelta(base: ChecklistReport, report: ChecklistReport, since: string, revision: string): ChecklistDelta {
  const held = new Map(base.categories.flatMap((category) => category.items.map((item) => [item.id, item] as const)));
  return {
    revision,
    since,
    report: { ...report, categories: report.categories.map((category) => ({ ...category, items: category.items.map((item) => (held.get(item.id) === item ? item.id : deltaItem(held.get(item.id), item))) })) },
  };
}

function deltaItem(before: ChecklistItemResult | undefined, item: ChecklistItemResult): DeltaItem {
  const { findings, testDataFindings, decisions, ...rest } = item;
  const now: Partial<Record<FindingLists, readonly ChecklistFinding[]>> = { findings, testDataFindings, decisions };
  const runs: Partial<Record<FindingLists, ChecklistFinding[]>> = {};
  const places: Partial<Record<FindingLists, { start: number; deleteCount: number }>> = {};
  for (const list of LISTS) {
    const after = now[list];
    if (!after) continue;
    const was = before?.[list] ?? [];
    const shortest = Math.min(was.length, after.length);
    let start = 0;
    while (start < shortest && sameFinding(was[start], after[start])) start++;
    let tail = 0;
    while (tail < shortest - start && sameFinding(was[was.length - 1 - tail], after[after.length - 1 - tail])) tail++;
    places[list] = { start, deleteCount: was.length - start - tail };
    runs[list] = after.slice(start, after.length - tail);
  }
  const { rows, strings, uriBase } = encodeLists(runs);
  const splices: Partial<Record<FindingLists, ListSplice>> = {};
  for (const list of LISTS) if (places[list]) splices[list] = { ...places[list]!, rows: rows[list]! };
  return { ...rest, splices, strings, ...(uriBase !== undefined ? { uriBase } : {}) };
}

/** Findings the panel shows alike: every field the compact form carries. */
function sameFinding(a: ChecklistFinding, b: ChecklistFinding): boolean {
  if (a === b) return true;
  const [x, y] = [a.range, b.range];
  return (
    a.ruleId === b.ruleId &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.file === b.file &&
    a.uri === b.uri &&
    a.target === b.target &&
    a.fix?.title === b.fix?.title &&
    x.start.line === y.start.line &&
    x.start.character === y.start.character &&
    x.end.line === y.end.line &&
    x.end.character === y.end.character
  );
}

/** The report a delta leads to from the report of its base revision; throws when `held` lacks an item the delta keeps. */
export function applyDelta(held: ChecklistReport, { report }: ChecklistDelta): ChecklistReport {
  const items = new Map(held.categories.flatMap((category) => category.items.map((item) => [item.id, item] as const)));
  const kept = (id: string) => {
    const item = items.get(id);
    if (!item) throw new Error(`The checklist delta keeps item ${id}, which the panel does not hold.`);
    return item;
  };
  return { ...report, categories: report.categories.map((category) => ({ ...category, items: category.items.map((item) => (typeof item === 'string' ? kept(item) : patchItem(items.get(item.id), item))) })) };
}

function patchItem(before: ChecklistItemResult | undefined, { splices, strings, uriBase, ...item }: DeltaItem): ChecklistItemResult {
  const lists: Partial<Record<FindingLists, ChecklistFinding[]>> = {};
  for (const list of LISTS) {
    const splice = splices[list];
    if (!splice) continue;
    const was = before?.[list] ?? [];
    if (splice.start + splice.deleteCount > was.length) throw new Error(`The checklist delta replaces findings of item ${item.id} that the panel does not hold.`);
    lists[list] = [...was.slice(0, splice.start), ...decodeRows(splice.rows, strings, uriBase), ...was.slice(splice.start + splice.deleteCount)];
  }
  return withLists(item, lists);
}

/**
 * The client's copy of the server's checklist, kept up to date as the panel does it: the whole
 * report once, then what changed since the revision it holds; the whole report again when the
 * server no longer has that revision (or does not answer deltas, or the delta does not fit).
 */
export class ChecklistReplica {
  private held: { revision: string; report: ChecklistReport } | undefined;

  /** @param request sends a request, without params when `params` is undefined */
  constructor(private readonly request: (method: string, params?: object) => Promise<unknown>) {}

  get report(): ChecklistReport | undefined {
    return this.held?.report;
  }

  async fetch(): Promise<ChecklistReport> {
    const held = this.held;
    if (held) {
      let answer: ChecklistDelta | CompactChecklist | undefined;
      try {
        answer = (await this.request(CHECKLIST_DELTA_REQUEST, { since: held.revision } satisfies ChecklistDeltaParams)) as ChecklistDelta | CompactChecklist;
      } catch {
        // A server without deltas: the whole report, below.
      }
      if (answer && 'since' in answer) {
        if (answer.since === held.revision) {
          try {
            return this.hold(answer.revision, applyDelta(held.report, answer));
          } catch {
            // Not the report this copy holds after all: the whole report, below.
          }
        }
      } else if (answer) return this.hold(answer.revision, expandChecklist(answer));
    }
    const compact = (await this.request(CHECKLIST_COMPACT_REQUEST)) as CompactChecklist;
    return this.hold(compact.revision, expandChecklist(compact));
  }

  private hold(revision: string | undefined, report: ChecklistReport): ChecklistReport {
    this.held = revision === undefined ? undefined : { revision, report };
    return report;
  }
}
