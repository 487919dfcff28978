/**
 * Random edits through the server's incremental sync and caches end exactly where a fresh
 * analysis of the final text does, and memory stays flat across them. This is the short version
 * (a 40 KB manifest); `npm run bench` runs 1,000 edits on a 2 MB manifest, analysing every one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ALL_RULES } from '../../rules';
import { analyzeFile, applyEdits } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/text';
import { initKinds, kindSupport } from '../../server/src/kinds';
import { LspTestClient } from '../helpers/lsp-client';
import { manifestStream, randomEdit, seededRandom } from '../helpers/synthetic';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const summary = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).sort();

describe('1,000 random edits', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    await initKinds();
    workspace = mkdtempSync(join(tmpdir(), 'readiness-random-edits-'));
    // A short debounce lets most of a burst of edits coalesce, as when someone types fast.
    client = LspTestClient.inProcess({ settings: { readiness: { debounceMs: 20 } } });
    await client.start([workspace]);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('end with the diagnostics of a fresh analysis of the final text, memory flat', async () => {
    const path = join(workspace, 'stream.yaml');
    const uri = URI.file(path).toString();
    const random = seededRandom(16);
    let text = manifestStream(40_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1);
    const heaps: number[] = [];
    const edits = 1000;
    for (let version = 2; version <= edits + 1; version++) {
      const edit = randomEdit(text, random);
      const lines = new LineIndex(text);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, text: edit.newText }],
      });
      text = applyEdits(text, [edit]);
      // Every 100th version is analyzed and published before typing goes on.
      if (version % 100 === 0) {
        await client.diagnostics(uri, (p) => p.version === version, 60_000);
        heaps.push(heapAfterGc());
      }
    }
    const published = await client.diagnostics(uri, (p) => p.version === edits + 1, 60_000);

    const model = kindSupport('kubernetes').parse(text, path);
    const fresh = analyzeFile({ model, rules: ALL_RULES, settings: { rules: {}, locale: 'en' } });
    const freshLines = new LineIndex(text);
    const expected = fresh.findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.ruleId} ${f.message}`).sort();
    assert.ok(expected.length > 0);
    assert.deepEqual(summary(published.diagnostics), expected);
    assert.equal(freshLines.text, text);

    // After the first few analyses have filled the caches, the heap does not grow with the edits.
    const settled = heaps[2];
    const last = heaps[heaps.length - 1];
    assert.ok(last - settled < 16 * 1024 * 1024, `heap grew from ${(settled / 1e6).toFixed(1)} MB to ${(last / 1e6).toFixed(1)} MB`);
  });
});
