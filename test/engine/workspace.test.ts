import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/text';
import { detectKind, initKinds } from '../../server/src/kinds';
import { WorkspaceIndex } from '../../server/src/workspace';

describe('workspace index', () => {
  let root: string;
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  before(async () => {
    await initKinds();
    root = mkdtempSync(join(tmpdir(), 'readiness-index-'));
    write('Dockerfile', 'FROM alpine:3.20\n');
    write('deploy/app.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: a }\n');
    write('deploy/values.yaml', 'replicaCount: 2\n');
    write('chart/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    write('infra/main.tf', 'resource "aws_s3_bucket" "b" {}\n');
    write('nginx/site.conf', 'server { listen 80; }\n');
    write('legacy/Dockerfile', 'FROM node\n');
    write('node_modules/x/Dockerfile', 'FROM node\n');
    write('.git/Dockerfile', 'FROM node\n');
    write('bin.Dockerfile', Buffer.from([0x46, 0x00, 0x01]));
    write('.github/workflows/ci.yml', 'on: push\njobs: { test: { runs-on: ubuntu-latest, steps: [{ run: npm test }] } }\n');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('indexes supported files, skips VCS, dependencies and excluded globs, and says why it skipped others', () => {
    const index = new WorkspaceIndex(root, { exclude: ['legacy/**'] });
    index.scan();
    assert.deepEqual(index.paths().map((path) => index.relative(path)), ['Dockerfile', 'deploy/app.yaml', 'infra/main.tf', 'nginx/site.conf']);
    const skipped = Object.fromEntries([...index.skipped].map(([path, reason]) => [index.relative(path), reason]));
    assert.deepEqual(skipped, { 'bin.Dockerfile': 'not analyzed: binary file', 'chart/templates/deployment.yaml': 'not analyzed: Helm template' });
    assert.ok(index.evidenceFiles().some((file) => file.path === '.github/workflows/ci.yml'), 'CI workflows are evidence');
  });

  it('prefers an open buffer over the disk and goes back to the disk when it closes', () => {
    const index = new WorkspaceIndex(root);
    index.scan();
    const path = join(root, 'Dockerfile');
    const fromDisk = index.model(path);
    index.setText(path, 'FROM alpine:3.21\nUSER app\n', 4);
    const fromBuffer = index.model(path)!;
    assert.notEqual(fromBuffer, fromDisk);
    assert.equal(fromBuffer.text, 'FROM alpine:3.21\nUSER app\n');
    assert.equal(index.model(path), fromBuffer, 'parsed once per version');
    index.release(path);
    assert.equal(index.model(path)!.text, 'FROM alpine:3.20\n');
  });

  it('lists the analyzed paths after every kind of change: added, edited, another kind, skipped, removed', () => {
    const index = new WorkspaceIndex(join(root, 'nowhere'));
    const at = (name: string) => join(root, 'nowhere', name);
    const listed = (kind?: 'dockerfile' | 'kubernetes') => index.paths(kind).map((path) => index.relative(path));
    const steps: { change: () => void; all: string[]; manifests: string[] }[] = [
      { change: () => index.setText(at('b.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: b }\n'), all: ['b.yaml'], manifests: ['b.yaml'] },
      { change: () => index.setText(at('Dockerfile'), 'FROM alpine:3.20\n'), all: ['Dockerfile', 'b.yaml'], manifests: ['b.yaml'] },
      { change: () => index.setText(at('a.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\n'), all: ['Dockerfile', 'a.yaml', 'b.yaml'], manifests: ['a.yaml', 'b.yaml'] },
      // An edit that keeps the kind keeps the lists; one that makes a manifest plain YAML drops it.
      { change: () => index.setText(at('a.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: a2 }\n'), all: ['Dockerfile', 'a.yaml', 'b.yaml'], manifests: ['a.yaml', 'b.yaml'] },
      { change: () => index.setText(at('a.yaml'), 'replicaCount: 2\n'), all: ['Dockerfile', 'b.yaml'], manifests: ['b.yaml'] },
      { change: () => index.setText(at('b.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: b }\n\u0000'), all: ['Dockerfile'], manifests: [] },
      { change: () => index.setText(at('b.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: b }\n'), all: ['Dockerfile', 'b.yaml'], manifests: ['b.yaml'] },
      { change: () => index.remove(at('Dockerfile')), all: ['b.yaml'], manifests: ['b.yaml'] },
    ];
    for (const [i, step] of steps.entries()) {
      step.change();
      assert.deepEqual([listed(), listed('kubernetes'), listed('dockerfile')], [step.all, step.manifests, step.all.filter((path) => path === 'Dockerfile')], `step ${i + 1}`);
    }
    // A caller may sort or push into what it gets: the index keeps its own list.
    index.paths().push('extra');
    assert.deepEqual(listed(), ['b.yaml']);
  });

  it('detects kinds by name, folder and content', () => {
    assert.equal(detectKind('/w/Dockerfile.prod')?.kind, 'dockerfile');
    assert.equal(detectKind('/w/api.dockerfile')?.kind, 'dockerfile');
    assert.equal(detectKind('/w/main.tf')?.kind, 'terraform');
    assert.equal(detectKind('/w/etc/nginx/nginx.conf')?.kind, 'nginx');
    assert.equal(detectKind('/w/conf.d/app.conf')?.kind, 'nginx');
    assert.equal(detectKind('/w/app.conf', 'http {\n}\n')?.kind, 'nginx');
    assert.equal(detectKind('/w/app.conf', 'key = value\n'), undefined);
    assert.equal(detectKind('/w/k.yaml', 'apiVersion: v1\nkind: Pod\n')?.kind, 'kubernetes');
    assert.equal(detectKind('/w/.readiness.yml', 'apiVersion: v1\nkind: Pod\n'), undefined);
    assert.equal(detectKind('/w/compose.yaml', 'services: {}\n')?.kind, 'compose');
  });
});

describe('LineIndex', () => {
  it('converts offsets and positions with LF, CRLF and CR line ends', () => {
    const index = new LineIndex('ab\r\ncd\ref\n');
    assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(8), { line: 2, character: 1 });
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2, 'clamped to the line content');
    assert.equal(index.lineText(1), 'cd');
    assert.equal(index.eol, '\r\n');
    assert.equal(index.lineCount, 4);
  });

  it('never splits a CRLF: an offset between \\r and \\n ends the line before the break', () => {
    const text = 'ab\r\ncd\r\n\r\nef';
    const index = new LineIndex(text);
    assert.deepEqual(index.rangeOf({ start: 1, end: 3 }), { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
    for (let offset = 0; offset <= text.length; offset++) {
      const position = index.positionAt(offset);
      assert.ok(position.character <= index.lineText(position.line).length, `offset ${offset} -> ${JSON.stringify(position)}`);
    }
  });

  it('clamps offsets that are not in the text', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.positionAt(-3), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    assert.deepEqual(index.positionAt(Number.NaN), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(Number.POSITIVE_INFINITY), { line: 1, character: 2 });
  });
});
