// What the panel shows, decided without VS Code (client/src/viewModel.ts): the attention filter,
// findings grouped by rule, the order of items, the header, and numbers and dates in the UI locale.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attentionFilter, formatterFor, hasContent, hasScore, headline, sharedTitles } from '../../client/src/viewModel';
import { groupByRule, itemOrder } from '../../server/src/checklist/order';
import type { ChecklistFinding, ChecklistItemResult, ChecklistReport } from '../../server/src/checklist/types';
import type { Finding, Severity } from '../../server/src/engine/types';
import { CHECKLIST_ROOT, checklistOf } from '../helpers/checklist';

const ROOT = CHECKLIST_ROOT;

function finding(ruleId: string, file: string, line: number, severity: Severity = 'error'): Finding {
  return { ruleId, severity, message: `${ruleId} at ${line}.`, path: `${ROOT}/${file}`, span: { start: 0, end: 1 }, range: { start: { line, character: 2 }, end: { line, character: 5 } } };
}


const itemsOf = (report: ChecklistReport, category: string) => report.categories.find((candidate) => candidate.category === category)!.items;

describe('Show only what needs attention', () => {
  // Every Tests item attested done: its gate passes. Performance has a failing item; nothing else fails.
  const testsDone = Object.fromEntries(
    itemsOf(checklistOf([]), 'Tests').map((item) => [item.id, { status: 'done' as const, by: 'Ana', date: '2025-10-01' }]),
  );
  const report = checklistOf([finding('nginx/gzip', 'nginx/site.conf', 3, 'warning')], { checklist: { ...testsDone, 'security/waf': { status: 'done', by: 'Rui' } } });
  const filtered = attentionFilter(report.categories);
  const byCategory = new Map(filtered.map((entry) => [entry.category.category, entry]));

  test('a category whose gate is open stays even when none of its items fails', () => {
    const security = report.categories.find((category) => category.category === 'Security')!;
    assert.equal(security.counts.failing, 0);
    assert.equal(security.gate!.passed, false);
    assert.ok(byCategory.has('Security'));
  });

  test('it keeps the critical items nobody can tell yet, not the other unknown ones', () => {
    const kept = byCategory.get('Security')!.items;
    const critical = itemsOf(report, 'Security').filter((item) => item.critical && item.status === 'not-verified');
    assert.ok(critical.length > 0);
    assert.deepEqual(kept.map((item) => item.id), critical.map((item) => item.id));
    assert.ok(!kept.some((item) => item.id === 'security/waf'), 'an attested item needs no attention');
    assert.ok(!kept.some((item) => !item.critical && item.status === 'not-verified'));
  });

  test('failing items stay whether or not they are critical', () => {
    const performance = byCategory.get('Performance')!.items;
    const failing = itemsOf(report, 'Performance').filter((item) => item.status === 'failing');
    assert.ok(failing.length > 0);
    for (const item of failing) assert.ok(performance.includes(item), item.id);
  });

  test('a gate open on its score alone keeps its category, with no item to blame', () => {
    const documentation = report.categories.find((category) => category.category === 'Documentation')!;
    assert.ok(!documentation.gate!.passed && documentation.gate!.reasons!.some((reason) => /below/.test(reason)));
    assert.deepEqual(byCategory.get('Documentation')!.items, []);
  });

  test('a category whose gate is passed and where nothing fails is left out', () => {
    assert.equal(report.categories.find((category) => category.category === 'Tests')!.gate!.passed, true);
    assert.ok(!byCategory.has('Tests'));
  });

  test('contradicted items need attention', () => {
    const contradicted = checklistOf([finding('nginx/hsts', 'nginx/site.conf', 4)], { checklist: { 'security/https-only': { status: 'done', by: 'Rui' } } });
    const kept = attentionFilter(contradicted.categories).find((entry) => entry.category.category === 'Security')!.items;
    assert.ok(kept.some((item) => item.id === 'security/https-only' && item.status === 'contradicted'));
  });
});

describe('findings grouped by rule', () => {
  const make = (ruleId: string, severity: Severity, file: string, line: number, fix = false): ChecklistFinding => ({
    ruleId,
    severity,
    message: `${ruleId}.`,
    file,
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    ...(fix ? { fix: { title: 'Fix it' } } : {}),
  });
  const findings = [
    ...Array.from({ length: 5 }, (_, index) => make('k8s/default-namespace', 'information', `k8s/app-${index % 3}.yaml`, 20 - index)),
    make('k8s/replicas', 'warning', 'k8s/app-1.yaml', 7, true),
    make('k8s/secret-env-literal', 'error', 'k8s/app-2.yaml', 9),
    make('k8s/image-tag', 'warning', 'k8s/app-0.yaml', 3),
    make('k8s/image-tag', 'warning', 'k8s/app-0.yaml', 1, true),
  ];
  const groups = groupByRule(findings);

  test('errors, then warnings (more findings first), then information', () => {
    assert.deepEqual(
      groups.map((group) => [group.ruleId, group.severity, group.count]),
      [
        ['k8s/secret-env-literal', 'error', 1],
        ['k8s/image-tag', 'warning', 2],
        ['k8s/replicas', 'warning', 1],
        ['k8s/default-namespace', 'information', 5],
      ],
    );
  });

  test('a group expands to its files in path order and each file to its ranges in line order', () => {
    const namespace = groups.find((group) => group.ruleId === 'k8s/default-namespace')!;
    assert.deepEqual(namespace.files.map((file) => [file.file, file.findings.map((entry) => entry.range.start.line)]), [
      ['k8s/app-0.yaml', [17, 20]],
      ['k8s/app-1.yaml', [16, 19]],
      ['k8s/app-2.yaml', [18]],
    ]);
  });

  test('counts the findings a quick fix can remove', () => {
    assert.equal(groups.find((group) => group.ruleId === 'k8s/image-tag')!.fixable, 1);
    assert.equal(groups.find((group) => group.ruleId === 'k8s/secret-env-literal')!.fixable, 0);
  });

  test('a group takes its most severe finding', () => {
    const [mixed] = groupByRule([make('k8s/probe', 'information', 'a.yaml', 1), make('k8s/probe', 'warning', 'b.yaml', 1)]);
    assert.equal(mixed.severity, 'warning');
  });
});

describe('item order inside a category', () => {
  test('what is wrong first (critical, more errors), then what is unknown (critical first), then what is done', () => {
    const item = (id: string, status: ChecklistItemResult['status'], critical: boolean, errors = 0) =>
      ({ id, status, critical, findings: Array.from({ length: errors }, () => ({ severity: 'error' })) }) as unknown as ChecklistItemResult;
    const ordered = itemOrder([
      item('done', 'satisfied', true),
      item('unknown', 'not-verified', false),
      item('unknown-critical', 'not-verified', true),
      item('na', 'not-applicable', false),
      item('failing-1', 'failing', false, 1),
      item('failing-3', 'failing', false, 3),
      item('contradicted-critical', 'contradicted', true, 1),
      item('attested', 'attested', false),
    ]);
    assert.deepEqual(
      ordered.map((entry) => entry.id),
      ['contradicted-critical', 'failing-3', 'failing-1', 'unknown-critical', 'unknown', 'done', 'attested', 'na'],
    );
  });
});

describe('header and empty states', () => {
  const report = checklistOf([finding('k8s/replicas', 'k8s/app.yaml', 3, 'warning')]);

  test('proof and unknown side by side', () => {
    assert.deepEqual(headline(report), { proven: report.score, toVerify: report.totals.notVerified, gatesOpen: report.gatesTotal - report.gatesPassed });
    assert.ok(headline(report).toVerify > 100);
  });

  test('a workspace whose supported files were all skipped has content (the skipped list) but nothing to score', () => {
    const skippedOnly = { ...report, analyzedFiles: 0, skipped: [{ file: 'install.yaml', reason: 'not analyzed: 1900 KB is over readiness.maxFileSizeKb (1024 KB)', setting: 'readiness.maxFileSizeKb' }] };
    assert.equal(hasScore(skippedOnly), false);
    assert.equal(hasContent(skippedOnly), true);
    const empty = { ...report, analyzedFiles: 0, skipped: [], problems: [] };
    assert.equal(hasContent(empty), false, 'the welcome view only when there is no supported file at all');
    assert.equal(hasScore({ ...report, analyzedFiles: 3 }), true);
  });
});

describe('numbers and dates in the UI locale', () => {
  test('pt-BR writes 5,8% like the report; English 5.8%', () => {
    assert.equal(formatterFor('pt-br').percent(5.8), '5,8%');
    assert.equal(formatterFor('en').percent(5.8), '5.8%');
    assert.equal(formatterFor('en').percent(100), '100.0%');
  });

  test('counts and points', () => {
    assert.equal(formatterFor('pt-br').count(1234), '1.234');
    assert.equal(formatterFor('en').count(1234), '1,234');
    assert.equal(formatterFor('pt-br').points(0.9), '0,9');
  });

  test('ISO and seed dates in the medium style; anything else as written', () => {
    assert.equal(formatterFor('en').date('2025-10-15'), 'Oct 15, 2025');
    assert.equal(formatterFor('pt-br').date('15/10/2025'), '15 de out. de 2025');
    assert.equal(formatterFor('en').date('2025-02-30'), '2025-02-30');
    assert.equal(formatterFor('en').date('next week'), 'next week');
  });

  test('an unknown language tag falls back to English', () => {
    assert.equal(formatterFor('not a tag!').percent(5.8), '5.8%');
  });
});

describe('Fix first titles', () => {
  test('the titles two entries share are found, so those entries name their category', () => {
    const entries = [{ title: 'Health checks' }, { title: 'Secrets' }, { title: 'Health checks' }, { title: 'RBAC' }];
    assert.deepEqual([...sharedTitles(entries)], ['Health checks']);
    assert.deepEqual([...sharedTitles([{ title: 'Secrets' }, { title: 'RBAC' }])], []);
  });

  test('the seed itself has such titles', () => {
    const report = checklistOf([]);
    const titles = report.categories.flatMap((category) => category.items.map((item) => ({ title: item.title })));
    assert.ok(sharedTitles(titles).has('Health checks'), [...sharedTitles(titles)].join(', '));
  });
});
