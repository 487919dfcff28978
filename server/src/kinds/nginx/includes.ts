/**
 * Where an `include` points, inside the workspace only. nginx resolves a relative include against
 * its prefix (the folder of nginx.conf); a workspace holds the configuration folder somewhere else
 * than the machine it is written for, so an absolute path (`/etc/nginx/conf.d/*.conf`) is mapped
 * onto the workspace's layout by its known install prefix, and anything that cannot be mapped or
 * found is unknown: never the machine's own file, never a wider folder than the pattern names.
 * Files are read only through the WorkspaceView (which owns confinement, file types and sizes).
 */
import * as nodePath from 'node:path';
import type { WorkspaceView } from '../../engine/rule';
import { hasWildcard, matchPath } from './glob';

/** Why an include's content is unknown. */
export type UnknownReason =
  /** No such file, or a glob whose folder the workspace does not have. */
  | 'missing'
  /** It points outside the workspace (`../../etc/passwd`). */
  | 'outside'
  /** An absolute path under no known nginx prefix (`/srv/conf/x.conf`): where it lives in the workspace is unknown. */
  | 'unmapped'
  /** Following it would pass the caps on included files or include depth. */
  | 'limit';

export interface IncludeTarget {
  /** The files it includes, in nginx's order (sorted like glob(3)). */
  paths: string[];
  unknown?: UnknownReason;
}

/** Install prefixes nginx (and its packagings) use for the configuration folder; a workspace mirrors what follows them. */
const MACHINE_PREFIX =
  /^(?:\/etc\/nginx|\/usr\/local\/nginx\/conf|\/usr\/local\/etc\/nginx|\/opt\/homebrew\/etc\/nginx|\/usr\/local\/openresty\/nginx\/conf|\/etc\/openresty|\/opt\/nginx\/conf|\/opt\/bitnami\/nginx\/conf|\/config\/nginx|\/etc\/angie)\/+(.+)$/;

/** Folders a configuration folder usually holds: their parent is the prefix when no nginx.conf includes the file. */
const LAYOUT_FOLDERS = new Set(['conf.d', 'sites-enabled', 'sites-available', 'snippets', 'http.d', 'vhosts.d', 'modules-enabled', 'streams-enabled']);

/** The part of an absolute include after a known install prefix (`/etc/nginx/conf.d/*.conf` -> `conf.d/*.conf`); undefined under none. */
export function mappedInclude(pattern: string): string | undefined {
  return MACHINE_PREFIX.exec(toSlashes(pattern))?.[1];
}

export function pathApi(path: string): typeof nodePath.posix {
  return path.includes('\\') && !path.includes('/') ? nodePath.win32 : nodePath.posix;
}

const toSlashes = (path: string) => path.replace(/\\/g, '/');

/**
 * The folders a relative include may be resolved against, best first: nginx's prefix (the folder
 * of the top-level nginx.conf, or the parent of the conf.d/sites-enabled/... folder the tree's
 * root lives in), then the including file's folder.
 */
export function includeBases(rootPath: string, includerPath: string): string[] {
  const api = pathApi(rootPath);
  const bases: string[] = [];
  const rootDir = api.dirname(rootPath);
  if (api.basename(rootPath) === 'nginx.conf') bases.push(rootDir);
  else {
    for (let dir = rootDir; api.dirname(dir) !== dir; dir = api.dirname(dir)) {
      if (LAYOUT_FOLDERS.has(api.basename(dir))) {
        bases.push(api.dirname(dir));
        break;
      }
    }
  }
  bases.push(api.dirname(includerPath));
  return [...new Set(bases)];
}

/** `path` lies below `folder` (both normalized, as join and normalize leave them). */
function isUnder(path: string, folder: string): boolean {
  const separator = pathApi(folder).sep;
  return path.startsWith(folder.endsWith(separator) ? folder : folder + separator);
}

const fileExists = (view: WorkspaceView, path: string) => view.get(path) !== undefined || view.readText?.(path) !== undefined;

/** The literal folder a glob lives in (before its first wildcard segment). */
function literalFolder(pattern: string): string {
  const parts = toSlashes(pattern).split('/');
  const firstWild = parts.findIndex(hasWildcard);
  return parts.slice(0, firstWild).join('/') || '/';
}

function folderExists(view: WorkspaceView, folder: string): boolean {
  const api = pathApi(folder);
  if ((view.glob?.(api.join(folder, '*')) ?? []).length > 0) return true;
  return view.files('nginx').some((file) => isUnder(file.path, folder));
}

/** Whether an include may read the path: a file the index holds is inside the workspace already (asking the view costs a file-system call). */
function allowed(view: WorkspaceView, bases: readonly string[], path: string): boolean {
  if (view.get(path) !== undefined) return true;
  if (view.contains) return view.contains(path);
  for (const base of bases) if (isUnder(path, base)) return true;
  return false;
}

/** Resolves one include pattern written in `includerPath`, for a tree whose top-level file is `rootPath`. */
export function resolveInclude(
  pattern: string,
  includerPath: string,
  rootPath: string,
  view: WorkspaceView,
  bases: readonly string[] = includeBases(rootPath, includerPath),
): IncludeTarget {
  const api = pathApi(includerPath);
  let relative = pattern;
  if (api.isAbsolute(pattern)) {
    const mapped = mappedInclude(pattern);
    if (mapped === undefined) return { paths: [], unknown: 'unmapped' };
    relative = mapped;
  }
  let outside = false;
  for (const base of bases) {
    // join normalizes (`a/./b/../c` -> `a/c`).
    const full = api.join(base, relative);
    const wildcard = hasWildcard(full);
    if (!wildcard && view.get(full) !== undefined) return { paths: [full] };
    if (!allowed(view, bases, full)) {
      outside = true;
      continue;
    }
    if (wildcard) {
      const wanted = toSlashes(full);
      // The view lists each wildcard segment as a plain `*` (cheap for any glob engine); the pattern itself is matched here, linearly.
      const listing = wanted
        .split('/')
        .map((part) => (hasWildcard(part) ? '*' : part))
        .join('/');
      const matches = (view.glob?.(listing) ?? []).filter((path) => matchPath(wanted, toSlashes(path)) && allowed(view, bases, path)).sort();
      if (matches.length) return { paths: matches };
      // An existing folder with no match includes nothing (nginx accepts an empty glob); a missing folder is unknown.
      if (folderExists(view, literalFolder(full))) return { paths: [] };
    } else if (fileExists(view, full)) return { paths: [full] };
  }
  return { paths: [], unknown: outside ? 'outside' : 'missing' };
}
