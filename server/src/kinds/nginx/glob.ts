/**
 * nginx expands `include` patterns with glob(3): `*`, `?` and `[...]` within one path segment,
 * and a wildcard never matches a leading dot. Matching here never backtracks more than one star
 * at a time, so a hostile pattern (`a*a*a*a*a*a*a*a*a*a*b` against a long name) costs at most
 * pattern length x name length steps, never an exponential search.
 */

export const hasWildcard = (pattern: string): boolean => /[*?[]/.test(pattern);

/** A `[...]` class at `start` of a segment pattern: its end (after `]`) and whether `char` is in it; undefined when unclosed. */
function matchClass(pattern: string, start: number, char: string): { end: number; matched: boolean } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  let matched = false;
  let first = true;
  while (i < pattern.length && (first || pattern[i] !== ']')) {
    first = false;
    let low = pattern[i];
    if (low === '\\' && i + 1 < pattern.length) low = pattern[++i];
    let high = low;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      high = pattern[i + 2] === '\\' && i + 3 < pattern.length ? pattern[i + 3] : pattern[i + 2];
      i += pattern[i + 2] === '\\' ? 3 : 2;
    }
    if (char >= low && char <= high) matched = true;
    i++;
  }
  if (i >= pattern.length) return undefined;
  return { end: i + 1, matched: matched !== negated };
}

/** One path segment against one segment pattern, fnmatch(3) style (FNM_PERIOD: a leading dot must be written). */
export function matchSegment(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = ++p;
      starN = n;
      continue;
    }
    if (c === '?') {
      p++;
      n++;
      continue;
    }
    if (c === '[') {
      const result = matchClass(pattern, p, name[n]);
      if (result) {
        if (result.matched) {
          p = result.end;
          n++;
          continue;
        }
      } else if (name[n] === '[') {
        p++;
        n++;
        continue;
      }
    } else if (c !== undefined) {
      const literal = c === '\\' && p + 1 < pattern.length ? pattern[p + 1] : c;
      if (literal === name[n]) {
        p += c === '\\' ? 2 : 1;
        n++;
        continue;
      }
    }
    if (starP < 0) return false;
    // Let the last star swallow one more character and retry from there: earlier stars never move again.
    p = starP;
    n = ++starN;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A whole path against a pattern with the same number of `/`-separated segments. */
export function matchPath(pattern: string, path: string): boolean {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return false;
  return patternParts.every((part, index) => (hasWildcard(part) ? matchSegment(part, pathParts[index]) : part === pathParts[index]));
}
