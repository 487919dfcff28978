import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { FileTable, relativePath } from '../../server/src/checklist/paths';

describe('paths as the checklist shows them', () => {
  const cases: { path: string; root: string; expected: string }[] = [
    { path: '/work/app/k8s/web.yaml', root: '/work/app', expected: 'k8s/web.yaml' },
    { path: '/work/app/k8s/web.yaml', root: '/work/app/', expected: 'k8s/web.yaml' },
    { path: '/work/app/web.yaml', root: '/', expected: 'work/app/web.yaml' },
    { path: '/work/app/../app/k8s/web.yaml', root: '/work/app', expected: 'k8s/web.yaml' },
    { path: '/work/app//k8s/web.yaml', root: '/work/app', expected: 'k8s/web.yaml' },
    { path: '/work/application/web.yaml', root: '/work/app', expected: '/work/application/web.yaml' },
    { path: '/elsewhere/web.yaml', root: '/work/app', expected: '/elsewhere/web.yaml' },
    { path: '/work/app', root: '/work/app', expected: '/work/app' },
    { path: 'k8s\\web.yaml', root: '/work/app', expected: 'k8s/web.yaml' },
    { path: '/work/app/k8s/web.yaml', root: '', expected: '/work/app/k8s/web.yaml' },
  ];
  for (const { path, root, expected } of cases) {
    test(`${path} under ${root || '(no root)'}: ${expected}`, () => {
      assert.equal(relativePath(path, root), expected);
      if (root && path.startsWith('/') && expected !== path) assert.equal(expected, relative(root, path), 'as path.relative says');
    });
  }

  test('a file URI is pathToFileURL\'s, whatever the name holds', () => {
    const root = '/work/my app';
    const table = new FileTable(root);
    for (const file of ['k8s/web.yaml', 'k8s/web 1.yaml', 'k8s/#1.yaml', 'k8s/ação.yaml', 'k8s/a%20b.yaml', 'k8s/x?.yaml']) {
      assert.equal(table.of(`${root}/${file}`).uri, pathToFileURL(`${root}/${file}`).href, file);
      assert.equal(table.ofRelative(file).uri, pathToFileURL(`${root}/${file}`).href, file);
    }
  });

  test('test data and test folders are judged inside the root only, once per file', () => {
    const table = new FileTable('/repo/test/fixtures/service');
    assert.deepEqual(table.of('/repo/test/fixtures/service/k8s/web.yaml'), { file: 'k8s/web.yaml', uri: 'file:///repo/test/fixtures/service/k8s/web.yaml', testData: false, test: false });
    assert.deepEqual(
      { ...table.of('/repo/test/fixtures/service/pkg/testdata/web.yaml'), uri: undefined },
      { file: 'pkg/testdata/web.yaml', uri: undefined, testData: true, test: true },
    );
    assert.deepEqual({ ...table.of('/repo/test/fixtures/service/e2e/web.yaml'), uri: undefined }, { file: 'e2e/web.yaml', uri: undefined, testData: false, test: true });
    assert.equal(table.of('/repo/test/fixtures/service/k8s/web.yaml'), table.of('/repo/test/fixtures/service/k8s/web.yaml'));
  });
});
