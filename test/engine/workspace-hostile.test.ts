/**
 * A workspace cloned from a stranger: symlink loops, links out of the tree, devices, FIFOs,
 * pathological globs, huge and unreadable files. The index reads inside the workspace only, never
 * hangs, and never drops a file without saying why.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../server/src/engine/files';
import { initKinds } from '../../server/src/kinds';
import { WorkspaceIndex } from '../../server/src/workspace';

const corpus = resolve(__dirname, '../../../shared/corpus/real');
const MANIFEST = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n';
/** A hang must fail the test, not the suite: the walk and the reads are synchronous, so a deadline per test. */
const DEADLINE = { timeout: 30_000 };

describe('a hostile workspace', () => {
  let base: string;
  let root: string;
  let outside: string;
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const scanned = (index: WorkspaceIndex) => index.paths().map((path) => index.relative(path));
  const skippedOf = (index: WorkspaceIndex) => Object.fromEntries([...index.skipped].map(([path, reason]) => [index.relative(path), reason]));

  before(async () => {
    await initKinds();
    base = mkdtempSync(join(tmpdir(), 'readiness-hostile-'));
    root = join(base, 'ws');
    outside = join(base, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.conf'), 'server { listen 1234; }\n');
    writeFileSync(join(outside, 'Dockerfile'), 'FROM secret\n');
    write('Dockerfile', 'FROM alpine:3.20\n');
    write('nginx/nginx.conf', 'http { include conf.d/*.conf; }\n');
    write('nginx/conf.d/a.conf', 'server { listen 80; }\n');
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  it('walks a tree with two `ln -s . x` loops once, counting every file once', DEADLINE, () => {
    const loops = join(base, 'loops');
    mkdirSync(join(loops, 'deploy'), { recursive: true });
    writeFileSync(join(loops, 'Dockerfile'), 'FROM alpine:3.20\n');
    writeFileSync(join(loops, 'deploy', 'svc.yaml'), MANIFEST);
    symlinkSync('.', join(loops, 'x'));
    symlinkSync('.', join(loops, 'y'));
    symlinkSync('..', join(loops, 'deploy', 'up'));
    const index = new WorkspaceIndex(loops);
    index.scan();
    assert.deepEqual(scanned(index), ['Dockerfile', 'deploy/svc.yaml']);
  });

  it('counts a file once when a link points at it, and lists links that lead out or nowhere', () => {
    const linked = join(base, 'linked');
    mkdirSync(join(linked, 'sites-available'), { recursive: true });
    mkdirSync(join(linked, 'sites-enabled'));
    writeFileSync(join(linked, 'sites-available', 'default'), 'server { listen 80; }\n');
    symlinkSync('../sites-available/default', join(linked, 'sites-enabled', 'default'));
    symlinkSync(join(outside, 'Dockerfile'), join(linked, 'Dockerfile'));
    symlinkSync(join(outside, 'nowhere'), join(linked, 'broken.Dockerfile'));
    symlinkSync(outside, join(linked, 'outside-folder'));
    const index = new WorkspaceIndex(linked);
    index.scan();
    assert.deepEqual(scanned(index), ['sites-available/default']);
    assert.deepEqual(skippedOf(index), {
      Dockerfile: 'not analyzed: a symbolic link to a file outside the workspace',
      'broken.Dockerfile': 'not analyzed: a broken symbolic link',
    });
  });

  it('reads nothing outside the workspace: `..`, absolute paths, /proc, links that lead out', () => {
    symlinkSync(join(outside, 'secret.conf'), join(root, 'nginx', 'leak.conf'));
    symlinkSync(outside, join(root, 'nginx', 'elsewhere'));
    const index = new WorkspaceIndex(root);
    index.scan();
    const view = index.view();
    assert.equal(view.readText!(join(root, 'nginx', 'conf.d', 'a.conf')), 'server { listen 80; }\n', 'inside: read');
    for (const path of [
      join(root, '..', 'outside', 'secret.conf'),
      join(root, 'nginx', '..', '..', 'outside', 'secret.conf'),
      join(outside, 'secret.conf'),
      '/etc/passwd',
      '/etc/hostname',
      '/proc/self/environ',
      join(root, 'nginx', 'leak.conf'),
      join(root, 'nginx', 'elsewhere', 'secret.conf'),
    ]) {
      assert.equal(view.readText!(path), undefined, path);
    }
  });

  it('reads regular files only: no device, no FIFO, nothing over the size limit', DEADLINE, () => {
    const devices = join(base, 'devices');
    mkdirSync(devices);
    symlinkSync('/dev/zero', join(devices, 'zero.conf'));
    symlinkSync('/dev/urandom', join(devices, 'random.conf'));
    execFileSync('mkfifo', [join(devices, 'pipe.conf')]);
    execFileSync('mkfifo', [join(devices, 'Dockerfile')]);
    writeFileSync(join(devices, 'big.conf'), 'server { listen 80; }\n'.repeat(200));
    const index = new WorkspaceIndex(devices, { maxFileSizeKb: 1 });
    index.scan();
    const view = index.view();
    for (const name of ['zero.conf', 'random.conf', 'pipe.conf', 'big.conf', 'Dockerfile']) assert.equal(view.readText!(join(devices, name)), undefined, name);
    assert.deepEqual(view.glob!(join(devices, '*.conf')), []);
    assert.deepEqual(skippedOf(index), {
      Dockerfile: 'not analyzed: not a regular file',
      // /dev/zero is outside the workspace: the link is reported, the device never opened.
      'random.conf': 'not analyzed: a symbolic link to a file outside the workspace',
      'zero.conf': 'not analyzed: a symbolic link to a file outside the workspace',
      'big.conf': 'not analyzed: 4 KB is over readiness.maxFileSizeKb (1 KB)',
      'pipe.conf': 'not analyzed: not a regular file',
    });
  });

  it('globs inside the workspace only, whatever the pattern', DEADLINE, () => {
    const index = new WorkspaceIndex(root);
    index.scan();
    const view = index.view();
    assert.deepEqual(view.glob!(join(root, 'nginx', 'conf.d', '*.conf')), [join(root, 'nginx', 'conf.d', 'a.conf')]);
    assert.deepEqual(view.glob!('/etc/*'), []);
    assert.deepEqual(view.glob!('/proc/self/*'), []);
    assert.deepEqual(view.glob!(join(root, '..', '*', '*.conf')), []);
    assert.deepEqual(view.glob!(join(root, 'nginx', 'elsewhere', '*')), [], 'a symlinked folder leading out is not walked');
    assert.deepEqual(view.glob!(join(root, 'nginx', '*.conf')), [join(root, 'nginx', 'nginx.conf')], 'a link to a file outside is no match');
    // `/*/*/*/*/*.conf` once walked the whole machine; now only the workspace folders under `/`.
    const everywhere = view.glob!('/' + '*/'.repeat(root.split('/').length - 1) + 'nginx/conf.d/*.conf');
    assert.deepEqual(everywhere, [join(root, 'nginx', 'conf.d', 'a.conf')]);
  });

  it('caps the number of files a glob returns', () => {
    const many = join(base, 'many');
    mkdirSync(many);
    for (let i = 0; i < 1100; i++) writeFileSync(join(many, `f${String(i).padStart(4, '0')}.conf`), '');
    const index = new WorkspaceIndex(many);
    assert.equal(index.view().glob!(join(many, '*.conf')).length, 1024);
  });

  it('matches pathological globs and excludes in linear time', DEADLINE, () => {
    const patterns = join(base, 'patterns');
    mkdirSync(patterns);
    const name = 'a'.repeat(40);
    writeFileSync(join(patterns, name), '');
    const pathological = 'a*'.repeat(12) + 'b';
    const index = new WorkspaceIndex(patterns, { exclude: [pathological, `**/${pathological}`] });
    assert.equal(index.isExcluded(join(patterns, name)), false);
    assert.deepEqual(index.view().glob!(join(patterns, pathological)), []);
    assert.deepEqual(index.view().glob!(join(patterns, 'a*'.repeat(12))), [join(patterns, name)]);
  });

  it('strips a UTF-8 byte order mark from files read from disk, so ranges match the editor', () => {
    const bom = join(base, 'bom');
    mkdirSync(bom);
    writeFileSync(join(bom, 'svc.yaml'), '\uFEFF' + MANIFEST);
    writeFileSync(join(bom, 'Dockerfile'), '\uFEFFFROM alpine:3.20\n');
    writeFileSync(join(bom, 'inc.conf'), '\uFEFFserver { listen 80; }\n');
    const index = new WorkspaceIndex(bom);
    index.scan();
    assert.deepEqual(scanned(index), ['Dockerfile', 'inc.conf', 'svc.yaml'], 'the manifest and the nginx file are recognised by their content');
    assert.equal(index.model(join(bom, 'svc.yaml'))!.text, MANIFEST);
    assert.equal(index.model(join(bom, 'Dockerfile'))!.text, 'FROM alpine:3.20\n');
    assert.equal(index.view().readText!(join(bom, 'inc.conf')), 'server { listen 80; }\n');
  });

  it('lists files over the size limit, manifests known by their content included', () => {
    const big = join(base, 'big');
    mkdirSync(big);
    const padding = '# padding\n'.repeat(300);
    writeFileSync(join(big, 'svc.yaml'), MANIFEST + padding);
    writeFileSync(join(big, 'values.yaml'), 'replicas: 2\n' + padding);
    writeFileSync(join(big, 'Dockerfile'), 'FROM alpine:3.20\n' + padding);
    const index = new WorkspaceIndex(big, { maxFileSizeKb: 1 });
    index.scan();
    assert.deepEqual(scanned(index), []);
    assert.deepEqual(skippedOf(index), {
      Dockerfile: 'not analyzed: 3 KB is over readiness.maxFileSizeKb (1 KB)',
      'svc.yaml': 'not analyzed: 3 KB is over readiness.maxFileSizeKb (1 KB)',
    });
  });

  it('lists a file it cannot open, with the reason the system gives', () => {
    const index = new WorkspaceIndex(root);
    index.readFromDisk(join(root, 'Dockerfile', 'nested', 'Dockerfile'));
    assert.deepEqual(skippedOf(index), { 'Dockerfile/nested/Dockerfile': 'not analyzed: cannot be read (ENOTDIR)' });
  });

  it('lists files it cannot read, with why', { skip: process.getuid?.() === 0 && 'root reads every file' }, () => {
    const locked = join(base, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'Dockerfile'), 'FROM alpine:3.20\n');
    chmodSync(join(locked, 'Dockerfile'), 0o000);
    const index = new WorkspaceIndex(locked);
    index.scan();
    assert.deepEqual(skippedOf(index), { Dockerfile: 'not analyzed: cannot be read (EACCES)' });
  });

  it('analyzes a 2 MB install bundle by default', () => {
    const bundle = join(base, 'bundle');
    mkdirSync(bundle);
    const documents: string[] = [];
    for (let i = 0; i < 8000; i++) documents.push(MANIFEST.replace('name: web', `name: web-${i}`) + '  # ' + 'x'.repeat(200) + '\n');
    const text = documents.join('---\n');
    assert.ok(text.length > 2_000_000);
    writeFileSync(join(bundle, 'install.yaml'), text);
    const index = new WorkspaceIndex(bundle);
    index.scan();
    assert.deepEqual(scanned(index), ['install.yaml']);
    assert.deepEqual(skippedOf(index), {});
  });

  it('reads argo-cd install.yaml from the corpus by default: never skipped for its size', { skip: !existsSync(corpus) && 'no corpus' }, () => {
    const index = new WorkspaceIndex(join(corpus, 'k8s'));
    const path = join(corpus, 'k8s', 'argo-cd__manifests__ha__install.yaml');
    index.readFromDisk(path);
    assert.ok(index.has(path));
    // Its banner says it is generated ("DO NOT EDIT"): that, not its 2 MB, is why its findings are left to its sources.
    assert.match(index.skipReason(path) ?? '', /generated file/);
    assert.doesNotMatch(index.skipReason(path) ?? '', /maxFileSizeKb/);
  });

  it('keeps the extension setting and the engine default of readiness.maxFileSizeKb equal', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.equal(manifest.contributes.configuration.properties['readiness.maxFileSizeKb'].default, DEFAULT_MAX_FILE_SIZE_KB);
    assert.ok(DEFAULT_MAX_FILE_SIZE_KB * 1024 > 2 * 1024 * 1024);
  });
});
