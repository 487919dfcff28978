/**
 * Drives the built server (dist/server.js --stdio) as a plain LSP client would: diagnostics for an
 * unsaved buffer, code actions whose edits fix the finding, the checklist request. No sleeps: every
 * wait is for a notification, with a deadline.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ChecklistReplica, expandChecklist, type CompactChecklist } from '../../server/src/checklist/wire';
import { applyEdits } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/text';
import { LspTestClient as Client } from '../helpers/lsp-client';

const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

describe('language server over stdio', () => {
  let workspace: string;
  let client: Client;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-lsp-'));
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
    client = Client.spawn(process.execPath, [serverPath, '--stdio']);
    const result = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(workspace).toString(),
      workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    assert.equal((result as any).capabilities.textDocumentSync, 2, 'incremental sync');
    await client.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes diagnostics for an unsaved buffer and follows incremental edits', async () => {
    const uri = URI.file(join(workspace, 'Dockerfile')).toString();
    const text = 'FROM node:20-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    const rootUser = published.diagnostics.find((d) => d.code === 'dockerfile/non-root-user');
    assert.ok(rootUser, JSON.stringify(published.diagnostics));
    assert.equal(rootUser.source, 'readiness');
    assert.deepEqual(rootUser.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } });
    assert.match(rootUser.codeDescription!.href, /docs\/rules\/dockerfile\/non-root-user\.md$/);

    // Two quick edits: only the newest version's result may land.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'USER root\n' }],
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } }, text: 'node' }],
    });
    const fixed = await client.diagnostics(uri, (p) => p.version === 3);
    assert.equal(fixed.diagnostics.filter((d) => d.code === 'dockerfile/non-root-user').length, 0, JSON.stringify(fixed.diagnostics));
  });

  it('offers a preferred quick fix whose edit removes the finding, and suppression actions', async () => {
    const uri = URI.file(join(workspace, 'fix', 'Dockerfile')).toString();
    const text = 'FROM node:20-alpine\nCMD ["node", "server.js"]\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const published = await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'dockerfile/non-root-user'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'dockerfile/non-root-user') as Diagnostic;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignore dockerfile/non-root-user for this line'), titles.join(', '));
    assert.ok(titles.includes('Ignore dockerfile/non-root-user for this file'), titles.join(', '));
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, 'a preferred fix');
    const edits = (fix.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    const lines = new LineIndex(text);
    const newText = applyEdits(text, edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText })));
    assert.match(newText, /\nUSER app\n/);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: newText }] });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.equal(after.diagnostics.filter((d) => d.code === 'dockerfile/non-root-user').length, 0);

    const suppress = actions.find((action) => action.title.endsWith('for this line'))!;
    const suppressEdits = (suppress.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    const suppressed = applyEdits(text, suppressEdits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText })));
    assert.equal(suppressed.split('\n')[0], '# readiness-ignore dockerfile/non-root-user -- TODO: explain why');
  });

  it('analyzes a file by its editor language when the name says nothing (files.associations)', async () => {
    const uri = URI.file(join(workspace, 'proxy.cfg')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'nginx', version: 1, text: 'http {\n    server_tokens on;\n}\n' },
    });
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'nginx/server-tokens'), JSON.stringify(published.diagnostics));
  });

  it('folds nginx blocks from brace to brace', async () => {
    const uri = URI.file(join(workspace, 'nginx.conf')).toString();
    const text = 'events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            return 204;\n        }\n    }\n}\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nginx', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1);
    const ranges = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[1, 7], [2, 6], [4, 5]]);
  });

  it('records an attestation in .readiness.yml, keeping its comments, and refuses to touch a malformed one', async () => {
    const configPath = join(workspace, '.readiness.yml');
    writeFileSync(configPath, '# team settings: keep this comment\nrules:\n  dockerfile/healthcheck: warning # why: staging only\n');
    const changed = client.checklistChanged();
    const result = (await client.connection.sendRequest('readiness/attest', { itemId: 'performance/cdn', status: 'na', by: 'ana', note: 'internal API, no static assets' })) as { ok: boolean };
    assert.deepEqual(result, { ok: true });
    const written = readFileSync(configPath, 'utf8');
    assert.match(written, /^# team settings: keep this comment\nrules:\n {2}dockerfile\/healthcheck: warning # why: staging only\n/);
    assert.match(written, /checklist:\n {2}performance\/cdn:\n {4}status: na\n {4}by: ana\n {4}note: internal API, no static assets\n {4}date: "?\d{4}-\d{2}-\d{2}"?\n/);
    await changed;
    type Report = { categories: { items: { id: string; status: string }[] }[] };
    const report = (await client.connection.sendRequest('readiness/checklist')) as Report;
    assert.equal(report.categories.flatMap((category) => category.items).find((item) => item.id === 'performance/cdn')!.status, 'not-applicable');
    // What the panel fetches is the same report, its findings as rows.
    const compact = (await client.connection.sendRequest('readiness/checklistCompact')) as CompactChecklist;
    assert.equal(JSON.stringify(expandChecklist(compact)), JSON.stringify(report));

    const malformed = 'checklist: [unclosed\n';
    writeFileSync(configPath, malformed);
    const refused = (await client.connection.sendRequest('readiness/attest', { itemId: 'performance/cdn', status: 'done' })) as { ok: boolean; error?: string };
    assert.equal(refused.ok, false);
    assert.ok(refused.error && refused.error.length > 0);
    assert.equal(readFileSync(configPath, 'utf8'), malformed, 'a malformed file is never overwritten');
    rmSync(configPath);
  });

  it('reports a broken .readiness.yml in that file and keeps the defaults', async () => {
    const uri = URI.file(join(workspace, '.readiness.yml')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 'rules:\n  dockerfile/no-such-rule: error\n  dockerfile/non-root-user: loud\n' },
    });
    const published = await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length >= 2);
    const messages = published.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
    assert.ok(messages.some((m) => m.startsWith('1:2 Unknown rule "dockerfile/no-such-rule"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('2:28 Severity must be one of')), messages.join('\n'));
  });

  it('answers the checklist request with every seed item, and notifies when an edit changes it', async () => {
    type Report = { categories: { items: { id: string; status: string; findings: { file: string }[] }[] }[]; score: number };
    const item = (report: Report) => report.categories.flatMap((category) => category.items).find((entry) => entry.id === 'deployment/docker-security-context')!;
    const uri = URI.file(join(workspace, 'panel', 'Dockerfile')).toString();
    const changed = client.checklistChanged();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM node:20-alpine\nCMD ["node"]\n' } });
    await changed;
    const before = (await client.connection.sendRequest('readiness/checklist')) as Report;
    // The panel's copy: the whole report first, then what changed since the revision it holds.
    const methods: string[] = [];
    const panel = new ChecklistReplica((method, params) => {
      methods.push(method);
      return params === undefined ? client.connection.sendRequest(method) : client.connection.sendRequest(method, params);
    });
    assert.deepEqual(await panel.fetch(), before);
    assert.equal(before.categories.flatMap((category) => category.items).length, 139);
    assert.equal(item(before).status, 'failing');
    assert.ok(item(before).findings.some((finding) => finding.file === 'panel/Dockerfile'));

    const fixed = client.checklistChanged();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'FROM node:20-alpine\nUSER node\nCMD ["node"]\n' }] });
    assert.ok(!(await fixed).unchanged, 'a fixed finding changes the report');
    const after = (await client.connection.sendRequest('readiness/checklist')) as Report;
    assert.ok(!item(after).findings.some((finding) => finding.file === 'panel/Dockerfile'), JSON.stringify(item(after).findings));
    assert.deepEqual(await panel.fetch(), after);
    assert.deepEqual(methods, ['readiness/checklistCompact', 'readiness/checklistDelta']);

    // A comment at the end changes nothing the checklist reads: the server says it kept the report,
    // so the panel does not fetch it again.
    const kept = client.checklistChanged();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'FROM node:20-alpine\nUSER node\nCMD ["node"]\n# runs as node\n' }] });
    assert.equal((await kept).unchanged, true);
    assert.deepEqual(await client.connection.sendRequest('readiness/checklist'), after);
  });
});

describe('language server without the Terraform WebAssembly files', () => {
  it('keeps analyzing the other kinds and puts one clear error on each Terraform file', async () => {
    const lonely = mkdtempSync(join(tmpdir(), 'readiness-nowasm-lsp-'));
    copyFileSync(serverPath, join(lonely, 'server.js'));
    copyFileSync(join(serverPath, '..', 'server-core.js'), join(lonely, 'server-core.js'));
    const lonelyClient = Client.spawn(process.execPath, [join(lonely, 'server.js'), '--stdio']);
    try {
      await lonelyClient.connection.sendRequest('initialize', { processId: process.pid, rootUri: URI.file(lonely).toString(), capabilities: {} });
      await lonelyClient.connection.sendNotification('initialized', {});
      const tf = URI.file(join(lonely, 'main.tf')).toString();
      const docker = URI.file(join(lonely, 'Dockerfile')).toString();
      await lonelyClient.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: tf, languageId: 'terraform', version: 1, text: 'resource "aws_s3_bucket" "b" {}\n' } });
      await lonelyClient.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docker, languageId: 'dockerfile', version: 1, text: 'FROM node:20\nCMD ["node"]\n' } });
      const terraform = await lonelyClient.diagnostics(tf, (p) => p.version === 1);
      assert.deepEqual(terraform.diagnostics.map((d) => d.code), ['readiness/unavailable']);
      assert.match(String(terraform.diagnostics[0].message), /web-tree-sitter\.wasm is missing/);
      const dockerfile = await lonelyClient.diagnostics(docker, (p) => p.version === 1);
      assert.ok(dockerfile.diagnostics.some((d) => d.code === 'dockerfile/non-root-user'));
    } finally {
      await lonelyClient.stop();
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});

describe('language server with workspace folders added later', () => {
  it('indexes a folder added to the workspace and shows its findings in the checklist', async () => {
    const first = mkdtempSync(join(tmpdir(), 'readiness-folder-a-'));
    const second = mkdtempSync(join(tmpdir(), 'readiness-folder-b-'));
    writeFileSync(join(second, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
    const folderClient = Client.spawn(process.execPath, [serverPath, '--stdio']);
    type Report = { analyzedFiles: number; categories: { items: { id: string; findings: { file: string }[] }[] }[] };
    try {
      await folderClient.connection.sendRequest('initialize', {
        processId: process.pid,
        workspaceFolders: [{ uri: URI.file(first).toString(), name: 'a' }],
        capabilities: { workspace: { workspaceFolders: true } },
      });
      const indexed = folderClient.checklistChanged();
      await folderClient.connection.sendNotification('initialized', {});
      await indexed;
      const before = (await folderClient.connection.sendRequest('readiness/checklist')) as Report;
      assert.equal(before.analyzedFiles, 0);

      const changed = folderClient.checklistChanged();
      await folderClient.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: URI.file(second).toString(), name: 'b' }], removed: [] },
      });
      await changed;
      const after = (await folderClient.connection.sendRequest('readiness/checklist')) as Report;
      assert.equal(after.analyzedFiles, 1);
      // The server's capabilities announce folder notifications; asking for them again during
      // initialize is refused by VS Code's client ("Unhandled method client/registerCapability").
      assert.ok(!folderClient.registrations.includes('workspace/didChangeWorkspaceFolders'), folderClient.registrations.join(', '));
      const item = after.categories.flatMap((category) => category.items).find((entry) => entry.id === 'deployment/docker-security-context')!;
      assert.ok(item.findings.some((finding) => finding.file.endsWith('Dockerfile')), JSON.stringify(item.findings));
    } finally {
      await folderClient.stop();
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });
});
