import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AnalysisSettings } from '../engine/analyze';
import type { Rule } from '../engine/rule';
import type { Finding, Inspection } from '../engine/types';
import type { Locale } from '../i18n';
import { initKinds } from '../kinds';
import type { WorkspaceConfig } from '../settings';
import type { SkippedFile, WorkspaceIndex } from '../workspace';
import { configFindings } from './checklist';
import { ConfigReadError, readConfigText } from './config-file';
import { ReadinessService } from './service';

/** The findings of one scan: what the CLI prints (text, JSON, SARIF). */
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

/**
 * The findings of every supported file under the given paths (folders or files), through the same
 * service the language server uses; the service also answers the checklist of the scan.
 */
export async function scanProject(paths: string[], options: ScanOptions = {}): Promise<{ scan: ProjectScan; service: ReadinessService }> {
  await initKinds();
  const targets = (paths.length ? paths : ['.']).map((path) => resolve(path));
  const root = targets.length === 1 ? (isDirectory(targets[0]) ? targets[0] : dirname(targets[0])) : process.cwd();
  const configPath = options.configPath && resolve(options.configPath);
  if (configPath) {
    const read = readConfigText(configPath);
    if ('error' in read) throw new ConfigReadError(configPath, read.error);
  }
  const folders = targets.filter(isDirectory);
  const service = new ReadinessService({ roots: folders, root, configPath, rules: options.rules, locale: options.locale });
  await service.start(options.maxFileSizeKb ? { ...service.editorSettings, maxFileSizeKb: options.maxFileSizeKb } : undefined);
  const index = service.workspace;
  const errors: ProjectScan['errors'] = [];
  const explicitFiles: string[] = [];
  for (const target of targets) {
    if (isDirectory(target)) continue;
    if (exists(target)) {
      index.readFromDisk(target);
      explicitFiles.push(target);
    } else errors.push({ file: index.relative(target), message: 'No such file or folder.' });
  }
  const config = service.workspaceConfig;
  const analysis = await service.workspaceAnalysis();
  const findings = [...(config.path ? configFindings(config) : []), ...analysis.findings];
  for (const failure of analysis.errors) errors.push({ file: index.relative(failure.path), message: `Internal error while analyzing: ${failure.message}` });
  const skipped = [...index.skipped].map(([path, reason]) => ({ path, reason }));
  for (const file of explicitFiles) {
    if (!index.has(file) && !index.skipped.has(file)) skipped.push({ path: file, reason: 'not analyzed: not a Dockerfile, Kubernetes manifest, Docker Compose file, nginx config or Terraform file' });
  }
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  const scan: ProjectScan = { root, index, config, settings: service.analysisSettings, scanned: index.paths(), skipped, findings, inspected: analysis.inspected, errors };
  return { scan, service };
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
