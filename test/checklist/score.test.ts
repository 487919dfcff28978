import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeChecklist, type ChecklistInput } from '../../server/src/checklist/score';
import { SEED_ITEMS } from '../../server/src/checklist/seed-items';
import { checklistCatalog } from '../../server/src/checklist/catalog';
import type { ChecklistReport, ItemStatus } from '../../server/src/checklist/types';
import { emptyConfig, type Attestation, type ReadinessConfig } from '../../server/src/engine/config';
import type { FileKind, Finding, Severity } from '../../server/src/engine/types';

const ROOT = '/work/app';

function ids(category: string): string[] {
  return SEED_ITEMS.filter((item) => item.category === category).map((item) => item.id);
}

function finding(ruleId: string, file: string, line: number, severity: Severity = 'error'): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} says no.`,
    path: `${ROOT}/${file}`,
    span: { start: 0, end: 1 },
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
  };
}

function run(overrides: Omit<Partial<ChecklistInput>, 'config'> & { checklist?: Record<string, Attestation>; config?: Partial<ReadinessConfig> } = {}): ChecklistReport {
  const config = { ...emptyConfig(), ...overrides.config, checklist: { ...overrides.config?.checklist, ...overrides.checklist } };
  return computeChecklist({
    findings: [],
    root: ROOT,
    analyzedKinds: new Set<FileKind>(),
    evidenceFiles: [],
    locale: 'en',
    now: new Date('2025-10-15T12:00:00Z'),
    ...overrides,
    config,
  });
}

function item(report: ChecklistReport, id: string) {
  const found = report.categories.flatMap((category) => category.items).find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
}

function category(report: ChecklistReport, name: string) {
  return report.categories.find((candidate) => candidate.category === name)!;
}

/** Marks every item of every category `na` except those listed with their status. */
function only(statuses: Record<string, Attestation['status'] | 'none'>): Record<string, Attestation> {
  const checklist: Record<string, Attestation> = {};
  for (const seed of SEED_ITEMS) {
    if (seed.category === 'Sign-off') continue;
    const status = statuses[seed.id];
    if (status === undefined) checklist[seed.id] = { status: 'na' };
    else if (status !== 'none') checklist[seed.id] = { status };
  }
  return checklist;
}

const SIGNED: ReadinessConfig['signoff'] = {
  techLead: { name: 'João', date: '2025-10-15' },
  devopsEngineer: { name: 'Maria', date: '2025-10-15' },
  securityEngineer: { name: 'Pedro', date: '2025-10-15' },
  productOwner: { name: 'Ana', date: '2025-10-15' },
};

describe('item status', () => {
  const https = 'security/https-only';
  const cases: { name: string; input: Parameters<typeof run>[0]; status: ItemStatus; findings?: number; evidence?: number }[] = [
    { name: 'nothing to look at: not verified', input: {}, status: 'not-verified' },
    { name: 'its rules ran on nginx files and found nothing: satisfied', input: { analyzedKinds: new Set<FileKind>(['nginx']) }, status: 'satisfied' },
    { name: 'only files of other kinds were analyzed: not verified', input: { analyzedKinds: new Set<FileKind>(['dockerfile']) }, status: 'not-verified' },
    {
      name: 'its rules are turned off: they prove nothing',
      input: { analyzedKinds: new Set<FileKind>(['nginx', 'kubernetes', 'terraform']), config: { rules: Object.fromEntries(checklistCatalog().find((i) => i.id === https)!.rules.map((id) => [id, { severity: 'off' as const }])) } },
      status: 'not-verified',
    },
    { name: 'a finding of one of its rules: failing', input: { analyzedKinds: new Set<FileKind>(['nginx']), findings: [finding('nginx/hsts', 'nginx/site.conf', 4)] }, status: 'failing', findings: 1 },
    { name: 'a hint-level finding does not fail it', input: { analyzedKinds: new Set<FileKind>(['nginx']), findings: [finding('nginx/hsts', 'nginx/site.conf', 4, 'hint')] }, status: 'satisfied', findings: 0 },
    { name: 'findings of unrelated rules do not count', input: { analyzedKinds: new Set<FileKind>(['nginx']), findings: [finding('nginx/gzip', 'nginx/site.conf', 4)] }, status: 'satisfied' },
    { name: 'attested done wins over findings, which stay listed', input: { findings: [finding('nginx/hsts', 'nginx/site.conf', 4)], checklist: { [https]: { status: 'done', by: 'Ana' } } }, status: 'attested', findings: 1 },
    { name: 'attested na drops out', input: { findings: [finding('nginx/hsts', 'nginx/site.conf', 4)], checklist: { [https]: { status: 'na' } } }, status: 'not-applicable', findings: 1 },
    { name: 'attested todo keeps the computed status', input: { analyzedKinds: new Set<FileKind>(['nginx']), checklist: { [https]: { status: 'todo', note: 'next sprint' } } }, status: 'satisfied' },
  ];
  for (const testCase of cases) {
    test(testCase.name, () => {
      const result = item(run(testCase.input), https);
      assert.equal(result.status, testCase.status);
      if (testCase.findings !== undefined) assert.equal(result.findings.length, testCase.findings);
    });
  }

  test('evidence satisfies an item; a finding beats evidence', () => {
    const workflow = { path: '.github/workflows/ci.yml', text: 'jobs:\n  t:\n    steps:\n      - uses: aquasecurity/trivy-action@master\n        with:\n          image-ref: app:1\n' };
    const withEvidence = item(run({ evidenceFiles: [workflow] }), 'deployment/docker-image-scanning');
    assert.equal(withEvidence.status, 'satisfied');
    assert.equal(withEvidence.evidence[0].file, '.github/workflows/ci.yml');
    assert.equal(withEvidence.evidence[0].line, 3);
    assert.equal(withEvidence.evidence[0].uri, 'file:///work/app/.github/workflows/ci.yml');

    // An item proved by both: a backup script is evidence, an RDS instance without retention a finding.
    const script = { path: 'scripts/backup-db.sh', text: '#!/bin/bash\npg_dump -h "$DB_HOST" -U app app | gzip > /backups/app.sql.gz\n' };
    const rule = checklistCatalog().find((candidate) => candidate.id === 'backup/automated-backups')!.rules[0];
    assert.ok(rule, 'the item has a rule');
    assert.equal(item(run({ evidenceFiles: [script] }), 'backup/automated-backups').status, 'satisfied');
    const both = item(run({ evidenceFiles: [script], findings: [finding(rule, 'main.tf', 0)] }), 'backup/automated-backups');
    assert.equal(both.status, 'failing');
    assert.equal(both.evidence.length, 1);
  });

  test('findings carry relative paths, uris and ranges, sorted by file and line', () => {
    const result = item(run({ findings: [finding('nginx/hsts', 'nginx/b.conf', 9), finding('nginx/hsts', 'nginx/a.conf', 7), finding('nginx/hsts', 'nginx/a.conf', 2)] }), 'security/https-only');
    assert.deepEqual(
      result.findings.map((f) => `${f.file}:${f.range.start.line}`),
      ['nginx/a.conf:2', 'nginx/a.conf:7', 'nginx/b.conf:9'],
    );
    assert.equal(result.findings[0].uri, 'file:///work/app/nginx/a.conf');
  });

  test('the RTO and RPO of the application information are evidence', () => {
    const report = run({ config: { application: { rto: '15 minutos', rpo: '' } } });
    const rto = item(report, 'backup/rto-defined');
    assert.equal(rto.status, 'satisfied');
    assert.equal(rto.evidence[0].what, 'application.rto: 15 minutos');
    assert.equal(item(report, 'backup/rpo-defined').status, 'not-verified');
  });

  test('items carry the catalog text in the report locale', () => {
    const en = item(run(), 'security/encryption-at-rest');
    const pt = item(run({ locale: 'pt-BR' }), 'security/encryption-at-rest');
    assert.equal(en.title, 'Encryption at rest');
    assert.equal(pt.title, 'Criptografia em repouso');
    assert.equal(pt.seedText, 'Dados criptografados em repouso (AES-256)');
    assert.equal(en.critical, true);
    assert.ok(pt.criticalReason?.includes('LGPD'));
    assert.equal(category(run({ locale: 'pt-BR' }), 'Security').gate?.criterion, '100% dos itens críticos');
  });
});

describe('category scores and gates', () => {
  const deployment = ids('Deployment');
  const monitoring = ids('Monitoring');
  const security = ids('Security');
  const backup = ids('Backup');
  const performance = ids('Performance');
  const criticalSecurity = checklistCatalog().filter((i) => i.category === 'Security' && i.critical).map((i) => i.id);
  const criticalBackup = checklistCatalog().filter((i) => i.category === 'Backup' && i.critical).map((i) => i.id);

  test('Deployment: 9 of 10 applicable is 90% and passes; 8 of 10 fails', () => {
    const nine = run({ checklist: only(Object.fromEntries(deployment.slice(0, 10).map((id, index) => [id, index < 9 ? 'done' : 'none']))) });
    assert.equal(category(nine, 'Deployment').score, 90);
    assert.equal(category(nine, 'Deployment').gate?.passed, true);
    assert.deepEqual(category(nine, 'Deployment').counts, { total: 29, applicable: 10, satisfied: 0, failing: 0, notVerified: 1, notApplicable: 19, attested: 9 });
    const eight = run({ checklist: only(Object.fromEntries(deployment.slice(0, 10).map((id, index) => [id, index < 8 ? 'done' : 'none']))) });
    assert.equal(category(eight, 'Deployment').score, 80);
    assert.equal(category(eight, 'Deployment').gate?.passed, false);
  });

  test('Monitoring: 17 of 20 is 85% and passes; 16 of 20 fails', () => {
    const pass = run({ checklist: only(Object.fromEntries(monitoring.slice(0, 20).map((id, index) => [id, index < 17 ? 'done' : 'todo']))) });
    assert.equal(category(pass, 'Monitoring').score, 85);
    assert.equal(category(pass, 'Monitoring').gate?.passed, true);
    const fail = run({ checklist: only(Object.fromEntries(monitoring.slice(0, 20).map((id, index) => [id, index < 16 ? 'done' : 'todo']))) });
    assert.equal(category(fail, 'Monitoring').gate?.passed, false);
  });

  test('Security: every critical item done passes even with a low score; one missing critical fails', () => {
    const criticalDone = run({ checklist: Object.fromEntries(criticalSecurity.map((id) => [id, { status: 'done' as const }])) });
    const result = category(criticalDone, 'Security');
    assert.equal(result.score, Math.round((1000 * criticalSecurity.length) / security.length) / 10);
    assert.equal(result.gate?.passed, true);
    const oneMissing = run({ checklist: Object.fromEntries(criticalSecurity.slice(1).map((id) => [id, { status: 'done' as const }])) });
    assert.equal(category(oneMissing, 'Security').gate?.passed, false);
    const missingIsNa = run({ checklist: { ...Object.fromEntries(criticalSecurity.slice(1).map((id) => [id, { status: 'done' as const }])), [criticalSecurity[0]]: { status: 'na' } } });
    assert.equal(category(missingIsNa, 'Security').gate?.passed, true, 'a critical item attested na is not applicable');
  });

  test('Backup: 100% of critical items', () => {
    assert.ok(criticalBackup.length > 0 && criticalBackup.length < backup.length);
    const done = run({ checklist: Object.fromEntries(criticalBackup.map((id) => [id, { status: 'done' as const }])) });
    assert.equal(category(done, 'Backup').gate?.passed, true);
    const failing = run({ checklist: Object.fromEntries(criticalBackup.map((id) => [id, { status: 'done' as const }])), findings: [finding('terraform/rds-backup-retention', 'main.tf', 3)] });
    assert.equal(item(failing, 'backup/backup-retention').status, 'failing');
    assert.equal(category(failing, 'Backup').gate?.passed, true, 'a non-critical failing item does not fail the gate');
  });

  test('Performance: every applicable item, so 95% is not enough', () => {
    const statuses = Object.fromEntries(performance.map((id, index) => [id, index === 0 ? 'todo' : 'done'])) as Record<string, 'todo' | 'done'>;
    const report = run({ checklist: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status }])) });
    assert.equal(category(report, 'Performance').score, Math.round((1000 * (performance.length - 1)) / performance.length) / 10);
    assert.equal(category(report, 'Performance').gate?.passed, false);
  });

  test('scores round to one decimal: 2 of 3 is 66.7', () => {
    const report = run({ checklist: only({ [deployment[0]]: 'done', [deployment[1]]: 'done', [deployment[2]]: 'todo' }) });
    assert.equal(category(report, 'Deployment').score, 66.7);
  });

  test('a category with nothing applicable scores 100 and passes', () => {
    const report = run({ checklist: only({}) });
    for (const result of report.categories) {
      assert.equal(result.score, 100);
      if (result.gate) assert.equal(result.gate.passed, true);
    }
  });

  test('Tests and Documentation are shown without weight or gate', () => {
    const report = run();
    for (const name of ['Tests', 'Documentation']) {
      assert.equal(category(report, name).weight, 0);
      assert.equal(category(report, name).gate, undefined);
    }
    assert.deepEqual(
      report.categories.map((c) => c.category),
      ['Deployment', 'Security', 'Monitoring', 'Performance', 'Backup', 'Tests', 'Documentation'],
    );
  });
});

describe('overall score and verdict', () => {
  const pick = (category: string, done: number, total: number) => Object.fromEntries(ids(category).slice(0, total).map((id, index) => [id, index < done ? 'done' : 'todo'] as const));

  test('the weighted score, by hand', () => {
    // Deployment 9/10 = 90, Security 1/2 = 50, Monitoring 3/4 = 75, Performance 1/1 = 100, Backup 0/1 = 0.
    // 0.20*90 + 0.25*50 + 0.20*75 + 0.20*100 + 0.15*0 = 18 + 12.5 + 15 + 20 + 0 = 65.5
    const report = run({ checklist: only({ ...pick('Deployment', 9, 10), ...pick('Security', 1, 2), ...pick('Monitoring', 3, 4), ...pick('Performance', 1, 1), ...pick('Backup', 0, 1), ...pick('Tests', 0, 3) }) });
    assert.equal(report.score, 65.5);
    assert.deepEqual(
      report.categories.map((c) => c.score),
      [90, 50, 75, 100, 0, 0, 100],
    );
  });

  test('approved only when every gate passes and all four sign-offs are recorded', () => {
    const allGood = only({});
    const unsigned = run({ checklist: allGood });
    assert.equal(unsigned.gatesPassed, 5);
    assert.equal(unsigned.gatesTotal, 5);
    assert.equal(unsigned.approved, false);
    const threeSigned = run({ checklist: allGood, config: { signoff: { ...SIGNED, productOwner: undefined as never } } });
    assert.equal(threeSigned.approved, false);
    const signed = run({ checklist: allGood, config: { signoff: SIGNED } });
    assert.equal(signed.approved, true);
    assert.deepEqual(signed.signoffs[0], { role: 'techLead', title: 'Tech Lead', name: 'João', date: '2025-10-15' });
    const gateFails = run({ checklist: only({ [ids('Performance')[0]]: 'todo' }), config: { signoff: SIGNED } });
    assert.equal(gateFails.gatesPassed, 4);
    assert.equal(gateFails.approved, false);
  });

  test('report metadata', () => {
    const report = run({ problems: ['.readiness.yml:3: Unknown section "foo".'], config: { application: { name: 'API', version: 'v2.1.0' } } });
    assert.equal(report.version, 1);
    assert.equal(report.generatedAt, '2025-10-15T12:00:00.000Z');
    assert.deepEqual(report.application, { name: 'API', version: 'v2.1.0' });
    assert.deepEqual(report.problems, ['.readiness.yml:3: Unknown section "foo".']);
    assert.equal(report.categories.reduce((sum, c) => sum + c.counts.total, 0), 139);
  });
});
