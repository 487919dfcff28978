/**
 * Test data is not what is deployed: findings in testdata/, fixtures/ ... fail no item (argo-cd's
 * Lua health checks are tested on Deployments without probes), while the editor and the CLI still
 * show them and the item lists them. test/, tests/ and e2e/ often hold a test cluster's real
 * manifests: findings there count.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TEST_DATA_FOLDERS } from '../../server/src/checklist/evidence/source';
import { computeChecklist } from '../../server/src/checklist/score';
import { emptyConfig } from '../../server/src/engine/config';
import { scanProject } from '../../server/src/service';
import { category, finding, item, run } from './score-helpers';

const IMAGES = 'deployment/docker-images';

describe('findings in test data fail no item', () => {
  const cases: { file: string; counted: boolean }[] = [
    { file: 'resource_customizations/apps/Deployment/testdata/degraded.yaml', counted: false },
    { file: 'pkg/health/TestData/deployment.yaml', counted: false },
    { file: 'charts/app/test-data/values.yaml', counted: false },
    { file: 'hack/test_data/pod.yaml', counted: false },
    { file: 'test/fixture/testrepos/deployment.yaml', counted: false },
    { file: 'internal/fixtures/deployment.yaml', counted: false },
    { file: 'spec/test-fixtures/deployment.yaml', counted: false },
    { file: 'src/__fixtures__/deployment.yaml', counted: false },
    { file: 'src/__mocks__/deployment.yaml', counted: false },
    { file: 'src/__snapshots__/deployment.yaml', counted: false },
    // A test cluster's manifests are deployed: kustomize/tests of microservices-demo, terraform-aws-eks's tests/.
    { file: 'test/deployment.yaml', counted: true },
    { file: 'tests/cluster/deployment.yaml', counted: true },
    { file: 'e2e/deployment.yaml', counted: true },
    { file: 'src/__tests__/deployment.yaml', counted: true },
    { file: 'k8s/testdata.yaml', counted: true },
    { file: 'my-fixtures/deployment.yaml', counted: true },
    { file: 'k8s/deployment.yaml', counted: true },
  ];
  for (const { file, counted } of cases) {
    test(`${file}: ${counted ? 'counted' : 'listed, not counted'}`, () => {
      const result = item(run({ findings: [finding('k8s/image-tag', file, 20)] }), IMAGES);
      assert.equal(result.status, counted ? 'failing' : 'not-verified');
      assert.deepEqual(result.findings.map((entry) => entry.file), counted ? [file] : []);
      assert.deepEqual(result.testDataFindings?.map((entry) => entry.file), counted ? undefined : [file]);
      assert.equal(result.proof.testDataFindings, counted ? undefined : 1);
    });
  }

  test('the proof says how many findings were not counted and where', () => {
    const files = ['a/testdata/1.yaml', 'b/testdata/2.yaml', 'c/testdata/3.yaml', 'd/testdata/4.yaml', 'e/testdata/5.yaml'];
    const result = item(run({ findings: [...files.map((file) => finding('k8s/image-tag', file, 3)), finding('k8s/image-pull-policy', files[0], 4)] }), IMAGES);
    assert.equal(
      result.proof.summary,
      'Nothing proves it yet: no subject its rules check, no evidence, no attestation. 6 findings in test data, not counted: a/testdata/1.yaml, b/testdata/2.yaml, c/testdata/3.yaml and 2 more files.',
    );
    const pt = item(run({ locale: 'pt-BR', findings: [finding('k8s/image-tag', files[0], 3)] }), IMAGES);
    assert.match(pt.proof.summary, / 1 problema em dados de teste, não contado: a\/testdata\/1\.yaml\.$/);
  });

  test('a failing item lists its test-data findings apart from those that fail it', () => {
    const result = item(run({ findings: [finding('k8s/image-tag', 'k8s/app.yaml', 7), finding('k8s/image-tag', 'pkg/testdata/app.yaml', 2)] }), IMAGES);
    assert.equal(result.status, 'failing');
    assert.deepEqual(result.findings.map((entry) => entry.file), ['k8s/app.yaml']);
    assert.deepEqual(result.testDataFindings?.map((entry) => [entry.file, entry.uri, entry.range.start.line]), [['pkg/testdata/app.yaml', 'file:///work/app/pkg/testdata/app.yaml', 2]]);
    assert.equal(result.proof.summary, '1 finding of its rules. 1 finding in test data, not counted: pkg/testdata/app.yaml.');
  });

  test('an error in test data neither blocks its gate nor contradicts a done', () => {
    const report = run({ findings: [finding('k8s/image-tag', 'pkg/testdata/app.yaml', 2)], checklist: { [IMAGES]: { status: 'done', by: 'Ana' } } });
    assert.equal(item(report, IMAGES).status, 'attested');
    assert.ok(!(category(report, 'Deployment').gate!.reasons ?? []).some((reason) => /error/.test(reason)), JSON.stringify(category(report, 'Deployment').gate));
    const counted = run({ findings: [finding('k8s/image-tag', 'k8s/app.yaml', 2)], checklist: { [IMAGES]: { status: 'done', by: 'Ana' } } });
    assert.equal(item(counted, IMAGES).status, 'contradicted');
  });

  test('a workspace kept under fixtures/ is judged by the folders inside it', () => {
    const root = '/repo/test/fixtures/service';
    const report = computeChecklist({
      findings: [{ ...finding('k8s/image-tag', 'x', 1), path: `${root}/k8s/app.yaml` }],
      root,
      analyzedKinds: new Set(),
      evidenceFiles: [],
      config: emptyConfig(),
      locale: 'en',
    });
    assert.equal(item(report, IMAGES).status, 'failing');
  });
});

test('the README lists the test-data folders the checklist uses', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const paragraph = /Findings in a \*\*test-data folder\*\* \(([^)]*)\)/.exec(readme.replace(/\s+/g, ' '));
  assert.ok(paragraph, 'the paragraph on test data');
  assert.deepEqual([...paragraph[1].matchAll(/`([^`/]+)\/`/g)].map((match) => match[1]).sort(), [...TEST_DATA_FOLDERS].sort());
});

describe('a workspace with test data, scanned', () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('the scan reports the test-data finding; the checklist lists it and does not count it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-testdata-'));
    made.push(dir);
    const deployment = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: ${image}\n`;
    const files = { 'health/testdata/degraded.yaml': deployment('nginx:latest'), 'k8s/web.yaml': deployment('registry.example.com/web:1.4.2') };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { scan, service } = await scanProject([dir], { locale: 'en' });
    const tagFindings = scan.findings.filter((entry) => entry.ruleId === 'k8s/image-tag').map((entry) => scan.index.relative(entry.path));
    assert.deepEqual(tagFindings, ['health/testdata/degraded.yaml'], 'the CLI and the editor still show it');
    const result = item(await service.checklist(), IMAGES);
    assert.ok(!result.findings.some((entry) => entry.ruleId === 'k8s/image-tag'), JSON.stringify(result.findings));
    assert.ok(result.testDataFindings?.some((entry) => entry.ruleId === 'k8s/image-tag' && entry.file === 'health/testdata/degraded.yaml'), JSON.stringify(result.testDataFindings));
  });
});
