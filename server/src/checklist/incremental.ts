/**
 * The checklist kept up to date from what changed. Each analyzed file contributes its findings per
 * item (converted once, with their quick-fix titles) and its inspections per rule; the scorer keeps
 * those contributions and, per item, the files that contribute, in order. A new
 * analysis of a file replaces that file's contribution and marks dirty only the items whose
 * findings or whose rules' inspections in that file changed; only those items are scored again,
 * and only the categories holding them. A keystroke costs in proportion to the edited file and the
 * items it touches, not the workspace. An item's rule proof (what its rules inspected everywhere)
 * is kept as the sum of its files' tallies: a file's new inspections take out its old tally and add
 * its new one, instead of the item reading every inspection again. The evidence (joined across
 * files) and everything read from `.readiness.yml` are recomputed only when they change; then every
 * item is scored again, still from the kept contributions.
 *
 * The result is the report computeChecklist and annotateChecklist give on the same inputs (a test
 * holds the two to it along random edits), with files in path order as the service analyses them.
 */
import type { ReadinessConfig } from '../engine/config';
import { CATEGORIES, type Category, type FileKind, type Finding, type Inspection } from '../engine/types';
import type { Locale } from '../i18n';
import { skippedFiles } from './annotate';
import type { CatalogItem } from './catalog';
import { rankFixFirst } from './fix-first';
import { FileTable, type FileFacts } from './paths';
import { TARGETS } from './targets';
import {
  addTally,
  assembleReport,
  categoryResult,
  checklistFinding,
  compareFileNames,
  comparePositions,
  emptyTally,
  fileTally,
  itemResult,
  proofOfTally,
  scoredCatalog,
  scoringBasis,
  subjectKey,
  type Context,
  type CountedInspection,
  type CountedSubject,
  type ProofTally,
  type RuleProofResult,
  type ScoringBasis,
} from './score';
import type { Subject } from '../engine/types';
import type { CategoryResult, ChecklistFinding, ChecklistItemResult, ChecklistReport, EvidenceHit } from './types';

/** One file's findings and inspections, as the engine gives them. */
export interface FileResults {
  readonly findings: readonly Finding[];
  readonly inspected: readonly Inspection[];
}

export interface ScoringInput {
  /** Each analyzed file's results by absolute path; a file whose results did not change keeps the very object. */
  analyses: ReadonlyMap<string, FileResults>;
  /** Evidence detected per item; the same map object while the evidence is unchanged. */
  evidence: ReadonlyMap<string, EvidenceHit[]>;
  config: ReadinessConfig;
  configPath?: string;
  locale: Locale;
  analyzedKinds: ReadonlySet<FileKind>;
  problems: readonly string[];
  /** Supported files that were skipped, by absolute path, with why. */
  skipped?: ReadonlyMap<string, string>;
  analyzedFiles: number;
  /** Yields to the event loop when a slice of work is used up (the language server); never called between a report's parts that must agree. */
  pause?: () => Promise<void>;
}

/** What one file gives the checklist. */
interface Contribution {
  /** Per item: the file's findings that count, in position order. */
  counted: Map<string, ChecklistFinding[]>;
  testData: Map<string, ChecklistFinding[]>;
  decisions: Map<string, ChecklistFinding[]>;
  /** Per rule: the file's inspections, outside test folders. */
  inspections: Map<string, CountedInspection[]>;
}

/** A file, one object for as long as it is analyzed: the lists it contributes to hold it, whatever its results. */
interface FileEntry {
  readonly path: string;
  readonly facts: FileFacts;
  results: FileResults;
  contribution: Contribution;
  /** Its place among all files in the order findings are listed (see `ranked`). */
  rank: number;
}

/** The files contributing to one list (an item's findings, a rule's inspections), in order, and the list once put together. */
class Contributors<T> {
  private readonly order: FileEntry[] = [];
  private readonly byEntry = new Map<FileEntry, readonly T[]>();
  private joined: T[] | undefined;

  constructor(private readonly compare: (a: FileEntry, b: FileEntry) => number) {}

  set(entry: FileEntry, values: readonly T[] | undefined): void {
    const had = this.byEntry.has(entry);
    if (!values?.length) {
      if (!had) return;
      this.byEntry.delete(entry);
      this.order.splice(this.position(entry), 1);
    } else {
      if (!had) this.order.splice(this.position(entry), 0, entry);
      this.byEntry.set(entry, values);
    }
    this.joined = undefined;
  }

  values(): readonly T[] {
    if (!this.joined) {
      this.joined = [];
      for (const entry of this.order) for (const value of this.byEntry.get(entry)!) this.joined.push(value);
    }
    return this.joined;
  }

  /** Where `entry` is or would go (binary search; entries of one path compare equal). */
  private position(entry: FileEntry): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.order[middle], entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Files as the checklist lists findings: by relative path in the collator's order (paths break ties, as the analysis order did). */
const byFileName = (a: FileEntry, b: FileEntry) => compareFileNames(a.facts.file, b.facts.file) || byPath(a, b);
/** The same order through the files' ranks: a collator comparison costs a microsecond, and a file joins the lists of dozens of items. */
const byRank = (a: FileEntry, b: FileEntry) => a.rank - b.rank;
/** Files as the analysis visits them: by absolute path. */
const byPath = (a: FileEntry, b: FileEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

type Bucket = 'counted' | 'testData' | 'decisions';
const BUCKETS: readonly Bucket[] = ['counted', 'testData', 'decisions'];

export class IncrementalChecklist {
  private readonly files: FileTable;
  private readonly catalog = scoredCatalog();
  private readonly itemsOfRule = new Map<string, string[]>();
  private readonly entries = new Map<string, FileEntry>();
  /** Every file, in the order findings are listed (byFileName); each entry's `rank` is its index. */
  private ranked: FileEntry[] = [];
  private readonly findings: Record<Bucket, Map<string, Contributors<ChecklistFinding>>> = { counted: new Map(), testData: new Map(), decisions: new Map() };
  /**
   * Each item's rule proof as the sum of its files' tallies, kept up to date as files change (an
   * item's proof reads every subject its rules inspected: tens of thousands at 5,000 manifests),
   * with the enabled rules it was summed for; summed again when those change.
   */
  private readonly proofs = new Map<string, { rules: readonly string[]; key: string; about: readonly Subject[]; total: ProofTally }>();
  /** Items whose findings or inspections changed since they were last scored. */
  private readonly dirty = new Set<string>();
  private items = new Map<string, ChecklistItemResult>();
  private categories = new Map<Category, CategoryResult>();
  private basis: { evidence: ReadonlyMap<string, EvidenceHit[]>; config: ReadinessConfig; locale: Locale; configPath?: string; value: ScoringBasis } | undefined;
  private scoredWith: { basis: ScoringBasis; kinds: string } | undefined;
  private report: ChecklistReport | undefined;
  private reportKey: unknown[] = [];

  constructor(readonly root: string) {
    this.files = new FileTable(root);
    for (const item of this.catalog) for (const ruleId of item.rules) this.itemsOfRule.set(ruleId, [...(this.itemsOfRule.get(ruleId) ?? []), item.id]);
  }

  async score(input: ScoringInput): Promise<ChecklistReport> {
    const pause = input.pause ?? (async () => undefined);
    const removed = new Set<FileEntry>();
    for (const [path, entry] of this.entries) {
      if (input.analyses.has(path)) continue;
      this.remove(entry);
      removed.add(entry);
      await pause();
    }
    if (removed.size > 0) this.rank(this.ranked.filter((entry) => !removed.has(entry)));
    const added: FileEntry[] = [];
    for (const path of input.analyses.keys()) {
      if (this.entries.has(path)) continue;
      const entry: FileEntry = { path, facts: this.files.of(path), results: NO_RESULTS, contribution: noContribution(), rank: 0 };
      this.entries.set(path, entry);
      added.push(entry);
    }
    this.place(added);
    for (const [path, results] of input.analyses) {
      if (this.entries.get(path)!.results === results) continue;
      this.update(this.entries.get(path)!, results);
      await pause();
    }

    const before = this.basis;
    const basis = this.basisOf(input);
    const kinds = [...input.analyzedKinds].sort().join();
    let everything = this.scoredWith?.kinds !== kinds;
    if (this.scoredWith && this.scoredWith.basis !== basis) {
      // Only the evidence changed (a workflow, a runbook, what a manifest tells the joins): the items whose hits or targets did.
      if (before && before.config === input.config && before.locale === input.locale && before.configPath === input.configPath) this.evidenceChanged(before.value, basis);
      else everything = true;
    }
    this.scoredWith = { basis, kinds };
    if (everything || this.dirty.size > 0) {
      const context = this.context(basis, input);
      const items = new Map<string, ChecklistItemResult>();
      for (const item of this.catalog) {
        const before = this.items.get(item.id);
        if (before && !everything && !this.dirty.has(item.id)) items.set(item.id, before);
        else {
          items.set(item.id, itemResult(item, context));
          await pause();
        }
      }
      this.dirty.clear();
      this.items = items;
    }

    const categories = CATEGORIES.map((category) => {
      const items = this.catalog.filter((item) => item.category === category).map((item) => this.items.get(item.id)!);
      const before = this.categories.get(category);
      return before && !everything && before.items.every((item, index) => item === items[index]) ? before : categoryResult(category, items, input.config, input.locale);
    });
    this.categories = new Map(categories.map((category) => [category.category, category]));

    const skipped = input.skipped ? [...input.skipped].join('\u0000') : undefined;
    const key = [...categories, basis, input.problems.join('\u0000'), skipped, input.analyzedFiles];
    if (this.report && key.length === this.reportKey.length && key.every((value, index) => value === this.reportKey[index])) return this.report;
    const report: ChecklistReport = { ...assembleReport([...this.items.values()], categories, basis, input.config, input.locale, input.problems), analyzedFiles: input.analyzedFiles };
    report.fixFirst = rankFixFirst(report);
    if (input.skipped) report.skipped = skippedFiles(input.skipped, this.root);
    this.report = report;
    this.reportKey = key;
    return report;
  }

  private evidenceChanged(before: ScoringBasis, after: ScoringBasis): void {
    for (const itemId of new Set([...before.evidence.keys(), ...after.evidence.keys()])) {
      if (JSON.stringify(before.evidence.get(itemId)) !== JSON.stringify(after.evidence.get(itemId))) this.dirty.add(itemId);
    }
    if (JSON.stringify([...before.declared]) === JSON.stringify([...after.declared])) return;
    for (const definition of Object.values(TARGETS)) for (const itemId of definition.items) this.dirty.add(itemId);
  }

  private basisOf(input: ScoringInput): ScoringBasis {
    const kept = this.basis;
    if (kept && kept.evidence === input.evidence && kept.config === input.config && kept.locale === input.locale && kept.configPath === input.configPath) return kept.value;
    const value = scoringBasis(input.evidence, input.config, input.locale, input.configPath, this.files);
    this.basis = { evidence: input.evidence, config: input.config, locale: input.locale, configPath: input.configPath, value };
    return value;
  }

  private context(basis: ScoringBasis, input: ScoringInput): Context {
    const list = (bucket: Bucket) => (itemId: string) => this.findings[bucket].get(itemId)?.values() ?? [];
    return {
      ...basis,
      config: input.config,
      locale: input.locale,
      analyzedKinds: input.analyzedKinds,
      findingsOf: list('counted'),
      testDataOf: list('testData'),
      decisionsOf: list('decisions'),
      ruleProofOf: (itemId, rules, about) => this.ruleProofOf(itemId, rules, about),
    };
  }

  private ruleProofOf(itemId: string, rules: readonly string[], about: readonly Subject[]): RuleProofResult {
    const key = rules.join();
    let kept = this.proofs.get(itemId);
    if (kept?.key !== key) {
      const total = emptyTally();
      for (const entry of this.entries.values()) {
        const part = fileTally(rules, entry.contribution.inspections, about);
        if (part) addTally(total, part, 1);
      }
      this.proofs.set(itemId, (kept = { rules: [...rules], key, about, total }));
    }
    return proofOfTally(kept.total, about);
  }

  /** A file's inspections changed from `before` to `after`: the kept proofs of these items take the difference. */
  private retally(itemIds: Iterable<string>, before: ReadonlyMap<string, readonly CountedInspection[]>, after: ReadonlyMap<string, readonly CountedInspection[]>): void {
    for (const itemId of itemIds) {
      const kept = this.proofs.get(itemId);
      if (!kept) continue;
      const was = fileTally(kept.rules, before, kept.about);
      const now = fileTally(kept.rules, after, kept.about);
      if (was) addTally(kept.total, was, -1);
      if (now) addTally(kept.total, now, 1);
    }
  }

  /** Ranks new files among the others: one by one when they are few, by sorting all when many come at once (the first scoring). */
  private place(added: readonly FileEntry[]): void {
    if (added.length === 0) return;
    if (added.length > 32) {
      this.rank([...this.ranked, ...added].sort(byFileName));
      return;
    }
    for (const entry of added) {
      let low = 0;
      let high = this.ranked.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (byFileName(this.ranked[middle], entry) < 0) low = middle + 1;
        else high = middle;
      }
      this.ranked.splice(low, 0, entry);
      for (let i = low; i < this.ranked.length; i++) this.ranked[i].rank = i;
    }
  }

  private rank(entries: FileEntry[]): void {
    this.ranked = entries;
    entries.forEach((entry, index) => (entry.rank = index));
  }

  private update(entry: FileEntry, results: FileResults): void {
    // Another analysis that found the same (a cross-file scope invalidated, nothing changed here) changes nothing.
    if (sameResults(entry.results, results)) {
      entry.results = results;
      return;
    }
    const contribution = this.contributionOf(entry.facts, results);
    const before = entry.contribution;
    entry.results = results;
    entry.contribution = contribution;
    for (const bucket of BUCKETS) {
      const was = before?.[bucket];
      const now = contribution[bucket];
      for (const itemId of new Set([...(was?.keys() ?? []), ...now.keys()])) {
        const previous = was?.get(itemId);
        if (sameFindings(previous, now.get(itemId))) {
          // The lists already hold these findings: keeping them keeps the lists put together.
          if (previous) now.set(itemId, previous);
          continue;
        }
        this.listOf(this.findings[bucket], itemId, byRank).set(entry, now.get(itemId));
        this.dirty.add(itemId);
      }
    }
    const was = before?.inspections;
    const now = contribution.inspections;
    const numbersWas = subjectNumbers(before);
    const numbersNow = subjectNumbers(contribution);
    const changed = [...new Set([...(was?.keys() ?? []), ...now.keys()])].filter((ruleId) => !sameInspections(was?.get(ruleId), now.get(ruleId), numbersWas, numbersNow));
    if (changed.length === 0 && was) {
      // Rules share a file's subjects: its lists are kept or replaced together.
      contribution.inspections = was;
      return;
    }
    const items = new Set(changed.flatMap((ruleId) => this.itemsOfRule.get(ruleId) ?? []));
    for (const itemId of items) this.dirty.add(itemId);
    this.retally(items, was ?? new Map(), now);
  }

  private remove(entry: FileEntry): void {
    this.entries.delete(entry.path);
    for (const bucket of BUCKETS) {
      for (const itemId of entry.contribution[bucket].keys()) {
        this.findings[bucket].get(itemId)!.set(entry, undefined);
        this.dirty.add(itemId);
      }
    }
    const items = new Set<string>();
    for (const ruleId of entry.contribution.inspections.keys()) for (const itemId of this.itemsOfRule.get(ruleId) ?? []) items.add(itemId);
    for (const itemId of items) this.dirty.add(itemId);
    this.retally(items, entry.contribution.inspections, new Map());
  }

  private listOf<T>(lists: Map<string, Contributors<T>>, key: string, compare: (a: FileEntry, b: FileEntry) => number): Contributors<T> {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = new Contributors<T>(compare)));
    return list;
  }

  /**
   * A file's findings per item as the checklist shows them (those of hint severity and of rules no
   * item lists left out), in position order, each converted once (items sharing a rule share it),
   * with the title of the quick fix a finding at the same place offers; and its inspections per rule.
   */
  private contributionOf(facts: FileFacts, results: FileResults): Contribution {
    const contribution: Contribution = { counted: new Map(), testData: new Map(), decisions: new Map(), inspections: new Map() };
    let fixes: Map<string, string> | undefined;
    for (const finding of results.findings) if (finding.fix) (fixes ??= new Map()).set(placeKey(finding.ruleId, finding.range), finding.fix.title);
    const shown = results.findings.filter((finding) => finding.severity !== 'hint' && this.itemsOfRule.has(finding.ruleId)).sort((a, b) => comparePositions(a.range, b.range));
    for (const finding of shown) {
      const bucket: Bucket = facts.testData ? 'testData' : finding.atMost ? 'decisions' : 'counted';
      const title = bucket === 'counted' ? fixes?.get(placeKey(finding.ruleId, finding.range)) : undefined;
      const converted = checklistFinding(finding, facts, title);
      for (const itemId of this.itemsOfRule.get(finding.ruleId)!) push(contribution[bucket], itemId, converted);
    }
    if (facts.test) return contribution;
    const subjects = new Map<number, CountedSubject>();
    for (const inspection of results.inspected) {
      const key = subjectKey(inspection);
      let record = subjects.get(key);
      if (!record) subjects.set(key, (record = { subject: inspection.subject, file: facts, judgedPass: 0, unknownPass: 0 }));
      push(contribution.inspections, inspection.ruleId, { record, unknown: inspection.unknown === true });
    }
    return contribution;
  }
}

const NO_RESULTS: FileResults = { findings: [], inspected: [] };

function noContribution(): Contribution {
  return { counted: new Map(), testData: new Map(), decisions: new Map(), inspections: new Map() };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function placeKey(ruleId: string, range: Finding['range']): string {
  return `${ruleId}\u0000${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function sameFindings(a: readonly ChecklistFinding[] | undefined, b: readonly ChecklistFinding[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && a.every((finding, index) => sameShown(finding, b[index]));
}

function sameShown(a: ChecklistFinding, b: ChecklistFinding): boolean {
  return a.ruleId === b.ruleId && a.severity === b.severity && a.message === b.message && a.file === b.file && a.uri === b.uri && a.fix?.title === b.fix?.title && sameRange(a.range, b.range);
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Results the checklist reads alike, offsets included: most files a cross-file change re-analyzes find the very same. */
function sameResults(a: FileResults, b: FileResults): boolean {
  if (a === b) return true;
  if (a.findings.length !== b.findings.length || a.inspected.length !== b.inspected.length) return false;
  for (let i = 0; i < a.findings.length; i++) {
    const [x, y] = [a.findings[i], b.findings[i]];
    if (x.ruleId !== y.ruleId || x.severity !== y.severity || x.message !== y.message || x.atMost !== y.atMost || x.fix?.title !== y.fix?.title || !sameRange(x.range, y.range)) return false;
  }
  for (let i = 0; i < a.inspected.length; i++) {
    const [x, y] = [a.inspected[i], b.inspected[i]];
    if (x.ruleId !== y.ruleId || x.subject !== y.subject || x.span.start !== y.span.start || x.unknown !== y.unknown) return false;
  }
  return true;
}

function sameInspections(a: readonly CountedInspection[] | undefined, b: readonly CountedInspection[] | undefined, numbersA: Map<CountedSubject, number>, numbersB: Map<CountedSubject, number>): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return (
    a.length === b.length &&
    a.every((inspection, index) => inspection.unknown === b[index].unknown && inspection.record.subject === b[index].record.subject && numbersA.get(inspection.record) === numbersB.get(b[index].record))
  );
}

/**
 * The file's subjects numbered in the order its inspections first meet them: two rules' lists that
 * inspect the same subjects alike (within a rule and across rules) give the same numbers, whatever
 * the subjects' offsets.
 */
function subjectNumbers(contribution: Contribution | undefined): Map<CountedSubject, number> {
  const numbers = new Map<CountedSubject, number>();
  if (!contribution) return numbers;
  for (const list of contribution.inspections.values()) for (const { record } of list) if (!numbers.has(record)) numbers.set(record, numbers.size);
  return numbers;
}
