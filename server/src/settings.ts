import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules';
import { SEED_ITEMS } from './checklist/seed-items';
import type { AnalysisSettings } from './engine/analyze';
import type { Locale } from './i18n';
import { CONFIG_FILE_NAMES, emptyConfig, parseConfig, type LoadedConfig } from './engine/config';
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

export function findConfigFile(root: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(root, name)).find((path) => existsSync(path));
}

export function loadConfigText(text: string, path?: string): WorkspaceConfig {
  return { ...parseConfig(text, { rules: ALL_RULES, checklistItems: CHECKLIST_ITEM_IDS }), path, text };
}

export function loadWorkspaceConfig(root: string, explicitPath?: string): WorkspaceConfig {
  const path = explicitPath ?? findConfigFile(root);
  if (!path) return { config: emptyConfig(), problems: [] };
  return loadConfigText(readFileSync(path, 'utf8'), path);
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
