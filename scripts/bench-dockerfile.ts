/**
 * Dockerfile parse + analyze time: one real 206-line Dockerfile of the shared corpus, every
 * Dockerfile of the corpus once, and generated files with 1k, 10k and 20k stages (independent
 * stages, and a chain where every stage builds on the previous one). Prints figures; asserts
 * nothing. Parse and analyze are CPU time of this process (user + system, V8's helper threads
 * included), so other work on a shared machine does not inflate them; wall time is shown next to
 * them with the machine's load average.
 * Usage: node --import tsx scripts/bench-dockerfile.ts [CORPUS_DOCKERFILE_DIR]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dockerfileRules } from '../rules/dockerfile';
import { analyzeModel } from '../server/src/engine/analyze';
import { initKinds } from '../server/src/kinds';
import { parseDockerfile } from '../server/src/kinds/dockerfile/model';

const CORPUS = process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real', 'dockerfile');
const REAL = join(CORPUS, 'docker-library-php__8.4__alpine3.24__cli__Dockerfile');

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

interface Run {
  parse: number;
  analyze: number;
  wall: number;
}

/** Parse and analyze `text` once (a fresh model, as after an edit); CPU milliseconds of each step, and wall time. */
function once(text: string, path: string): Run {
  const w0 = performance.now();
  const t0 = cpuMs();
  const model = parseDockerfile(text, path);
  const t1 = cpuMs();
  analyzeModel({ model, rules: dockerfileRules });
  const t2 = cpuMs();
  return { parse: t1 - t0, analyze: t2 - t1, wall: performance.now() - w0 };
}

const at = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(11);

function report(label: string, lines: number, runs: Run[]) {
  const parse = runs.map((run) => run.parse);
  const analyze = runs.map((run) => run.analyze);
  const total = runs.map((run) => run.parse + run.analyze);
  const wall = runs.map((run) => run.wall);
  console.log(
    `${label.padEnd(30)} ${String(lines).padStart(6)} ${ms(at(parse, 50))} ${ms(at(parse, 95))} ${ms(at(analyze, 50))} ${ms(at(analyze, 95))} ${ms(at(total, 50))} ${ms(at(total, 95))} ${ms(at(wall, 50))} ${ms(at(wall, 95))}`,
  );
}

async function main() {
  await initKinds();
  console.log(`parse + analyze (all Dockerfile rules); load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`);
  console.log('                                      ---------------------------- CPU time ---------------------------- ----- wall time -----');
  console.log('file                            lines   parse p50   parse p95 analyze p50 analyze p95   total p50   total p95    wall p50    wall p95');
  if (existsSync(REAL)) {
    const text = readFileSync(REAL, 'utf8');
    for (let i = 0; i < 50; i++) once(text, `/warm/${i}/Dockerfile`);
    report('real 206-line php Dockerfile', text.split('\n').length - 1, Array.from({ length: 1000 }, (_, i) => once(text, `/real/${i}/Dockerfile`)));
    const files = readdirSync(CORPUS).map((name) => readFileSync(join(CORPUS, name), 'utf8'));
    const runs = files.map((file, i) => once(file, `/corpus/${i}/Dockerfile`));
    report(`corpus: ${files.length} files, once each`, Math.round(files.reduce((sum, file) => sum + file.split('\n').length, 0) / files.length), runs);
  } else console.log(`(no corpus at ${CORPUS})`);
  for (const count of [1_000, 10_000, 20_000]) {
    for (const chained of [false, true]) {
      const text = stages(count, chained);
      report(`${count} ${chained ? 'chained' : 'independent'} stages`, text.split('\n').length - 1, Array.from({ length: 3 }, (_, i) => once(text, `/gen/${i}/Dockerfile`)));
    }
  }
}

main();
