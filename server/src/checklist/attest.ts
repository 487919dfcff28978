/**
 * Edits `.readiness.yml` for attestations, sign-offs and the Final Approval table. An edit changes
 * only the bytes of the nodes it sets (a value replaced in place, a line inserted after its
 * siblings with their indentation): `version: 007`, long numbers, 4-space indentation, a BOM,
 * comments, folded scalars and line endings elsewhere in the file stay exactly as they were. A
 * file that does not parse is never rewritten: the caller gets { error } and keeps the file.
 * Writing the file (atomically) is the server's job; these functions return the new text.
 */
import { isMap, isScalar, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { APPROVAL_KEYS, APPROVAL_STATUSES, ATTESTATION_STATUSES, SIGNOFF_ROLES, type ApprovalEntry, type AttestationStatus } from '../engine/config';
import { LineIndex } from '../engine/text';
import { SEED_ITEMS } from './seed-items';

export type EditOutcome = { text: string } | { error: string };

export interface AttestationExtra {
  by?: string;
  date?: string;
  note?: string;
}

const ATTESTABLE = new Set(SEED_ITEMS.filter((item) => item.category !== 'Sign-off').map((item) => item.id));

/**
 * Sets `checklist.<itemId>` to `{ status, by, date, note }`. Fields not given keep their current
 * value; a bare `id: status` entry without extra fields stays bare. `na` needs a reason (a note, or
 * the one already recorded), as `.readiness.yml` requires.
 */
export function setAttestation(text: string, itemId: string, status: AttestationStatus, extra: AttestationExtra = {}): EditOutcome {
  if (!ATTESTABLE.has(itemId)) return { error: `Unknown checklist item "${itemId}".` };
  if (!(ATTESTATION_STATUSES as readonly string[]).includes(status)) return { error: `Status must be done, na or todo, not "${status}".` };
  const fields = Object.entries(extra).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '');
  return edit(text, 'checklist', itemId, [['status', status], ...fields], fields.length === 0 ? status : undefined, (current) =>
    status === 'na' && !fields.some(([name]) => name === 'note') && !current?.note?.trim() ? 'Marking an item not applicable needs a reason: give a note saying why it does not apply.' : undefined,
  );
}

/** Sets `signoff.<role>` to `{ name, date }`; both are required. */
export function setSignoff(text: string, role: string, name: string, date?: string): EditOutcome {
  if (!(SIGNOFF_ROLES as readonly string[]).includes(role)) return { error: `Unknown sign-off role "${role}"; expected one of ${SIGNOFF_ROLES.join(', ')}.` };
  if (!name.trim()) return { error: 'A sign-off needs a name.' };
  if (!date?.trim()) return { error: 'A sign-off needs a date.' };
  return edit(text, 'signoff', role, [
    ['name', name.trim()],
    ['date', date.trim()],
  ]);
}

/** Sets a row of the seed's Final Approval table, `approval.<category>`; approving or rejecting needs a name and a date. */
export function setApproval(text: string, category: string, entry: ApprovalEntry): EditOutcome {
  if (!(APPROVAL_KEYS as readonly string[]).includes(category)) return { error: `Unknown approval category "${category}"; expected one of ${APPROVAL_KEYS.join(', ')}.` };
  if (!(APPROVAL_STATUSES as readonly string[]).includes(entry.status)) return { error: `Approval status must be one of ${APPROVAL_STATUSES.join(', ')}.` };
  if (entry.status !== 'pending' && (!entry.name?.trim() || !entry.date?.trim())) return { error: `Recording "${entry.status}" needs a name and a date.` };
  const fields = (['status', 'name', 'date', 'notes'] as const).filter((field) => entry[field]?.trim()).map((field) => [field, entry[field]!.trim()] as [string, string]);
  return edit(text, 'approval', category, fields);
}

interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Sets `<section>.<key>` to a mapping of `fields` (or to the scalar `bare`), touching only the
 * nodes that change. `check` may refuse the edit after seeing the entry's current fields.
 */
function edit(text: string, section: string, key: string, fields: [string, string][], bare?: string, check?: (current: Record<string, string> | undefined) => string | undefined): EditOutcome {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) return { error: `.readiness.yml does not parse (${document.errors[0].message.split('\n')[0]}); fix it before recording attestations.` };
  const layout = new Layout(text);
  const root = document.contents;

  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    const refused = check?.(undefined);
    if (refused) return { error: refused };
    return { text: layout.appendAtEnd(`${section}:${layout.nl}${layout.entryLines(key, fields, bare, layout.unit)}`) };
  }
  if (!isMap(root)) return { error: '.readiness.yml must be a mapping of sections; fix it before recording attestations.' };
  if (root.flow) {
    if (root.items.length > 0) return { error: '.readiness.yml is written as one flow mapping ({ ... }); write it in block style before recording attestations.' };
    const refused = check?.(undefined);
    if (refused) return { error: refused };
    return { text: layout.apply([{ start: root.range![0], end: root.range![1], newText: `${section}:${layout.nl}${layout.entryLines(key, fields, bare, layout.unit).replace(/(\r?\n)$/, '')}` }]) };
  }

  const sectionPair = findPair(root, section);
  const sectionNode = sectionPair?.value;
  if (sectionNode !== null && sectionNode !== undefined && !isMap(sectionNode) && !(isScalar(sectionNode) && sectionNode.value === null)) {
    return { error: `${section} in .readiness.yml is not a mapping; fix it before recording attestations.` };
  }
  const entryPair = isMap(sectionNode) ? findPair(sectionNode, key) : undefined;
  const refused = check?.(entryPair ? currentFields(entryPair.value) : undefined);
  if (refused) return { error: refused };

  if (!sectionPair) {
    return { text: layout.appendAtEnd(`${section}:${layout.nl}${layout.entryLines(key, fields, bare, layout.unit)}`) };
  }
  const childIndent = layout.column(sectionPair.key as Node) + layout.unit;
  if (!isMap(sectionNode)) {
    // `section:` with no value (maybe a comment): the entry goes on the next line.
    return { text: layout.apply([{ start: layout.nextLineStart((sectionPair.key as Node).range![1]), end: layout.nextLineStart((sectionPair.key as Node).range![1]), newText: layout.entryLines(key, fields, bare, childIndent) }]) };
  }
  if (sectionNode.flow) {
    if (sectionNode.items.length === 0) {
      const start = (sectionPair.key as Node).range![1];
      return { text: layout.apply([{ start, end: sectionNode.range![1], newText: `:${layout.nl}${layout.entryLines(key, fields, bare, childIndent).replace(/(\r?\n)$/, '')}` }]) };
    }
    if (!entryPair) return { text: layout.apply([layout.flowAppend(sectionNode, `${layout.key(key)}: ${bare !== undefined ? layout.scalar(bare) : layout.flowMap(fields)}`)]) };
  }
  if (!entryPair) {
    const anchor = sectionNode.items[sectionNode.items.length - 1] as Pair<Node, Node>;
    const at = layout.afterPair(anchor);
    const indent = layout.column(sectionNode.items[0].key as Node);
    return { text: layout.apply([{ start: at, end: at, newText: layout.withLeadingBreak(at, layout.entryLines(key, fields, bare, indent)) }]) };
  }

  const entry = entryPair.value as Node | null;
  const entryKey = entryPair.key as Node;
  if (entry === null || isScalar(entry)) {
    const colon = layout.colonAfter(entryKey.range![1]);
    const empty = entry === null || !entry.range || entry.range[0] === entry.range[1];
    if (bare !== undefined) {
      // `id: todo` -> `id: done`; `id:` (maybe `id: # comment`) -> `id: done`, the comment kept after it.
      return { text: layout.apply([empty ? { start: colon + 1, end: colon + 1, newText: ` ${layout.scalar(bare)}` } : { start: entry!.range![0], end: entry!.range![1], newText: layout.scalar(bare) }]) };
    }
    // The scalar goes; a comment on the key's line stays there; the fields go on the lines below.
    const at = layout.nextLineStart(colon);
    const edits: TextEdit[] = [{ start: at, end: at, newText: layout.withLeadingBreak(at, layout.fieldLines(fields, layout.column(entryKey) + layout.unit)) }];
    if (!empty) edits.push({ start: colon + 1, end: entry!.range![1], newText: '' });
    return { text: layout.apply(edits) };
  }
  if (!isMap(entry)) return { error: `${section}.${key} in .readiness.yml is not a mapping; fix it before recording attestations.` };
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  for (const [name, value] of fields) {
    const existing = findPair(entry, name);
    const node = existing?.value as Node | null | undefined;
    if (existing && node && isScalar(node) && node.range) edits.push({ start: node.range[0], end: node.range[1], newText: layout.scalar(value) });
    else if (existing) return { error: `${section}.${key}.${name} in .readiness.yml is not a scalar; fix it before recording attestations.` };
    else missing.push([name, value]);
  }
  if (missing.length > 0) {
    if (entry.flow) edits.push(layout.flowAppend(entry, missing.map(([name, value]) => `${name}: ${layout.scalar(value)}`).join(', ')));
    else {
      const at = layout.afterPair(entry.items[entry.items.length - 1] as Pair<Node, Node>);
      edits.push({ start: at, end: at, newText: layout.withLeadingBreak(at, layout.fieldLines(missing, layout.column(entry.items[0].key as Node))) });
    }
  }
  return { text: layout.apply(edits) };
}

function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

function currentFields(node: unknown): Record<string, string> | undefined {
  if (isScalar(node)) return { status: String(node.value) };
  if (!isMap(node)) return undefined;
  const fields: Record<string, string> = {};
  for (const pair of node.items as Pair<Node, Node>[]) if (isScalar(pair.key) && isScalar(pair.value)) fields[String(pair.key.value)] = String(pair.value.value ?? '');
  return fields;
}

/** The file's own conventions (line ending, indentation unit) and offset arithmetic on its text. */
class Layout {
  readonly nl: string;
  readonly unit: number;
  private readonly lines: LineIndex;

  constructor(private readonly text: string) {
    this.nl = text.includes('\r\n') ? '\r\n' : '\n';
    this.lines = new LineIndex(text);
    this.unit = detectIndent(text);
  }

  column(node: Node): number {
    return this.lines.positionAt(node.range![0]).character - (this.lines.positionAt(node.range![0]).line === 0 && this.text.startsWith('\uFEFF') ? 1 : 0);
  }

  /** The offset of the `:` that follows a mapping key ending at `offset`. */
  colonAfter(offset: number): number {
    const colon = this.text.indexOf(':', offset);
    return colon < 0 ? offset : colon;
  }

  /** The start of the line after the one holding `offset` (the end of the text when it is the last line). */
  nextLineStart(offset: number): number {
    const line = this.lines.positionAt(offset).line;
    return line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
  }

  /** Where a new sibling goes: the line after the pair's value (its trailing comment included). */
  afterPair(pair: Pair<Node, Node | null>): number {
    const value = pair.value;
    const end = value?.range ? value.range[1] : pair.key.range![1];
    // A block scalar's range ends after its last line break; anything else ends on its last line.
    const last = end > 0 && /[\r\n]/.test(this.text[end - 1] ?? '') ? end - 1 : end;
    return this.nextLineStart(last);
  }

  /** A line break first when the insertion point is the end of a last line without one. */
  withLeadingBreak(at: number, block: string): string {
    return at === this.text.length && at > 0 && !/[\r\n]$/.test(this.text) ? `${this.nl}${block}` : block;
  }

  appendAtEnd(block: string): string {
    const separator = this.text.length === 0 || /[\r\n]$/.test(this.text) || this.text === '\uFEFF' ? '' : this.nl;
    return `${this.text}${separator}${block}`;
  }

  apply(edits: TextEdit[]): string {
    let result = this.text;
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    return result;
  }

  /** `key: bare` or `key:` followed by its fields, each line ending with the file's line break. */
  entryLines(key: string, fields: [string, string][], bare: string | undefined, indent: number): string {
    const pad = ' '.repeat(indent);
    if (bare !== undefined) return `${pad}${this.key(key)}: ${this.scalar(bare)}${this.nl}`;
    return `${pad}${this.key(key)}:${this.nl}${this.fieldLines(fields, indent + this.unit)}`;
  }

  fieldLines(fields: [string, string][], indent: number): string {
    return fields.map(([name, value]) => `${' '.repeat(indent)}${name}: ${this.scalar(value)}${this.nl}`).join('');
  }

  flowMap(fields: [string, string][]): string {
    return `{ ${fields.map(([name, value]) => `${name}: ${this.scalar(value)}`).join(', ')} }`;
  }

  /** Inserts `, <text>` before the closing brace of a flow mapping. */
  flowAppend(map: YAMLMap, entry: string): TextEdit {
    const close = this.text.lastIndexOf('}', map.range![1] - 1);
    let at = close;
    while (at > 0 && /\s/.test(this.text[at - 1])) at--;
    return { start: at, end: at, newText: `, ${entry}` };
  }

  key(key: string): string {
    return this.scalar(key);
  }

  /** A scalar as YAML writes it: plain when that reads back as the same string, quoted otherwise, always on one line. */
  scalar(value: string): string {
    const written = stringify(value, { lineWidth: 0 }).replace(/\r?\n$/, '');
    return written.includes('\n') ? JSON.stringify(value) : written;
  }
}

/** The indentation step of the file: the first nested block mapping's offset from its parent, 2 when there is none. */
function detectIndent(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length - 1; i++) {
    const parent = /^( *)[^\s#-][^:#]*:\s*(?:#.*)?$/.exec(lines[i]);
    if (!parent) continue;
    for (let j = i + 1; j < lines.length; j++) {
      if (!lines[j].trim() || /^\s*#/.test(lines[j])) continue;
      const child = /^( *)\S/.exec(lines[j]);
      const step = (child?.[1].length ?? 0) - parent[1].length;
      if (step > 0 && !/^\s*-/.test(lines[j])) return step;
      break;
    }
  }
  return 2;
}
