#!/usr/bin/env node
// `readiness` command: the bundled CLI (npm run build writes dist/cli.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('readiness: dist/cli.js is missing; run "npm run build" first.');
  process.exit(2);
}
require(cli);
