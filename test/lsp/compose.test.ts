/**
 * A quick fix on a Compose file, as a user applies it: the built server (dist/server.js --stdio)
 * publishes the finding on the buffer the Docker extension names `dockercompose`, the code action
 * carries the edit, and the edited buffer comes back clean. No sleeps: every wait is for a
 * notification, with a deadline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { applyEdits } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/text';
import { LspTestClient as Client } from '../helpers/lsp-client';

const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');
const COMPOSE = [
  'services:',
  '  prometheus:',
  '    image: prom/prometheus:v2.54.1',
  '    ports:',
  '      - "9090:9090"',
  '',
].join('\n');

describe('language server on a Compose file', () => {
  let workspace: string;
  let client: Client;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-lsp-compose-'));
    writeFileSync(join(workspace, 'docker-compose.production.yml'), COMPOSE);
    client = Client.spawn(process.execPath, [serverPath, '--stdio']);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(workspace).toString(),
      workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('binds a published Prometheus port to loopback with the preferred quick fix', async () => {
    const uri = URI.file(join(workspace, 'docker-compose.production.yml')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockercompose', version: 1, text: COMPOSE } });
    const published = await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'compose/exposed-ports'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'compose/exposed-ports') as Diagnostic;
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 14 }, end: { line: 4, character: 18 } });
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\/compose\/exposed-ports\.md$/);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred);
    assert.equal(fix?.title, 'Publish port 9090 on 127.0.0.1 only');
    assert.ok(actions.some((action) => action.title === 'Ignore compose/exposed-ports for this line'), actions.map((action) => action.title).join(', '));
    const edits = (fix!.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    const lines = new LineIndex(COMPOSE);
    const fixed = applyEdits(COMPOSE, edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText })));
    assert.equal(fixed.split('\n')[4], '      - "127.0.0.1:9090:9090"');

    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'compose/exposed-ports'), []);
  });
});
