/**
 * Quick fixes land where a person would write the key, through the real server: `replicas` right
 * under a long Deployment's `spec:`, `strategy` right after `replicas`, `securityContext` inside
 * the container it hardens; fix titles follow the client's language (pt-BR); and the checklist
 * the panel gets carries what it acts on: the Fix first order, fix titles, skipped files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { applyEdits } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/text';
import { LspTestClient } from '../helpers/lsp-client';

const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

async function startServer(workspace: string, locale: string): Promise<LspTestClient> {
  const client = LspTestClient.spawn(process.execPath, [serverPath, '--stdio']);
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: URI.file(workspace).toString(),
    workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'ws' }],
    initializationOptions: { locale },
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await client.connection.sendNotification('initialized', {});
  return client;
}

async function stopServer(client: LspTestClient): Promise<void> {
  await client.stop();
}

/** Opens a buffer, waits for the rule's diagnostic and returns it with the code actions offered on it. */
async function actionsFor(client: LspTestClient, uri: string, languageId: string, text: string, ruleId: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const published = await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === ruleId));
  const diagnostic = published.diagnostics.find((d) => d.code === ruleId)!;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  return { diagnostic, actions };
}

function apply(text: string, action: CodeAction): { text: string; edits: TextEdit[] } {
  const edits = (action.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
  const lines = new LineIndex(text);
  return { text: applyEdits(text, edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))), edits };
}

/** A Deployment whose spec runs far past one screen: a fix appended at its end would be off screen. */
function deployment(specHead: string): string {
  const env = Array.from({ length: 30 }, (_, index) => `            - name: SETTING_${index}\n              value: "${index}"\n`).join('');
  return (
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n' +
    specHead +
    '  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n' +
    '        - name: web\n          image: registry.example.com/web:1.4.2\n          ports:\n            - containerPort: 8080\n          env:\n' +
    env +
    '          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {cpu: 500m, memory: 256Mi}\n'
  );
}

describe('fixes land where a person would write them', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-fix-placement-'));
    client = await startServer(workspace, 'en');
  });

  after(async () => {
    await stopServer(client);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('replicas goes right under spec:, and the title names the next steps it brings up', async () => {
    const text = deployment('');
    const uri = URI.file(join(workspace, 'replicas.yaml')).toString();
    const { actions } = await actionsFor(client, uri, 'yaml', text, 'k8s/replicas');
    const fix = actions.find((action) => action.isPreferred)!;
    assert.equal(fix.title, 'Set replicas to 2 (next step: k8s/pod-disruption-budget, k8s/anti-affinity)');
    const { text: fixed, edits } = apply(text, fix);
    const lines = fixed.split('\n');
    const spec = lines.indexOf('spec:');
    assert.equal(lines[spec + 1], '  replicas: 2');
    assert.ok(edits.every((edit) => edit.range.start.line <= spec + 1), `the edit stays at the top of the spec: ${JSON.stringify(edits)}`);
  });

  it('strategy goes right after replicas', async () => {
    const text = deployment('  replicas: 4\n');
    const uri = URI.file(join(workspace, 'strategy.yaml')).toString();
    const { actions } = await actionsFor(client, uri, 'yaml', text, 'k8s/rolling-update');
    const fix = actions.find((action) => action.title === 'Set maxUnavailable to 0')!;
    assert.ok(fix, actions.map((action) => action.title).join(', '));
    const lines = apply(text, fix).text.split('\n');
    const replicas = lines.indexOf('  replicas: 4');
    assert.deepEqual(lines.slice(replicas + 1, replicas + 4), ['  strategy:', '    rollingUpdate:', '      maxUnavailable: 0']);
    assert.equal(lines[replicas + 4], '  selector:');
  });

  it('securityContext goes inside the container it hardens, at its keys\' indentation', async () => {
    const text = deployment('  replicas: 2\n');
    const uri = URI.file(join(workspace, 'security.yaml')).toString();
    const { actions } = await actionsFor(client, uri, 'yaml', text, 'k8s/run-as-non-root');
    const fix = actions.find((action) => action.isPreferred)!;
    const { text: fixed, edits } = apply(text, fix);
    const lines = fixed.split('\n');
    const context = lines.indexOf('          securityContext:');
    assert.ok(context > lines.indexOf('        - name: web'), fixed);
    assert.equal(lines[context + 1], '            runAsNonRoot: true');
    assert.equal(lines.indexOf('  securityContext:'), -1, 'not at the Deployment level');
    assert.equal(lines.indexOf('      securityContext:'), -1, 'not at the pod level');
    const container = text.split('\n').indexOf('        - name: web');
    assert.ok(edits.every((edit) => edit.range.start.line > container), 'the edit is in the container');
  });
});

describe('fix titles in the client language', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-fix-pt-'));
    client = await startServer(workspace, 'pt-br');
  });

  after(async () => {
    await stopServer(client);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('a Dockerfile fix and a Kubernetes fix are offered in pt-BR', async () => {
    const dockerfile = await actionsFor(client, URI.file(join(workspace, 'Dockerfile')).toString(), 'dockerfile', 'FROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n', 'dockerfile/healthcheck');
    const titles = dockerfile.actions.map((action) => action.title);
    assert.equal(dockerfile.actions.find((action) => action.isPreferred)?.title, 'Adicionar um HEALTHCHECK que verifica /health com wget', titles.join(' | '));
    const manifest = await actionsFor(client, URI.file(join(workspace, 'replicas.yaml')).toString(), 'yaml', deployment(''), 'k8s/replicas');
    assert.equal(manifest.actions.find((action) => action.isPreferred)!.title, 'Definir replicas como 2 (próximo passo: k8s/pod-disruption-budget, k8s/anti-affinity)');
  });
});

describe('the checklist the panel gets', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-panel-data-'));
    writeFileSync(join(workspace, 'web.yaml'), deployment(''));
    mkdirSync(join(workspace, 'release'));
    writeFileSync(join(workspace, 'release', 'all.yaml'), `# Code generated by kustomize. DO NOT EDIT.\n${deployment('')}`);
    client = await startServer(workspace, 'en');
  });

  after(async () => {
    await stopServer(client);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('lists skipped files, ranks the open items and names the quick fix of each finding', async () => {
    const report = (await client.connection.sendRequest('readiness/checklist')) as ChecklistReport;
    assert.deepEqual(report.skipped?.map((file) => file.file), ['release/all.yaml']);
    assert.match(report.skipped![0].reason, /generated file/);
    assert.equal(report.analyzedFiles, 1);
    const open = report.categories.flatMap((category) => category.items).filter((item) => ['failing', 'contradicted', 'not-verified'].includes(item.status));
    assert.equal(report.fixFirst?.length, open.length);
    const manifests = report.fixFirst!.find((entry) => entry.itemId === 'deployment/deployment-manifests')!;
    assert.equal(manifests.action, 'fix');
    assert.equal(manifests.finding!.file, 'web.yaml');
    const replicas = report.categories.flatMap((category) => category.items).flatMap((item) => item.findings).find((finding) => finding.ruleId === 'k8s/replicas')!;
    assert.equal(replicas.fix?.title, 'Set replicas to 2 (next step: k8s/pod-disruption-budget, k8s/anti-affinity)');
  });
});
