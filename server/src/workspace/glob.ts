/**
 * Glob matching in linear time: `*`, `?`, `[...]`, `**` and `{a,b}`, for nginx `include` patterns,
 * `readiness.exclude` and VS Code's `files.exclude`. The pattern is compiled once into a small
 * automaton that reads the path one character at a time, keeping the set of pattern positions
 * still alive, so `a*a*a*a*a*a*a*a*a*a*a*a*b` against forty `a`s costs a few hundred steps where a
 * backtracking matcher (a regular expression, minimatch) takes minutes.
 */

export interface GlobOptions {
  /** Wildcards match a leading `.` of a name (VS Code's excludes); nginx's glob(3) does not. */
  dot?: boolean;
  /** A pattern without `/` matches the last segment of the path (`*.log` matches `a/b.log`). */
  matchBase?: boolean;
  /** `\` escapes the next character (POSIX); off when `\` separates folders (Windows paths). */
  escapes?: boolean;
}

type Token =
  | { kind: 'char'; char: string }
  /** `?`: one character of a name. */
  | { kind: 'one' }
  | { kind: 'class'; negated: boolean; ranges: [number, number][] }
  /** `*`: any run of characters within a name. */
  | { kind: 'star' }
  /** A whole `**` segment followed by a slash: zero or more whole folders. */
  | { kind: 'folders' }
  /** A final `**`: anything below. */
  | { kind: 'rest' };

/** Brace alternatives beyond this many are not expanded (the rest of the braces stay literal). */
const MAX_ALTERNATIVES = 64;

export type GlobMatcher = (path: string) => boolean;

/** True when the pattern has wildcards; a plain path is looked up, not matched. */
export function hasMagic(pattern: string, options: Pick<GlobOptions, 'escapes'> = {}): boolean {
  const escapes = options.escapes ?? true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && escapes) i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{') return true;
  }
  return false;
}

/**
 * The folders a pattern starts with before its first wildcard (`/etc/nginx/conf.d/*.conf` ->
 * `/etc/nginx/conf.d`), with escapes removed: where a walk for its matches starts. `depth` is
 * how many path segments the pattern has below it, Infinity when `**` can go any depth.
 */
export function literalPrefix(pattern: string, options: Pick<GlobOptions, 'escapes'> = {}): { prefix: string; depth: number } {
  const parts = pattern.split('/');
  const literal: string[] = [];
  let i = 0;
  for (; i < parts.length - 1 && !hasMagic(parts[i], options); i++) literal.push(options.escapes === false ? parts[i] : parts[i].replace(/\\(.)/g, '$1'));
  const below = parts.slice(i);
  const unbounded = below.some((part) => part.includes('**') || part.includes('{'));
  return { prefix: literal.join('/'), depth: unbounded ? Infinity : below.length };
}

export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
  const escapes = options.escapes ?? true;
  const dot = options.dot ?? false;
  const programs = expandBraces(pattern, escapes).map((alternative) => tokenize(alternative, escapes));
  const base = options.matchBase === true && !pattern.includes('/');
  return (path) => {
    const subject = base ? path.slice(path.lastIndexOf('/') + 1) : path;
    return programs.some((tokens) => run(tokens, subject, dot));
  };
}

export function matchGlob(pattern: string, path: string, options: GlobOptions = {}): boolean {
  return compileGlob(pattern, options)(path);
}

/** `{a,b}c` -> `ac`, `bc`; nested braces expand too, up to MAX_ALTERNATIVES results. */
function expandBraces(pattern: string, escapes: boolean): string[] {
  const results: string[] = [];
  const pending = [pattern];
  while (pending.length) {
    const current = pending.pop()!;
    const brace = findBrace(current, escapes);
    if (!brace || results.length + pending.length + brace.options.length > MAX_ALTERNATIVES) {
      results.push(current);
      continue;
    }
    const before = current.slice(0, brace.open);
    const after = current.slice(brace.close + 1);
    for (let i = brace.options.length - 1; i >= 0; i--) pending.push(before + brace.options[i] + after);
  }
  return results;
}

/** The first `{...}` with a top-level comma, and its comma-separated options. */
function findBrace(pattern: string, escapes: boolean): { open: number; close: number; options: string[] } | undefined {
  for (let open = 0; open < pattern.length; open++) {
    const c = pattern[open];
    if (c === '\\' && escapes) {
      open++;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    let start = open + 1;
    const options: string[] = [];
    for (let i = open; i < pattern.length; i++) {
      const d = pattern[i];
      if (d === '\\' && escapes) i++;
      else if (d === '{') depth++;
      else if (d === '}' && --depth === 0) {
        options.push(pattern.slice(start, i));
        if (options.length > 1) return { open, close: i, options };
        break;
      } else if (d === ',' && depth === 1) {
        options.push(pattern.slice(start, i));
        start = i + 1;
      }
    }
  }
  return undefined;
}

function tokenize(pattern: string, escapes: boolean): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && escapes && i + 1 < pattern.length) {
      tokens.push({ kind: 'char', char: pattern[++i] });
    } else if (c === '*') {
      let end = i;
      while (pattern[end + 1] === '*') end++;
      const wholeSegment = end > i && (i === 0 || pattern[i - 1] === '/') && (end + 1 === pattern.length || pattern[end + 1] === '/');
      if (wholeSegment && end + 1 === pattern.length) tokens.push({ kind: 'rest' });
      else if (wholeSegment) {
        tokens.push({ kind: 'folders' });
        end++;
      } else if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
      i = end;
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') {
      const parsed = parseClass(pattern, i, escapes);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', char: c });
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `]` first is literal; an unclosed `[` is a literal `[`. */
function parseClass(pattern: string, open: number, escapes: boolean): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < pattern.length; i++) {
    let c = pattern[i];
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\' && escapes && i + 1 < pattern.length) c = pattern[++i];
    let to = c;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      to = pattern[i + 2];
      i += 2;
      if (to === '\\' && escapes && i + 1 < pattern.length) to = pattern[++i];
    }
    ranges.push([c.charCodeAt(0), to.charCodeAt(0)]);
  }
  return undefined;
}

/**
 * Runs the automaton: state `i` waits for token `i`, state `tokens.length` accepts, and state
 * `tokens.length + 1 + i` is inside the folders of a whole-segment `**` token `i`. Each character of the path
 * advances every live state once: O(path length x pattern length), never more.
 */
function run(tokens: Token[], path: string, dot: boolean): boolean {
  const n = tokens.length;
  let current = new Uint8Array(2 * n + 2);
  let next = new Uint8Array(2 * n + 2);
  const add = (set: Uint8Array, state: number) => {
    // Wildcards that may match nothing lead on to the next token at once (the epsilon closure).
    while (state <= n && !set[state]) {
      set[state] = 1;
      const kind = tokens[state]?.kind;
      if (kind !== 'star' && kind !== 'folders' && kind !== 'rest') return;
      state++;
    }
  };
  add(current, 0);
  for (let p = 0; p < path.length; p++) {
    const c = path[p];
    const code = path.charCodeAt(p);
    const nameStart = p === 0 || path[p - 1] === '/';
    // A wildcard never reveals a hidden name (`.git`) unless `dot` says so.
    const hidden = !dot && nameStart && c === '.';
    next.fill(0);
    for (let state = 0; state < current.length; state++) {
      if (!current[state]) continue;
      if (state > n) {
        // Inside a `**/`: any name characters, and `/` closes one more folder.
        if (c === '/') add(next, state - n - 1);
        else next[state] = 1;
        continue;
      }
      if (state === n) continue;
      const token = tokens[state];
      switch (token.kind) {
        case 'char':
          if (token.char === c) add(next, state + 1);
          break;
        case 'one':
          if (c !== '/' && !hidden) add(next, state + 1);
          break;
        case 'class':
          if (c !== '/' && !hidden && token.ranges.some(([from, to]) => code >= from && code <= to) !== token.negated) add(next, state + 1);
          break;
        case 'star':
          if (c !== '/' && !hidden) add(next, state);
          break;
        case 'folders':
          if (c !== '/' && !hidden) next[n + 1 + state] = 1;
          break;
        case 'rest':
          if (!hidden) add(next, state);
          break;
      }
    }
    if (!next.includes(1)) return false;
    [current, next] = [next, current];
  }
  return current[n] === 1;
}
