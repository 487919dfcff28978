/**
 * Dockerfile parse + analyze time: generated files with 1k, 10k and 20k stages (independent
 * stages, and a chain where every stage builds on the previous one) and one real 206-line
 * Dockerfile of the shared corpus. Prints figures; asserts nothing. Times are CPU time of this
 * process (user + system), so other work on a shared machine does not inflate them.
 * Usage: node --import tsx scripts/bench-dockerfile.ts [REAL_DOCKERFILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileRules } from '../rules/dockerfile';
import { analyzeModel } from '../server/src/engine/analyze';
import { initKinds } from '../server/src/kinds';
import { parseDockerfile } from '../server/src/kinds/dockerfile/model';

const REAL = process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real', 'dockerfile', 'docker-library-php__8.4__alpine3.24__cli__Dockerfile');

function stages(count: number, chained: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = chained && i > 0 ? `s${i - 1}` : 'debian:12-slim';
    lines.push(`FROM ${base} AS s${i}`, `RUN apt-get update && apt-get install -y curl | tee /log`, `COPY app${i} /app/`, `EXPOSE ${8000 + (i % 1000)}`);
  }
  lines.push('USER app', 'CMD ["/app/server"]');
  return lines.join('\n') + '\n';
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Parse + analyze `runs` times (fresh model each time, as after an edit); CPU milliseconds per run. */
function time(text: string, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    analyzeModel({ model: parseDockerfile(text, `/bench/${i}/Dockerfile`), rules: dockerfileRules });
    times.push(cpuMs() - t0);
  }
  return times.sort((a, b) => a - b);
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(12);

async function main() {
  await initKinds();
  console.log('CPU time per parse + analyze (all Dockerfile rules)');
  console.log('file                                   lines       p50         p95         max');
  const report = (label: string, text: string, runs: number) => {
    time(text, Math.min(runs, 3));
    const times = time(text, runs);
    console.log(`${label.padEnd(38)} ${String(text.split('\n').length - 1).padStart(6)} ${ms(at(times, 50))} ${ms(at(times, 95))} ${ms(times[times.length - 1])}`);
  };
  if (existsSync(REAL)) report(`real: ${REAL.split('/').pop()!.slice(0, 32)}`, readFileSync(REAL, 'utf8'), 500);
  else console.log(`(no real Dockerfile at ${REAL})`);
  for (const count of [1_000, 10_000, 20_000]) {
    report(`${count} independent stages`, stages(count, false), 3);
    report(`${count} chained stages`, stages(count, true), 3);
  }
}

main();
