import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules';
import { SEED_ITEMS } from './checklist/seed-items';
import type { AnalysisSettings } from './engine/analyze';
import type { Locale } from './i18n';
import { CONFIG_FILE_NAMES, parseConfig, type LoadedConfig } from './engine/config';
import { DEFAULT_MAX_FILE_SIZE_KB } from './engine/files';
import type { SeveritySetting } from './engine/types';
import { resolveLocale } from './i18n';

/** The `readiness.*` settings of the editor (contributes.configuration in package.json). */
export interface EditorSettings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  exclude: string[];
  debounceMs: number;
  maxFileSizeKb: number;
  locale: 'auto' | Locale;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  enable: true,
  rules: {},
  exclude: [],
  debounceMs: 150,
  maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB,
  locale: 'auto',
};

export const CHECKLIST_ITEM_IDS: ReadonlySet<string> = new Set(SEED_ITEMS.map((item) => item.id));

export interface WorkspaceConfig extends LoadedConfig {
  /** Path of the config file, when there is one. */
  path?: string;
  text?: string;
}

/** The config file of a workspace folder: the first of CONFIG_FILE_NAMES that exists (even if unreadable). */
export function findConfigFile(root: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(root, name)).find((path) => existsSync(path));
}

export function loadConfigText(text: string, path?: string): WorkspaceConfig {
  return { ...parseConfig(text, { rules: ALL_RULES, checklistItems: CHECKLIST_ITEM_IDS }), path, text };
}

/**
 * The editor's settings as sent by the client, with defaults for what is missing or mistyped (a
 * hand-edited settings.json can hold anything) and `files.exclude` globs added to the excludes.
 */
export function editorSettingsFrom(value: unknown, filesExclude?: unknown): EditorSettings {
  const given = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const number = (key: 'debounceMs' | 'maxFileSizeKb', min: number) => {
    const candidate = given[key];
    return typeof candidate === 'number' && Number.isFinite(candidate) && candidate >= min ? candidate : DEFAULT_EDITOR_SETTINGS[key];
  };
  const strings = (candidate: unknown) => (Array.isArray(candidate) ? candidate.filter((entry): entry is string => typeof entry === 'string') : []);
  const hidden =
    filesExclude !== null && typeof filesExclude === 'object'
      ? Object.entries(filesExclude as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob)
      : [];
  const rules = given.rules !== null && typeof given.rules === 'object' && !Array.isArray(given.rules) ? (given.rules as EditorSettings['rules']) : {};
  return {
    enable: given.enable !== false,
    rules,
    exclude: [...strings(given.exclude), ...hidden],
    debounceMs: number('debounceMs', 0),
    maxFileSizeKb: number('maxFileSizeKb', 1),
    locale: given.locale === 'en' || given.locale === 'pt-BR' ? given.locale : 'auto',
  };
}

/**
 * Severity and options per rule: `.readiness.yml` is the team's shared choice; the editor's
 * `readiness.rules` setting is the user's own and wins for severity.
 */
export function analysisSettings(config: WorkspaceConfig, editor: Partial<EditorSettings> = {}, locale?: string): AnalysisSettings {
  const rules: AnalysisSettings['rules'] = {};
  for (const [id, ruleConfig] of Object.entries(config.config.rules)) rules[id] = { ...ruleConfig };
  for (const [id, severity] of Object.entries(editor.rules ?? {})) rules[id] = { ...rules[id], severity };
  const chosen = editor.locale && editor.locale !== 'auto' ? editor.locale : (config.config.locale ?? locale);
  return { rules, locale: resolveLocale(chosen) };
}
