/**
 * Evidence of a multi-document YAML stream kept document by document, so that an edit reads only
 * the documents it changed. The text is cut at the lines that start a document (`---`, as the
 * Kubernetes stream parser cuts it); a piece whose text is unchanged keeps what was found in it,
 * with lines relative to its first line, so a piece an edit moved needs no reading either.
 *
 * What a piece keeps: its line breaks, the `kind:` lines that tell a file of CRDs only, each
 * detector's textHint (a stream matches a hint when one of its documents does, see Detector) and
 * the hits of each `perDocument` detector. The other detectors read the whole file as detectFile
 * does, and only when their hint matches. The result is detectFile's on the same text, hit for hit
 * (a test holds the two together on random edits).
 */
import { LineIndex } from '../../engine/text';
import type { Range, Span } from '../../engine/types';
import type { Locale } from '../../i18n';
import type { EvidenceHit } from '../types';
import { addHit, detectFile, DETECTORS } from './index';
import { SourceFile, type Detector, type DetectorHit, type EvidenceInput } from './source';

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const DIRECTIVE = /^%/m;
const KIND_LINE = /^kind\s*:\s*['"]?(\w+)/gm;

/** One document's text (from its `---` line to the next) and what was found in it. */
interface Piece {
  text: string;
  lines: LineIndex;
  kinds: number;
  crdKinds: number;
  hints: Map<Detector, boolean>;
  /** Hits with lines and declared spans relative to the piece; undefined when the detector threw on it. */
  hits: Map<Detector, DetectorHit[] | undefined>;
}

/** A piece where it lies now, with the roots of its documents. */
interface Placed {
  piece: Piece;
  start: number;
  line: number;
  roots: unknown[];
  /** The piece as a file, made when a detector first reads it. */
  file?: PieceFile;
}

/** A document seen as a file: its roots only, lines counted from its own first line. */
class PieceFile extends SourceFile {
  constructor(
    input: EvidenceInput,
    private readonly placed: Placed,
  ) {
    super({ path: input.path, text: placed.piece.text, yamlRoots: placed.roots });
  }

  override lineOf(offset: number): number {
    return this.placed.piece.lines.positionAt(offset - this.placed.start).line;
  }
}

/** The evidence of one file across its versions. */
export class DocumentEvidence {
  private pieces = new Map<string, Piece>();

  /** detectFile(input, locale), reading again only the documents whose text changed since the last call. */
  detect(input: EvidenceInput, locale: Locale): { item: string; hit: EvidenceHit }[] {
    const placed = input.yamlRoots && input.yamlDocuments && !DIRECTIVE.test(input.text) ? this.place(input.text, input.yamlRoots, input.yamlDocuments) : undefined;
    if (!placed) {
      this.pieces.clear();
      return detectFile(input, locale);
    }
    const file = new SourceFile(input);
    const kinds = placed.reduce((sum, { piece }) => sum + piece.kinds, 0);
    if (kinds > 0 && placed.every(({ piece }) => piece.kinds === piece.crdKinds)) return [];
    const found: { item: string; hit: EvidenceHit }[] = [];
    let lines: LineIndex | undefined;
    const rangeOf = (span: Span) => (lines ??= new LineIndex(file.text)).rangeOf(span);
    for (const detector of DETECTORS) {
      try {
        if (!detector.appliesTo(file) || (detector.textHint && !placed.some(({ piece }) => hintOf(piece, detector)))) continue;
      } catch {
        continue;
      }
      if (!detector.perDocument) {
        let hits;
        try {
          hits = detector.detect(file);
        } catch {
          continue;
        }
        for (const hit of hits) addHit(found, detector, hit, file.path, locale, rangeOf);
        continue;
      }
      const perPiece = detector.perDocument === 'firstDocument' ? firstWithHits(input, placed, detector) : placed.map((where) => ({ where, hits: hitsOf(input, where, detector) }));
      if (!perPiece || perPiece.some(({ hits }) => hits === undefined)) continue;
      const seen = new Set<string>();
      for (const { where, hits } of perPiece) {
        const shiftedRange = (span: Span) => shifted(where.piece.lines.rangeOf(span), where.line);
        for (const hit of hits!) {
          if (detector.perDocument === 'first') {
            if (seen.has(hit.item)) continue;
            seen.add(hit.item);
          }
          addHit(found, detector, hit.line === undefined ? hit : { ...hit, line: hit.line + where.line }, file.path, locale, shiftedRange);
        }
      }
    }
    return found;
  }

  /**
   * The pieces of the text with the roots of their documents, reusing the known pieces by text;
   * undefined when a document reaches past its piece (a quote left open runs on into the next one).
   * From the first document with errors on, a piece is read again: after an error the parser may
   * read a document otherwise than its text alone says, so neither its text nor its hits are kept.
   */
  private place(text: string, roots: readonly unknown[], documents: readonly { span: Span; hasErrors: boolean }[]): Placed[] | undefined {
    if (roots.length !== documents.length) return undefined;
    const starts = [0];
    for (const match of text.matchAll(DOCUMENT_START)) if (match.index! > 0) starts.push(match.index!);
    const endOf = (index: number) => (index + 1 < starts.length ? starts[index + 1] : text.length);
    const rootsOf: unknown[][] = starts.map(() => []);
    let firstError = starts.length;
    let at = 0;
    for (let index = 0; index < roots.length; index++) {
      const { span, hasErrors } = documents[index];
      while (at + 1 < starts.length && starts[at + 1] <= span.start) at++;
      if (span.start < starts[at] || span.end > endOf(at)) return undefined;
      rootsOf[at].push(roots[index]);
      if (hasErrors) firstError = Math.min(firstError, at);
    }
    const next = new Map<string, Piece>();
    const placed: Placed[] = [];
    let line = 0;
    starts.forEach((start, index) => {
      const pieceText = text.slice(start, endOf(index));
      let piece: Piece;
      if (index < firstError) {
        piece = next.get(pieceText) ?? this.pieces.get(pieceText) ?? newPiece(pieceText);
        next.set(pieceText, piece);
      } else {
        piece = newPiece(pieceText);
      }
      placed.push({ piece, start, line, roots: rootsOf[index] });
      line += piece.lines.lineCount - 1;
    });
    this.pieces = next;
    return placed;
  }
}

function newPiece(text: string): Piece {
  let kinds = 0;
  let crdKinds = 0;
  for (const match of text.matchAll(KIND_LINE)) {
    kinds++;
    if (match[1] === 'CustomResourceDefinition') crdKinds++;
  }
  return { text, lines: new LineIndex(text), kinds, crdKinds, hints: new Map(), hits: new Map() };
}

function hintOf(piece: Piece, detector: Detector): boolean {
  let matches = piece.hints.get(detector);
  if (matches === undefined) {
    matches = detector.textHint!.test(piece.text);
    piece.hints.set(detector, matches);
  }
  return matches;
}

function hitsOf(input: EvidenceInput, where: Placed, detector: Detector): DetectorHit[] | undefined {
  const { piece } = where;
  if (piece.hits.has(detector)) return piece.hits.get(detector);
  let hits: DetectorHit[] | undefined;
  try {
    hits = detector.detect((where.file ??= new PieceFile(input, where))).map((hit) => (hit.declares ? { ...hit, declares: { ...hit.declares, span: { start: hit.declares.span.start - where.start, end: hit.declares.span.end - where.start } } } : hit));
  } catch {
    hits = undefined;
  }
  piece.hits.set(detector, hits);
  return hits;
}

/**
 * The hits of the first piece with any, read in order up to it, as the detector stops at the first
 * document with a hit; undefined when it throws on a piece before.
 */
function firstWithHits(input: EvidenceInput, placed: readonly Placed[], detector: Detector): { where: Placed; hits: DetectorHit[] }[] | undefined {
  for (const where of placed) {
    const hits = hitsOf(input, where, detector);
    if (!hits) return undefined;
    if (hits.length > 0) return [{ where, hits }];
  }
  return [];
}

function shifted(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
