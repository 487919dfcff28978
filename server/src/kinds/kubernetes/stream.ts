/**
 * A multi-document YAML stream parsed one document at a time, so that a new version of a file
 * reparses only the documents an edit touched. The text is cut at the lines that start a document
 * (`---` at the start of a line, which YAML reads as a document marker wherever it appears, even
 * inside a block scalar), each piece is parsed with `yaml` at its own offset, and the pieces of
 * the previous version are kept by content: a piece whose text is unchanged is reused as it is
 * when it has not moved, or copied with its offsets shifted when an edit before it moved it
 * (copying nodes is several times cheaper than parsing them again).
 *
 * The result is the one `parseAllDocuments` gives for the whole text: the same documents, nodes,
 * ranges and errors (a test holds the two together on the corpus and on random edits). A stream
 * with directives (`%YAML`, `%TAG`) is parsed whole, since a directive reaches past its document.
 */
import { Composer, isMap, isPair, isSeq, Parser, type Node } from 'yaml';

export interface StreamDocument {
  /** `[start, value end, node end]`, as yaml's Document.range. */
  range: [number, number, number];
  root?: Node;
  errors: { pos: [number, number]; message: string }[];
}

export interface ParsedStream {
  documents: StreamDocument[];
  /** The pieces the text was cut into, for the next version to reuse. */
  pieces: Piece[];
}

interface Piece {
  text: string;
  start: number;
  documents: StreamDocument[];
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const DIRECTIVE = /^%/m;
/** yaml's own symbol for a node's type (a registered symbol: `Symbol.for`), which copies must carry. */
const NODE_TYPE = Symbol.for('yaml.node.type');

/** Parses `text` (already through `yamlParserText`), reusing the unchanged documents of `previous`. */
export function parseStream(text: string, previous?: ParsedStream): ParsedStream {
  if (DIRECTIVE.test(text)) {
    const documents = parsePiece(text, 0);
    return { documents, pieces: [{ text, start: 0, documents }] };
  }
  const reusable = new Map<string, Piece>();
  for (const piece of previous?.pieces ?? []) reusable.set(piece.text, piece);
  const piece = (start: number, end: number): Piece => {
    const pieceText = text.slice(start, end);
    const known = reusable.get(pieceText);
    if (!known) return { text: pieceText, start, documents: parsePiece(pieceText, start) };
    return { text: pieceText, start, documents: known.start === start ? known.documents : shifted(known.documents, start - known.start) };
  };
  const pieces: Piece[] = [];
  const documents: StreamDocument[] = [];
  for (const [start, end] of pieceBounds(text)) {
    let next = piece(start, end);
    // Only a construct left open (a quote, a flow collection) runs into the next marker line, and
    // it is always an error: from there on, the rest of the stream is parsed in one piece, as the
    // whole stream would be.
    const open = next.documents.some((document) => document.errors.length > 0);
    if (open && end < text.length) next = piece(start, text.length);
    pieces.push(next);
    for (const document of next.documents) documents.push(document);
    if (open) break;
  }
  return { documents, pieces };
}

/** Where each piece starts and ends: at offset 0 and at every line that starts a document. */
function pieceBounds(text: string): [number, number][] {
  const starts = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let match = DOCUMENT_START.exec(text); match; match = DOCUMENT_START.exec(text)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => [start, starts[i + 1] ?? text.length]);
}

function parsePiece(text: string, offset: number): StreamDocument[] {
  const parser = new Parser();
  // Token offsets, hence node ranges and error positions, count from the piece's place in the file.
  parser.offset = offset;
  const composer = new Composer({ merge: true, prettyErrors: false });
  const documents: StreamDocument[] = [];
  // Each syntax error is an Error, and capturing its stack costs more than parsing the document
  // around it (a half-typed line can raise dozens); nothing reads those stacks.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const document of composer.compose(parser.parse(text))) {
      documents.push({
        range: document.range,
        root: (document.contents ?? undefined) as Node | undefined,
        errors: document.errors.map((error) => ({ pos: error.pos, message: error.message })),
      });
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return documents;
}

function shifted(documents: readonly StreamDocument[], delta: number): StreamDocument[] {
  return documents.map((document) => ({
    range: [document.range[0] + delta, document.range[1] + delta, document.range[2] + delta],
    root: document.root && (copyShifted(document.root, delta) as Node),
    errors: document.errors.map((error) => ({ pos: [error.pos[0] + delta, error.pos[1] + delta], message: error.message })),
  }));
}

/**
 * A copy of a node tree with every range moved by `delta`. Models share nodes between versions
 * and never change them, so the original stays as it is. An explicit stack: documents may nest
 * deeper than the call stack allows.
 */
function copyShifted(root: unknown, delta: number): unknown {
  const copyOf = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const copy = Object.create(Object.getPrototypeOf(node)) as Record<string | symbol, unknown>;
    Object.defineProperty(copy, NODE_TYPE, { value: (node as Record<symbol, unknown>)[NODE_TYPE] });
    for (const key in node) copy[key] = (node as Record<string, unknown>)[key];
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) copy.range = [range[0] + delta, range[1] + delta, range[2] + delta];
    stack.push(copy);
    return copy;
  };
  const stack: Record<string | symbol, unknown>[] = [];
  const top = copyOf(root);
  while (stack.length) {
    const copy = stack.pop()!;
    if (isPair(copy)) {
      copy.key = copyOf(copy.key);
      copy.value = copyOf(copy.value);
    } else if (isMap(copy) || isSeq(copy)) {
      copy.items = (copy.items as unknown[]).map(copyOf) as typeof copy.items;
    }
  }
  return top;
}
