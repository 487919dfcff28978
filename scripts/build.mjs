// Bundles the client, the server and the CLI into dist/ with esbuild, and copies the WebAssembly
// files the Terraform parser needs next to the bundles (they ship in the VSIX and the CLI).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

mkdirSync('dist', { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { 'server-core': 'server/src/server.ts', cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  // The server's entry compiles server-core.js itself, with V8's code cache (server/src/boot.ts).
  build({ ...common, entryPoints: { server: 'server/src/boot.ts' }, outdir: 'dist' }),
]);

const wasmFiles = [
  require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
];
for (const file of wasmFiles) copyFileSync(file, `dist/${file.split('/').pop()}`);
if (!watch) console.log('built dist/extension.js, dist/server.js, dist/server-core.js, dist/cli.js');
