/**
 * Edits `.readiness.yml` for attestations and sign-offs. Edits go through the YAML document model
 * (parseDocument + setIn + toString), so comments, key order and the rest of the layout survive; a
 * file that does not parse is never rewritten: the caller gets { error } and keeps the file.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { ATTESTATION_STATUSES, SIGNOFF_ROLES, type AttestationStatus } from '../engine/config';
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
 * value; a bare `id: status` entry without extra fields stays bare.
 */
export function setAttestation(text: string, itemId: string, status: AttestationStatus, extra: AttestationExtra = {}): EditOutcome {
  if (!ATTESTABLE.has(itemId)) return { error: `Unknown checklist item "${itemId}".` };
  if (!(ATTESTATION_STATUSES as readonly string[]).includes(status)) return { error: `Status must be done, na or todo, not "${status}".` };
  const opened = open(text);
  if ('error' in opened) return opened;
  const doc = opened.doc;
  const sectionError = ensureMapSection(doc, 'checklist');
  if (sectionError) return { error: sectionError };

  const path = ['checklist', itemId];
  const current = doc.getIn(path, true);
  const fields = Object.entries(extra).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  if (fields.length === 0 && (current === undefined || isScalar(current))) {
    doc.setIn(path, status);
  } else {
    if (!isMap(current)) doc.setIn(path, doc.createNode({}));
    makeBlock(doc.getIn(path, true));
    doc.setIn([...path, 'status'], status);
    for (const [field, value] of fields) doc.setIn([...path, field], value);
  }
  return { text: serialize(doc, text) };
}

/** Sets `signoff.<role>` to `{ name, date }`. */
export function setSignoff(text: string, role: string, name: string, date?: string): EditOutcome {
  if (!(SIGNOFF_ROLES as readonly string[]).includes(role)) return { error: `Unknown sign-off role "${role}"; expected one of ${SIGNOFF_ROLES.join(', ')}.` };
  if (!name.trim()) return { error: 'A sign-off needs a name.' };
  const opened = open(text);
  if ('error' in opened) return opened;
  const doc = opened.doc;
  const sectionError = ensureMapSection(doc, 'signoff');
  if (sectionError) return { error: sectionError };
  const path = ['signoff', role];
  if (!isMap(doc.getIn(path, true))) doc.setIn(path, doc.createNode({}));
  makeBlock(doc.getIn(path, true));
  doc.setIn([...path, 'name'], name.trim());
  if (date) doc.setIn([...path, 'date'], date);
  return { text: serialize(doc, text) };
}

function open(text: string): { doc: Document } | { error: string } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { error: `.readiness.yml does not parse (${doc.errors[0].message.split('\n')[0]}); fix it before recording attestations.` };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    // An empty file (or one with only comments): start a mapping, keeping the comments above it.
    const comment = doc.commentBefore ?? (isScalar(root) ? root.commentBefore : undefined);
    (doc as Document).contents = doc.createNode({});
    if (comment) doc.commentBefore = comment;
  } else if (!isMap(root)) {
    return { error: '.readiness.yml must be a mapping of sections; fix it before recording attestations.' };
  }
  makeBlock(doc.contents);
  return { doc };
}

function ensureMapSection(doc: Document, key: string): string | undefined {
  const section = doc.getIn([key], true);
  if (section === undefined || (isScalar(section) && section.value === null)) {
    doc.setIn([key], doc.createNode({}));
  } else if (!isMap(section)) {
    return `${key} in .readiness.yml is not a mapping; fix it before recording attestations.`;
  }
  makeBlock(doc.getIn([key], true));
  return undefined;
}

/** An empty flow mapping (`signoff: {}`) would otherwise stay flow and grow on one line. */
function makeBlock(node: unknown): void {
  if (isMap(node) && node.flow && node.items.length === 0) node.flow = false;
}

function serialize(doc: Document, original: string): string {
  const text = doc.toString({ lineWidth: 0 });
  // Keep the file's line endings.
  return original.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}
