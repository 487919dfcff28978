import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Locale } from '../i18n';
import type { Severity } from '../engine/types';
import { renderReport, renderSummary } from '../checklist/report';
import { VERSION } from '../package-info';
import { scanProject } from '../service';
import { resolveLocale, t } from '../i18n';
import { reportable, toJson, toSarif, toText } from './format';

const USAGE = `Usage:
  readiness scan [PATH...] [--format text|json|sarif] [--fail-on error|warning|never]
                 [--config FILE] [--fail-below SCORE] [--require-gates] [--lang en|pt-BR]
  readiness report [PATH] [--format markdown|json|html] [--output FILE] [--config FILE] [--lang en|pt-BR]
  readiness --help | --version

scan     prints the findings of every Dockerfile, Kubernetes manifest, nginx config and Terraform
         file under PATH (default: the current folder).
report   prints the production-readiness checklist: scores, gates, items, sign-offs.

Exit codes: 0 nothing reached --fail-on (and the score/gate checks passed), 1 something did,
2 usage or internal error.`;

class UsageError extends Error {}

const FAIL_ON: Record<string, Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    console.log(VERSION);
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

  const { scan: result, service } = await scanProject(positionals, { configPath: values.config as string | undefined, locale });
  if (format === 'json') console.log(JSON.stringify(toJson(result), null, 2));
  else if (format === 'sarif') console.log(JSON.stringify(toSarif(result, VERSION), null, 2));
  else console.log(toText(result, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));

  let failed = reportable(result.findings).some((finding) => FAIL_ON[failOn].includes(finding.severity));
  if (failBelow !== undefined || values['require-gates']) {
    const checklist = await service.checklist();
    const log = format === 'text' ? console.log : console.error;
    if (failBelow !== undefined && checklist.score < failBelow) {
      log(t(checklist.locale, 'cli.scoreBelow', { score: checklist.score, threshold: failBelow }));
      failed = true;
    }
    if (values['require-gates'] && checklist.gatesPassed < checklist.gatesTotal) {
      log(t(checklist.locale, 'cli.gatesOpen', { open: checklist.gatesTotal - checklist.gatesPassed, total: checklist.gatesTotal }));
      failed = true;
    }
  }
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
  const { service } = await scanProject(positionals, { configPath: values.config as string | undefined, locale: localeOf(values.lang) });
  const checklist = await service.checklist();
  if (values.summary) {
    console.log(renderSummary(checklist));
    return 0;
  }
  const text = renderReport(checklist, format);
  if (values.output) {
    writeFileSync(values.output as string, text);
    console.error(`Wrote ${values.output}.`);
  } else console.log(text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      console.error(`readiness: ${error.message}\n\n${USAGE}`);
    } else {
      console.error(`readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    process.exitCode = 2;
  },
);
