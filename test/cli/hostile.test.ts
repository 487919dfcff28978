/** The built CLI against hostile names and contents, broken outputs and bad arguments. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cli = join(__dirname, '..', '..', 'bin', 'readiness.js');

function run(args: string[], options: { stdout?: number } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TITLE_AND_CLEAR = '\u001b]0;pwned\u0007\u001b[2J\u001b[H';

describe('readiness CLI with hostile input', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-hostile-cli-'));
    mkdirSync(join(dir, 'evil', TITLE_AND_CLEAR), { recursive: true });
    writeFileSync(join(dir, 'evil', TITLE_AND_CLEAR, 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
    writeFileSync(join(dir, 'evil', 'Dockerfile'), `FROM node:20-alpine\nEXPOSE 80\nLABEL x="${TITLE_AND_CLEAR}\u202e"\nFROM ${TITLE_AND_CLEAR}\nCMD ["node"]\n`);
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    writeFileSync(join(dir, 'big.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' + '# padding\n'.repeat(500_000));
    writeFileSync(join(dir, 'bom.Dockerfile'), '\uFEFFFROM node:20-alpine\nCMD ["node"]\n');
    writeFileSync(join(dir, 'plain.Dockerfile'), 'FROM node:20-alpine\nCMD ["node"]\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never passes control characters from file names or contents to the terminal', () => {
    const { stdout } = run(['scan', join(dir, 'evil'), '--fail-on', 'never']);
    assert.doesNotMatch(stdout, CONTROL);
    assert.match(stdout, /^\\x1b\]0;pwned\\x07\\x1b\[2J\\x1b\[H\/Dockerfile$/m, 'the name is shown, escaped');
    const report = run(['report', join(dir, 'evil'), '--summary']);
    assert.doesNotMatch(report.stdout, CONTROL);
    const markdown = run(['report', join(dir, 'evil')]);
    assert.doesNotMatch(markdown.stdout, CONTROL);
  });

  it('exits non-zero and says so when stdout is a full device', { skip: !existsSync('/dev/full') && 'no /dev/full' }, () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = run(['scan', join(dir, 'app'), '--fail-on', 'never'], { stdout: full });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^readiness: cannot write the output: ENOSPC: no space left on device\.$/m);
    } finally {
      closeSync(full);
    }
  });

  it('exits non-zero and says so when the reader of stdout has gone', async () => {
    const child = spawn(process.execPath, [cli, 'scan', join(dir, 'app'), '--fail-on', 'never'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /^readiness: cannot write the output: EPIPE: the reading end was closed\.$/m);
  });

  it('says in one line that --config names no file', () => {
    const missing = run(['scan', join(dir, 'app'), '--config', join(dir, 'nope.yml')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `readiness: --config ${join(dir, 'nope.yml')}: ENOENT: no such file or folder.\n`);
    const folder = run(['report', join(dir, 'app'), '--config', dir]);
    assert.equal(folder.code, 2);
    assert.equal(folder.stderr, `readiness: --config ${dir}: not a file.\n`);
  });

  it('says in one line that --output points into a missing folder', () => {
    const result = run(['report', join(dir, 'app'), '-o', join(dir, 'no-such-folder', 'report.md')]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `readiness: cannot write ${join(dir, 'no-such-folder', 'report.md')}: the folder ${join(dir, 'no-such-folder')} does not exist.\n`);
  });

  it('exits 2 with the right reason when a file named on the command line is not analyzed', () => {
    const unsupported = JSON.parse(run(['scan', join(dir, 'notes.txt'), '--format', 'json']).stdout);
    assert.deepEqual(unsupported.files.skipped, [{ file: 'notes.txt', reason: 'not analyzed: not a Dockerfile, Kubernetes manifest, Docker Compose file, nginx config or Terraform file' }]);
    assert.equal(run(['scan', join(dir, 'notes.txt')]).code, 2);
    const big = run(['scan', join(dir, 'big.yaml'), '--format', 'json']);
    assert.equal(big.code, 2);
    assert.deepEqual(JSON.parse(big.stdout).files.skipped, [{ file: 'big.yaml', reason: 'not analyzed: 4883 KB is over readiness.maxFileSizeKb (4096 KB)' }]);
    assert.equal(run(['scan', join(dir, 'plain.Dockerfile'), '--fail-on', 'never']).code, 0, 'an analyzed file: no complaint');
  });

  it('gives a file that starts with a byte order mark the ranges an editor shows', () => {
    const ranges = (name: string) => {
      const json = JSON.parse(run(['scan', join(dir, name), '--format', 'json']).stdout);
      assert.equal(json.files.scanned, 1);
      return json.findings.map((finding: any) => [finding.ruleId, finding.range]);
    };
    assert.deepEqual(ranges('bom.Dockerfile'), ranges('plain.Dockerfile'));
  });
});
