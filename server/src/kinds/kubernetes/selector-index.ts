/**
 * Facts that select pods by label (budgets, policies, Services), found from a pod's labels
 * without reading every fact of the namespace. Each fact is filed under one `key=value` pair its
 * selector requires (a selector matches only pods carrying all of its matchLabels, so any one of
 * them will do); a lookup reads the facts filed under the pod's own pairs, plus the few no pair can
 * file (an empty or expressions-only selector, one that cannot be read), and the caller still
 * applies the full selector to them.
 *
 * Facts are ranked by the file that declares them and their place in it (see `Ranked`), so a file's
 * facts can be taken out and put back when it changes, and candidates still come back in the order
 * of a scan of the whole workspace: "the first match" does not depend on the order of the edits.
 */
export interface Ranked<T> {
  /** The declaring file's rank: files compare by it, in the order a full build reads them. */
  rank: string;
  /** The fact's place among the ones its file adds. */
  seq: number;
  value: T;
}

function before<T>(a: Ranked<T>, b: Ranked<T>): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.seq - b.seq;
}

/** Values kept in rank order, removable by file. */
export class RankedList<T> {
  private readonly entries: Ranked<T>[] = [];

  add(rank: string, seq: number, value: T): void {
    insert(this.entries, { rank, seq, value });
  }

  /** Removes the values of one file; true when the list is empty afterwards. */
  removeRank(rank: string): boolean {
    removeRank(this.entries, rank);
    return this.entries.length === 0;
  }

  get size(): number {
    return this.entries.length;
  }

  first(): T | undefined {
    return this.entries[0]?.value;
  }

  last(): T | undefined {
    return this.entries[this.entries.length - 1]?.value;
  }

  find(matches: (value: T) => boolean): T | undefined {
    for (const entry of this.entries) if (matches(entry.value)) return entry.value;
    return undefined;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const entry of this.entries) yield entry.value;
  }
}

export class SelectorIndex<T> {
  /** Filed facts by label key, then value (two levels: no key string to build per fact or per question). */
  private readonly byPair = new Map<string, Map<string, Ranked<T>[]>>();
  private readonly unfiled: Ranked<T>[] = [];

  /** `required`: label pairs every pod the fact selects carries (its selector's matchLabels), if any. */
  add(fact: T, required: Record<string, string> | undefined, rank: string, seq: number): void {
    const entry = { rank, seq, value: fact };
    const pair = firstPair(required);
    if (!pair) {
      insert(this.unfiled, entry);
      return;
    }
    let byValue = this.byPair.get(pair[0]);
    if (!byValue) this.byPair.set(pair[0], (byValue = new Map()));
    const list = byValue.get(pair[1]);
    if (list) insert(list, entry);
    else byValue.set(pair[1], [entry]);
  }

  /** Removes the facts one file filed with these required pairs (as given to `add`). */
  remove(required: Record<string, string> | undefined, rank: string): void {
    const pair = firstPair(required);
    if (!pair) {
      removeRank(this.unfiled, rank);
      return;
    }
    const byValue = this.byPair.get(pair[0]);
    const list = byValue?.get(pair[1]);
    if (!byValue || !list) return;
    removeRank(list, rank);
    if (list.length === 0) byValue.delete(pair[1]);
    if (byValue.size === 0) this.byPair.delete(pair[0]);
  }

  /** The facts that may select a pod with these labels, in rank order. */
  candidates(labels: Record<string, string>): T[] {
    let found: Ranked<T>[] = this.unfiled;
    let merged = false;
    for (const key in labels) {
      const list = this.byPair.get(key)?.get(labels[key]);
      if (!list) continue;
      if (found.length === 0) found = list;
      else {
        found = found.concat(list);
        merged = true;
      }
    }
    // Each list is in rank order already; only a mix of lists needs sorting.
    if (merged) found.sort(before);
    return found.map((entry) => entry.value);
  }
}

function firstPair(required: Record<string, string> | undefined): [string, string] | undefined {
  for (const key in required) return [key, required[key]];
  return undefined;
}

/** Inserts in rank order; a full build adds in rank order, so this is usually an append. */
function insert<T>(list: Ranked<T>[], entry: Ranked<T>): void {
  if (list.length === 0 || before(list[list.length - 1], entry) <= 0) {
    list.push(entry);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(list[middle], entry) <= 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, entry);
}

function removeRank<T>(list: Ranked<T>[], rank: string): void {
  let kept = 0;
  for (const entry of list) if (entry.rank !== rank) list[kept++] = entry;
  list.length = kept;
}
