// The "Fix first" order (server/src/checklist/fix-first.ts) and what annotate.ts adds to a checklist:
// quick-fix titles on findings, the order itself, skipped files with the setting that includes them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { annotateChecklist, skippedFiles } from '../../server/src/checklist/annotate';
import { actionFinding, gateNeeds, rankFixFirst } from '../../server/src/checklist/fix-first';
import type { ChecklistFinding } from '../../server/src/checklist/types';
import type { Finding, Severity } from '../../server/src/engine/types';
import { CHECKLIST_ROOT, checklistOf } from '../helpers/checklist';

const ROOT = CHECKLIST_ROOT;

function finding(ruleId: string, file: string, line: number, severity: Severity = 'error', fixTitle?: string): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId}.`,
    path: `${ROOT}/${file}`,
    span: { start: 0, end: 1 },
    range: { start: { line, character: 0 }, end: { line, character: 3 } },
    ...(fixTitle ? { fix: { title: fixTitle, edits: [{ start: 0, end: 0, newText: 'x' }] } } : {}),
  };
}


const FINDINGS = [
  // Deployment, not critical: warnings with a fix.
  finding('k8s/replicas', 'k8s/app.yaml', 3, 'warning', 'Set replicas to 2'),
  finding('k8s/replicas', 'k8s/worker.yaml', 5, 'warning', 'Set replicas to 2'),
  // Security, critical (HTTPS only): an error without a fix, and a warning with one.
  finding('nginx/hsts', 'nginx/site.conf', 8, 'warning', 'Add a Strict-Transport-Security header'),
  finding('nginx/https-redirect', 'nginx/site.conf', 2, 'error'),
];

describe('Fix first', () => {
  const report = annotateChecklist(checklistOf(FINDINGS), { findings: FINDINGS, root: ROOT });
  const ranked = report.fixFirst!;

  test('ranks every open item once, and only open items', () => {
    const open = report.categories.flatMap((category) => category.items).filter((item) => ['failing', 'contradicted', 'not-verified'].includes(item.status));
    assert.equal(ranked.length, open.length);
    assert.equal(new Set(ranked.map((entry) => entry.itemId)).size, ranked.length);
  });

  test('critical failing items come first', () => {
    assert.equal(ranked[0].itemId, 'security/https-only');
    assert.equal(ranked[0].reason, 'critical');
    assert.deepEqual([ranked[0].findings, ranked[0].errors, ranked[0].files], [2, 1, 1]);
    const firstOther = ranked.findIndex((entry) => entry.reason !== 'critical');
    assert.ok(ranked.slice(firstOther).every((entry) => entry.reason !== 'critical'));
  });

  test('then the items of open gates: what fails before what is unknown, each closest to passing first', () => {
    const gated = ranked.filter((entry) => entry.reason === 'gate');
    const failing = gated.filter((entry) => entry.status !== 'not-verified');
    const unknown = gated.filter((entry) => entry.status === 'not-verified');
    assert.ok(failing.length > 0 && unknown.length > 0);
    assert.deepEqual(gated, [...failing, ...unknown]);
    for (const list of [failing, unknown]) {
      const distances = list.map((entry) => entry.gateDistance!);
      assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
    }
    // Tests (7 items, every one needed) is closer to passing than Deployment (90% of 29 items).
    assert.ok(unknown.findIndex((entry) => entry.category === 'Tests') < unknown.findIndex((entry) => entry.category === 'Deployment'));
  });

  test('within a gate, the item that raises the score more, then something to fix before something to prove', () => {
    const deployment = ranked.filter((entry) => entry.category === 'Deployment');
    assert.equal(deployment[0].itemId, 'deployment/deployment-manifests');
    assert.equal(deployment[0].status, 'failing');
    assert.ok(deployment[0].scoreGain > 0);
    assert.ok(deployment.slice(1).every((entry) => entry.status === 'not-verified'));
  });

  test('items whose gate is passed rank last, by the score they add', () => {
    const waived = annotateChecklist(
      checklistOf(FINDINGS, {
        checklist: Object.fromEntries(
          checklistOf([]).categories.find((category) => category.category === 'Tests')!.items.slice(1).map((item) => [item.id, { status: 'done' as const, by: 'Ana' }]),
        ),
        gates: { tests: 80 },
      }),
      { findings: FINDINGS, root: ROOT },
    ).fixFirst!;
    const tests = waived.find((entry) => entry.category === 'Tests')!;
    assert.equal(tests.reason, 'score');
    assert.equal(tests.gateDistance, undefined);
    assert.equal(tests.scoreGain, 0, 'Tests is not weighted');
    assert.equal(waived.at(-1)!.reason, 'score');
  });

  test('the one action: apply the fix when the finding has one, open it when not, attest what nothing proves', () => {
    const https = ranked[0];
    assert.equal(https.action, 'open', 'the error comes before the fixable warning');
    assert.equal(https.finding!.ruleId, 'nginx/https-redirect');
    const manifests = ranked.find((entry) => entry.itemId === 'deployment/deployment-manifests')!;
    assert.equal(manifests.action, 'fix');
    assert.deepEqual(manifests.finding!.fix, { title: 'Set replicas to 2' });
    assert.equal(manifests.finding!.file, 'k8s/app.yaml');
    const unknown = ranked.find((entry) => entry.status === 'not-verified')!;
    assert.equal(unknown.action, 'attest');
    assert.equal(unknown.finding, undefined);
  });

  test('is computed the same from the report alone', () => {
    assert.deepEqual(rankFixFirst(report), ranked);
  });
});

describe('gate needs', () => {
  test('a score gate needs its share of items; a critical gate its critical items and its errors', () => {
    const report = checklistOf(FINDINGS);
    const tests = gateNeeds(report.categories.find((category) => category.category === 'Tests')!)!;
    assert.equal(tests.distance, 7);
    const security = report.categories.find((category) => category.category === 'Security')!;
    const needs = gateNeeds(security)!;
    const critical = security.items.filter((item) => item.critical && item.status !== 'satisfied' && item.status !== 'attested');
    assert.equal(needs.distance, critical.length);
    assert.ok(!needs.needs(security.items.find((item) => !item.critical && item.findings.length === 0)!), 'a non-critical item does not open a critical gate');
  });

  test('a passed gate needs nothing', () => {
    const report = checklistOf([], { checklist: Object.fromEntries(checklistOf([]).categories.find((category) => category.category === 'Tests')!.items.map((item) => [item.id, { status: 'done' as const, by: 'Ana' }])) });
    assert.equal(gateNeeds(report.categories.find((category) => category.category === 'Tests')!), undefined);
  });
});

describe('the finding to act on', () => {
  const make = (severity: Severity, line: number, fix?: string): ChecklistFinding => ({
    ruleId: 'r/x',
    severity,
    message: '.',
    file: 'a',
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    ...(fix ? { fix: { title: fix } } : {}),
  });

  test('the most severe; among equals one with a fix; else the first', () => {
    assert.equal(actionFinding([make('warning', 1, 'f'), make('error', 2), make('error', 3, 'g')])!.range.start.line, 3);
    assert.equal(actionFinding([make('information', 1, 'f'), make('warning', 2)])!.range.start.line, 2);
    assert.equal(actionFinding([make('warning', 4), make('warning', 5)])!.range.start.line, 4);
    assert.equal(actionFinding([]), undefined);
  });
});

describe('annotations', () => {
  test('findings carry the title of the quick fix their rule computed, matched by rule, file and range', () => {
    const report = annotateChecklist(checklistOf(FINDINGS), { findings: FINDINGS, root: ROOT });
    const findings = report.categories.flatMap((category) => category.items).flatMap((item) => item.findings);
    assert.deepEqual(findings.filter((entry) => entry.ruleId === 'k8s/replicas').map((entry) => entry.fix?.title), ['Set replicas to 2', 'Set replicas to 2']);
    assert.equal(findings.find((entry) => entry.ruleId === 'nginx/https-redirect')!.fix, undefined);
  });

  test('skipped files: relative, sorted, with the setting that would include them', () => {
    const skipped = skippedFiles(
      new Map([
        [`${ROOT}/release/kubernetes-manifests.yaml`, 'not analyzed: generated file ("DO NOT EDIT"); findings belong in the files it is generated from'],
        [`${ROOT}/install.yaml`, 'not analyzed: 1900 KB is over readiness.maxFileSizeKb (1024 KB)'],
      ]),
      ROOT,
    );
    assert.deepEqual(skipped.map((entry) => [entry.file, entry.setting]), [
      ['install.yaml', 'readiness.maxFileSizeKb'],
      ['release/kubernetes-manifests.yaml', undefined],
    ]);
    assert.equal(skipped[0].uri, 'file:///work/app/install.yaml');
  });
});
