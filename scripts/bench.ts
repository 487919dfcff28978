/**
 * Benchmark on the real-world corpus (../shared/corpus/real): parse + analyze time per kind, the
 * per-keystroke cost of re-analyzing one edited file, and memory. Prints figures; asserts nothing.
 * Usage: npm run bench [-- CORPUS_DIR]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALL_RULES } from '../rules';
import { analyzeModel } from '../server/src/engine/analyze';
import type { BaseModel, FileKind } from '../server/src/engine/types';
import { detectKind, initKinds, kindSupport } from '../server/src/kinds';
import { scanProject } from '../server/src/service';

const CORPUS_FOLDERS: Record<string, FileKind> = { dockerfile: 'dockerfile', k8s: 'kubernetes', nginx: 'nginx', terraform: 'terraform' };
const corpus = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'real'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main() {
  await initKinds();
  console.log(`corpus: ${corpus}`);
  const byKind = new Map<FileKind, { path: string; text: string }[]>();
  for (const path of files(corpus)) {
    const text = readFileSync(path, 'utf8');
    // Corpus files are named after their original path (`repo__dir__Dockerfile`), so the folder names the kind.
    const folderKind = CORPUS_FOLDERS[path.split('/').slice(-2)[0]];
    const detection = folderKind ? { kind: folderKind, skip: undefined } : detectKind(path, text);
    if (!detection || detection.skip) continue;
    const list = byKind.get(detection.kind) ?? [];
    list.push({ path, text });
    byKind.set(detection.kind, list);
  }

  console.log('\nper file, cold (parse + all rules of the kind), single-file workspace:');
  console.log('kind        files      MB   parse p50   parse p95  analyze p50 analyze p95   total p50   total p95   max total    MB/s');
  for (const [kind, list] of [...byKind].sort()) {
    const parseTimes: number[] = [];
    const analyzeTimes: number[] = [];
    const totals: number[] = [];
    let bytes = 0;
    const rules = ALL_RULES.filter((rule) => rule.meta.kind === kind);
    for (const { path, text } of list) {
      bytes += Buffer.byteLength(text);
      const t0 = performance.now();
      const model: BaseModel = kindSupport(kind).parse(text, path);
      const t1 = performance.now();
      analyzeModel({ model, rules });
      const t2 = performance.now();
      parseTimes.push(t1 - t0);
      analyzeTimes.push(t2 - t1);
      totals.push(t2 - t0);
    }
    const seconds = totals.reduce((a, b) => a + b, 0) / 1000;
    console.log(
      `${kind.padEnd(10)} ${String(list.length).padStart(6)} ${(bytes / 1e6).toFixed(2).padStart(7)} ${ms(percentile(parseTimes, 50)).padStart(11)} ${ms(percentile(parseTimes, 95)).padStart(11)} ${ms(percentile(analyzeTimes, 50)).padStart(11)} ${ms(percentile(analyzeTimes, 95)).padStart(11)} ${ms(percentile(totals, 50)).padStart(11)} ${ms(percentile(totals, 95)).padStart(11)} ${ms(Math.max(...totals)).padStart(11)} ${(bytes / 1e6 / seconds).toFixed(1).padStart(7)}`,
    );
  }

  for (const [kind, list] of [...byKind].sort()) {
    const largest = [...list].sort((a, b) => b.text.length - a.text.length)[0];
    const rules = ALL_RULES.filter((rule) => rule.meta.kind === kind);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const edited = largest.text + `\n# edit ${i}\n`;
      const t0 = performance.now();
      analyzeModel({ model: kindSupport(kind).parse(edited, largest.path), rules });
      times.push(performance.now() - t0);
    }
    console.log(`keystroke re-analysis, largest ${kind} file (${(largest.text.length / 1024).toFixed(0)} KB): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`);
  }

  const t0 = performance.now();
  const { scan } = await scanProject([corpus]);
  const elapsed = performance.now() - t0;
  const after = process.memoryUsage();
  console.log(
    `\nwhole-corpus scan (workspace index, cross-file rules): ${scan.scanned.length} files analyzed, ${scan.skipped.length} skipped, ${scan.findings.length} findings, ${scan.errors.length} errors in ${(elapsed / 1000).toFixed(2)} s`,
  );
  console.log(`memory after the scan: rss ${(after.rss / 1e6).toFixed(0)} MB, heap used ${(after.heapUsed / 1e6).toFixed(0)} MB`);
  const crashes = scan.findings.filter((finding) => finding.ruleId === 'readiness/rule-error');
  console.log(`rule crashes on the corpus: ${crashes.length}`);
  for (const crash of crashes.slice(0, 10)) console.log(`  ${crash.path}: ${crash.message}`);
}

void main();
