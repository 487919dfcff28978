/**
 * Reading and writing `.readiness.yml` at the edge: a config that cannot be read is a problem
 * reported on the config, never a reason to stop; a write replaces the file in one step.
 */
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { t, type Locale } from '../i18n';
import { loadConfigText, type WorkspaceConfig } from '../settings';

/** Thrown for a config file the user named explicitly (CLI --config) that cannot be read. */
export class ConfigReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
  }
}

/** The reason a path cannot be read as a config file, or the text. */
export function readConfigText(path: string): { text: string } | { error: string } {
  try {
    if (statSync(path).isDirectory()) return { error: 'it is a folder' };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * The config at `path`; when it cannot be read, the defaults with one problem saying why, so the
 * checklist lists it and the editor shows it on the file.
 */
export function loadConfigFile(path: string, locale: Locale = 'en'): WorkspaceConfig {
  const read = readConfigText(path);
  if ('text' in read) return loadConfigText(read.text, path);
  const config = loadConfigText('', path);
  config.problems.push({ span: { start: 0, end: 0 }, severity: 'error', message: t(locale, 'server.configUnreadable', { file: basename(path), reason: read.error }) });
  return config;
}

/**
 * Replaces a file's content atomically: the new text goes to a temporary file in the same folder,
 * which then takes the file's place, so a crash or a full disk never leaves half a config behind.
 */
export function writeFileAtomic(link: string, text: string): void {
  // A symlinked config keeps its link: the file it points to is the one replaced.
  let path = link;
  try {
    path = realpathSync(link);
  } catch {
    // A new file is written where it was asked for.
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let mode = 0o644;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    // A new file gets the usual mode.
  }
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
