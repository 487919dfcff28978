/**
 * A manifest parsed document by document, reusing the documents of its previous version, is the
 * same as `yaml` parsing the whole stream at once: the same documents, nodes, ranges and errors, on
 * tricky streams, on the real corpus and along random edits; and the model built from a previous
 * version equals the model built from scratch.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/engine/analyze';
import { parseKubernetes, type KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { yamlParserText } from '../../server/src/kinds/kubernetes/nodes';
import { parseStream, type ParsedStream } from '../../server/src/kinds/kubernetes/stream';
import { manifestStream, randomEdit, seededRandom } from '../helpers/synthetic';

const corpus = path.resolve(__dirname, '../../../shared/corpus/real/k8s');

/** Everything of a node tree the models read: kinds, ranges, values, anchors, tags, styles. */
function dump(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isPair(node)) return ['pair', dump(node.key), dump(node.value)];
  if (isScalar(node)) return ['scalar', node.range, node.anchor, node.tag, node.type, typeof node.value === 'symbol' ? String(node.value) : node.value, node.source];
  if (isAlias(node)) return ['alias', node.range, node.source];
  if (isMap(node) || isSeq(node)) return [isMap(node) ? 'map' : 'seq', node.range, node.anchor, node.tag, node.flow, node.items.map(dump)];
  return ['unknown'];
}

function wholeStream(text: string): unknown {
  // Syntax errors without their stacks, as the model parses them: the same errors, much faster.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const documents = parseAllDocuments(text, { merge: true, prettyErrors: false });
  Error.stackTraceLimit = stackTraceLimit;
  return (Array.isArray(documents) ? documents : []).map((document) => [document.range, dump(document.contents), document.errors.map((error) => [error.pos, error.message])]);
}

function pieceByPiece(stream: ParsedStream): unknown {
  return stream.documents.map((document) => [document.range, dump(document.root), document.errors.map((error) => [error.pos, error.message])]);
}

/** What rules read of a model, without the node objects themselves. */
function modelSummary(model: KubernetesModel): unknown {
  return {
    errors: model.errors,
    style: model.style,
    sharedSpans: model.sharedSpans,
    documents: model.documents.map((document) => [document.index, document.span, document.hasErrors, dump(document.root)]),
    objects: model.objects.map((object) => [object.document, object.apiVersion, object.kind, object.name, object.namespace, object.kindSpan, object.nameSpan, object.partial, object.labels, object.pod?.keySpan]),
    containers: model.containers.map((container) => [container.type, container.name, container.nameSpan, container.image?.span, container.env.map((variable) => variable.nameSpan)]),
  };
}

/** Deep equality through JSON first: assert.deepEqual on trees this size is slow, and only a failure needs its diff. */
function sameStructure(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) assert.deepEqual(actual, expected, message);
}

/** An edit of the kinds that change how a stream is cut: markers, quotes, brackets, block scalars, directives. */
function streamEdit(text: string, random: () => number): { start: number; end: number; newText: string } {
  if (random() < 0.6) return randomEdit(text, random);
  const lineStart = text.lastIndexOf('\n', Math.floor(random() * text.length)) + 1;
  const pieces = ['---\n', '--- |\n  x\n', '...\n', "'", '"', '[', ']', '{', '}', '|\n', '&a ', '*a\n', '%YAML 1.2\n', '---', '? '];
  return { start: lineStart, end: lineStart, newText: pieces[Math.floor(random() * pieces.length)] };
}

describe('kubernetes stream, document by document', () => {
  const tricky = [
    'a: |\n  x\n---\n  y\n',
    'a: [1,\n---\n2]\n',
    'a: {x: 1,\n---\ny: 2}\n',
    'a: "x\n---\ny"\n',
    "a: 'x\n---\n'\n",
    'a: "x\n---',
    '---\n---\n',
    '# comment\n---\na: 1\n...\nb: 2\n---\nc: 3\n',
    '--- |\n  text\n--- >\n  more\n',
    '---\ta: 1\n---#x\n',
    'a: 1\n--- # c\nb: 2\n...\n...\n',
    '...\n---\na: 1\n',
    'a: &x 1\n---\nb: *x\n',
    '\ufeffa: 1\n---\nb: 2\n',
    'a:\n  b: c\n---   \nx: y\n---\r\nz: w\n',
    '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
    'a: b\n---',
    '? a\n---\n: b\n',
  ];
  for (const text of tricky) {
    it(`parses ${JSON.stringify(text)} as the whole stream does`, () => {
      assert.deepEqual(pieceByPiece(parseStream(text)), wholeStream(text));
    });
  }

  it('parses every real multi-document manifest as the whole stream does', (t) => {
    if (!existsSync(corpus)) return t.skip(`no corpus at ${corpus}`);
    let streams = 0;
    for (const name of readdirSync(corpus).filter((entry) => /\.ya?ml$/i.test(entry))) {
      const text = yamlParserText(readFileSync(path.join(corpus, name), 'utf8'));
      // A single document is one piece, parsed as a whole either way; the 2 MB install bundles
      // repeat what their smaller siblings hold, at the cost of seconds.
      if (!/^---/m.test(text.slice(1)) || text.length > 256 * 1024) continue;
      streams++;
      sameStructure(pieceByPiece(parseStream(text)), wholeStream(text), name);
    }
    assert.ok(streams > 50, `${streams} multi-document manifests`);
  });

  it('follows 200 random edits of a stream, reusing the previous version, exactly as a fresh parse', () => {
    const random = seededRandom(33);
    let text = manifestStream(2_500);
    let stream = parseStream(text);
    let model = parseKubernetes(text, '/w/stream.yaml');
    for (let step = 0; step < 200; step++) {
      text = applyEdits(text, [streamEdit(text, random)]);
      stream = parseStream(text, stream);
      sameStructure(pieceByPiece(stream), wholeStream(text), `after edit ${step}: ${JSON.stringify(text)}`);
      const next = parseKubernetes(text, '/w/stream.yaml', model);
      sameStructure(modelSummary(next), modelSummary(parseKubernetes(text, '/w/stream.yaml')), `model after edit ${step}`);
      model = next;
    }
  });

  it('reparses only the documents an edit touches: the others keep their nodes, or get copies when they moved', () => {
    const text = manifestStream(3_000);
    const first = parseKubernetes(text, '/w/stream.yaml');
    assert.ok(first.documents.length > 4);
    const appended = parseKubernetes(`${text}# end\n`, '/w/stream.yaml', first);
    assert.deepEqual(
      appended.documents.slice(0, -1).map((document) => document.root),
      first.documents.slice(0, -1).map((document) => document.root),
    );
    assert.equal(appended.objects[0], first.objects[0]);
    const prepended = parseKubernetes(`# start\n${text}`, '/w/stream.yaml', first);
    const moved = prepended.documents.slice(1);
    assert.ok(moved.every((document, i) => document.root !== first.documents[i + 1].root));
    assert.deepEqual(moved.map((document) => document.span.start), first.documents.slice(1).map((document) => document.span.start + '# start\n'.length));
  });
});
