/**
 * The service keeps the checklist when an edit changes nothing it reads. That rests on the
 * checklist reading positions as lines and characters, never as offsets or fixes (checked here on
 * a real workspace's findings), and on the service noticing every change that matters (checked
 * along random edits, and files that come and go, against a fresh service).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { computeChecklist } from '../../server/src/checklist/score';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { applyEdits } from '../../server/src/engine/analyze';
import { ReadinessService, scanProject } from '../../server/src/service';
import { analyzedKinds, evidenceInputs } from '../../server/src/service/checklist';
import { randomEdit, seededRandom } from '../helpers/synthetic';

const FIXTURE = join(__dirname, '..', 'fixtures', 'checklist', 'hollow');
const withoutTime = (report: ChecklistReport) => JSON.stringify({ ...report, generatedAt: '' });

describe('checklist reuse', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'readiness-checklist-reuse-'));
    cpSync(FIXTURE, root, { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads findings and inspections by their ranges: other offsets and no fixes give the same checklist', async () => {
    const { scan } = await scanProject([root], { locale: 'en' });
    assert.ok(scan.findings.some((finding) => finding.fix) && scan.inspected.length > 10);
    const input = {
      inspected: scan.inspected,
      root,
      analyzedKinds: analyzedKinds(scan.index),
      evidenceFiles: evidenceInputs(scan.index),
      config: scan.config.config,
      locale: 'en' as const,
      now: new Date(0),
    };
    const moved = <T extends { span: { start: number; end: number } }>(value: T): T => ({ ...value, span: { start: value.span.start + 1000, end: value.span.end + 1000 } });
    const original = computeChecklist({ ...input, findings: scan.findings });
    const shifted = computeChecklist({ ...input, findings: scan.findings.map((finding) => ({ ...moved(finding), fix: undefined })), inspected: scan.inspected.map(moved) });
    assert.equal(withoutTime(shifted), withoutTime(original));
  });

  it('keeps the report for an edit that changes nothing it reads, and follows random edits as a fresh service would', async () => {
    const service = new ReadinessService({ roots: [root], locale: 'en' });
    await service.start();
    const first = await service.checklist();
    const manifest = join(root, 'k8s', 'deployment.yaml');
    const dockerfile = join(root, 'Dockerfile');
    const texts = new Map([manifest, dockerfile].map((path) => [path, readFileSync(path, 'utf8')]));
    service.setDocument(manifest, `${texts.get(manifest)}# a comment\n`, 1, 'yaml');
    assert.equal(await service.checklist(), first, 'a comment changes nothing the checklist reads');
    // A Dockerfile holds no evidence: only its findings tell the checklist that it now runs as root.
    const rootUser = `${texts.get(dockerfile)}USER root\n`;
    texts.set(dockerfile, rootUser);
    service.setDocument(dockerfile, rootUser, 1, 'dockerfile');
    const second = await service.checklist();
    assert.notEqual(withoutTime(second), withoutTime(first));

    const random = seededRandom(5);
    for (let version = 2; version < 40; version++) {
      const path = version % 2 === 0 ? dockerfile : manifest;
      const text = applyEdits(texts.get(path)!, [randomEdit(texts.get(path)!, random)]);
      texts.set(path, text);
      service.setDocument(path, text, version, path === dockerfile ? 'dockerfile' : 'yaml');
      const fresh = new ReadinessService({ roots: [root], locale: 'en' });
      await fresh.start();
      for (const [open, content] of texts) fresh.setDocument(open, content, 1, open === dockerfile ? 'dockerfile' : 'yaml');
      assert.equal(withoutTime(await service.checklist()), withoutTime(await fresh.checklist()), `after edit ${version} of ${path}`);
    }
  });

  it('follows manifests that come and go, in test data and out, as a fresh service would', async () => {
    const service = new ReadinessService({ roots: [root], locale: 'en' });
    await service.start();
    await service.checklist();
    const source = readFileSync(join(root, 'k8s', 'deployment.yaml'), 'utf8');
    const candidates = ['k8s/extra.yaml', 'testdata/extra.yaml', 'a/first.yaml', 'zz/last.yaml'].map((file) => join(root, file));
    const open = new Map<string, string>();
    const random = seededRandom(7);
    for (let step = 0; step < 16; step++) {
      const path = candidates[Math.floor(random() * candidates.length)];
      if (open.has(path) && random() < 0.5) {
        open.delete(path);
        service.closeDocument(path);
      } else {
        const text = applyEdits(source, [randomEdit(source, random)]);
        open.set(path, text);
        service.setDocument(path, text, step + 1, 'yaml');
      }
      const fresh = new ReadinessService({ roots: [root], locale: 'en' });
      await fresh.start();
      for (const [path, text] of open) fresh.setDocument(path, text, 1, 'yaml');
      assert.equal(withoutTime(await service.checklist()), withoutTime(await fresh.checklist()), `after step ${step} (${path})`);
    }
  });
});
