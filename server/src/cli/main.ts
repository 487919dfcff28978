import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../i18n';
import type { Severity } from '../engine/types';
import { renderReport, renderSummary } from '../checklist/report';
import { VERSION } from '../package-info';
import { scanProject } from '../service';
import { resolveLocale, t } from '../i18n';
import { reportable, terminalSafe, terminalSafeDocument, toJson, toSarif, toText } from './format';
import { describeError, Output } from './output';

const USAGE = `Usage:
  readiness scan [PATH...] [--format text|json|sarif] [--fail-on error|warning|never]
                 [--config FILE] [--fail-below SCORE] [--require-gates] [--lang en|pt-BR]
  readiness report [PATH] [--format markdown|json|html] [--output FILE] [--config FILE] [--lang en|pt-BR]
  readiness --help | --version

scan     prints the findings of every Dockerfile, Kubernetes manifest, nginx config and Terraform
         file under PATH (default: the current folder).
report   prints the production-readiness checklist: scores, gates, items, sign-offs.

Exit codes: 0 nothing reached --fail-on (and the score/gate checks passed), 1 something did,
2 usage or internal error, a file named on the command line that could not be analyzed, or
output that could not be written.`;

class UsageError extends Error {}

/** A problem the user can fix, said in one line (no usage text, no stack trace). */
class CliError extends Error {}

const output = new Output();

const FAIL_ON: Record<string, Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    await output.line(VERSION);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'scan') return scan(rest);
  if (command === 'report') return report(rest);
  throw new UsageError(`unknown command "${command}"`);
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string };
type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: Record<string, OptionSpec>): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, config: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
}

/** `--config FILE` must name a file: a clear message here beats an ENOENT stack trace from deep inside. */
function configPathOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let isFile = false;
  try {
    isFile = statSync(value).isFile();
  } catch (error) {
    throw new CliError(`--config ${terminalSafe(value)}: ${describeError(error)}.`);
  }
  if (!isFile) throw new CliError(`--config ${terminalSafe(value)}: not a file.`);
  return value;
}

/** Files named on the command line that were not analyzed (skipped or unsupported): the run did not do what was asked. */
function namedFilesNotAnalyzed(positionals: string[], scanned: string[]): string[] {
  const analyzed = new Set(scanned);
  return positionals.map((path) => resolve(path)).filter((path) => {
    try {
      return statSync(path).isFile() && !analyzed.has(path);
    } catch {
      return false;
    }
  });
}

function localeOf(value: unknown): Locale | undefined {
  if (value === undefined) return undefined;
  if (value !== 'en' && value !== 'pt-BR' && value !== 'pt-br') throw new UsageError('--lang must be en or pt-BR');
  return resolveLocale(value as string);
}

async function scan(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'fail-below': { type: 'string' },
    'require-gates': { type: 'boolean' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text');
  const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'never'] as const, 'error');
  const failBelow = values['fail-below'] === undefined ? undefined : Number(values['fail-below']);
  if (failBelow !== undefined && !(failBelow >= 0 && failBelow <= 100)) throw new UsageError('--fail-below takes a score from 0 to 100');
  const locale = localeOf(values.lang);

  const { scan: result, service } = await scanProject(positionals, { configPath: configPathOf(values.config), locale });
  if (format === 'json') await output.line(JSON.stringify(toJson(result), null, 2));
  else if (format === 'sarif') await output.line(JSON.stringify(toSarif(result, VERSION), null, 2));
  else await output.line(toText(result, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));

  let failed = reportable(result.findings).some((finding) => FAIL_ON[failOn].includes(finding.severity));
  if (failBelow !== undefined || values['require-gates']) {
    const checklist = await service.checklist();
    const log = format === 'text' ? (text: string) => output.line(text) : async (text: string) => console.error(text);
    if (failBelow !== undefined && checklist.score < failBelow) {
      await log(t(checklist.locale, 'cli.scoreBelow', { score: checklist.score, threshold: failBelow }));
      failed = true;
    }
    if (values['require-gates'] && checklist.gatesPassed < checklist.gatesTotal) {
      await log(t(checklist.locale, 'cli.gatesOpen', { open: checklist.gatesTotal - checklist.gatesPassed, total: checklist.gatesTotal }));
      failed = true;
    }
  }
  // The reason is in the output (skipped: ...); the exit code says the run fell short of the request.
  if (namedFilesNotAnalyzed(positionals, result.scanned).length) return 2;
  return result.errors.length ? 2 : failed ? 1 : 0;
}

async function report(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' }, summary: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('report takes one PATH');
  const format = oneOf('format', values.format, ['markdown', 'json', 'html'] as const, 'markdown');
  const { service } = await scanProject(positionals, { configPath: configPathOf(values.config), locale: localeOf(values.lang) });
  const checklist = await service.checklist();
  if (values.summary) {
    await output.line(terminalSafeDocument(renderSummary(checklist)));
    return 0;
  }
  const text = renderReport(checklist, format);
  if (values.output) {
    const file = values.output as string;
    try {
      writeFileSync(file, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? `the folder ${terminalSafe(dirname(resolve(file)))} does not exist` : describeError(error);
      throw new CliError(`cannot write ${terminalSafe(file)}: ${why}.`);
    }
    console.error(`Wrote ${terminalSafe(file)}.`);
  } else await output.line(format === 'json' ? text : terminalSafeDocument(text));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (output.error) {
      console.error(`readiness: cannot write the output: ${output.error}.`);
      code = 2;
    }
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      console.error(`readiness: ${error.message}\n\n${USAGE}`);
    } else if (error instanceof CliError) {
      console.error(`readiness: ${error.message}`);
    } else {
      console.error(`readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    process.exitCode = 2;
  },
);
