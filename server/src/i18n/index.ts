/**
 * UI and report strings in English and Brazilian Portuguese. Rule messages are translated by each
 * rule's `meta.ptBR`; checklist items by the catalog; everything else is here.
 */
import { EN, type MessageKey } from './en';
import { PT_BR } from './pt-BR';

export type { MessageKey } from './en';
/** The languages of the UI, the messages and the reports: declared here once. */
export type Locale = 'en' | 'pt-BR';

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en: EN, 'pt-BR': PT_BR };

/** The string for `key` in `locale` (English when missing), with `{{name}}` replaced from `data`. */
export function t(locale: Locale, key: MessageKey, data: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale]?.[key] ?? EN[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** Picks the supported locale for a VS Code / environment locale ("pt-br", "pt", "en-US"). */
export function resolveLocale(value: string | undefined): Locale {
  return value && /^pt\b/i.test(value) ? 'pt-BR' : 'en';
}

/** A number as the locale writes it, with one decimal (87.5 / 87,5). */
export function formatPercent(locale: Locale, value: number): string {
  const text = value.toFixed(1);
  return locale === 'pt-BR' ? text.replace('.', ',') : text;
}

const NUMBER_FORMATS = new Map<Locale, Intl.NumberFormat>();

/** A number as the locale writes it (1,000.5 / 1.000,5), up to two decimals. */
export function formatNumber(locale: Locale, value: number): string {
  let format = NUMBER_FORMATS.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(locale, format);
  }
  return format.format(value);
}
