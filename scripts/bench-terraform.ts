/**
 * Terraform side by side with hcl2-parser on the same files, in the same run: our parse + every
 * Terraform rule through the workspace index (modules followed, registry modules mapped), against
 * hcl2-parser's parse alone. Prints figures; asserts nothing.
 * Usage: node --import tsx scripts/bench-terraform.ts [DIR]   (default ../shared/corpus/real/terraform)
 *   DIR may be the flat corpus or a tree laid out by ../shared/corpus/real-tree.mjs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { terraformRules } from '../rules/terraform';
import { initKinds } from '../server/src/kinds';
import { WorkspaceIndex } from '../server/src/workspace';

const dir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'real', 'terraform'));

function tfFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === '.terraform' ? [] : tfFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

/** Parses and analyzes every file through a fresh workspace index; returns [parse ms, analyze ms, findings]. */
function ours(paths: string[]): [number, number, number] {
  const index = new WorkspaceIndex(dir);
  for (const path of paths) index.setText(path, readFileSync(path, 'utf8'));
  const parseStart = performance.now();
  for (const path of paths) index.model(path);
  const parsed = performance.now();
  let findings = 0;
  for (const path of paths) findings += index.analyze(path, terraformRules, {}).findings.length;
  return [parsed - parseStart, performance.now() - parsed, findings];
}

async function main() {
  await initKinds();
  const paths = tfFiles(dir);
  const texts = paths.map((path) => readFileSync(path, 'utf8'));
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  console.log(`${dir}: ${paths.length} .tf files, ${megabytes.toFixed(2)} MB`);

  const runs = [ours(paths), ours(paths), ours(paths)];
  for (const [i, [parse, analyze, findings]] of runs.entries()) {
    console.log(`ours, run ${i + 1}${i === 0 ? ' (cold)' : ''}: parse ${parse.toFixed(0)} ms + rules ${analyze.toFixed(0)} ms = ${(parse + analyze).toFixed(0)} ms, ${findings} findings`);
  }

  // hcl2-parser last: requiring it changes process-wide state (Error.stackTraceLimit).
  const hcl = createRequire(__filename)('hcl2-parser') as { parseToObject(text: string): [unknown, unknown] };
  const started = performance.now();
  let failures = 0;
  for (const text of texts) if (hcl.parseToObject(text)[0] === null) failures++;
  const theirs = performance.now() - started;
  console.log(`hcl2-parser 1.0.3, parse only: ${theirs.toFixed(0)} ms (${failures} files not parsed)`);
  const [coldParse, coldAnalyze] = runs[0];
  const best = Math.min(...runs.map(([parse, analyze]) => parse + analyze));
  console.log(`ratio ours / hcl2-parser: cold ${((coldParse + coldAnalyze) / theirs).toFixed(2)}x, warm ${(best / theirs).toFixed(2)}x (goal: at most 0.30x)`);
}

void main();
