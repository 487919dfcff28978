/**
 * Keystroke-to-diagnostics in nginx configs of the corpus workspace (issue 13: under 20 ms), through
 * ReadinessService: each iteration types one character into the file (setDocument) and asks for
 * its report (fileReport), as the language server does after a change. Prints wall-clock and CPU
 * p50/p95/max per file (on a loaded machine the wall clock's tail is the scheduler's) and the GC
 * time that fell inside the timed keystrokes.
 *
 * Usage: node /work/shared/corpus/real-tree.mjs /tmp/tree && node --import tsx scripts/bench-nginx-keystrokes.ts /tmp/tree [iterations]
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { ReadinessService } from '../server/src/service';

const root = process.argv[2] ?? '/tmp/tree';
const iterations = Number(process.argv[3] ?? 200);
const FILES = [
  'h5bp__server-configs-nginx/nginx.conf',
  'h5bp__server-configs-nginx/h5bp/location/security_file_access.conf',
  'h5bp__server-configs-nginx/conf.d/templates/example.com.conf',
  'linuxserver__reverse-proxy-confs/jellyfin.subdomain.conf',
  'kubernetes__examples/_archived/https-nginx/default.conf',
  'yandex__gixy/tests/plugins/simply/ssrf/with_const_scheme.conf',
];

const gcs: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ['gc'] });

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  const service = new ReadinessService({ roots: [root] });
  await service.start();
  // The whole workspace analyzed once, as the checklist does after startup.
  await service.workspaceAnalysis();
  for (const relative of FILES) {
    const path = `${root}/${relative}`;
    const original = readFileSync(path, 'utf8');
    // Typing inside a comment at the end of the first line: the text changes, the structure does not.
    const eol = original.indexOf('\n');
    let text = original.slice(0, eol) + ' #' + original.slice(eol);
    let version = 1;
    service.setDocument(path, text, version++, 'nginx');
    const report = service.fileReport(path);
    if (report.state !== 'findings') throw new Error(`${relative}: ${report.state}`);
    const times: number[] = [];
    const cpu: number[] = [];
    const windows: [number, number][] = [];
    for (let i = 0; i < iterations; i++) {
      const at = text.indexOf('\n');
      text = text.slice(0, at) + 'x' + text.slice(at);
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      service.setDocument(path, text, version++, 'nginx');
      service.fileReport(path);
      const ended = performance.now();
      const used = process.cpuUsage(cpuStart);
      times.push(ended - started);
      cpu.push((used.user + used.system) / 1000);
      windows.push([started, ended]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const gcInside = gcs.filter((gc) => windows.some(([s, e]) => gc.start >= s && gc.start < e)).reduce((sum, gc) => sum + (gc.end - gc.start), 0);
    const findings = (service.fileReport(path) as { findings: unknown[] }).findings.length;
    console.log(
      `${relative.padEnd(70)} p50 ${pct(times, 50).toFixed(2).padStart(6)} ms  p95 ${pct(times, 95).toFixed(2).padStart(6)} ms  max ${Math.max(...times).toFixed(2).padStart(6)} ms | cpu p50 ${pct(cpu, 50).toFixed(2).padStart(6)} p95 ${pct(cpu, 95).toFixed(2).padStart(6)} ms | gc in keystrokes ${gcInside.toFixed(1)} ms  (${findings} findings)`,
    );
    service.closeDocument(path);
  }
  service.dispose();
}
main();
