/**
 * The compact checklist the panel fetches expands into the very report `readiness/checklist`
 * answers, key for key: findings that count (with quick-fix titles and URIs), findings in test
 * data, decisions, target findings; and it is much smaller when findings repeat across files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { annotateChecklist } from '../../server/src/checklist/annotate';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { compactChecklist, expandChecklist } from '../../server/src/checklist/wire';
import { ReadinessService } from '../../server/src/service';
import { application } from '../helpers/synthetic';
import { finding, inspection, item, run } from './score-helpers';

const roundTrip = (report: ChecklistReport) => JSON.stringify(expandChecklist(JSON.parse(JSON.stringify(compactChecklist(report)))));

describe('compact checklist', () => {
  const root = mkdtempSync(join(tmpdir(), 'readiness-wire-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  test('expands into the same report: counted findings with fixes, test data, decisions, targets', () => {
    const fixed = { ...finding('k8s/image-tag', 'k8s/app.yaml', 3), fix: { title: 'Pin the tag', edits: [] } };
    const findings = [
      fixed,
      finding('k8s/liveness-probe', 'k8s/app.yaml', 9, 'warning'),
      finding('k8s/liveness-probe', 'testdata/app.yaml', 2),
      { ...finding('k8s/service-account-token', 'k8s/app.yaml', 12, 'information'), atMost: 'information' as const },
    ];
    const report = annotateChecklist(
      run({
        findings,
        inspected: [inspection('k8s/liveness-probe', 'container', 'k8s/app.yaml')],
        config: { application: { rto: '4 hours' } },
      }),
      { findings, root: '/work/app' },
    );
    const items = report.categories.flatMap((category) => category.items);
    assert.ok(items.some((candidate) => candidate.testDataFindings?.length) && items.some((candidate) => candidate.decisions?.length));
    assert.ok(items.some((candidate) => candidate.findings.some((shown) => shown.target)) && items.some((candidate) => candidate.findings.some((shown) => shown.fix)));
    assert.equal(item(report, 'deployment/docker-images').findings[0].fix?.title, 'Pin the tag');
    assert.equal(roundTrip(report), JSON.stringify(report));
  });

  test('a workspace of repeated findings: the same report, a fraction of the size', async () => {
    mkdirSync(join(root, 'deploy'));
    for (let i = 0; i < 60; i++) writeFileSync(join(root, 'deploy', `app-${i}.yaml`), application(i));
    const service = new ReadinessService({ roots: [root], locale: 'en' });
    await service.start();
    const report = await service.checklist();
    const full = JSON.stringify(report);
    assert.ok(report.categories.flatMap((category) => category.items).reduce((sum, candidate) => sum + candidate.findings.length, 0) > 200);
    assert.equal(roundTrip(report), full);
    const compact = JSON.stringify(compactChecklist(report));
    assert.ok(compact.length * 1.5 < full.length, `${compact.length} bytes against ${full.length}`);
    assert.equal(compactChecklist(report), compactChecklist(report), 'worked out once per report');
  });
});
