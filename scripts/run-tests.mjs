// Runs every test/**/*.test.ts (or the files given) with node's test runner, all in one process:
// `node --test` would start one tsx process per file, and loading TypeScript and the rule registry
// 100 times costs more than the tests themselves. Tests therefore share a process and must not
// leave global state behind (a server they start is stopped in an `after` hook).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const INNER = '--inner';

if (process.argv[2] === INNER) {
  for (const file of process.argv.slice(3)) await import(pathToFileURL(resolve(file)).href);
} else {
  const collect = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'e2e' ? [] : collect(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
  const files = process.argv.length > 2 ? process.argv.slice(2) : collect('test').sort();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test-reporter=spec', fileURLToPath(import.meta.url), INNER, ...files], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
