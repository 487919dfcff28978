/**
 * How cost grows: synthetic workspaces of 1k/5k/10k manifests scanned through the service, streams
 * of 1k/5k/10k documents parsed and analyzed (raw `yaml` parsing beside), and 1,000 random edits
 * on a 2 MB manifest through the service with memory at each step. Used by scripts/bench.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { ALL_RULES } from '../rules';
import { analyzeFile, applyEdits } from '../server/src/engine/analyze';
import { kindSupport } from '../server/src/kinds';
import { ReadinessService, scanProject } from '../server/src/service';
import { application, randomEdit, seededRandom } from '../test/helpers/synthetic';
import { analyzable } from './bench-lsp';

export const BENCH_DIR = join(tmpdir(), 'readiness-bench');

setFlagsFromString('--expose-gc');
/** A full garbage collection, so that memory figures show what is kept, not what is not yet collected. */
const collectGarbage = runInNewContext('gc') as () => void;

/** A workspace of `count` manifests (one application each), written once and reused. */
export function syntheticWorkspace(count: number): string {
  const dir = join(BENCH_DIR, `apps-${count}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  mkdirSync(join(dir, 'deploy'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'deploy', `app-${i}.yaml`), application(i));
  writeFileSync(done, '');
  return dir;
}

/** Whole-workspace scans (index, parse, every rule, the checklist) of growing synthetic workspaces. */
export async function workspaceSeries(counts: readonly number[]): Promise<{ files: number; seconds: number; msPerFile: number; findings: number }[]> {
  const rows = [];
  for (const count of counts) {
    const dir = syntheticWorkspace(count);
    const started = performance.now();
    const { scan, service } = await scanProject([dir]);
    await service.checklist();
    const seconds = (performance.now() - started) / 1000;
    rows.push({ files: scan.scanned.length, seconds, msPerFile: (seconds * 1000) / scan.scanned.length, findings: scan.findings.length });
  }
  return rows;
}

/** One file with `count` documents: our parse and analysis beside `yaml`'s parseAllDocuments alone. */
export function streamSeries(counts: readonly number[]): { documents: number; kb: number; parseMs: number; analyzeMs: number; yamlMs: number }[] {
  const rows = [];
  for (const count of counts) {
    const documents: string[] = [];
    for (let i = 0; i < count; i++) documents.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: team-${i % 7}\ndata:\n  key: value-${i}\n`);
    const text = documents.join('---\n');
    const t0 = performance.now();
    parseAllDocuments(text);
    const t1 = performance.now();
    const model = kindSupport('kubernetes').parse(text, '/bench/stream.yaml');
    const t2 = performance.now();
    analyzeFile({ model, rules: ALL_RULES, settings: { rules: {}, locale: 'en' } });
    const t3 = performance.now();
    rows.push({ documents: count, kb: Math.round(text.length / 1024), yamlMs: t1 - t0, parseMs: t2 - t1, analyzeMs: t3 - t2 });
  }
  return rows;
}

/**
 * 1,000 random edits on a manifest through the service (the editor's path: buffer text in, report
 * out), analysing every `every`-th version; RSS after a full GC every 100 edits; at the end, whether the service's
 * findings equal a fresh analysis of the final text.
 */
export async function randomEdits(path: string, edits: number, every: number): Promise<{ msPerAnalysis: number[]; rss: number[]; heap: number[]; same: boolean }> {
  const folder = join(BENCH_DIR, 'edits');
  mkdirSync(folder, { recursive: true });
  const target = join(folder, 'install.yaml');
  let text = analyzable(readFileSync(path, 'utf8'));
  const service = new ReadinessService({ roots: [folder] });
  await service.start({ enable: true, rules: {}, exclude: [], debounceMs: 0, maxFileSizeKb: 4096, locale: 'en' });
  service.setDocument(target, text, 1, 'yaml');
  service.fileReport(target);
  const random = seededRandom(2);
  const msPerAnalysis: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  for (let version = 2; version <= edits + 1; version++) {
    text = applyEdits(text, [randomEdit(text, random)]);
    service.setDocument(target, text, version, 'yaml');
    if (version % every === 0 || version === edits + 1) {
      const started = performance.now();
      service.fileReport(target);
      msPerAnalysis.push(performance.now() - started);
    }
    if (version % 100 === 1) {
      collectGarbage();
      rss.push(process.memoryUsage().rss / 1e6);
      heap.push(process.memoryUsage().heapUsed / 1e6);
    }
  }
  const report = service.fileReport(target);
  const fresh = analyzeFile({ model: kindSupport('kubernetes').parse(text, target), rules: ALL_RULES, settings: { rules: {}, locale: 'en' } });
  const key = (f: { ruleId: string; message: string; range: { start: { line: number; character: number } } }) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.message}`;
  const same = report.state === 'findings' && JSON.stringify(report.findings.map(key).sort()) === JSON.stringify(fresh.findings.map(key).sort());
  return { msPerAnalysis, rss, heap, same };
}
