/**
 * What the panel shows, decided without VS Code: the header, the attention filter, the empty
 * states, and numbers and dates in the UI locale (the order of items and findings is shared with
 * the report, in server/src/checklist/order.ts). Pure, so test/client runs it in Node.
 */
import type { CategoryResult, ChecklistItemResult, ChecklistReport } from '../../server/src/checklist/types';

// ---- Numbers and dates -------------------------------------------------------------------------------

export interface Formatter {
  /** 5.8 -> "5.8%" (en), "5,8%" (pt-BR): one decimal, as the report writes it. */
  percent(value: number): string;
  /** 1234 -> "1,234" (en), "1.234" (pt-BR). */
  count(value: number): string;
  /** Points of score, one decimal at most: 0.9 -> "0.9" / "0,9". */
  points(value: number): string;
  /** An ISO (2025-10-15) or seed (15/10/2025) date in the locale's medium style; anything else as written. */
  date(text: string): string;
}

/** A formatter for a VS Code display language ("en", "pt-br"); an unknown tag falls back to English. */
export function formatterFor(language: string): Formatter {
  const locale = supportedLocale(language);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    percent: (value) => percent.format(value / 100),
    count: (value) => count.format(value),
    points: (value) => points.format(value),
    date: (text) => {
      const parsed = parseDate(text);
      return parsed === undefined ? text : date.format(parsed);
    },
  };
}

function supportedLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function parseDate(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const seed = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : seed ? [seed[3], seed[2], seed[1]] : [];
  if (!year) return undefined;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const check = new Date(time);
  return check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) ? time : undefined;
}

// ---- Header ------------------------------------------------------------------------------------------

/** Proof and unknown side by side: the score only proof raises, the items nobody can tell yet, the open gates. */
export interface Headline {
  proven: number;
  toVerify: number;
  gatesOpen: number;
}

export function headline(report: ChecklistReport): Headline {
  const toVerify = report.totals?.notVerified ?? report.categories.reduce((sum, category) => sum + category.counts.notVerified, 0);
  return { proven: report.score, toVerify, gatesOpen: report.gatesTotal - report.gatesPassed };
}

/** Something to score: an analyzed file. A workspace whose supported files were all skipped has nothing. */
export function hasScore(report: ChecklistReport): boolean {
  return report.analyzedFiles === undefined ? report.categories.some((category) => category.items.some((item) => item.status !== 'not-verified')) : report.analyzedFiles > 0;
}

/** Anything to show instead of the welcome view: a file to score, a skipped file, or a problem with .readiness.yml. */
export function hasContent(report: ChecklistReport): boolean {
  return hasScore(report) || (report.skipped?.length ?? 0) > 0 || report.problems.length > 0;
}

// ---- Attention filter ----------------------------------------------------------------------------------

function gateOpen(category: CategoryResult): boolean {
  return category.gate !== undefined && !category.gate.passed && !category.gate.notApplicable;
}

/** An item that needs a person now: something says it is wrong, or it is critical and nobody can tell. */
export function itemNeedsAttention(item: ChecklistItemResult): boolean {
  return item.status === 'failing' || item.status === 'contradicted' || (item.critical && item.status === 'not-verified');
}

/**
 * "Show only what needs attention": every category whose gate is open (its reasons say why, even
 * when no single item is to blame) or that has a failing item, with its failing, contradicted and
 * critical not-verified items.
 */
export function attentionFilter(categories: readonly CategoryResult[]): { category: CategoryResult; items: ChecklistItemResult[] }[] {
  return categories
    .map((category) => ({ category, items: category.items.filter(itemNeedsAttention) }))
    .filter(({ category, items }) => gateOpen(category) || items.length > 0);
}

/**
 * Titles that more than one entry carries (the seed has a "Health checks" item in Deployment and
 * another in Monitoring): a list that mixes categories names the category of those entries.
 */
export function sharedTitles(entries: readonly { title: string }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { title } of entries) (seen.has(title) ? shared : seen).add(title);
  return shared;
}
