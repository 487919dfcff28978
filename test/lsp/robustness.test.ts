/**
 * The server in this process (createServer over in-memory streams), on what must never happen:
 * a first publish that ignores the user's settings, a stale quick fix applied to newer text,
 * a config that kills the server, old diagnostics left on a version whose analysis failed, a file
 * from outside the workspace in its checklist. No sleeps: every wait is for a message, with a deadline.
 */
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { analyzeFile, applyEdits } from '../../server/src/engine/analyze';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../server/src/engine/files';
import { LineIndex } from '../../server/src/engine/text';
import { initKind } from '../../server/src/kinds';
import { writeFileAtomic } from '../../server/src/service/config-file';
import { LspTestClient } from '../helpers/lsp-client';

type Report = { analyzedFiles: number; problems: string[]; categories: { items: { id: string; status: string; findings: { file: string }[] }[] }[] };

const uriOf = (path: string) => URI.file(path).toString();
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const open = (client: LspTestClient, path: string, text: string, languageId = 'plaintext', version = 1) =>
  client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId, version, text } });
const change = (client: LspTestClient, path: string, version: number, text: string) =>
  client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: [{ text }] });
const applyLspEdits = (text: string, edits: TextEdit[]) => {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText })));
};

/** A Dockerfile of `bytes` bytes or a little more, with a root user to report. */
function largeDockerfile(bytes: number): string {
  const parts = ['FROM node:20-alpine\n'];
  let size = parts[0].length;
  for (let i = 0; size <= bytes; i++) {
    const line = `LABEL padding.${i}="${'x'.repeat(100)}"\n`;
    parts.push(line);
    size += line.length;
  }
  parts.push('CMD ["node", "server.js"]\n');
  return parts.join('');
}

describe('server start-up and settings', () => {
  let workspace: string;
  let client: LspTestClient | undefined;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-startup-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('honours the user settings from the first publish: a raised size limit, a rule turned off, the locale', async () => {
    const big = join(workspace, 'big', 'Dockerfile');
    const text = largeDockerfile(DEFAULT_MAX_FILE_SIZE_KB * 1024);
    client = LspTestClient.inProcess({ settings: { readiness: { maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB * 2, rules: { 'dockerfile/healthcheck': 'off' }, locale: 'pt-BR' } } });
    await client.start([workspace]);
    await open(client, big, text, 'dockerfile');
    const first = await client.diagnostics(uriOf(big));
    assert.equal(client.publications.get(uriOf(big)), 1);
    assert.ok(!codes(first.diagnostics).includes('readiness/skipped'), JSON.stringify(first.diagnostics.slice(0, 3)));
    assert.ok(codes(first.diagnostics).includes('dockerfile/non-root-user'));
    assert.ok(!codes(first.diagnostics).includes('dockerfile/healthcheck'));
    const rootUser = first.diagnostics.find((d) => d.code === 'dockerfile/non-root-user')!;
    assert.doesNotMatch(String(rootUser.message), / the /, 'the message is in Portuguese');
  });

  it('re-checks open files when the settings change', async () => {
    const path = join(workspace, 'settings', 'Dockerfile');
    client = LspTestClient.inProcess({ settings: { readiness: { debounceMs: 0 } } });
    await client.start([workspace]);
    await open(client, path, 'FROM node:20-alpine\nCMD ["node", "server.js"]\n', 'dockerfile');
    const before = await client.diagnostics(uriOf(path));
    assert.ok(codes(before.diagnostics).includes('dockerfile/non-root-user'));
    client.settings = { readiness: { rules: { 'dockerfile/non-root-user': 'off' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnostics(uriOf(path), (p) => !codes(p.diagnostics).includes('dockerfile/non-root-user'));
    assert.equal(after.version, 1);
    assert.ok(codes(after.diagnostics).includes('dockerfile/healthcheck'), JSON.stringify(codes(after.diagnostics)));
  });

  it('indexes a large workspace in the background with work-done progress, after publishing the opened file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'readiness-progress-'));
    try {
      for (let i = 0; i < 30; i++) writeFileSync(join(root, `app-${i}.Dockerfile`), 'FROM node:20-alpine\nCMD ["node"]\n');
      const progress: { kind: string; percentage?: number }[] = [];
      const opened = join(root, 'app-0.Dockerfile');
      let publishedBeforeIndexing = false;
      client = LspTestClient.inProcess({ server: { progressThreshold: 10 } });
      client.connection.onNotification('$/progress', ({ value }: { value: { kind: string; percentage?: number } }) => {
        if (value.kind === 'begin' && progress.length === 0) publishedBeforeIndexing = client!.publications.get(uriOf(opened)) === 1;
        progress.push(value);
      });
      const indexed = client.checklistChanged();
      await client.start([root], { workspace: { configuration: true }, window: { workDoneProgress: true } });
      await open(client, opened, 'FROM node:20-alpine\nCMD ["node"]\n', 'dockerfile');
      await indexed;
      assert.deepEqual([progress[0].kind, progress[progress.length - 1].kind], ['begin', 'end']);
      assert.ok(progress.some((value) => value.kind === 'report'), JSON.stringify(progress));
      assert.ok(publishedBeforeIndexing, 'the opened file was published before indexing began');
      const report = (await client.connection.sendRequest('readiness/checklist')) as Report;
      assert.equal(report.analyzedFiles, 30);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('publishes a manifest while the Terraform parser is still starting, and the .tf file once it has started', async () => {
    const root = mkdtempSync(join(tmpdir(), 'readiness-starting-'));
    try {
      const manifest = join(root, 'pod.yaml');
      const terraform = join(root, 'main.tf');
      writeFileSync(join(root, 'other.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      client = LspTestClient.inProcess({ server: { startKind: async (kind) => (kind === 'terraform' ? held.then(() => initKind(kind)) : initKind(kind)) } });
      let scored = false;
      const indexed = client.checklistChanged();
      void indexed.then(() => (scored = true));
      await client.start([root]);
      await open(client, terraform, 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n', 'terraform');
      await open(client, manifest, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n', 'yaml');
      const pod = await client.diagnostics(uriOf(manifest));
      assert.ok(codes(pod.diagnostics).includes('k8s/liveness-probe'), JSON.stringify(codes(pod.diagnostics)));
      // Nothing is said about the .tf file yet: no empty list that would read as "no findings".
      assert.equal(client.publications.get(uriOf(terraform)) ?? 0, 0);
      assert.equal(scored, false, 'the checklist waits for every kind');
      release();
      const tf = await client.diagnostics(uriOf(terraform));
      assert.ok(codes(tf.diagnostics).includes('terraform/rds-encryption'), JSON.stringify(codes(tf.diagnostics)));
      await indexed;
      const report = (await client.connection.sendRequest('readiness/checklist')) as Report;
      assert.equal(report.analyzedFiles, 3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('goes on with the defaults when .readiness.yml is a folder, and says so in the checklist', async () => {
    const root = mkdtempSync(join(tmpdir(), 'readiness-config-folder-'));
    try {
      mkdirSync(join(root, '.readiness.yml'));
      writeFileSync(join(root, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
      client = LspTestClient.inProcess();
      const indexed = client.checklistChanged();
      await client.start([root]);
      await indexed;
      const report = (await client.connection.sendRequest('readiness/checklist')) as Report;
      assert.equal(report.analyzedFiles, 1);
      assert.equal(report.problems.length, 1);
      assert.match(report.problems[0], /^\.readiness\.yml:1: Cannot read \.readiness\.yml \(it is a folder\); the defaults apply/);
      await open(client, join(root, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n', 'dockerfile');
      const published = await client.diagnostics(uriOf(join(root, 'Dockerfile')));
      assert.ok(codes(published.diagnostics).includes('dockerfile/non-root-user'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('server editing safety', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-edits-'));
    // One text makes the analysis throw, as a parser overflowing its stack on deep nesting would.
    const analyze: typeof analyzeFile = (input) => {
      if (input.model.text.includes('EXPLODE')) throw new RangeError('Maximum call stack size exceeded');
      return analyzeFile(input);
    };
    client = LspTestClient.inProcess({ settings: { readiness: { debounceMs: 0 } }, server: { analyze } });
    await client.start([workspace]);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('never applies a quick fix computed for an older version: it is recomputed on the current text', async () => {
    const path = join(workspace, 'stale', 'Dockerfile');
    const uri = uriOf(path);
    const v1 = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n';
    await open(client, path, v1, 'dockerfile');
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    const stale = published.diagnostics.find((d) => d.code === 'dockerfile/apt-no-recommends')!;
    assert.ok(stale, JSON.stringify(codes(published.diagnostics)));
    assert.equal((stale.data as { version: number }).version, 1);

    // The user types two lines above it; the editor still shows version 1's diagnostic.
    const v2 = 'FROM debian:12\nENV A=1\nENV B=2\nRUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n';
    await change(client, path, 2, v2);
    const cursor = { start: { line: 3, character: 30 }, end: { line: 3, character: 30 } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [stale] } })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, actions.map((action) => action.title).join(', '));
    for (const action of actions) {
      const documentChange = action.edit!.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
      assert.equal(documentChange.textDocument.version, 2, action.title);
    }
    const fixed = applyLspEdits(v2, (fix.edit!.documentChanges![0] as { edits: TextEdit[] }).edits);
    assert.equal(fixed, 'FROM debian:12\nENV A=1\nENV B=2\nRUN apt-get update && apt-get install --no-install-recommends -y curl\nCMD ["curl"]\n');
    const ignoreLine = actions.find((action) => action.title === 'Ignore dockerfile/apt-no-recommends for this line')!;
    const suppressed = applyLspEdits(v2, (ignoreLine.edit!.documentChanges![0] as { edits: TextEdit[] }).edits);
    assert.equal(suppressed.split('\n')[3], '# readiness-ignore dockerfile/apt-no-recommends -- TODO: explain why');

    // The finding is gone from the current text: a stale diagnostic gets no action at all.
    const v3 = 'FROM debian:12\nCMD ["curl"]\n';
    await change(client, path, 3, v3);
    const none = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } })) as CodeAction[];
    assert.deepEqual(none, []);
  });

  it('publishes an error for the new version when its analysis fails, instead of keeping the old findings', async () => {
    const path = join(workspace, 'fails', 'Dockerfile');
    const uri = uriOf(path);
    await open(client, path, 'FROM node:20-alpine\nCMD ["node"]\n', 'dockerfile');
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    assert.ok(codes(first.diagnostics).includes('dockerfile/non-root-user'));
    await change(client, path, 2, 'FROM node:20-alpine\n# EXPLODE\nCMD ["node"]\n');
    const failed = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(codes(failed.diagnostics), ['readiness/analysis-failed']);
    assert.match(String(failed.diagnostics[0].message), /could not analyze this version of the file \(Maximum call stack size exceeded\)/);
    await change(client, path, 3, 'FROM node:20-alpine\nUSER node\nCMD ["node"]\n');
    const recovered = await client.diagnostics(uri, (p) => p.version === 3);
    assert.ok(!codes(recovered.diagnostics).includes('readiness/analysis-failed'));
  });

  it('analyzes a file opened from outside the workspace without scoring it, and forgets it on close', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'readiness-elsewhere-'));
    try {
      const path = join(elsewhere, 'Dockerfile');
      await open(client, path, 'FROM node:20-alpine\nCMD ["node"]\n', 'dockerfile');
      const published = await client.diagnostics(uriOf(path));
      assert.ok(codes(published.diagnostics).includes('dockerfile/non-root-user'));
      const files = (report: Report) => report.categories.flatMap((category) => category.items.flatMap((item) => item.findings.map((finding) => finding.file)));
      const during = (await client.connection.sendRequest('readiness/checklist')) as Report;
      assert.ok(!files(during).some((file) => file.includes('readiness-elsewhere')), JSON.stringify(files(during)));
      const analyzedDuring = during.analyzedFiles;

      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path) } });
      const cleared = await client.diagnostics(uriOf(path), (p) => p.diagnostics.length === 0);
      assert.equal(cleared.diagnostics.length, 0);
      const afterClose = (await client.connection.sendRequest('readiness/checklist')) as Report;
      assert.equal(afterClose.analyzedFiles, analyzedDuring);
      assert.ok(!files(afterClose).some((file) => file.includes('readiness-elsewhere')));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('edits an open .readiness.yml through the editor, never behind its back on disk', async () => {
    const path = join(workspace, '.readiness.yml');
    writeFileSync(path, 'rules: {}\n');
    await open(client, path, 'rules: {}\n# unsaved line\n', 'yaml');
    await client.diagnostics(uriOf(path));
    const result = (await client.connection.sendRequest('readiness/attest', { itemId: 'performance/cdn', status: 'na', note: 'no static assets' })) as { ok: boolean; error?: string };
    assert.equal(result.ok, false, 'the test client refuses every edit');
    assert.equal(client.appliedEdits.length, 1);
    assert.equal(readFileSync(path, 'utf8'), 'rules: {}\n');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path) } });
    rmSync(path);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file with a new one (a rename), keeps its mode and a symlink to it, and leaves no temporary file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'readiness-atomic-'));
    try {
      const path = join(folder, '.readiness.yml');
      writeFileSync(path, 'version: 007\n', { mode: 0o600 });
      const before = statSync(path);
      writeFileAtomic(path, 'version: 007\nchecklist: {}\n');
      const after = statSync(path);
      assert.equal(readFileSync(path, 'utf8'), 'version: 007\nchecklist: {}\n');
      assert.notEqual(after.ino, before.ino, 'a new file took its place');
      assert.equal(after.mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(folder), ['.readiness.yml']);

      symlinkSync('.readiness.yml', join(folder, 'link.yml'));
      writeFileAtomic(join(folder, 'link.yml'), 'version: 8\n');
      assert.ok(lstatSync(join(folder, 'link.yml')).isSymbolicLink(), 'the link is kept');
      assert.equal(readFileSync(path, 'utf8'), 'version: 8\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('code action titles', () => {
  it('come from the bundle of the user locale', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'readiness-titles-'));
    const client = LspTestClient.inProcess({ settings: { readiness: { locale: 'pt-BR' } } });
    try {
      await client.start([workspace]);
      const path = join(workspace, 'Dockerfile');
      await open(client, path, '# readiness-ignore dockerfile/healthcheck -- not served\nFROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["curl"]\n', 'dockerfile');
      // dockerfile/healthcheck reads the workspace's Compose files: its suppression is judged once the workspace is indexed.
      const published = await client.diagnostics(uriOf(path), (p) => p.diagnostics.some((d) => d.code === 'readiness/unused-suppression'));
      const titles = async (diagnostic: Diagnostic) =>
        ((await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(path) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[]).map((a) => a.title);
      const unused = published.diagnostics.find((d) => d.code === 'readiness/unused-suppression')!;
      assert.ok(unused, JSON.stringify(codes(published.diagnostics)));
      assert.deepEqual(await titles(unused), ['Remover a supressão não usada']);
      const rule = published.diagnostics.find((d) => !String(d.code).startsWith('readiness/'))!;
      const ruleTitles = await titles(rule);
      assert.ok(ruleTitles.includes(`Ignorar ${rule.code} nesta linha`), ruleTitles.join(', '));
      assert.ok(ruleTitles.includes(`Ignorar ${rule.code} neste arquivo`), ruleTitles.join(', '));
    } finally {
      await client.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
