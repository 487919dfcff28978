/**
 * The language server as an editor sees it, on a large workspace (default: the real-world corpus):
 * start-up indexing, first checklist, keystroke-to-diagnostics latency, edit-to-checklist latency
 * and the server's memory. Prints figures; asserts nothing.
 * Usage: node --import tsx scripts/bench-lsp.ts [WORKSPACE] (after npm run build)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { LspTestClient } from '../test/helpers/lsp-client';

const workspace = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'real'));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

function memoryOf(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(/\d+/.exec(status.split('\n').find((line) => line.startsWith(name)) ?? '0')![0]) / 1024;
  return `rss ${field('VmRSS:').toFixed(0)} MB, peak ${field('VmHWM:').toFixed(0)} MB`;
}

function firstFile(dir: string, pattern: RegExp): string {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const found = firstFile(path, pattern);
      if (found) return found;
    } else if (pattern.test(name) && statSync(path).size > 2000 && statSync(path).size < 20000) return path;
  }
  return '';
}

async function main() {
  const client = LspTestClient.spawn(process.execPath, [join(__dirname, '..', 'dist', 'server.js'), '--stdio']);
  const child = client.process!;
  const t0 = performance.now();
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: URI.file(workspace).toString(),
    workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'bench' }],
    capabilities: { workspace: { configuration: true } },
  });
  const firstChange = client.checklistChanged(600_000);
  await client.connection.sendNotification('initialized', {});
  await firstChange;
  const indexed = performance.now();
  const report = (await client.connection.sendRequest('readiness/checklist')) as { analyzedFiles: number; score: number };
  const firstChecklist = performance.now();
  console.log(`workspace: ${workspace}`);
  console.log(`start-up: index ready ${(indexed - t0).toFixed(0)} ms; first checklist (all ${report.analyzedFiles} files analyzed, score ${report.score}%) ${(firstChecklist - indexed).toFixed(0)} ms`);
  console.log(`server memory after the first checklist: ${memoryOf(child.pid!)}`);

  for (const [label, pattern] of [['Kubernetes', /\.ya?ml$/], ['Terraform', /\.tf$/], ['nginx', /\.conf$/]] as const) {
    const path = firstFile(workspace, pattern);
    if (!path) continue;
    const uri = URI.file(path).toString();
    let text = readFileSync(path, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    const diagnosticTimes: number[] = [];
    const checklistTimes: number[] = [];
    for (let version = 2; version <= 12; version++) {
      text += `\n# edit ${version}\n`;
      const changed = client.checklistChanged(60_000);
      const start = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      await client.diagnostics(uri, (p) => p.version === version, 60_000);
      diagnosticTimes.push(performance.now() - start);
      await changed;
      await client.connection.sendRequest('readiness/checklist');
      checklistTimes.push(performance.now() - start);
    }
    console.log(
      `${label} edit (${path.slice(workspace.length + 1)}): diagnostics p50 ${percentile(diagnosticTimes, 50).toFixed(0)} ms / max ${Math.max(...diagnosticTimes).toFixed(0)} ms; updated checklist p50 ${percentile(checklistTimes, 50).toFixed(0)} ms / max ${Math.max(...checklistTimes).toFixed(0)} ms (both include the 150 ms debounce and the 300 ms checklist debounce)`,
    );
  }
  console.log(`server memory at the end: ${memoryOf(child.pid!)}`);
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  child.kill();
}

void main();
