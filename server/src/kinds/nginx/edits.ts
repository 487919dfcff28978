/**
 * Quick-fix edits on a resolved configuration: text goes into the file that holds the block, with
 * the block's own indentation, and array directives (add_header, proxy_set_header) are added
 * without breaking nginx's inheritance.
 */
import { lineIndexOf } from '../../engine/text';
import type { TextEdit } from '../../engine/types';
import type { NginxContext, Placed } from './config';
import { descendants, own } from './semantics';

/**
 * Inserts lines into a block, in the block owner's file, with the block's own indentation: after
 * the last own directive named `after` when there is one, else after the last simple directive
 * before the first nested block, else right after the `{`.
 */
export function insertInBlock(context: NginxContext, lines: readonly string[], after: readonly string[] = []): TextEdit | undefined {
  const owner = context.owner;
  if (!owner?.directive.openBrace) return undefined;
  const model = owner.model;
  const index = lineIndexOf(model);
  const eol = index.eol;
  const sameFile = context.directives.filter((placed) => placed.path === owner.path);
  const open = owner.directive.openBrace;
  const close = owner.directive.closeBrace;
  if (close && index.positionAt(open.start).line === index.positionAt(close.start).line) {
    return { start: open.end, end: open.end, newText: lines.map((line) => ' ' + line).join('') };
  }
  const firstOnOwnLine = sameFile.find((placed) => index.text.slice(index.lineStart(index.positionAt(placed.directive.span.start).line), placed.directive.span.start).trim() === '');
  const ownerIndent = index.indentAt(owner.directive.span.start);
  const indent = firstOnOwnLine ? index.indentAt(firstOnOwnLine.directive.span.start) : ownerIndent + (ownerIndent.includes('\t') ? '\t' : '    ');
  let anchor: Placed | undefined;
  for (const name of after) {
    const found = sameFile.filter((placed) => placed.directive.name === name);
    if (found.length) {
      anchor = found[found.length - 1];
      break;
    }
  }
  if (!anchor) {
    const firstBlock = sameFile.findIndex((placed) => placed.directive.openBrace !== undefined);
    const simple = (firstBlock < 0 ? sameFile : sameFile.slice(0, firstBlock)).filter((placed) => !placed.directive.openBrace);
    anchor = simple[simple.length - 1];
  }
  // After the anchor (or the `{`), at the end of its line only when nothing else follows there: the
  // rest of a line may open a nested block (`server{ location / {`) or close this one.
  const from = anchor ? anchor.directive.span.end : open.end;
  const lineEnd = index.lineEnd(index.positionAt(from).line);
  const rest = index.text.slice(from, lineEnd).trim();
  let at = rest === '' || rest.startsWith('#') ? lineEnd : from;
  if (close && at > close.start) at = from;
  return { start: at, end: at, newText: lines.map((line) => eol + indent + line).join('') };
}

/** The source text of a directive, to repeat it elsewhere (an inherited add_header). */
export const sourceOf = (placed: Placed): string => placed.model.text.slice(placed.directive.span.start, placed.directive.span.end);

/**
 * Adds directives of an array-inherited kind (add_header, proxy_set_header) without breaking
 * inheritance: a block that declares none inherits its parent's, and declaring one would drop them.
 * So the lines go where the inherited ones are declared when that is in the same file, or the
 * inherited ones are repeated next to the new lines. Nested locations and ifs that declare their
 * own (and so inherit nothing) get the new lines too, or the fix would only move the gap down.
 */
export function addInheritedEdit(block: NginxContext, name: string, lines: readonly string[]): TextEdit[] {
  let target = block;
  let newLines = lines;
  if (!own(block, name).length && block.owner) {
    for (let current = block.parent; current; current = current.parent) {
      const inherited = own(current, name);
      if (!inherited.length) continue;
      if (current.owner && current.owner.path === block.owner.path) target = current;
      else newLines = [...inherited.map(sourceOf), ...lines];
      break;
    }
  }
  const edits = [insertInBlock(target, newLines, [name])];
  const keyOf = (line: string) => line.trim().split(/\s+/)[1]?.toLowerCase();
  for (const nested of descendants(target)) {
    const declared = own(nested, name);
    if (!declared.length || nested.owner?.path !== target.owner?.path) continue;
    const present = new Set(declared.map((placed) => placed.directive.args[0]?.value.toLowerCase()));
    const missing = lines.filter((line) => !present.has(keyOf(line)));
    if (missing.length) edits.push(insertInBlock(nested, missing, [name]));
  }
  return edits.filter((edit): edit is TextEdit => edit !== undefined);
}
