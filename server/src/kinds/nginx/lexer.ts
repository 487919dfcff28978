import type { ParseError, Span } from '../../engine/types';

export type TokenType = 'word' | 'semicolon' | 'open' | 'close' | 'eof';

export interface Token {
  type: TokenType;
  /** The unescaped value of a word (quotes removed); the character itself for punctuation. */
  value: string;
  span: Span;
  quoted: boolean;
  /** A quoted word that reached the end of the file before its closing quote. */
  unterminated?: boolean;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
/** A UTF-8 byte order mark, which editors may keep at the start of a file; nginx never sees it as part of a word. */
const BOM = '\uFEFF';

/**
 * nginx's own unescaping (ngx_conf_read_token): only \" \' \\ \t \r \n are escapes, every other
 * backslash stays, which is why regexes like `\.php$` survive unquoted.
 */
export function unescapeNginx(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (next === '"' || next === "'" || next === '\\') {
        out += next;
        i++;
        continue;
      }
      if (next === 't' || next === 'r' || next === 'n') {
        out += next === 't' ? '\t' : next === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** A tokenizer that follows ngx_conf_read_token, with offsets, and that never stops at an error. */
export class Lexer {
  pos = 0;

  constructor(
    readonly text: string,
    private readonly errors: ParseError[],
  ) {}

  next(): Token {
    const text = this.text;
    // Skipped in place, so every offset stays the offset of the text the editor holds.
    if (this.pos === 0 && text.startsWith(BOM)) this.pos = 1;
    for (;;) {
      while (this.pos < text.length && isSpace(text[this.pos])) this.pos++;
      if (text[this.pos] !== '#') break;
      while (this.pos < text.length && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos++;
    }
    const start = this.pos;
    if (start >= text.length) return { type: 'eof', value: '', span: { start, end: start }, quoted: false };
    const c = text[start];
    if (c === ';' || c === '{' || c === '}') {
      this.pos++;
      return { type: c === ';' ? 'semicolon' : c === '{' ? 'open' : 'close', value: c, span: { start, end: start + 1 }, quoted: false };
    }
    if (c === '"' || c === "'") return this.quoted(c);
    return this.word();
  }

  private quoted(quote: string): Token {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) {
      this.pos = text.length;
      this.errors.push({ span: { start, end: start + 1 }, message: 'unexpected end of file, expecting ";" or "}"' });
      return { type: 'word', value: unescapeNginx(text.slice(start + 1)), span: { start, end: text.length }, quoted: true, unterminated: true };
    }
    this.pos = i + 1;
    const after = text[this.pos];
    // nginx wants a separator right after a closing quote; `)` is allowed for `if ("a" = $b)`.
    if (after !== undefined && !isSpace(after) && after !== ';' && after !== '{' && after !== ')') {
      this.errors.push({ span: { start: this.pos, end: this.pos + 1 }, message: `unexpected "${after}"` });
    }
    return { type: 'word', value: unescapeNginx(text.slice(start + 1, i)), span: { start, end: i + 1 }, quoted: true };
  }

  private word(): Token {
    const text = this.text;
    const start = this.pos;
    let i = start;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (isSpace(c) || c === ';') break;
      // `${name}` is a variable, any other `{` ends the word and opens a block.
      if (c === '{' && !(i > start && text[i - 1] === '$')) break;
      i++;
    }
    i = Math.min(i, text.length);
    this.pos = i;
    return { type: 'word', value: unescapeNginx(text.slice(start, i)), span: { start, end: i }, quoted: false };
  }

  /**
   * Skips a Lua body after the `{` of a `*_by_lua_block`, as lua-nginx-module does: braces inside
   * Lua strings, long brackets and comments do not count. Returns the offset of the closing `}`.
   */
  luaBlockEnd(): number | undefined {
    const text = this.text;
    let depth = 0;
    let i = this.pos;
    while (i < text.length) {
      const c = text[i];
      if (c === '-' && text[i + 1] === '-') {
        const long = longBracketAt(text, i + 2);
        if (long) i = closeLongBracket(text, long.end, long.level);
        else {
          while (i < text.length && text[i] !== '\n') i++;
        }
        continue;
      }
      if (c === '[') {
        const long = longBracketAt(text, i);
        if (long) {
          i = closeLongBracket(text, long.end, long.level);
          continue;
        }
      }
      if (c === '"' || c === "'") {
        i++;
        while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          this.pos = i + 1;
          return i;
        }
        depth--;
      }
      i++;
    }
    this.pos = text.length;
    return undefined;
  }
}

function longBracketAt(text: string, i: number): { end: number; level: number } | undefined {
  if (text[i] !== '[') return undefined;
  let j = i + 1;
  while (text[j] === '=') j++;
  return text[j] === '[' ? { end: j + 1, level: j - i - 1 } : undefined;
}

function closeLongBracket(text: string, from: number, level: number): number {
  const close = ']' + '='.repeat(level) + ']';
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}
