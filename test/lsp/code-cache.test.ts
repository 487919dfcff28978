/**
 * The server's entry (dist/server.js, server/src/boot.ts) compiles the bundle with V8's code cache
 * in the folder the editor gives: written once the first checklist is scored, named after the
 * bundle's content, and a cache that V8 rejects (corrupt, from another build) never stops the
 * server: it is written again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { cacheFileName, codeCacheDir } from '../../server/src/boot';
import { LspTestClient as Client } from '../helpers/lsp-client';

const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

describe('code cache: the flag and the file name', () => {
  const cases: { argv: string[]; dir: string | undefined }[] = [
    { argv: ['node', 'server.js', '--stdio'], dir: undefined },
    { argv: ['node', 'server.js', '--node-ipc', '--code-cache=/home/u/.config/Code/storage/code-cache'], dir: '/home/u/.config/Code/storage/code-cache' },
    { argv: ['node', 'server.js', '--code-cache', '/tmp/cache', '--stdio'], dir: '/tmp/cache' },
    { argv: ['node', 'server.js', '--code-cache', '--stdio'], dir: undefined },
    { argv: ['node', 'server.js', '--code-cache='], dir: undefined },
  ];
  for (const { argv, dir } of cases) {
    it(`${argv.slice(2).join(' ')} -> ${dir ?? 'no cache'}`, () => assert.equal(codeCacheDir(argv), dir));
  }

  it('names the cache after the content, the V8 version and the architecture', () => {
    const a = cacheFileName(Buffer.from('var a = 1;'), '11.3.244.8-node.38', 'x64');
    assert.match(a, /^server-core-[0-9a-f]{16}-11\.3\.244\.8-node\.38-x64\.cache$/);
    // Same length, other text: V8 would accept the old cache for it, so the name must differ.
    assert.notEqual(cacheFileName(Buffer.from('var b = 1;'), '11.3.244.8-node.38', 'x64'), a);
    assert.notEqual(cacheFileName(Buffer.from('var a = 1;'), '12.4.254.21-electron.0', 'x64'), a);
    assert.notEqual(cacheFileName(Buffer.from('var a = 1;'), '11.3.244.8-node.38', 'arm64'), a);
    assert.doesNotMatch(cacheFileName(Buffer.from(''), '1.2/../../x', 'x64'), /\//);
  });
});

describe('code cache: written once the first checklist is scored, rewritten when rejected', () => {
  let workspace: string;
  let cacheDir: string;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'readiness-cc-ws-'));
    cacheDir = join(mkdtempSync(join(tmpdir(), 'readiness-cc-')), 'code-cache');
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
  });

  after(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(join(cacheDir, '..'), { recursive: true, force: true });
  });

  /** Starts the server with the cache folder, opens the Dockerfile, waits for its diagnostics and the first checklist. */
  async function session(): Promise<{ client: Client; codes: string[] }> {
    const client = Client.spawn(process.execPath, [serverPath, '--stdio', `--code-cache=${cacheDir}`]);
    const checklist = client.checklistChanged(60_000);
    await client.start([workspace]);
    const uri = URI.file(join(workspace, 'Dockerfile')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n' } });
    const published = await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    await checklist;
    return { client, codes: published.diagnostics.map((d) => String(d.code)) };
  }

  const cacheFiles = () => {
    try {
      return readdirSync(cacheDir).filter((name) => name.endsWith('.cache'));
    } catch {
      return [];
    }
  };

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('writes one cache file after the first checklist, and a corrupt one is replaced without harm', async () => {
    const first = await session();
    assert.ok(first.codes.includes('dockerfile/non-root-user'), first.codes.join(', '));
    await until(() => cacheFiles().length === 1, 'the cache file');
    await first.client.stop();
    const [name] = cacheFiles();
    assert.ok(readFileSync(join(cacheDir, name)).length > 100_000, 'the cache holds the compiled bundle');

    // A cache V8 rejects: the server starts, analyzes as before, and writes a good cache again.
    const garbage = Buffer.from('not a V8 code cache');
    writeFileSync(join(cacheDir, name), garbage);
    const second = await session();
    assert.deepEqual(second.codes, first.codes);
    await until(() => !readFileSync(join(cacheDir, name)).equals(garbage), 'the rejected cache to be rewritten');
    await second.client.stop();
    assert.deepEqual(cacheFiles(), [name]);
  });
});
