/**
 * Facts that select pods by label (budgets, policies, Services), found from a pod's labels
 * without reading every fact of the namespace. Each fact is filed under one `key=value` pair its
 * selector requires (a selector matches only pods carrying all of its matchLabels, so any one of
 * them will do); a lookup reads the facts filed under the pod's own pairs, plus the few no pair can
 * file (an empty or expressions-only selector, one that cannot be read), and the caller still
 * applies the full selector to them. Candidates come back in the order the facts were added, so
 * "the first match" is the same as in a scan of the whole list.
 */
export class SelectorIndex<T> {
  /** Filed facts by label key, then value (two levels: no key string to build per fact or per question). */
  private readonly byPair = new Map<string, Map<string, { order: number; fact: T }[]>>();
  private readonly unfiled: { order: number; fact: T }[] = [];
  private added = 0;

  /** `required`: label pairs every pod the fact selects carries (its selector's matchLabels), if any. */
  add(fact: T, required: Record<string, string> | undefined): void {
    const entry = { order: this.added++, fact };
    for (const key in required) {
      let byValue = this.byPair.get(key);
      if (!byValue) this.byPair.set(key, (byValue = new Map()));
      const list = byValue.get(required[key]);
      if (list) list.push(entry);
      else byValue.set(required[key], [entry]);
      return;
    }
    this.unfiled.push(entry);
  }

  /** The facts that may select a pod with these labels, in the order they were added. */
  candidates(labels: Record<string, string>): T[] {
    const found = [...this.unfiled];
    for (const key in labels) {
      const list = this.byPair.get(key)?.get(labels[key]);
      if (list) for (const entry of list) found.push(entry);
    }
    if (found.length > 1) found.sort((a, b) => a.order - b.order);
    return found.map((entry) => entry.fact);
  }
}
