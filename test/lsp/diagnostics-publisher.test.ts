/**
 * The publisher's schedule, with and without a debounce delay: a publication that is due now runs
 * in the next turn of the event loop, and is cancelled, replaced and dropped like a delayed one.
 * No sleeps: a later publication of another document is the barrier (both kinds of schedule fire
 * in the order they were made).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { LineIndex } from '../../server/src/engine/text';
import { DiagnosticsPublisher } from '../../server/src/lsp/handlers/diagnostics';
import type { ReadinessService } from '../../server/src/service';

const A = URI.file('/work/a/Dockerfile').toString();
const B = URI.file('/work/b/Dockerfile').toString();

/** A publisher over two open documents; `published` lists what reached the client, in order. */
function setUp() {
  const open = new Map([A, B].map((uri) => [uri, TextDocument.create(uri, 'dockerfile', 1, 'FROM node:20\n')]));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; resolve: () => void }[] = [];
  const connection = {
    sendDiagnostics: async (params: PublishDiagnosticsParams) => {
      published.push(params);
      for (const waiter of waiters.filter((w) => w.uri === params.uri)) waiters.splice(waiters.indexOf(waiter), 1), waiter.resolve();
    },
  } as unknown as Connection;
  const documents = { get: (uri: string) => open.get(uri) } as unknown as TextDocuments<TextDocument>;
  const service = {
    started: Promise.resolve(),
    locale: 'en',
    fileReport: () => ({ state: 'findings', findings: [], lines: new LineIndex('FROM node:20\n') }),
  } as unknown as ReadinessService;
  const publisher = new DiagnosticsPublisher(connection, documents, service);
  const publishedFor = (uri: string) => new Promise<void>((resolve) => waiters.push({ uri, resolve }));
  const edit = (uri: string, version: number) => {
    open.set(uri, TextDocument.update(open.get(uri)!, [{ text: `FROM node:${version}\n` }], version));
  };
  return { publisher, published, publishedFor, edit };
}

for (const delayMs of [0, 5]) {
  describe(`diagnostics publisher, ${delayMs} ms delay`, () => {
    it('publishes the current version once however often it was scheduled', async () => {
      const { publisher, published, publishedFor, edit } = setUp();
      const done = publishedFor(A);
      publisher.schedule(A, delayMs);
      edit(A, 2);
      publisher.schedule(A, delayMs);
      assert.equal(publisher.isPending(A), true);
      await done;
      const barrier = publishedFor(B);
      publisher.schedule(B, delayMs);
      await barrier;
      assert.deepEqual(
        published.map((p) => [p.uri, p.version]),
        [
          [A, 2],
          [B, 1],
        ],
      );
      assert.equal(publisher.isPending(A), false);
    });

    it('publishes nothing for a cancelled document', async () => {
      const { publisher, published, publishedFor } = setUp();
      publisher.schedule(A, delayMs);
      publisher.cancel(A);
      assert.equal(publisher.isPending(A), false);
      const barrier = publishedFor(B);
      publisher.schedule(B, delayMs);
      await barrier;
      assert.deepEqual(
        published.map((p) => p.uri),
        [B],
      );
    });

    it('publishes nothing once disposed', async () => {
      const { publisher, published } = setUp();
      publisher.schedule(A, delayMs);
      publisher.dispose();
      publisher.schedule(B, delayMs);
      assert.equal(publisher.isPending(A), false);
      assert.equal(publisher.isPending(B), false);
      // A publication still due would run by the time a fresh one of the same kind does.
      await new Promise<void>((resolve) => (delayMs > 0 ? setTimeout(resolve, delayMs) : setImmediate(resolve)));
      assert.deepEqual(published, []);
    });
  });
}
