/**
 * dist/server.js: starts the language server bundle (dist/server-core.js), with V8's code cache
 * when the editor gives a folder for it (`--code-cache=DIR`: the extension passes its global
 * storage). Compiling the 2.8 MB bundle and the functions the first analysis runs costs about
 * 50 ms of every start; the cache, written once the first checklist is scored (so it holds the
 * functions that analysis compiled), saves that on every later start. Without the flag the bundle
 * is compiled as usual. Only node built-ins here: this file runs before anything else is loaded.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vm from 'node:vm';
import type { StartOptions } from './server';

const CACHE_PREFIX = 'server-core-';

/** The folder given by `--code-cache=DIR` or `--code-cache DIR`, if any. */
export function codeCacheDir(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--code-cache=')) return argv[i].slice('--code-cache='.length) || undefined;
    if (argv[i] === '--code-cache' && argv[i + 1] && !argv[i + 1].startsWith('--')) return argv[i + 1];
  }
  return undefined;
}

/**
 * The cache file for this bundle on this V8: V8 checks a cache against the source's length only,
 * so the name carries a hash of the text (an update of the same length must never run old code).
 */
export function cacheFileName(source: Buffer, v8Version: string, arch: string): string {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return `${CACHE_PREFIX}${digest}-${v8Version.replace(/[^\w.-]/g, '_')}-${arch}.cache`;
}

function readCache(path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the cache beside the bundle's older ones, which it replaces; a failure only costs the next start its speed. */
function writeCache(dir: string, name: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, data);
    renameSync(temporary, join(dir, name));
    for (const other of readdirSync(dir)) {
      if (other.startsWith(CACHE_PREFIX) && other !== name && !other.endsWith('.tmp')) unlinkSync(join(dir, other));
    }
  } catch {
    // A read-only or full disk: the server runs the same without the cache.
  }
}

function boot(): void {
  const file = join(__dirname, 'server-core.js');
  const bytes = readFileSync(file);
  const dir = codeCacheDir(process.argv);
  const name = dir ? cacheFileName(bytes, process.versions.v8, process.arch) : undefined;
  const source = bytes.toString('utf8');
  const cachedData = readCache(dir && name ? join(dir, name) : undefined);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // The bundle's one `import()` (web-tree-sitter loading a grammar from a path) resolves as in a module.
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const core = new Module(file, module);
  core.filename = file;
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  compiled.call(core.exports, core.exports, createRequire(file), core, file, dirname(file));
  core.loaded = true;
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  const options: StartOptions = {
    // Once: by then the functions the first analysis ran are compiled and go into the cache.
    settled: dir && name && stale ? () => writeCache(dir, name, script.createCachedData()) : undefined,
  };
  (core.exports as { start(options: StartOptions): void }).start(options);
}

if (require.main === module) boot();
