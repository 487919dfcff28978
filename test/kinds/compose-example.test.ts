import assert from 'node:assert/strict';
import { join, relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { initKinds } from '../../server/src/kinds';
import { scanProject } from '../../server/src/service';

const examples = resolve(__dirname, '../../examples');
const COMPOSE = join(examples, 'docker-compose.production.yml');

describe('examples/docker-compose.production.yml', () => {
  before(() => initKinds());

  it("shows the seed example's two flaws, and its app read with the Dockerfile it is built from", async () => {
    const { scan, service } = await scanProject([examples], { locale: 'en' });
    const found = scan.findings.filter((finding) => finding.path === COMPOSE);
    const at = (ruleId: string) => found.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.range.start.line + 1);
    assert.deepEqual(at('compose/secret-env-literal'), [59], 'Grafana admin password literal');
    assert.deepEqual(at('compose/exposed-ports'), [49, 57], 'Prometheus (and Grafana) on every interface');
    assert.deepEqual(at('compose/non-root-user'), [6, 34], 'the app through ../Dockerfile, which never leaves root; nginx');
    assert.deepEqual(at('compose/schema'), []);
    assert.deepEqual(at('compose/healthcheck'), [34, 46, 54], 'the app has the seed healthcheck');
    const report = await service.checklist();
    const item = (id: string) => report.categories.flatMap((category) => category.items).find((candidate) => candidate.id === id)!;
    const hits = item('monitoring/metrics-collection').evidence.map((hit) => `${hit.detector} ${relative(examples, join(examples, hit.file))}`);
    assert.ok(hits.includes('compose-mounted-config docker-compose.production.yml'), hits.join(', '));
  });
});
