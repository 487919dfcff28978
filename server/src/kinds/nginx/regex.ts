/**
 * A small model of the PCRE regexes nginx uses (location ~, if ~, rewrite, map), enough to ask
 * what gixy asks of them: which characters a capture group can carry (a newline for HTTP
 * splitting, a dot for SSRF), which it must carry (a slash), and sample strings a regex accepts
 * (to test Origin and Referer checks). Parsing is linear and every answer is bounded; a construct
 * outside the model (lookaround, back-reference) contributes nothing, as in gixy.
 */

/** The characters one position can match: ASCII by code, and whether anything beyond ASCII can. */
class CharSet {
  readonly ascii = new Uint8Array(128);
  nonAscii = false;

  static of(chars: string): CharSet {
    const set = new CharSet();
    for (const char of chars) set.add(char.charCodeAt(0));
    return set;
  }

  add(code: number): void {
    if (code < 128) this.ascii[code] = 1;
    else this.nonAscii = true;
  }

  addRange(low: number, high: number): void {
    for (let code = low; code <= Math.min(high, 127); code++) this.ascii[code] = 1;
    if (high >= 128) this.nonAscii = true;
  }

  addSet(other: CharSet): void {
    for (let code = 0; code < 128; code++) if (other.ascii[code]) this.ascii[code] = 1;
    if (other.nonAscii) this.nonAscii = true;
  }

  negate(): CharSet {
    const set = new CharSet();
    for (let code = 0; code < 128; code++) set.ascii[code] = this.ascii[code] ? 0 : 1;
    set.nonAscii = !this.nonAscii;
    return set;
  }

  has(char: string): boolean {
    const code = char.charCodeAt(0);
    return code < 128 ? this.ascii[code] === 1 : this.nonAscii;
  }

  /** A character to stand for the set in a generated sample: `preferred` when it is in the set. */
  sample(preferred: string): string | undefined {
    if (this.has(preferred)) return preferred;
    for (const candidate of 'abcdefghijklmnopqrstuvwxyz0123456789') if (this.has(candidate)) return candidate;
    for (let code = 1; code < 127; code++) if (this.ascii[code]) return String.fromCharCode(code);
    return undefined;
  }
}

export type RegexNode =
  | { type: 'char'; set: CharSet; literal: boolean }
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; options: RegexNode[] }
  | { type: 'group'; body: RegexNode; index?: number; name?: string }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
  | { type: 'anchor'; at: 'start' | 'end' }
  | { type: 'empty' };

export interface Regex {
  source: string;
  root: RegexNode;
  caseInsensitive: boolean;
  /** Capture groups by number (1-based) and by name. */
  groups: Map<string, RegexNode>;
}

const DIGITS = CharSet.of('0123456789');
const WORD = CharSet.of('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_');
const SPACE = CharSet.of(' \t\n\r\f\v');
const ANY_BUT_NEWLINE = CharSet.of('\n').negate();
const INFINITE = Number.POSITIVE_INFINITY;

const ESCAPED_CHARS: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', e: '\u001b', a: '\u0007', '0': '\0' };

function escapeClass(letter: string): CharSet | undefined {
  switch (letter) {
    case 'd':
      return DIGITS;
    case 'D':
      return DIGITS.negate();
    case 'w':
      return WORD;
    case 'W':
      return WORD.negate();
    case 's':
      return SPACE;
    case 'S':
      return SPACE.negate();
    case 'h':
      return CharSet.of(' \t');
    case 'H':
      return CharSet.of(' \t').negate();
    case 'v':
      return CharSet.of('\n\r\f\v');
    case 'V':
      return CharSet.of('\n\r\f\v').negate();
    case 'R':
      return CharSet.of('\n\r\f\v');
    case 'N':
      return ANY_BUT_NEWLINE;
    default:
      return undefined;
  }
}

class Parser {
  pos = 0;
  groupCount = 0;
  readonly groups = new Map<string, RegexNode>();
  dotAll = false;
  caseInsensitive = false;

  constructor(readonly source: string) {}

  parse(): RegexNode {
    const node = this.alternation();
    // A stray `)` ends nothing: read on, so a broken regex still gets a model of its first part.
    while (this.pos < this.source.length) {
      this.pos++;
      this.alternation();
    }
    return node;
  }

  private alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.source[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { type: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.source.length && this.source[this.pos] !== '|' && this.source[this.pos] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0] : { type: 'seq', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    const source = this.source;
    let node = atom;
    for (;;) {
      const c = source[this.pos];
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, INFINITE];
      else if (c === '+') [min, max] = [1, INFINITE];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const match = /^\{(\d*)(,?)(\d*)\}/.exec(source.slice(this.pos, this.pos + 24));
        if (!match || (match[1] === '' && match[3] === '')) return node;
        min = match[1] === '' ? 0 : Number(match[1]);
        max = match[2] ? (match[3] === '' ? INFINITE : Number(match[3])) : min;
        this.pos += match[0].length - 1;
      } else return node;
      this.pos++;
      // Lazy and possessive forms match the same strings.
      if (source[this.pos] === '?' || source[this.pos] === '+') this.pos++;
      node = { type: 'repeat', body: node, min, max };
    }
  }

  private atom(): RegexNode {
    const source = this.source;
    const c = source[this.pos++];
    switch (c) {
      case '^':
        return { type: 'anchor', at: 'start' };
      case '$':
        return { type: 'anchor', at: 'end' };
      case '.':
        return { type: 'char', set: this.dotAll ? CharSet.of('').negate() : ANY_BUT_NEWLINE, literal: false };
      case '[':
        return { type: 'char', set: this.charClass(), literal: false };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return { type: 'char', set: CharSet.of(c), literal: true };
    }
  }

  private escape(): RegexNode {
    const source = this.source;
    const letter = source[this.pos++] ?? '\\';
    const set = escapeClass(letter);
    if (set) return { type: 'char', set, literal: false };
    if (letter === 'b' || letter === 'B' || letter === 'A' || letter === 'z' || letter === 'Z' || letter === 'G') {
      return letter === 'A' ? { type: 'anchor', at: 'start' } : letter === 'z' || letter === 'Z' ? { type: 'anchor', at: 'end' } : { type: 'empty' };
    }
    if (/[1-9]/.test(letter)) {
      while (/\d/.test(source[this.pos] ?? '')) this.pos++;
      return { type: 'empty' };
    }
    if (letter === 'x') {
      const match = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{1,2}))/.exec(source.slice(this.pos, this.pos + 10));
      if (match) {
        this.pos += match[0].length;
        return { type: 'char', set: CharSet.of(String.fromCharCode(parseInt(match[1] ?? match[2], 16))), literal: true };
      }
    }
    return { type: 'char', set: CharSet.of(ESCAPED_CHARS[letter] ?? letter), literal: true };
  }

  private charClass(): CharSet {
    const source = this.source;
    const set = new CharSet();
    const negated = source[this.pos] === '^';
    if (negated) this.pos++;
    let first = true;
    while (this.pos < source.length && (first || source[this.pos] !== ']')) {
      first = false;
      if (source.startsWith('[:', this.pos)) {
        const end = source.indexOf(':]', this.pos + 2);
        if (end > 0) {
          // POSIX classes ([:alpha:]) are rare in nginx configs: taken as "anything printable".
          set.addRange(0x21, 0x7e);
          this.pos = end + 2;
          continue;
        }
      }
      if (source[this.pos] === '\\') {
        const escaped = escapeClass(source[this.pos + 1] ?? '');
        if (escaped) {
          this.pos += 2;
          set.addSet(escaped);
          continue;
        }
      }
      const low = this.classChar();
      if (source[this.pos] === '-' && source[this.pos + 1] !== ']' && this.pos + 1 < source.length) {
        this.pos++;
        set.addRange(low, this.classChar());
      } else set.add(low);
    }
    this.pos++;
    return negated ? set.negate() : set;
  }

  /** One character of a class, escapes (\\n, \\x7e, \\.) read as the character they stand for. */
  private classChar(): number {
    const source = this.source;
    if (source[this.pos] !== '\\') return source.charCodeAt(this.pos++);
    const letter = source[this.pos + 1] ?? '\\';
    this.pos += 2;
    if (letter === 'x') {
      const match = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{1,2}))/.exec(source.slice(this.pos, this.pos + 10));
      if (match) {
        this.pos += match[0].length;
        return parseInt(match[1] ?? match[2], 16);
      }
    }
    return (ESCAPED_CHARS[letter] ?? letter).charCodeAt(0);
  }

  private group(): RegexNode {
    const source = this.source;
    let index: number | undefined;
    let name: string | undefined;
    let capturing = true;
    let skip = false;
    if (source[this.pos] === '?') {
      const rest = source.slice(this.pos, this.pos + 64);
      const named = /^\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
      if (named) {
        name = named[1] ?? named[2];
        this.pos += named[0].length;
      } else if (/^\?(?:[=!]|<[=!])/.test(rest)) {
        // Lookarounds consume nothing: gixy leaves them out too.
        this.pos += rest[1] === '<' ? 3 : 2;
        capturing = false;
        skip = true;
      } else {
        const flags = /^\?([a-zA-Z-]*)(:|\))/.exec(rest);
        if (flags) {
          this.pos += flags[0].length;
          if (flags[1].includes('s') && !flags[1].startsWith('-')) this.dotAll = true;
          if (flags[1].includes('i') && !flags[1].startsWith('-')) this.caseInsensitive = true;
          if (flags[2] === ')') return { type: 'empty' };
        } else this.pos++;
        capturing = false;
      }
    }
    if (capturing) index = ++this.groupCount;
    const body = this.alternation();
    if (source[this.pos] === ')') this.pos++;
    if (skip) return { type: 'empty' };
    const node: RegexNode = { type: 'group', body, index, name };
    if (index !== undefined) this.groups.set(String(index), body);
    if (name !== undefined) this.groups.set(name, body);
    return node;
  }
}

const parsed = new Map<string, Regex>();
const MAX_CACHED = 2048;

/** Parses a PCRE pattern (cached by source and case mode). */
export function parseRegex(source: string, caseInsensitive = false): Regex {
  const key = `${caseInsensitive ? 'i' : 's'}${source}`;
  let regex = parsed.get(key);
  if (!regex) {
    const parser = new Parser(source);
    const root = parser.parse();
    regex = { source, root, caseInsensitive: caseInsensitive || parser.caseInsensitive, groups: parser.groups };
    if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, regex);
  }
  return regex;
}

/**
 * Whether a match of the node can hold the character somewhere the client chooses: literal
 * characters of the pattern are fixed text, not the client's (gixy's skip_literal).
 */
export function canContain(node: RegexNode, char: string, caseInsensitive = false): boolean {
  switch (node.type) {
    case 'char':
      if (node.literal) return false;
      return node.set.has(char) || (caseInsensitive && (node.set.has(char.toLowerCase()) || node.set.has(char.toUpperCase())));
    case 'seq':
      return node.items.some((item) => canContain(item, char, caseInsensitive));
    case 'alt':
      return node.options.some((option) => canContain(option, char, caseInsensitive));
    case 'group':
      return canContain(node.body, char, caseInsensitive);
    case 'repeat':
      return node.max > 0 && canContain(node.body, char, caseInsensitive);
    default:
      return false;
  }
}

/** Whether every match of the node holds the character (a literal `/` in a path capture). */
export function mustContain(node: RegexNode, char: string): boolean {
  switch (node.type) {
    case 'char': {
      if (node.literal) return node.set.has(char);
      let count = 0;
      for (let code = 0; code < 128; code++) count += node.set.ascii[code];
      return count === 1 && !node.set.nonAscii && node.set.has(char);
    }
    case 'seq':
      return node.items.some((item) => mustContain(item, char));
    case 'alt':
      return node.options.every((option) => mustContain(option, char));
    case 'group':
      return mustContain(node.body, char);
    case 'repeat':
      return node.min > 0 && mustContain(node.body, char);
    default:
      return false;
  }
}

const MAX_SAMPLES = 256;
const MAX_REPEAT = 5;
/** Nested repetitions multiply: `((a+)+)+` would grow five-fold per level. */
const MAX_SAMPLE_LENGTH = 1024;

/**
 * Strings the regex accepts, each non-literal position filled with `preferred` where it can be
 * (gixy's generate): `^` and `$` are kept where the pattern anchors, repetitions run five times
 * (or not at all when optional). Bounded to a few hundred samples.
 */
export function samples(regex: Regex, preferred: string): string[] {
  const generate = (node: RegexNode): string[] => {
    switch (node.type) {
      case 'char': {
        const sample = node.set.sample(preferred);
        return sample === undefined ? [] : [sample];
      }
      case 'anchor':
        return [node.at === 'start' ? '^' : '$'];
      case 'empty':
        return [''];
      case 'group':
        return generate(node.body);
      case 'alt':
        return node.options.flatMap(generate).slice(0, MAX_SAMPLES);
      case 'seq': {
        let results = [''];
        for (const item of node.items) {
          const parts = generate(item);
          const next: string[] = [];
          for (const prefix of results) {
            for (const part of parts) {
              if (next.length >= MAX_SAMPLES) break;
              next.push((prefix + part).slice(0, MAX_SAMPLE_LENGTH));
            }
          }
          results = next;
        }
        return results;
      }
      case 'repeat': {
        const results = node.min === 0 ? [''] : [];
        if (node.max === 0) return results;
        const times = Math.min(node.max, MAX_REPEAT);
        for (const part of generate(node.body)) {
          if (results.length >= MAX_SAMPLES) break;
          results.push(part.repeat(Math.min(times, Math.ceil(MAX_SAMPLE_LENGTH / Math.max(1, part.length)))).slice(0, MAX_SAMPLE_LENGTH));
        }
        return results;
      }
    }
  };
  return [...new Set(generate(regex.root))];
}
