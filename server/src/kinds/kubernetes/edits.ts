import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../../engine/text';
import type { Span, TextEdit } from '../../engine/types';
import { columnOf, type YamlStyle } from './model';

/**
 * The column where a map entry starts: its key's, or that of an anchor or tag written before the key
 * (`&base image: x`), which the key's range leaves out. New keys go at this column.
 */
function entryColumn(text: string, keyStart: number): number {
  const column = columnOf(text, keyStart);
  const properties = /(?:[&!][^\s]*[ \t]+)+$/.exec(text.slice(keyStart - column, keyStart));
  return properties ? column - properties[0].length : column;
}
import { contentSpan, scalarString } from './nodes';

/** YAML to insert: strings are written as given (callers quote them), objects become block maps. */
export type YValue = string | number | boolean | YObject | YValue[];
export interface YObject {
  [key: string]: YValue;
}

/** What an editor needs of a YAML model: its text, its layout and the spans aliases reuse (Kubernetes and Compose models both are one). */
export interface YamlSource {
  text: string;
  style: YamlStyle;
  sharedSpans: Span[];
}

/**
 * Where new keys go in a map, so a fix lands where a person would write it (and near the finding):
 * after the last of `after` present in the map, or at the top of the map when none is. Without a
 * placement, new keys are appended at the end of the map.
 */
export interface Placement {
  after: readonly string[];
}

/**
 * Computes text insertions that add keys to block maps, following the file's indentation, sequence
 * style and line breaks. Every method answers null when it cannot edit safely (a flow map, an alias,
 * a node that anchors reuse), and the rule then offers no fix.
 */
export class YamlEditor {
  constructor(
    private readonly model: YamlSource,
    private readonly lines: LineIndex,
  ) {}

  /**
   * Adds the missing parts of `entries` to `map`, descending into existing block maps and replacing
   * differing scalars; keys new to `map` itself go where `placement` says.
   */
  merge(map: YAMLMap, entries: YObject, placement?: Placement): TextEdit[] | null {
    const edits = this.mergeInto(map, entries, placement);
    if (!edits) return null;
    return edits.some((edit) => this.isShared(edit.start)) ? null : edits;
  }

  /** Replaces a `key: value` pair with `key:` followed by a block rendering of `value`. */
  replacePair(pair: Pair, key: string, value: YObject): TextEdit | null {
    const keyNode = pair.key as Scalar;
    const valueNode = pair.value as Node | null;
    if (!keyNode?.range || !valueNode?.range || this.isShared(keyNode.range[0])) return null;
    const column = entryColumn(this.model.text, keyNode.range[0]);
    const eol = this.lines.eol;
    const body = this.render(value, column + this.model.style.indentUnit).join(eol);
    // A block scalar's range takes in the line break after it, which the replacement must keep.
    const end = contentSpan(this.model.text, valueNode)?.end ?? valueNode.range[1];
    return { start: keyNode.range[0], end, newText: `${key}:${eol}${body}` };
  }

  /** The block rendering of `entries` at a column, as lines without line breaks. */
  render(entries: YObject, column: number): string[] {
    const pad = ' '.repeat(column);
    const lines: string[] = [];
    for (const [key, value] of Object.entries(entries)) {
      if (Array.isArray(value)) {
        lines.push(`${pad}${key}:`);
        lines.push(...this.renderItems(value, column + (this.model.style.indentedSequences ? this.model.style.indentUnit : 0)));
      } else if (typeof value === 'object') {
        lines.push(`${pad}${key}:`);
        lines.push(...this.render(value, column + this.model.style.indentUnit));
      } else lines.push(`${pad}${key}: ${value}`);
    }
    return lines;
  }

  private renderItems(items: YValue[], column: number): string[] {
    const pad = ' '.repeat(column);
    const lines: string[] = [];
    for (const item of items) {
      if (typeof item === 'object' && !Array.isArray(item)) {
        const inner = this.render(item, column + 2);
        inner[0] = `${pad}- ${inner[0].slice(column + 2)}`;
        lines.push(...inner);
      } else lines.push(`${pad}- ${String(item)}`);
    }
    return lines;
  }

  private isShared(offset: number): boolean {
    return this.model.sharedSpans.some((span: Span) => offset >= span.start && offset < span.end);
  }

  private mergeInto(map: YAMLMap, entries: YObject, placement?: Placement): TextEdit[] | null {
    if (map.flow || !map.range) return null;
    const edits: TextEdit[] = [];
    const missing: YObject = {};
    for (const [key, want] of Object.entries(entries)) {
      const pair = map.items.find((item) => scalarString(item.key) === key);
      if (!pair) {
        missing[key] = want;
        continue;
      }
      const edit = this.mergeValue(pair, want);
      if (!edit) return null;
      edits.push(...edit);
    }
    if (Object.keys(missing).length > 0) {
      const insert = placement ? this.insertIntoMap(map, missing, placement) : this.appendToMap(map, missing);
      if (!insert) return null;
      edits.push(insert);
    }
    return edits;
  }

  /** Inserts `entries` after the last pair whose key is in `placement.after`, or at the top of the map. */
  private insertIntoMap(map: YAMLMap, entries: YObject, placement: Placement): TextEdit | null {
    const firstKey = map.items[0]?.key as Scalar | undefined;
    if (!firstKey?.range) return null;
    const column = entryColumn(this.model.text, firstKey.range[0]);
    const eol = this.lines.eol;
    const body = this.render(entries, column);
    let anchor: Pair | undefined;
    for (const pair of map.items) if (placement.after.includes(scalarString(pair.key) ?? '')) anchor = pair;
    const firstLine = this.lines.positionAt(firstKey.range[0]).line;
    // A map that starts after `- ` (a list item) cannot take a line above its first key: go below it.
    const ownsLine = this.model.text.slice(this.lines.lineStart(firstLine), firstKey.range[0]).trim() === '';
    if (!anchor && ownsLine) {
      const at = this.lines.lineStart(firstLine);
      return { start: at, end: at, newText: body.join(eol) + eol };
    }
    const after = anchor ?? map.items[0];
    const lastNode = ((after.value as Node | null)?.range ? after.value : after.key) as Node;
    const end = lastNode.range![1];
    const line = this.lines.positionAt(Math.max((after.key as Scalar).range![0], end - 1)).line;
    const at = this.lines.lineEnd(line);
    return { start: at, end: at, newText: eol + body.join(eol) };
  }

  private mergeValue(pair: Pair, want: YValue): TextEdit[] | null {
    const value = pair.value as Node | null;
    const keyNode = pair.key as Scalar;
    if (isAlias(value) || !keyNode?.range) return null;
    const isObject = typeof want === 'object' && !Array.isArray(want);
    if (!value || (isScalar(value) && (value.value === null || value.value === undefined))) {
      const colon = this.model.text.indexOf(':', keyNode.range[1]);
      if (colon < 0) return null;
      if (typeof want !== 'object') {
        const end = value?.range ? value.range[1] : colon + 1;
        // `key: # note`: a comment right after the value would join it (`true#` is a string).
        const gap = this.model.text[end] === '#' ? ' ' : '';
        return [{ start: colon + 1, end, newText: ` ${String(want)}${gap}` }];
      }
      const keyLine = this.lines.positionAt(keyNode.range[0]).line;
      const column = entryColumn(this.model.text, keyNode.range[0]);
      const body = Array.isArray(want)
        ? this.renderItems(want, column + (this.model.style.indentedSequences ? this.model.style.indentUnit : 0))
        : this.render(want, column + this.model.style.indentUnit);
      const eol = this.lines.eol;
      return [{ start: this.lines.lineEnd(keyLine), end: this.lines.lineEnd(keyLine), newText: eol + body.join(eol) }];
    }
    if (isMap(value) && isObject) return this.mergeInto(value, want as YObject);
    if (isSeq(value) && Array.isArray(want)) return this.appendToSeq(value, want);
    if (isScalar(value) && typeof want !== 'object' && value.range) {
      return scalarString(value) === String(want).replace(/^"(.*)"$/, '$1') ? [] : [{ start: value.range[0], end: value.range[1], newText: String(want) }];
    }
    return null;
  }

  private appendToMap(map: YAMLMap, entries: YObject): TextEdit | null {
    const first = map.items[0];
    const last = map.items[map.items.length - 1];
    const firstKey = first?.key as Scalar | undefined;
    if (!firstKey?.range) return null;
    const lastNode = ((last.value as Node | null)?.range ? last.value : last.key) as Node;
    const end = lastNode.range![1];
    const line = this.lines.positionAt(Math.max(firstKey.range[0], end - 1)).line;
    const at = this.lines.lineEnd(line);
    const eol = this.lines.eol;
    const body = this.render(entries, entryColumn(this.model.text, firstKey.range[0]));
    return { start: at, end: at, newText: eol + body.join(eol) };
  }

  private appendToSeq(seq: YAMLSeq, want: YValue[]): TextEdit[] | null {
    const present = new Set(seq.items.map((item) => scalarString(item)));
    const items = want.filter((item) => typeof item === 'object' || !present.has(String(item)));
    if (items.length === 0) return [];
    if (!seq.range) return null;
    if (seq.flow) {
      const close = seq.range[1] - 1;
      if (this.model.text[close] !== ']' || items.some((item) => typeof item === 'object')) return null;
      const separator = seq.items.length ? ', ' : '';
      return [{ start: close, end: close, newText: separator + items.map(String).join(', ') }];
    }
    const line = this.lines.positionAt(Math.max(seq.range[0], seq.range[1] - 1)).line;
    const at = this.lines.lineEnd(line);
    const eol = this.lines.eol;
    return [{ start: at, end: at, newText: eol + this.renderItems(items, columnOf(this.model.text, seq.range[0])).join(eol) }];
  }
}
