/**
 * `npm run bench`: our figures beside the peers', measured in the same run on the same files, as
 * ratios (ours / theirs: below 1 is faster), then how cost grows with the workspace, then the table
 * of issue 16 (ours, anchor, goal). Prints figures; asserts nothing. Run after `npm run build`.
 *
 * Usage: node --import tsx scripts/bench.ts [--only corpus,lsp,checklist,scale,edits] [--kinds nginx,...] [--corpus DIR]
 * (`--kinds` limits the corpus section to those kinds.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { parseToObject as hclParse } from 'hcl2-parser';
import { parseAllDocuments } from 'yaml';
import type { FileKind } from '../server/src/engine/types';
import { initKinds } from '../server/src/kinds';
import { scanProject } from '../server/src/service';
import { analyzable, CHECKLIST_EDITS, checklistAfterKeystroke, DOCKER_LS, fetchChecklist, keystrokes, OURS, oursWith, percentile, prepareCodeCache, type ServerSpec, Session, YAML_LS } from './bench-lsp';
import { BENCH_DIR, randomEdits, streamSeries, syntheticWorkspace, workspaceSeries } from './bench-scale';

// nginx-linter ships no types: its parser and rule runner, as its CLI calls them.
const nginxLinter = require('nginx-linter/lib/parser') as { parse(text: string): unknown };
const nginxValidator = require('nginx-linter/lib/validator') as { runRules(root: unknown, rules: unknown[], options: object): unknown };
const nginxRules = (require('nginx-linter/lib/rules') as { builtins: unknown[] }).builtins;

const { values } = parseArgs({ options: { only: { type: 'string' }, kinds: { type: 'string' }, corpus: { type: 'string' }, runs: { type: 'string' } } });
const sections = new Set((values.only ?? 'corpus,lsp,checklist,scale,edits').split(','));
const corpus = resolve(values.corpus ?? join(__dirname, '..', '..', 'shared', 'corpus', 'real'));
const RUNS = Number(values.runs ?? 20);
const corpusKinds = new Set((values.kinds ?? 'dockerfile,kubernetes,nginx,terraform').split(','));

const CORPUS_FOLDERS: Record<string, FileKind> = { dockerfile: 'dockerfile', k8s: 'kubernetes', nginx: 'nginx', terraform: 'terraform' };
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (ours: number, theirs: number) => (ours / theirs).toFixed(2);
const pad = (text: string | number, width: number) => String(text).padStart(width);

/** Rows of the issue 16 table, filled in as the sections run. */
const table: { what: string; ours: string; anchor: string; goal: string }[] = [];

function corpusFiles(kind: FileKind): { path: string; text: string }[] {
  const folder = Object.entries(CORPUS_FOLDERS).find(([, k]) => k === kind)![0];
  const dir = join(corpus, folder);
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter(({ text }) => Buffer.byteLength(text) <= 1024 * 1024);
}

/**
 * dockerfile-utils parses with the dockerfile-ast module our parser speeds up in place
 * (server/src/kinds/dockerfile/ast.ts): timed in this process it would run on our patch. It is
 * timed in a process of its own, the same way as timeOver.
 */
function dockerfileUtilsApart(files: readonly { path: string }[]): { ms: number; failures: number } {
  const script = `
    const { readFileSync } = require('node:fs');
    const { validate } = require('dockerfile-utils');
    const texts = JSON.parse(readFileSync(0, 'utf8')).map((path) => readFileSync(path, 'utf8'));
    let best = Infinity;
    let failures = 0;
    for (let pass = 0; pass < 3; pass++) {
      failures = 0;
      const started = performance.now();
      for (const text of texts) {
        try { validate(text); } catch { failures++; }
      }
      best = Math.min(best, performance.now() - started);
    }
    process.stdout.write(JSON.stringify({ ms: best, failures }));`;
  const output = execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..'), input: JSON.stringify(files.map((file) => file.path)), encoding: 'utf8' });
  return JSON.parse(output) as { ms: number; failures: number };
}

/** Total milliseconds of `run` over the files (best of three passes), and how many threw. */
function timeOver<T>(files: readonly T[], run: (file: T) => unknown): { ms: number; failures: number } {
  let best = Number.POSITIVE_INFINITY;
  let failures = 0;
  for (let pass = 0; pass < 3; pass++) {
    failures = 0;
    const started = performance.now();
    for (const file of files) {
      try {
        run(file);
      } catch {
        failures++;
      }
    }
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, failures };
}

/**
 * Our engine as it ships: scripts/bench-engine.ts bundled by esbuild as scripts/build.mjs bundles
 * the server (under node_modules/.cache, where the Terraform parser finds its WebAssembly package).
 */
async function shippedEngine(): Promise<typeof import('./bench-engine')> {
  const outfile = join(__dirname, '..', 'node_modules', '.cache', 'readiness-bench', 'engine.js');
  buildSync({ entryPoints: [join(__dirname, 'bench-engine.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning' });
  const engine = require(outfile) as typeof import('./bench-engine');
  await engine.initKinds();
  return engine;
}

async function corpusSection() {
  const { ALL_RULES, analyzeModel, kindSupport } = await shippedEngine();
  console.log(`\n## Corpus, in process: parse + every rule of the kind (ours as shipped: the esbuild bundle), beside each kind's reference parser or linter (${corpus})\n`);
  console.log('kind        files   ours ms  peer                       peer ms  ratio  peer failures');
  // A peer without `run` is timed in a process of its own (see dockerfileUtilsApart).
  const anchors: Record<Exclude<FileKind, 'compose'>, { name: string; run?: (text: string) => unknown }> = {
    dockerfile: { name: 'dockerfile-utils validate' },
    kubernetes: { name: 'yaml parseAllDocuments', run: (text) => parseAllDocuments(text) },
    nginx: { name: 'nginx-linter parse + rules', run: (text) => nginxValidator.runRules(nginxLinter.parse(text), nginxRules, {}) },
    terraform: { name: 'hcl2-parser parseToObject', run: (text) => hclParse(text) },
  };
  for (const kind of ['dockerfile', 'kubernetes', 'nginx', 'terraform'] as const) {
    if (!corpusKinds.has(kind)) continue;
    const files = corpusFiles(kind);
    const rules = ALL_RULES.filter((rule) => rule.meta.kind === kind);
    const ours = timeOver(files, ({ path, text }) => analyzeModel({ model: kindSupport(kind).parse(text, path), rules }));
    const run = anchors[kind].run;
    const peer = run ? timeOver(files, ({ text }) => run(text)) : dockerfileUtilsApart(files);
    console.log(`${kind.padEnd(10)} ${pad(files.length, 6)} ${pad(ms(ours.ms), 9)}  ${anchors[kind].name.padEnd(25)} ${pad(ms(peer.ms), 8)} ${pad(ratio(ours.ms, peer.ms), 6)} ${pad(peer.failures, 14)}`);
  }
}

const summary = (times: number[]) => `p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms`;

async function lspSection() {
  console.log(`\n## Over LSP (stdio), whole-text didChange to publishDiagnostics, debounce 0, ${RUNS} edits each, same files, same run\n`);
  const k8s = join(corpus, 'k8s');
  const files = [
    { label: '3,066-line multi-document manifest', path: join(k8s, 'argo-cd__manifests__namespace-install.yaml'), languageId: 'yaml', peer: YAML_LS, goal: 'p95 < 20 ms' },
    { label: '1.9 MB install bundle (limit raised)', path: join(k8s, 'argo-cd__manifests__install.yaml'), languageId: 'yaml', peer: YAML_LS, goal: 'p95 < 150 ms' },
    { label: '206-line Dockerfile', path: join(corpus, 'dockerfile', 'docker-library-php__8.3__alpine3.23__cli__Dockerfile'), languageId: 'dockerfile', peer: DOCKER_LS, goal: 'p95 < 5 ms' },
    // The floor under the row above: the same round trip on a 2-line Dockerfile, whose analysis is
    // next to nothing (receiving the change, the first keystrokes' unoptimized code, the reply).
    { label: '2-line Dockerfile (round trip alone)', path: join(BENCH_DIR, 'floor', 'Dockerfile'), text: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n', languageId: 'dockerfile', peer: DOCKER_LS, goal: 'none: the floor under the 206-line row' },
  ];
  // Every session below starts as every start after the first does in the editor: with the code cache
  // of this build, which the first start wrote (the first start itself is measured apart, below).
  const warm = join(BENCH_DIR, 'code-cache-start');
  mkdirSync(warm, { recursive: true });
  const warmText = 'FROM node:20-alpine\nCMD ["node", "server.js"]\n';
  writeFileSync(join(warm, 'Dockerfile'), warmText);
  await prepareCodeCache(warm, join(warm, 'Dockerfile'), 'dockerfile', warmText);
  console.log('file                                   ours p50  ours p95  ours cpu  peer                  peer p50  peer p95  peer cpu  ratio p50  ratio cpu');
  for (const file of files) {
    const text = file.text ?? analyzable(readFileSync(file.path, 'utf8'));
    const results: { times: number[]; cpuMs: number }[] = [];
    for (const spec of [OURS, file.peer]) {
      const folder = join(BENCH_DIR, `lsp-${spec.name}`);
      const session = await Session.start(spec, [folder]);
      results.push(await keystrokes(session, join(folder, file.path.split('/').pop()!.replace(/^.*__/, '')), file.languageId, text, RUNS));
      await session.stop();
    }
    const [ours, peer] = results;
    console.log(
      `${file.label.padEnd(38)} ${pad(ms(percentile(ours.times, 50)), 8)} ${pad(ms(percentile(ours.times, 95)), 9)} ${pad(ms(ours.cpuMs), 9)}  ${file.peer.name.padEnd(20)} ${pad(ms(percentile(peer.times, 50)), 9)} ${pad(ms(percentile(peer.times, 95)), 9)} ${pad(ms(peer.cpuMs), 9)} ${pad(ratio(percentile(ours.times, 50), percentile(peer.times, 50)), 10)} ${pad(ratio(ours.cpuMs, peer.cpuMs), 10)}`,
    );
    table.push({ what: file.label, ours: `${summary(ours.times)}; CPU ${ms(ours.cpuMs)} ms per keystroke`, anchor: `${file.peer.name} ${summary(peer.times)}; CPU ${ms(peer.cpuMs)} ms`, goal: file.goal });
  }
  console.log('(cpu: the server process\'s CPU time per keystroke, all its work included; on a shared machine it depends much less on the other jobs than the latency does)');

  // First diagnostics of the opened file in a two-file workspace, from the server's spawn: a
  // service's manifest (141 lines) and the 3,066-line one, and the same on a 5,000-manifest workspace.
  const workspace = join(BENCH_DIR, 'two-files');
  mkdirSync(workspace, { recursive: true });
  const manifest = analyzable(readFileSync(join(k8s, 'argo-cd__manifests__namespace-install.yaml'), 'utf8'));
  const service = readFileSync(join(k8s, 'microservices-demo__kubernetes-manifests__frontend.yaml'), 'utf8');
  writeFileSync(join(workspace, 'install.yaml'), manifest);
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
  const firstOf = async (spec: ServerSpec, folder: string, path: string, text: string, runs: number, before?: () => void) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      before?.();
      const session = await Session.start(spec, [folder]);
      times.push(await session.open(path, 'yaml', text));
      await session.stop();
    }
    return times;
  };
  const large = syntheticWorkspace(5000);
  const largeFile = join(large, 'deploy', 'app-1.yaml');
  const rows: { what: string; path: string; text: string; folder: string; peer: boolean }[] = [
    { what: `a service's 141-line manifest, 2-file workspace`, path: join(workspace, 'frontend.yaml'), text: service, folder: workspace, peer: true },
    { what: '3,066-line manifest, 2-file workspace', path: join(workspace, 'install.yaml'), text: manifest, folder: workspace, peer: true },
    { what: 'a manifest in a 5,000-manifest workspace', path: largeFile, text: readFileSync(largeFile, 'utf8'), folder: large, peer: false },
  ];
  writeFileSync(rows[0].path, service);
  // A first start after installing has no code cache yet: each of its runs starts from an empty folder.
  const fresh = join(BENCH_DIR, 'code-cache-first-start');
  console.log('\nfirst diagnostics of the opened file, from spawn (5 runs each; "later starts" use the code cache the first start wrote, as in the editor)');
  console.log('opened file                                      ours, later starts        ours, first start after install   yaml-language-server');
  for (const row of rows) {
    const later = await firstOf(OURS, row.folder, row.path, row.text, 5);
    const first = await firstOf(oursWith(fresh), row.folder, row.path, row.text, 3, () => rmSync(fresh, { recursive: true, force: true }));
    const peer = row.peer ? await firstOf(YAML_LS, row.folder, row.path, row.text, 5) : [];
    console.log(`${row.what.padEnd(48)} ${summary(later).padEnd(25)} ${summary(first).padEnd(33)} ${row.peer ? summary(peer) : 'none'}`);
    table.push({ what: `first diagnostics: ${row.what}`, ours: `${summary(later)} (first start after install: ${summary(first)})`, anchor: row.peer ? `yaml-language-server ${summary(peer)}` : 'none', goal: '< 300 ms whatever the workspace size' });
  }
  // The floor under the 3,066-line row: yaml parsing that text once in a fresh process (cold, as a new server does).
  const yamlCold = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', `const t = performance.now(); require('yaml').parseAllDocuments(require('fs').readFileSync(${JSON.stringify(join(workspace, 'install.yaml'))}, 'utf8')); process.stdout.write(String(performance.now() - t))`], { cwd: join(__dirname, '..'), encoding: 'utf8' })));
  console.log(`(yaml parseAllDocuments of the 3,066-line text alone, once, in a fresh process: ${summary(yamlCold)}; node's own start is about 60 ms)`);
}

async function checklistSection() {
  console.log(`\n## Checklist after a keystroke (ours; no peer has one), and diagnostics while it is recomputed\n`);
  const tree = join(BENCH_DIR, 'corpus-tree');
  if (!statSync(tree, { throwIfNoEntry: false })) execFileSync(process.execPath, [join(corpus, '..', 'real-tree.mjs'), tree]);
  const workspaces = [
    { label: 'corpus workspace', dir: tree, file: join(tree, 'argoproj__argo-cd', 'manifests', 'namespace-install.yaml'), other: join(tree, 'argoproj__argo-cd', 'applicationset', 'examples', 'template-override', 'default', 'guestbook-ui-deployment.yaml') },
    ...[2500, 5000].map((count) => {
      const dir = syntheticWorkspace(count);
      return { label: `${count.toLocaleString('en')} manifests`, dir, file: join(dir, 'deploy', 'app-4.yaml'), other: join(dir, 'deploy', 'app-5.yaml') };
    }),
  ];
  console.log('edit: a comment line (nothing the checklist reads changes), an image tag set to latest (a finding appears), a pasted Pod without a namespace (what the file tells the kustomizations changes), a pasted Service (what the file tells every manifest changes)');
  console.log('workspace          edit        files  index ms  checklist p50  checklist p95  other file\'s diagnostics during the refresh p50 / p95 / max (n)  server memory');
  const kinds = Object.keys(CHECKLIST_EDITS) as (keyof typeof CHECKLIST_EDITS)[];
  const rows = Object.fromEntries(kinds.map((kind) => [kind, [] as string[]]));
  for (const workspace of workspaces) {
    const session = await Session.start(OURS, [workspace.dir]);
    const indexed = session.client.checklistChanged(600_000);
    await indexed;
    const indexMs = performance.now() - session.startedAt;
    const analyzedFiles = (await fetchChecklist(session)).analyzedFiles ?? 0;
    const runs = Math.max(5, Math.round(RUNS / 2));
    for (const kind of kinds) {
      const result = await checklistAfterKeystroke(session, workspace.file, workspace.other, runs, CHECKLIST_EDITS[kind]);
      console.log(
        `${workspace.label.padEnd(18)} ${kind.padEnd(10)} ${pad(analyzedFiles, 6)} ${pad(ms(indexMs), 9)} ${pad(ms(percentile(result.checklist, 50)), 14)} ${pad(ms(percentile(result.checklist, 95)), 14)}  ${pad(`${ms(percentile(result.duringRefresh, 50))} / ${ms(percentile(result.duringRefresh, 95))} / ${ms(Math.max(...result.duringRefresh))} ms (${result.duringRefresh.length})`, 50)}  ${session.memory()}`,
      );
      rows[kind].push(`${workspace.label}: ${summary(result.checklist)}; diagnostics meanwhile ${summary(result.duringRefresh)}, max ${ms(Math.max(...result.duringRefresh))} ms`);
    }
    await session.stop();
  }
  const described = { comment: 'a comment', finding: 'an image tag set to latest', 'cross-file': 'a pasted Pod', service: 'a pasted Service' };
  for (const kind of kinds) {
    const edit = described[kind];
    table.push({ what: `checklist after ${edit}, corpus workspace`, ours: rows[kind][0], anchor: 'none', goal: '< 200 ms' });
    table.push({ what: `checklist after ${edit}, 2,500 / 5,000 manifests`, ours: `${rows[kind][1]}; ${rows[kind][2]}`, anchor: 'none', goal: '< 200 ms, never blocking diagnostics' });
  }
}

async function scaleSection() {
  console.log('\n## How cost grows\n');
  console.log('whole-workspace scan through the service (index, parse, every rule, checklist), synthetic applications:');
  console.log('manifests   seconds  ms/file  findings');
  for (const row of await workspaceSeries([1000, 5000, 10000])) console.log(`${pad(row.files, 9)} ${pad(row.seconds.toFixed(2), 9)} ${pad(row.msPerFile.toFixed(2), 8)} ${pad(row.findings, 9)}`);
  console.log('\none stream of N small documents: our parse and rules beside yaml parseAllDocuments:');
  console.log('documents      KB  yaml ms  our parse ms  our rules ms  parse ratio');
  for (const row of streamSeries([1000, 5000, 10000])) console.log(`${pad(row.documents, 9)} ${pad(row.kb, 7)} ${pad(ms(row.yamlMs), 8)} ${pad(ms(row.parseMs), 13)} ${pad(ms(row.analyzeMs), 13)} ${pad(ratio(row.parseMs, row.yamlMs), 12)}`);
  const { scan } = await scanProject([corpus]);
  console.log(`\nflat corpus scan: ${scan.scanned.length} files, ${scan.findings.filter((f) => f.ruleId === 'readiness/rule-error').length} rule crashes, ${scan.errors.length} errors`);
}

async function editsSection() {
  const path = join(corpus, 'k8s', 'argo-cd__manifests__ha__install.yaml');
  const every = 10;
  console.log(`\n## 1,000 random edits on a 2 MB manifest through the service (every ${every}th version analyzed)\n`);
  const result = await randomEdits(path, 1000, every);
  console.log(`analysis per version: ${summary(result.msPerAnalysis)}`);
  console.log(`RSS after a full GC, every 100 edits (MB): ${result.rss.map((value) => value.toFixed(0)).join(' ')}`);
  console.log(`heap used after a full GC, every 100 edits (MB): ${result.heap.map((value) => value.toFixed(0)).join(' ')}`);
  console.log(`final findings equal a fresh analysis of the final text: ${result.same ? 'yes' : 'NO'}`);
}

async function main() {
  await initKinds();
  console.log(`node ${process.version}, ${new Date().toISOString()}; load average ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  if (sections.has('corpus')) await corpusSection();
  if (sections.has('lsp')) await lspSection();
  if (sections.has('checklist')) await checklistSection();
  // Edits before the scale series, so that their memory figures start from a small heap.
  if (sections.has('edits')) await editsSection();
  if (sections.has('scale')) await scaleSection();
  if (table.length) {
    console.log('\n## Issue 16: ours, anchor, goal\n');
    console.log('| file | ours | anchor | goal |\n|---|---|---|---|');
    for (const row of table) console.log(`| ${row.what} | ${row.ours} | ${row.anchor} | ${row.goal} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
