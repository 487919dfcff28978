import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ALL_RULES } from '../../rules';
import { ENGINE_RULES, engineFinding, type AnalysisSettings } from './engine/analyze';
import type { Locale } from './i18n';
import type { Rule } from './engine/rule';
import { LineIndex } from './engine/text';
import type { FileKind, Finding, Inspection } from './engine/types';
import { initKinds } from './kinds';
import { analysisSettings, loadWorkspaceConfig, type WorkspaceConfig } from './settings';
import { WorkspaceIndex, type SkippedFile } from './workspace';

export interface ProjectScan {
  root: string;
  index: WorkspaceIndex;
  config: WorkspaceConfig;
  settings: AnalysisSettings;
  scanned: string[];
  skipped: SkippedFile[];
  findings: Finding[];
  /** What the rules looked at: the proof behind clean checklist items. */
  inspected: Inspection[];
  errors: { file: string; message: string }[];
}

export interface ScanOptions {
  configPath?: string;
  locale?: Locale;
  rules?: readonly Rule<any>[];
  maxFileSizeKb?: number;
}

/** The findings of every supported file under the given paths (folders or files): the CLI's engine. */
export async function scanProject(paths: string[], options: ScanOptions = {}): Promise<ProjectScan> {
  await initKinds();
  const targets = (paths.length ? paths : ['.']).map((path) => resolve(path));
  const root = targets.length === 1 ? (isDirectory(targets[0]) ? targets[0] : dirname(targets[0])) : process.cwd();
  const config = loadWorkspaceConfig(root, options.configPath && resolve(options.configPath));
  const index = new WorkspaceIndex(root, { exclude: config.config.exclude, maxFileSizeKb: options.maxFileSizeKb });
  const errors: ProjectScan['errors'] = [];
  const explicitFiles: string[] = [];
  for (const target of targets) {
    if (isDirectory(target)) index.scan(target);
    else if (exists(target)) {
      index.readFromDisk(target);
      explicitFiles.push(target);
    } else errors.push({ file: index.relative(target), message: 'No such file or folder.' });
  }
  const settings = analysisSettings(config, {}, config.config.locale ?? options.locale);
  if (options.locale) settings.locale = options.locale;
  const rules = options.rules ?? ALL_RULES;

  const findings: Finding[] = [];
  const inspected: Inspection[] = [];
  if (config.path) findings.push(...configFindings(config));
  const scanned = index.paths();
  for (const path of scanned) {
    try {
      const analysis = index.analyze(path, rules, settings);
      findings.push(...analysis.findings);
      inspected.push(...analysis.inspected);
    } catch (error) {
      errors.push({ file: index.relative(path), message: `Internal error while analyzing: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const skipped = [...index.skipped].map(([path, reason]) => ({ path, reason }));
  for (const file of explicitFiles) {
    if (!index.has(file) && !index.skipped.has(file)) skipped.push({ path: file, reason: 'not analyzed: not a Dockerfile, Kubernetes manifest, nginx config or Terraform file' });
  }
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  return { root, index, config, settings, scanned, skipped, findings, inspected, errors };
}

export function configFindings(config: WorkspaceConfig): Finding[] {
  if (!config.path || config.text === undefined) return [];
  const lines = new LineIndex(config.text);
  return config.problems.map((problem) => engineFinding(ENGINE_RULES.config, problem.severity, ensurePeriod(problem.message), config.path!, problem.span, lines));
}

export function analyzedKinds(index: WorkspaceIndex): Set<FileKind> {
  const kinds = new Set<FileKind>();
  for (const path of index.paths()) {
    const kind = index.kindOf(path);
    if (kind) kinds.add(kind);
  }
  return kinds;
}

function ensurePeriod(message: string): string {
  return /[.?!]$/.test(message) ? message : `${message}.`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
