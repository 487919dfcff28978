import type { Position, Range, Span } from './types';

/** Offset <-> line/character conversion for one text, built once and shared by every rule. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case, searched natively: several times faster than a loop over the characters.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * The line/character of an offset, clamped to the text. An offset between the `\r` and the `\n`
   * of a CRLF is taken back to the end of the line's content: no range or edit may split a line
   * break (editors treat CRLF as one unit, and half of one is a stray `\r`).
   */
  positionAt(offset: number): Position {
    let clamped = Number.isFinite(offset) ? Math.max(0, Math.min(Math.trunc(offset), this.text.length)) : offset > 0 ? this.text.length : 0;
    if (clamped > 0 && this.text.charCodeAt(clamped - 1) === 13 && this.text.charCodeAt(clamped) === 10) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The leading whitespace of the line that contains the offset. */
  indentAt(offset: number): string {
    const line = this.positionAt(offset).line;
    return /^[ \t]*/.exec(this.lineText(line))![0];
  }

  /** The file's own line break, so inserted lines match the rest of the file. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  }
}

const indexCache = new WeakMap<object, LineIndex>();

/** The line index of a model, computed on first use and cached with the model. */
export function lineIndexOf(model: { text: string }): LineIndex {
  let index = indexCache.get(model);
  if (!index) {
    index = new LineIndex(model.text);
    indexCache.set(model, index);
  }
  return index;
}

export function spanOfRange(index: LineIndex, range: Range): Span {
  return { start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}
