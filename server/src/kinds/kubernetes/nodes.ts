import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../../engine/types';

/**
 * Read access to parsed YAML nodes, with anchors resolved and `<<` merge keys honoured.
 * One instance per document, because an alias refers to the last anchor before it in its own document.
 */
export class NodeReader {
  /** Anchored node starts by anchor name, in document order. */
  private readonly anchors = new Map<string, { start: number; node: Node }[]>();
  /** Spans of anchored nodes that some alias reuses: an edit inside one would change every use. */
  readonly sharedSpans: Span[] = [];

  constructor(root: Node | null | undefined) {
    const aliased = new Set<string>();
    // An explicit stack, not recursion: a hostile file may nest thousands of levels.
    const stack: unknown[] = root ? [root] : [];
    while (stack.length) {
      const current = stack.pop();
      if (isPair(current)) {
        if (current.value) stack.push(current.value);
        if (current.key) stack.push(current.key);
        continue;
      }
      if (isAlias(current)) {
        aliased.add(current.source);
        continue;
      }
      if (!isScalar(current) && !isMap(current) && !isSeq(current)) continue;
      const anchor = current.anchor;
      if (anchor && current.range) {
        const list = this.anchors.get(anchor) ?? [];
        list.push({ start: current.range[0], node: current });
        this.anchors.set(anchor, list);
      }
      if (isMap(current) || isSeq(current)) {
        for (let i = current.items.length - 1; i >= 0; i--) stack.push(current.items[i]);
      }
    }
    for (const name of aliased) {
      for (const { node } of this.anchors.get(name) ?? []) if (node.range) this.sharedSpans.push({ start: node.range[0], end: node.range[2] });
    }
  }

  /** The node an alias points to (one level: an anchor cannot hold an alias to itself). */
  resolve(node: unknown): Node | undefined {
    if (!isAlias(node)) return (node ?? undefined) as Node | undefined;
    const start = node.range?.[0] ?? Number.POSITIVE_INFINITY;
    const candidates = this.anchors.get(node.source) ?? [];
    let found: Node | undefined;
    for (const candidate of candidates) if (candidate.start < start) found = candidate.node;
    return found;
  }

  map(node: unknown): YAMLMap | undefined {
    const resolved = this.resolve(node);
    return isMap(resolved) ? resolved : undefined;
  }

  seq(node: unknown): YAMLSeq | undefined {
    const resolved = this.resolve(node);
    return isSeq(resolved) ? resolved : undefined;
  }

  /** The pair for `key` in the map, looking into `<<` merges after the map's own keys. */
  pair(map: YAMLMap | undefined, key: string, depth = 0): Pair | undefined {
    if (!map || depth > 8) return undefined;
    const own = map.items.find((item) => scalarString(item.key) === key);
    if (own) return own;
    for (const item of map.items) {
      if (!isMergeKey(item.key)) continue;
      const merged = this.resolve(item.value);
      const sources = isSeq(merged) ? merged.items.map((entry) => this.resolve(entry)) : [merged];
      for (const source of sources) {
        const found = isMap(source) ? this.pair(source, key, depth + 1) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  get(map: YAMLMap | undefined, key: string): Node | undefined {
    return this.resolve(this.pair(map, key)?.value);
  }

  getMap(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
    return this.map(this.pair(map, key)?.value);
  }

  getSeq(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
    return this.seq(this.pair(map, key)?.value);
  }

  getString(map: YAMLMap | undefined, key: string): string | undefined {
    return scalarString(this.get(map, key));
  }

  /** The resolved items of a sequence. */
  items(seq: YAMLSeq | undefined): Node[] {
    if (!seq) return [];
    const result: Node[] = [];
    for (const item of seq.items) {
      const resolved = this.resolve(item);
      if (resolved) result.push(resolved);
    }
    return result;
  }

  /** A map of string keys to scalar strings (labels, annotations, matchLabels). */
  stringMap(map: YAMLMap | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    if (!map) return result;
    for (const item of map.items) {
      const key = scalarString(item.key);
      const value = scalarString(this.resolve(item.value));
      if (key !== undefined && value !== undefined) result[key] = value;
    }
    return result;
  }
}

/** A `<<` key; with merge keys enabled yaml gives it a symbol value and keeps `<<` as its source. */
function isMergeKey(node: unknown): boolean {
  return isScalar(node) && (node.value === '<<' || (typeof node.value === 'symbol' && (node as Scalar).source === '<<'));
}

/** The scalar's value as a string (numbers and booleans too), undefined for collections and null. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (value === null || value === undefined) return undefined;
  return typeof value === 'object' || typeof value === 'symbol' ? undefined : String(value);
}

/**
 * The value's own span, without trailing comments, and for a block collection without the line
 * break the parser counts in it (so a finding on a list ends where its last item does).
 */
export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  let last: unknown = node;
  for (let depth = 0; depth < 64 && (isMap(last) || isSeq(last)) && !last.flow && last.items.length; depth++) {
    const item: unknown = last.items[last.items.length - 1];
    last = isPair(item) ? (item.value ?? item.key) : item;
  }
  const end = (last as { range?: [number, number, number] } | null)?.range?.[1];
  return { start: range[0], end: last !== node && end !== undefined && end >= range[0] && !isCollection(last) ? end : range[1] };
}

function isCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

/**
 * Whether a value is filled in by whoever applies the file, not written in it: a shell or envsubst
 * variable (`$VAR`, `${VAR}`), a Kubernetes `$(VAR)` reference, a Helm or Go template (`{{ .Values.x }}`)
 * or a placeholder (`<YOUR-NAMESPACE>`). What it will be is unknown.
 */
export function isUnresolved(value: string | undefined): boolean {
  return value !== undefined && /\$\{|\$\(|\{\{|^\s*<[^>]*>\s*$|^\s*\$[A-Za-z_]/.test(value);
}

export function isTrue(node: unknown): boolean {
  return isScalar(node) && (node.value === true || node.value === 'true');
}

export function isFalse(node: unknown): boolean {
  return isScalar(node) && (node.value === false || node.value === 'false');
}

/**
 * The span of `part` inside a scalar's source, when the source spells the value literally
 * (plain, or quoted without escapes); otherwise the whole scalar.
 */
export function subSpan(text: string, scalar: Scalar, index: number, length: number): Span {
  const whole = spanOf(scalar)!;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  const start = whole.start + (quoted ? 1 : 0);
  const value = String(scalar.value);
  if (text.slice(start, start + value.length) !== value) return whole;
  return { start: start + index, end: start + index + length };
}

/** The node's span without the line breaks and blanks a block scalar (`|`, `>`) keeps at its end. */
export function contentSpan(text: string, node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  const span = spanOf(node);
  if (!span) return undefined;
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

/**
 * The text handed to the `yaml` parser: a lone CR is a line break in YAML 1.2 (and for Go's YAML
 * libraries that kubectl and Compose use), but `yaml` reads it as part of a scalar. Replacing it by a
 * LF keeps every offset and makes both agree on where lines end.
 */
export function yamlParserText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
