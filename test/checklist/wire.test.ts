/**
 * The compact checklist the panel fetches expands into the very report `readiness/checklist`
 * answers, key for key: findings that count (with quick-fix titles and URIs), findings in test
 * data, decisions, target findings; and it is much smaller when findings repeat across files.
 * What changed since a revision, applied to the report of that revision, gives the new report
 * key for key along random edits, and falls back to the whole report when it cannot.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { annotateChecklist } from '../../server/src/checklist/annotate';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { ChecklistRevisions } from '../../server/src/checklist/revisions';
import { CHECKLIST_COMPACT_REQUEST, CHECKLIST_DELTA_REQUEST } from '../../server/src/checklist/types';
import { applyDelta, ChecklistReplica, compactChecklist, expandChecklist, type ChecklistDelta, type CompactChecklist } from '../../server/src/checklist/wire';
import { applyEdits } from '../../server/src/engine/analyze';
import { ReadinessService } from '../../server/src/service';
import { application, randomEdit, seededRandom } from '../helpers/synthetic';
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

  describe('deltas', () => {
    /** A server's answers as the panel receives them (through JSON), counting the requests by method. */
    function server(revisions: ChecklistRevisions, current: () => Promise<ChecklistReport>) {
      const asked: string[] = [];
      const request = async (method: string, params?: object) => {
        asked.push(method);
        const report = await current();
        const answer = method === CHECKLIST_DELTA_REQUEST ? revisions.since(report, (params as { since: string }).since) : method === CHECKLIST_COMPACT_REQUEST ? revisions.compact(report) : undefined;
        if (answer === undefined) throw new Error(`unhandled method ${method}`);
        return JSON.parse(JSON.stringify(answer)) as unknown;
      };
      return { request, asked };
    }

    /** A started service over `name`/deploy/app-0.yaml .. app-(count - 1).yaml. */
    async function applications(name: string, count: number): Promise<{ dir: string; service: ReadinessService }> {
      const dir = join(root, name);
      mkdirSync(join(dir, 'deploy'), { recursive: true });
      for (let i = 0; i < count; i++) writeFileSync(join(dir, 'deploy', `app-${i}.yaml`), application(i));
      const service = new ReadinessService({ roots: [dir], locale: 'en' });
      await service.start();
      return { dir, service };
    }
    const PASTED = [
      '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pasted\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n',
      '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: pasted\n  namespace: team-3\nspec:\n  selector:\n    app: app-3\n  ports:\n    - port: 80\n',
      '---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pasted\n  namespace: team-5\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: app-5\n',
    ];

    test('random edits and pasted objects: the panel applying deltas holds the report the server has, key for key', async () => {
      const dir = join(root, 'random');
      mkdirSync(join(dir, 'testdata'), { recursive: true });
      writeFileSync(join(dir, 'testdata', 'app.yaml'), application(99));
      const { service } = await applications('random', 24);
      const { request, asked } = server(new ChecklistRevisions(), () => service.checklist());
      const panel = new ChecklistReplica(request);
      assert.equal(JSON.stringify(await panel.fetch()), JSON.stringify(await service.checklist()));
      const random = seededRandom(8);
      const paths = [...Array(6).keys()].map((i) => join(dir, 'deploy', `app-${i}.yaml`)).concat(join(dir, 'testdata', 'app.yaml'));
      const texts = new Map(paths.map((path) => [path, readFileSync(path, 'utf8')]));
      let spliced = 0;
      for (let version = 2; version < 62; version++) {
        const path = paths[Math.floor(random() * paths.length)];
        const before = texts.get(path)!;
        const choice = random();
        const text = choice < 0.3 ? `${before}${PASTED[Math.floor(random() * PASTED.length)]}` : choice < 0.4 ? application(Math.floor(random() * 40)) : applyEdits(before, [randomEdit(before, random)]);
        texts.set(path, text);
        service.setDocument(path, text, version, 'yaml');
        const held = panel.report!;
        const report = await service.checklist();
        const fetched = await panel.fetch();
        assert.equal(JSON.stringify(fetched), JSON.stringify(report), `after edit ${version} of ${path}`);
        if (fetched !== held) spliced += fetched.categories.flatMap((category) => category.items).filter((item) => held.categories.some((c) => c.items.includes(item))).length;
      }
      assert.deepEqual([...new Set(asked)], [CHECKLIST_COMPACT_REQUEST, CHECKLIST_DELTA_REQUEST], 'the whole report once, then deltas');
      assert.equal(asked.filter((method) => method === CHECKLIST_COMPACT_REQUEST).length, 1);
      assert.ok(spliced > 0, 'items the server kept are the very items the panel held');
    });

    test('an edit of one file sends that file\'s findings, not the lists they are in', async () => {
      const { dir, service } = await applications('size', 60);
      const revisions = new ChecklistRevisions();
      const base = await service.checklist();
      const full = revisions.compact(base);
      const path = join(dir, 'deploy', 'app-7.yaml');
      service.setDocument(path, `${readFileSync(path, 'utf8')}${PASTED[0]}`, 2, 'yaml');
      const report = await service.checklist();
      const delta = revisions.since(report, full.revision!) as ChecklistDelta;
      assert.equal(delta.since, full.revision);
      assert.notEqual(delta.revision, full.revision);
      const changed = delta.report.categories.flatMap((category) => category.items).filter((item) => typeof item !== 'string');
      assert.ok(changed.length > 0 && changed.length < 60, `${changed.length} items scored again`);
      // The pasted Pod's findings come in the middle of lists of 60 files' findings: one run each.
      const sent = changed.flatMap((item) => (typeof item === 'string' ? [] : Object.values(item.splices).map((splice) => splice!.rows.length / 11)));
      assert.ok(Math.max(...sent) <= 12, `findings sent per list: ${sent.join(', ')}`);
      const [deltaSize, fullSize] = [JSON.stringify(delta).length, JSON.stringify(revisions.compact(report)).length];
      assert.ok(deltaSize * 3 < fullSize, `${deltaSize} bytes against ${fullSize}`);
      assert.equal(JSON.stringify(applyDelta(expandChecklist(JSON.parse(JSON.stringify(full)) as CompactChecklist), JSON.parse(JSON.stringify(delta)) as ChecklistDelta)), JSON.stringify(report));
    });

    test('the whole report when the server no longer has the revision, or is another server', async () => {
      const { dir, service } = await applications('fallback', 5);
      const path = join(dir, 'deploy', 'app-1.yaml');
      const text = readFileSync(path, 'utf8');
      let revisions = new ChecklistRevisions(2);
      const panel = new ChecklistReplica((method, params) => server(revisions, () => service.checklist()).request(method, params));
      await panel.fetch();
      // Three reports served to someone else since: the panel's revision is no longer kept.
      for (let version = 2; version < 5; version++) {
        service.setDocument(path, `${text}${PASTED[version % PASTED.length]}# ${version}\n`, version, 'yaml');
        revisions.compact(await service.checklist());
      }
      const stale = revisions.since(await service.checklist(), 'unknown');
      assert.ok(!('since' in stale) && stale.revision, 'an unknown revision gets the whole report');
      service.setDocument(path, `${text}${PASTED[0]}`, 9, 'yaml');
      assert.equal(JSON.stringify(await panel.fetch()), JSON.stringify(await service.checklist()));
      // A restarted server names its revisions anew.
      revisions = new ChecklistRevisions();
      service.setDocument(path, text, 10, 'yaml');
      assert.equal(JSON.stringify(await panel.fetch()), JSON.stringify(await service.checklist()));
    });

    test('a delta the held report does not fit is refused, and the panel fetches the whole report', async () => {
      const { dir, service } = await applications('misfit', 5);
      const revisions = new ChecklistRevisions();
      const first = await service.checklist();
      const since = revisions.compact(first).revision!;
      const path = join(dir, 'deploy', 'app-1.yaml');
      service.setDocument(path, `${readFileSync(path, 'utf8')}${PASTED[0]}`, 2, 'yaml');
      const delta = JSON.parse(JSON.stringify(revisions.since(await service.checklist(), since))) as ChecklistDelta;
      const kept = delta.report.categories.flatMap((category) => category.items).find((item) => typeof item === 'string') as string;
      const lacking = { ...first, categories: first.categories.map((category) => ({ ...category, items: category.items.filter((item) => item.id !== kept) })) };
      assert.throws(() => applyDelta(lacking, delta), /does not hold/);
      const changed = delta.report.categories.flatMap((category) => category.items).find((item) => typeof item !== 'string' && (item.splices.findings?.deleteCount ?? 0) > 0);
      if (changed && typeof changed !== 'string') {
        const shorter = { ...first, categories: first.categories.map((category) => ({ ...category, items: category.items.map((item) => (item.id === changed.id ? { ...item, findings: [] } : item)) })) };
        assert.throws(() => applyDelta(shorter, delta), /does not hold/);
      }
      const answers: string[] = [];
      const panel = new ChecklistReplica(async (method, params) => {
        answers.push(method);
        if (method === CHECKLIST_DELTA_REQUEST) return { ...delta, since: (params as { since: string }).since, report: { ...delta.report, categories: [{ ...delta.report.categories[0], items: ['no/such-item'] }] } };
        return JSON.parse(JSON.stringify(revisions.compact(await service.checklist())));
      });
      await panel.fetch();
      assert.equal(JSON.stringify(await panel.fetch()), JSON.stringify(await service.checklist()));
      assert.deepEqual(answers, [CHECKLIST_COMPACT_REQUEST, CHECKLIST_DELTA_REQUEST, CHECKLIST_COMPACT_REQUEST]);
      const older = new ChecklistReplica(async (method) => {
        if (method === CHECKLIST_DELTA_REQUEST) throw new Error('Unhandled method readiness/checklistDelta');
        return JSON.parse(JSON.stringify(revisions.compact(await service.checklist())));
      });
      await older.fetch();
      assert.equal(JSON.stringify(await older.fetch()), JSON.stringify(await service.checklist()), 'a server without deltas: the whole report each time');
    });
  });
});
