/**
 * Minimal text edits for Terraform quick fixes, computed from model offsets and following the
 * file's own indentation and line endings. Nothing is re-serialized.
 */
import type { LineIndex } from '../../engine/text';
import type { TextEdit } from '../../engine/types';
import type { Block, TerraformModel } from './model';

/** The file's indentation unit: a tab if its lines are tab-indented, else two spaces (terraform fmt). */
export function indentUnit(lines: LineIndex): string {
  for (let line = 0; line < lines.lineCount; line++) {
    const indent = /^[ \t]+/.exec(lines.lineText(line));
    if (indent) return indent[0].startsWith('\t') ? '\t' : '  ';
  }
  return '  ';
}

/** Where the block's body lines start: its first child's indentation, or one level deeper than the block. */
export function innerIndent(block: Block, lines: LineIndex): string {
  const first = [...block.attributes.map((attr) => attr.span.start), ...block.blocks.map((child) => child.span.start)].sort((a, b) => a - b)[0];
  const openLine = lines.positionAt(block.openSpan.start).line;
  if (first !== undefined && lines.positionAt(first).line !== openLine) return lines.indentAt(first);
  return lines.indentAt(block.span.start) + indentUnit(lines);
}

/** Body lines given to the helpers below mark each nesting level with a leading tab. */
function relativeIndent(line: string, lines: LineIndex): string {
  return line.replace(/^\t+/, (tabs) => indentUnit(lines).repeat(tabs.length));
}

/**
 * Inserts body lines (relative indentation, no line breaks) into a block, after its last
 * attribute or right after `{`: arguments stay above nested blocks, as terraform fmt keeps them.
 */
export function insertIntoBlock(block: Block, lines: LineIndex, body: string[]): TextEdit {
  const eol = lines.eol;
  const inner = innerIndent(block, lines);
  const lastAttribute = block.attributes[block.attributes.length - 1];
  const anchor = lastAttribute ? lastAttribute.span.end : block.openSpan.end;
  const text = body.map((line) => (line === '' ? '' : inner + relativeIndent(line, lines))).join(eol);
  const anchorLine = lines.positionAt(anchor).line;
  const closeOnSameLine = lines.positionAt(block.closeSpan.start).line === anchorLine && block.closeSpan.end > block.closeSpan.start;
  if (closeOnSameLine) {
    const between = lines.text.slice(anchor, block.closeSpan.start);
    const blockIndent = lines.indentAt(block.span.start);
    const start = between.trim() === '' ? anchor : block.closeSpan.start;
    return { start, end: block.closeSpan.start, newText: eol + text + eol + blockIndent };
  }
  const end = lines.lineEnd(anchorLine);
  return { start: end, end, newText: eol + text };
}

/** Inserts `name = value` into a block. */
export function insertAttribute(block: Block, lines: LineIndex, name: string, value: string): TextEdit {
  return insertIntoBlock(block, lines, [`${name} = ${value}`]);
}

/** Appends a top-level block (relative indentation, no line breaks) at the end of the file, after a blank line. */
export function appendBlock(model: TerraformModel, lines: LineIndex, body: string[]): TextEdit {
  const eol = lines.eol;
  const text = body.map((line) => relativeIndent(line, lines)).join(eol);
  // A pure insertion that keeps the file's final-newline habit, so several appends combine cleanly.
  const end = model.text.length;
  if (end === 0) return { start: 0, end: 0, newText: text + eol };
  if (/\r?\n$/.test(model.text)) return { start: end, end, newText: eol + text + eol };
  return { start: end, end, newText: eol + eol + text };
}
