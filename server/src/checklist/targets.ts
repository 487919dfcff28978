/**
 * The seed's numbers as targets: RTO under 15 minutes, RPO under 5, backups and logs kept 30 to 90
 * days, coverage over 80%, P95 under 200 ms, TLS 1.3, and the success metrics (uptime 99.9%, error
 * rate under 0.1%, throughput over 1000 RPS, MTTR under 15 minutes). `targets:` in
 * `.readiness.yml` changes them. Values the files declare are read here, never guessed: "TBD" or
 * "4 hours?" is not a value.
 */
import type { TargetKey, TargetValues } from '../engine/config';
import { formatNumber, t, type Locale } from '../i18n/index';
import type { MetricId, TargetId, TargetSpec, TargetUnit } from './types';

export const SEED_TARGETS: TargetValues = {
  rtoMinutes: 15,
  rpoMinutes: 5,
  backupRetentionDays: { min: 30, max: 90 },
  logRetentionDays: { min: 30, max: 90 },
  coveragePercent: 80,
  p95Ms: 200,
  tlsVersion: '1.3',
  uptimePercent: 99.9,
  errorRatePercent: 0.1,
  throughputRps: 1000,
  mttrMinutes: 15,
};

interface TargetDefinition {
  key: TargetKey;
  comparison: TargetSpec['comparison'];
  unit: TargetUnit;
  /** Checklist items a declared value outside the target fails. */
  items: string[];
}

export const TARGETS: Record<TargetId, TargetDefinition> = {
  rto: { key: 'rtoMinutes', comparison: 'max', unit: 'minutes', items: ['backup/rto-defined'] },
  rpo: { key: 'rpoMinutes', comparison: 'max', unit: 'minutes', items: ['backup/rpo-defined'] },
  backupRetention: { key: 'backupRetentionDays', comparison: 'range', unit: 'days', items: ['backup/backup-retention'] },
  logRetention: { key: 'logRetentionDays', comparison: 'range', unit: 'days', items: ['monitoring/log-retention'] },
  coverage: { key: 'coveragePercent', comparison: 'min', unit: 'percent', items: ['tests/unit-tests'] },
  p95: { key: 'p95Ms', comparison: 'max', unit: 'ms', items: ['performance/response-times', 'performance/performance-budgets'] },
  tls: { key: 'tlsVersion', comparison: 'min', unit: 'tls', items: ['security/encryption-in-transit'] },
  uptime: { key: 'uptimePercent', comparison: 'min', unit: 'percent', items: [] },
  errorRate: { key: 'errorRatePercent', comparison: 'max', unit: 'percent', items: [] },
  throughput: { key: 'throughputRps', comparison: 'min', unit: 'rps', items: ['performance/throughput'] },
  mttr: { key: 'mttrMinutes', comparison: 'max', unit: 'minutes', items: [] },
};

export const TARGET_IDS = Object.keys(TARGETS) as TargetId[];

/** The seed's "Métricas de Sucesso" (Security Score A+ has no number the files could declare). */
export const METRICS: readonly MetricId[] = ['uptime', 'p95', 'errorRate', 'throughput', 'mttr'];

/** Every target in force: the seed's number unless `.readiness.yml` sets it. */
export function resolveTargets(configured: Partial<TargetValues>, locale: Locale): TargetSpec[] {
  return TARGET_IDS.map((id) => {
    const definition = TARGETS[id];
    const own = configured[definition.key];
    const value = (own ?? SEED_TARGETS[definition.key]) as TargetValues[TargetKey];
    const spec: TargetSpec =
      typeof value === 'object'
        ? { id, comparison: 'range', value: value.min ?? SEED_TARGETS[definition.key as 'logRetentionDays'].min, max: value.max ?? SEED_TARGETS[definition.key as 'logRetentionDays'].max, unit: definition.unit, text: '', source: own === undefined ? 'seed' : 'config' }
        : { id, comparison: definition.comparison, value: typeof value === 'string' ? Number(value) : value, unit: definition.unit, text: '', source: own === undefined ? 'seed' : 'config' };
    spec.text = targetText(spec, locale);
    return spec;
  });
}

export function meets(spec: TargetSpec, value: number): boolean {
  switch (spec.comparison) {
    case 'max':
      return value <= spec.value;
    case 'min':
      return value >= spec.value;
    case 'range':
      return value >= spec.value && value <= (spec.max ?? Number.POSITIVE_INFINITY);
  }
}

export function formatValue(value: number, unit: TargetUnit, locale: Locale): string {
  const number = formatNumber(locale, value);
  switch (unit) {
    case 'minutes':
      return t(locale, 'target.unit.minutes', { n: number });
    case 'days':
      return t(locale, value === 1 ? 'target.unit.days.one' : 'target.unit.days.other', { n: number });
    case 'percent':
      return `${number}%`;
    case 'ms':
      return `${number} ms`;
    case 'rps':
      return t(locale, 'target.unit.rps', { n: number });
    case 'tls':
      return `TLS ${value.toFixed(1)}`;
  }
}

export function targetText(spec: TargetSpec, locale: Locale): string {
  if (spec.unit === 'tls') return t(locale, 'target.tls', { version: spec.value.toFixed(1) });
  const value = formatValue(spec.value, spec.unit, locale);
  switch (spec.comparison) {
    case 'max':
      return t(locale, 'target.max', { value });
    case 'min':
      return t(locale, 'target.min', { value });
    case 'range':
      return t(locale, 'target.range', { min: formatNumber(locale, spec.value), max: formatValue(spec.max ?? spec.value, spec.unit, locale) });
  }
}

const PLACEHOLDER = /\b(?:TBD|TBA|TODO|FIXME|XXX|N\/?A|lorem|ipsum|to be (?:defined|determined|confirmed)|a definir|a confirmar|fill (?:in|me)|preencher)\b|\?|\[[^\]]*\]|<[^>]*>/i;

/** Text that stands in for a value: "TBD", "TODO", "[Recovery Time Objective]", "4 hours?". */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

const MINUTES_PER: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 1_440, w: 10_080, y: 525_600 };

function unitOf(word: string): keyof typeof MINUTES_PER | undefined {
  const unit = word.toLowerCase();
  if (/^(?:ms|millis)/.test(unit)) return undefined;
  if (/^(?:s|secs?|seconds?|segundos?)$/.test(unit)) return 's';
  if (/^(?:m|mins?|minutes?|minutos?)$/.test(unit)) return 'm';
  if (/^(?:h|hrs?|hours?|horas?)$/.test(unit)) return 'h';
  if (/^(?:d|days?|dias?)$/.test(unit)) return 'd';
  if (/^(?:w|wks?|weeks?|semanas?)$/.test(unit)) return 'w';
  if (/^(?:y|yrs?|years?|anos?)$/.test(unit)) return 'y';
  return undefined;
}

/**
 * A duration as people write it ("15 minutos", "4 hours", "1h30m", "720h", "< 15 min"), in
 * minutes; a bare number is read in `bareUnit`. Undefined for placeholders and for text that is
 * not only a duration ("15 minutes after the alert" is not a duration).
 */
export function parseDuration(text: string, bareUnit: 'm' | 'd' = 'm'): number | undefined {
  if (isPlaceholder(text)) return undefined;
  const trimmed = text
    .trim()
    .replace(/^(?:<=?|≤|under|below|less than|at most|up to|menos de|até|no máximo|ate)\s*/i, '')
    .replace(/[.,;]$/, '');
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.')) * MINUTES_PER[bareUnit];
  let total = 0;
  let rest = trimmed;
  const part = /^(\d+(?:[.,]\d+)?)\s*([a-zA-Zçã]+)\s*(?:e\s+|and\s+)?/;
  let matched = false;
  while (rest.length > 0) {
    const match = part.exec(rest);
    const unit = match ? unitOf(match[2]) : undefined;
    if (!match || !unit) return undefined;
    total += Number(match[1].replace(',', '.')) * MINUTES_PER[unit];
    rest = rest.slice(match[0].length);
    matched = true;
  }
  return matched ? total : undefined;
}

/** A percentage ("99.9%", "99,9 %"); undefined for placeholders. */
export function parsePercent(text: string): number | undefined {
  if (isPlaceholder(text)) return undefined;
  const match = /^\s*(?:>=?|≥|<=?|≤)?\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*$/.exec(text);
  return match ? Number(match[1].replace(',', '.')) : undefined;
}
