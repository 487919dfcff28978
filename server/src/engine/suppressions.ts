import type { LineIndex } from './text';
import type { Span } from './types';

/**
 * `# readiness-ignore <rule-id>[,<rule-id>] -- reason` (also `//` in Terraform). A comment alone on
 * its line covers the next code line; a trailing comment covers its own line. The `-file` form
 * covers the whole file.
 */
export interface Suppression {
  ruleIds: string[];
  reason: string;
  wholeFile: boolean;
  /** 0-based line the suppression applies to; -1 for whole-file ones. */
  targetLine: number;
  /** The comment's span, for reporting problems with it. */
  span: Span;
  /** The span of each rule id in the comment, aligned with `ruleIds`. */
  ruleIdSpans: Span[];
}

const DIRECTIVE = /(#|\/\/)\s*readiness-ignore(-file)?\b(.*)$/;

/** The suppressions of each text (one line index per text): the engine and grouped rules all ask for them. */
const parsed = new WeakMap<LineIndex, readonly Suppression[]>();

export function parseSuppressions(lines: LineIndex): readonly Suppression[] {
  let found = parsed.get(lines);
  if (!found) {
    found = lines.text.includes('readiness-ignore') ? findSuppressions(lines) : [];
    parsed.set(lines, found);
  }
  return found;
}

function findSuppressions(lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const match = DIRECTIVE.exec(content);
    if (!match) continue;
    const lineStart = lines.lineStart(line);
    const commentStart = lineStart + match.index;
    const rest = match[3];
    const restStart = lineStart + match.index + match[0].length - rest.length;
    const separator = rest.indexOf('--');
    const idsPart = separator >= 0 ? rest.slice(0, separator) : rest;
    const reason = separator >= 0 ? rest.slice(separator + 2).trim() : '';
    const ruleIds: string[] = [];
    const ruleIdSpans: Span[] = [];
    const idPattern = /[^\s,]+/g;
    let id: RegExpExecArray | null;
    while ((id = idPattern.exec(idsPart))) {
      ruleIds.push(id[0]);
      ruleIdSpans.push({ start: restStart + id.index, end: restStart + id.index + id[0].length });
    }
    const wholeFile = Boolean(match[2]);
    const standalone = content.slice(0, match.index).trim() === '';
    found.push({
      ruleIds,
      reason,
      wholeFile,
      targetLine: wholeFile ? -1 : standalone ? nextCodeLine(lines, line) : line,
      span: { start: commentStart, end: lineStart + content.length },
      ruleIdSpans,
    });
  }
  return found;
}

function nextCodeLine(lines: LineIndex, from: number): number {
  for (let line = from + 1; line < lines.lineCount; line++) {
    const trimmed = lines.lineText(line).trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) continue;
    return line;
  }
  return from + 1;
}

/** The text of a suppression comment line, for the "Ignore for this line/file" code actions. */
export function suppressionComment(
  commentPrefix: string,
  ruleId: string,
  wholeFile: boolean,
  reason = 'TODO: explain why',
): string {
  return `${commentPrefix} readiness-ignore${wholeFile ? '-file' : ''} ${ruleId} -- ${reason}`;
}
