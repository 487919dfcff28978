// Every string the client passes to vscode.l10n.t has a pt-BR translation with the same
// placeholders, and every %key% of package.json has an English and a pt-BR value. Pure Node: it
// reads the sources, so it runs without VS Code (node scripts/run-tests.mjs test/e2e/l10n.test.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(root, path), 'utf8'));

function l10nKeys(): Set<string> {
  const keys = new Set<string>();
  const dir = join(root, 'client/src');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(match[1].replace(/\\(.)/g, '$1'));
    assert.doesNotMatch(source, /l10n\.t\(\s*[`"]/, `${name}: use single-quoted literals in l10n.t so this check sees them`);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}|\$\([\w~-]+\)/g)].map((m) => m[0]).sort();

test('the pt-BR bundle translates every vscode.l10n.t string, keeping placeholders and icons', () => {
  const bundle = readJson('l10n/bundle.l10n.pt-br.json');
  const keys = l10nKeys();
  assert.ok(keys.size > 20);
  assert.deepEqual([...keys].filter((key) => !(key in bundle)), [], 'missing translations');
  assert.deepEqual(Object.keys(bundle).filter((key) => !keys.has(key)), [], 'unused translations');
  for (const key of keys) assert.deepEqual(placeholders(bundle[key]), placeholders(key), key);
});

test('package.nls.json and package.nls.pt-br.json cover every %key% of package.json', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
  for (const file of ['package.nls.json', 'package.nls.pt-br.json']) {
    const nls = readJson(file);
    assert.deepEqual(keys.filter((key) => !nls[key]), [], `${file}: missing`);
    assert.deepEqual(Object.keys(nls).filter((key) => !keys.includes(key)), [], `${file}: unused`);
  }
});
