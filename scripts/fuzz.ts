/**
 * `npm run fuzz`: a seeded mutation fuzzer over every file kind. It mutates real files (the shared
 * corpus, when it is there), the project's fixtures and every rule's examples, and for each input
 * counts what must never happen:
 *
 * - exception:  parsing or the engine threw (a rule's crash is caught: that is the next one);
 * - rule-error: a rule crashed (`readiness/rule-error`);
 * - slow:       parse + all rules took longer than 2 s;
 * - range:      a finding, inspection or fix edit lies outside the document;
 * - broken-fix: on a file that parses, applying a quick fix made it not parse, threw, or left its
 *               finding in place.
 *
 *   npm run fuzz -- [--inputs 100000] [--seed 1] [--kinds dockerfile,nginx] [--no-corpus] [--out DIR]
 *
 * Same seed, same inputs, same figures. Each distinct defect is shrunk to a small input and, with
 * --out, written to a file. Exits 1 when anything was found.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_RULES } from '../rules';
import { analyzeFile, applyEdits, ENGINE_RULES } from '../server/src/engine/analyze';
import type { Rule } from '../server/src/engine/rule';
import { lineIndexOf, type LineIndex } from '../server/src/engine/text';
import type { BaseModel, FileKind, Finding, Inspection, Range, Span } from '../server/src/engine/types';
import { detectKind, initKinds, KINDS, kindSupport } from '../server/src/kinds';
import { seededRandom } from '../test/helpers/synthetic';

const REPOSITORY = resolve(__dirname, '..');
export const DEFAULT_CORPUS = resolve(REPOSITORY, '../shared/corpus/real');

/**
 * The file each kind's inputs are parsed as. Every kind in `KINDS` needs one (the fuzzer refuses
 * to start without it): a new kind, Docker Compose say, adds `compose: '/fuzz/compose.yaml'`.
 */
const FUZZ_PATHS: Record<string, string> = {
  dockerfile: '/fuzz/Dockerfile',
  kubernetes: '/fuzz/manifest.yaml',
  nginx: '/fuzz/nginx.conf',
  terraform: '/fuzz/main.tf',
  compose: '/fuzz/compose.yaml',
};

/** The corpus folder of each kind's real files (a kind without one fuzzes its fixtures and rule examples). */
const CORPUS_FOLDERS: Record<string, string> = { dockerfile: 'dockerfile', kubernetes: 'k8s', nginx: 'nginx', terraform: 'terraform' };

/** Fixture folders of the project, walked for files of any kind. */
const FIXTURE_FOLDERS = ['examples', 'test/e2e/fixtures'];

export type Symptom = 'exception' | 'rule-error' | 'slow' | 'range' | 'broken-fix';
export const SYMPTOMS: readonly Symptom[] = ['exception', 'rule-error', 'slow', 'range', 'broken-fix'];

export interface Defect {
  kind: FileKind;
  symptom: Symptom;
  /** What went wrong, with the rule id when there is one; equal keys are the same defect. */
  key: string;
  detail: string;
  input: string;
  /** Where the mutated input came from. */
  origin: string;
}

export interface FuzzOptions {
  seed?: number;
  inputs?: number;
  kinds?: FileKind[];
  /** The corpus folder, or false to fuzz the fixtures and rule examples only. */
  corpus?: string | false;
  /** Larger seed files are left out (they would slow every input down, not find more). */
  maxSeedBytes?: number;
  slowMs?: number;
  /** How many of an input's quick fixes are applied and checked. */
  fixesPerInput?: number;
  /** Called every 1,000 inputs. */
  progress?(done: number, report: FuzzReport): void;
}

export interface KindFigures {
  seeds: number;
  inputs: number;
  findings: number;
  fixesChecked: number;
  maxMs: number;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  counts: Record<Symptom, number>;
  /** One entry per distinct defect (symptom + key), the first input that showed it. */
  defects: Defect[];
  byKind: Record<string, KindFigures>;
  ms: number;
}

interface SeedFile {
  origin: string;
  text: string;
}


type Rng = () => number;
const below = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[below(rng, items.length)];

/** Bits of syntax that matter to some kind's parser: quotes, brackets, escapes, line breaks, markers. */
const TOKENS = [
  '{', '}', '[', ']', '(', ')', ';', ':', ',', '"', "'", '`', '\\', '\n', '\r\n', '\r', '\t', ' ', '  ', '#', '$', '${', '${a}', '{{', '}}',
  '*', '&', '!', '|', '>', '<<', '-', '- ', '---\n', '...\n', '=', '==', '=>', '.', '/', '~', '%', '@', '?', '0', '-1', '99999999999999999999',
  '1e309', 'NaN', 'null', 'true', '~', '&a ', '*a', '!!binary ', '<<: *a', '\u0000', '\uFEFF', '\u00a0', '\u2028', '\u202e', '😀', 'é', '\\\n',
  'FROM ', 'RUN ', 'USER ', 'COPY ', 'HEALTHCHECK ', 'ARG ', 'ONBUILD ', 'apiVersion: ', 'kind: ', 'metadata:', 'spec:', 'containers:', 'image: ',
  'server ', 'location ', 'include ', 'http ', 'if (', 'return ', 'resource ', 'module ', 'variable ', 'dynamic ', 'for_each = ', 'count = ',
  '<<EOF\n', '\nEOF\n', '<<-EOT\n', 'heredoc', '%{ if a }', '%{ endif }',
];

/** Deepest bracket nesting a mutation adds: deep enough to stress a parser, below the 2,000 levels another issue is about. */
const MAX_NESTING = 100;

type Mutation = (text: string, rng: Rng, donors: readonly SeedFile[]) => string;

const MUTATIONS: Mutation[] = [
  // Delete a run of characters.
  (text, rng) => {
    const start = below(rng, text.length + 1);
    return text.slice(0, start) + text.slice(start + 1 + below(rng, 40));
  },
  // Insert a token or a random character.
  (text, rng) => {
    const at = below(rng, text.length + 1);
    const insert = rng() < 0.8 ? pick(rng, TOKENS) : String.fromCharCode(below(rng, 0x3000));
    return text.slice(0, at) + insert + text.slice(at);
  },
  // Replace one character.
  (text, rng) => {
    const at = below(rng, text.length);
    return text.slice(0, at) + pick(rng, TOKENS) + text.slice(at + 1);
  },
  // Duplicate, drop or swap whole lines.
  (text, rng) => {
    const lines = text.split('\n');
    const i = below(rng, lines.length);
    const j = below(rng, lines.length);
    const choice = below(rng, 3);
    if (choice === 0) lines.splice(j, 0, ...lines.slice(i, i + 1 + below(rng, 5)));
    else if (choice === 1) lines.splice(i, 1 + below(rng, 3));
    else [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  // Re-indent a line (YAML and HCL care).
  (text, rng) => {
    const lines = text.split('\n');
    const i = below(rng, lines.length);
    lines[i] = rng() < 0.5 ? ' '.repeat(1 + below(rng, 8)) + lines[i] : lines[i].replace(/^\s{1,4}/, '');
    return lines.join('\n');
  },
  // Splice in a chunk of another file of the same kind.
  (text, rng, donors) => {
    const donor = pick(rng, donors).text;
    const from = below(rng, donor.length + 1);
    const chunk = donor.slice(from, from + 1 + below(rng, 400));
    const at = below(rng, text.length + 1);
    return text.slice(0, at) + chunk + text.slice(at + (rng() < 0.5 ? 0 : below(rng, 200)));
  },
  // Truncate.
  (text, rng) => text.slice(0, below(rng, text.length + 1)),
  // Change the line breaks: all CRLF, all CR, or mixed.
  (text, rng) => {
    const choice = below(rng, 3);
    if (choice === 0) return text.replace(/\r?\n/g, '\r\n');
    if (choice === 1) return text.replace(/\r?\n/g, '\r');
    return text.replace(/\n/g, () => (rng() < 0.5 ? '\r\n' : '\n'));
  },
  // Swap a number or a word for an extreme or a neighbour's.
  (text, rng, donors) => {
    const words = [...text.matchAll(/[A-Za-z_][\w-]*|\d+/g)];
    if (!words.length) return text;
    const word = pick(rng, words);
    const donorWords = pick(rng, donors).text.match(/[A-Za-z_][\w./:-]*/g) ?? ['x'];
    const replacement = /^\d/.test(word[0]) ? pick(rng, ['0', '-1', '65536', '99999999999999999999', '1.5', '0x10', '']) : pick(rng, donorWords);
    return text.slice(0, word.index) + replacement + text.slice(word.index! + word[0].length);
  },
  // Nest brackets, braces or YAML flow collections.
  (text, rng) => {
    const depth = 1 + below(rng, MAX_NESTING);
    const [open, close] = pick(rng, [['{', '}'], ['[', ']'], ['(', ')'], ['{\n', '}\n'], ['a {', '}']] as const);
    const at = below(rng, text.length + 1);
    const closing = rng() < 0.7 ? close.repeat(depth) : '';
    return text.slice(0, at) + open.repeat(depth) + closing + text.slice(at);
  },
  // Put a byte order mark in front.
  (text) => '\uFEFF' + text,
];

function mutate(text: string, rng: Rng, donors: readonly SeedFile[]): string {
  let result = text;
  const count = 1 + below(rng, 4);
  for (let i = 0; i < count; i++) result = pick(rng, MUTATIONS)(result, rng, donors);
  return result;
}

function collectSeeds(kinds: readonly FileKind[], corpus: string | false, maxSeedBytes: number): Map<FileKind, SeedFile[]> {
  const seeds = new Map<FileKind, SeedFile[]>(kinds.map((kind) => [kind, []]));
  const add = (kind: FileKind | undefined, origin: string, text: string) => {
    if (kind && text.length <= maxSeedBytes && text.trim()) seeds.get(kind)?.push({ origin, text });
  };
  for (const rule of ALL_RULES) {
    if (!rule.meta.examples) continue;
    add(rule.meta.kind, `${rule.meta.id} bad example`, rule.meta.examples.bad);
    add(rule.meta.kind, `${rule.meta.id} good example`, rule.meta.examples.good);
  }
  for (const folder of FIXTURE_FOLDERS) {
    for (const path of filesBelow(join(REPOSITORY, folder))) {
      const text = readFileSync(path, 'utf8');
      add(detectKind(path, text)?.kind, path.slice(REPOSITORY.length + 1), text);
    }
  }
  if (corpus && existsSync(corpus)) {
    for (const kind of kinds) {
      const folder = CORPUS_FOLDERS[kind];
      if (!folder || !existsSync(join(corpus, folder))) continue;
      for (const name of readdirSync(join(corpus, folder)).sort()) {
        const path = join(corpus, folder, name);
        if (statSync(path).size <= maxSeedBytes) add(kind, `corpus ${folder}/${name}`, readFileSync(path, 'utf8'));
      }
    }
  }
  return seeds;
}

function filesBelow(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesBelow(join(folder, entry.name)) : entry.isFile() ? [join(folder, entry.name)] : []));
}

const rulesByKind = new Map<FileKind, Rule<any>[]>();
function rulesOf(kind: FileKind): Rule<any>[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = ALL_RULES.filter((rule) => rule.meta.kind === kind);
    rulesByKind.set(kind, rules);
  }
  return rules;
}

interface Analysis {
  model: BaseModel;
  findings: Finding[];
  inspected: Inspection[];
  ms: number;
}

function analyze(kind: FileKind, text: string, rules: readonly Rule<any>[]): Analysis {
  const started = performance.now();
  const model = kindSupport(kind).parse(text, FUZZ_PATHS[kind]);
  const { findings, inspected } = analyzeFile({ model, rules });
  return { model, findings, inspected, ms: performance.now() - started };
}

function spanProblem(text: string, span: Span): string | undefined {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
  return ok ? undefined : `span ${span.start}..${span.end} in a ${text.length}-character text`;
}

function rangeProblem(lines: LineIndex, range: Range): string | undefined {
  const inside = (position: Range['start']) =>
    Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.line < lines.lineCount && position.character >= 0 && position.character <= lines.lineText(position.line).length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return inside(range.start) && inside(range.end) && ordered ? undefined : `range ${JSON.stringify(range)}`;
}

export interface InputResult {
  defects: Omit<Defect, 'input' | 'origin'>[];
  findings: number;
  fixesChecked: number;
  ms: number;
}

const countOf = (findings: readonly Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;

/** Everything that must hold for one input; `fixes` of its quick fixes are applied and checked. */
export function checkInput(kind: FileKind, text: string, options: { slowMs?: number; fixes?: number; rng?: Rng; rules?: readonly Rule<any>[] } = {}): InputResult {
  const rules = options.rules ?? rulesOf(kind);
  const defects: InputResult['defects'] = [];
  const found = (symptom: Symptom, key: string, detail: string) => defects.push({ kind, symptom, key, detail });
  let analysis: Analysis;
  try {
    analysis = analyze(kind, text, rules);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    found('exception', message.split('\n')[0].slice(0, 80), error instanceof Error ? (error.stack ?? message) : message);
    return { defects, findings: 0, fixesChecked: 0, ms: 0 };
  }
  const { model, findings, inspected, ms } = analysis;
  if (ms > (options.slowMs ?? 2000)) found('slow', `${Math.round(ms)} ms`, `parse + rules took ${Math.round(ms)} ms`);
  const lines = lineIndexOf(model);
  for (const finding of findings) {
    if (finding.ruleId === ENGINE_RULES.ruleError) found('rule-error', finding.message.replace(/ crashed on this file \((.*)\);.*/, ': $1').slice(0, 120), finding.message);
    const problem = spanProblem(text, finding.span) ?? rangeProblem(lines, finding.range);
    if (problem) found('range', finding.ruleId, `${finding.ruleId}: ${problem}`);
    for (const edit of finding.fix?.edits ?? []) {
      const editProblem = spanProblem(text, edit);
      if (editProblem) found('range', `${finding.ruleId} fix`, `${finding.ruleId} fix edit: ${editProblem}`);
    }
  }
  for (const inspection of inspected) {
    const problem = spanProblem(text, inspection.span) ?? rangeProblem(lines, inspection.range);
    if (problem) found('range', `${inspection.ruleId} inspection`, `${inspection.ruleId} inspected ${inspection.subject}: ${problem}`);
  }
  // A quick fix is promised for a file that parses: on a broken one (an unterminated string or
  // block swallows whatever is inserted after it) the editor offers it, but nothing is guaranteed.
  const fixable = model.errors.length === 0 ? findings.filter((finding) => finding.fix) : [];
  const rng = options.rng ?? Math.random;
  const toCheck = fixable.length <= (options.fixes ?? 2) ? fixable : Array.from({ length: options.fixes ?? 2 }, () => pick(rng, fixable));
  for (const finding of toCheck) {
    const fixed = applyEdits(text, finding.fix!.edits);
    let after: Analysis;
    try {
      after = analyze(kind, fixed, rules);
    } catch (error) {
      found('broken-fix', `${finding.ruleId}: throws`, `${finding.ruleId} "${finding.fix!.title}": the fixed file throws ${String(error)}`);
      continue;
    }
    if (after.model.errors.length > model.errors.length) {
      found('broken-fix', `${finding.ruleId}: no longer parses`, `${finding.ruleId} "${finding.fix!.title}": the fixed file no longer parses (${after.model.errors[0]?.message})`);
    }
    if (countOf(after.findings, finding.ruleId) >= countOf(findings, finding.ruleId)) {
      found('broken-fix', `${finding.ruleId}: finding still there`, `${finding.ruleId} "${finding.fix!.title}": the finding is still there after the fix`);
    }
  }
  return { defects, findings: findings.length, fixesChecked: toCheck.length, ms };
}

/**
 * The smallest input (greedy: whole lines, then characters) that still shows the same defect.
 * Bounded: a few thousand checks at most.
 */
export function shrink(kind: FileKind, text: string, symptom: Symptom, key: string, rules?: readonly Rule<any>[]): string {
  const still = (candidate: string) => checkInput(kind, candidate, { fixes: 100, rng: seededRandom(1), rules }).defects.some((defect) => defect.symptom === symptom && defect.key === key);
  let current = text;
  let budget = symptom === 'slow' ? 20 : 3000;
  const attempt = (candidate: string) => {
    if (budget-- <= 0 || candidate === current) return false;
    if (!still(candidate)) return false;
    current = candidate;
    return true;
  };
  for (const unit of ['\n', '']) {
    for (let size = Math.max(1, Math.floor(current.length / 2)); size >= 1; size = Math.floor(size / 2)) {
      const parts = unit ? current.split('\n') : [...current];
      for (let start = 0; start < parts.length && budget > 0; ) {
        const candidate = [...parts.slice(0, start), ...parts.slice(start + size)].join(unit);
        if (attempt(candidate)) parts.splice(start, size);
        else start += size;
      }
      if (budget <= 0) break;
    }
  }
  return current;
}

export async function fuzz(options: FuzzOptions = {}): Promise<FuzzReport> {
  await initKinds();
  const seed = options.seed ?? 1;
  const inputs = options.inputs ?? 1000;
  const kinds = options.kinds ?? KINDS.map((support) => support.kind);
  const missing = kinds.filter((kind) => !FUZZ_PATHS[kind]);
  if (missing.length) throw new Error(`no fuzz path for ${missing.join(', ')}: add one to FUZZ_PATHS in scripts/fuzz.ts`);
  const seeds = collectSeeds(kinds, options.corpus ?? DEFAULT_CORPUS, options.maxSeedBytes ?? 64 * 1024);
  const active = kinds.filter((kind) => seeds.get(kind)!.length > 0);
  if (active.length < kinds.length) throw new Error(`no seed files for ${kinds.filter((kind) => !active.includes(kind)).join(', ')}: give the kind's rules meta.examples`);
  const rng = seededRandom(seed);
  const report: FuzzReport = {
    seed,
    inputs: 0,
    counts: Object.fromEntries(SYMPTOMS.map((symptom) => [symptom, 0])) as Record<Symptom, number>,
    defects: [],
    byKind: Object.fromEntries(kinds.map((kind) => [kind, { seeds: seeds.get(kind)!.length, inputs: 0, findings: 0, fixesChecked: 0, maxMs: 0 }])),
    ms: 0,
  };
  const known = new Set<string>();
  const started = performance.now();
  for (let i = 0; i < inputs; i++) {
    const kind = active[i % active.length];
    const donors = seeds.get(kind)!;
    const source = pick(rng, donors);
    const input = mutate(source.text, rng, donors);
    const result = checkInput(kind, input, { slowMs: options.slowMs, fixes: options.fixesPerInput, rng });
    const figures = report.byKind[kind];
    figures.inputs++;
    figures.findings += result.findings;
    figures.fixesChecked += result.fixesChecked;
    figures.maxMs = Math.max(figures.maxMs, result.ms);
    report.inputs++;
    for (const defect of result.defects) {
      report.counts[defect.symptom]++;
      const id = `${defect.kind} ${defect.symptom} ${defect.key}`;
      if (known.has(id)) continue;
      known.add(id);
      report.defects.push({ ...defect, input, origin: source.origin });
    }
    if ((i + 1) % 1000 === 0) options.progress?.(i + 1, report);
  }
  report.ms = performance.now() - started;
  return report;
}

function formatReport(report: FuzzReport): string {
  const rows = Object.entries(report.byKind).map(
    ([kind, f]) => `| ${kind} | ${f.seeds} | ${f.inputs} | ${f.findings} | ${f.fixesChecked} | ${Math.round(f.maxMs)} ms |`,
  );
  return [
    `seed ${report.seed}: ${report.inputs} inputs in ${(report.ms / 1000).toFixed(1)} s`,
    '',
    '| kind | seed files | inputs | findings | fixes checked | slowest input |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    SYMPTOMS.map((symptom) => `${symptom}: ${report.counts[symptom]}`).join(', '),
  ].join('\n');
}

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const corpusArgument = argument(args, 'corpus');
  const options: FuzzOptions = {
    seed: Number(argument(args, 'seed') ?? 1),
    inputs: Number(argument(args, 'inputs') ?? 100_000),
    kinds: argument(args, 'kinds')?.split(',') as FileKind[] | undefined,
    corpus: args.includes('--no-corpus') ? false : (corpusArgument ?? DEFAULT_CORPUS),
    progress: (done, report) => {
      if (done % 10_000 === 0) process.stderr.write(`${done} inputs, ${SYMPTOMS.map((symptom) => `${symptom} ${report.counts[symptom]}`).join(', ')}\n`);
    },
  };
  if (!(options.seed! >= 0) || !(options.inputs! > 0)) throw new Error('--seed and --inputs take numbers');
  if (options.corpus && !existsSync(options.corpus)) process.stderr.write(`no corpus at ${options.corpus}: fuzzing the fixtures and rule examples only\n`);
  const report = await fuzz(options);
  console.log(formatReport(report));
  const out = argument(args, 'out');
  if (out) mkdirSync(out, { recursive: true });
  report.defects.forEach((defect, n) => {
    const small = shrink(defect.kind, defect.input, defect.symptom, defect.key);
    console.log(`\n${defect.kind} ${defect.symptom}: ${defect.key}\n  from: ${defect.origin}\n  detail: ${defect.detail.split('\n').slice(0, 4).join('\n    ')}\n  input (${small.length} chars): ${JSON.stringify(small)}`);
    if (out) writeFileSync(join(out, `${n + 1}-${defect.kind}-${defect.symptom}.txt`), small);
  });
  return report.defects.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 2;
    },
  );
}
