/**
 * Two workspaces of the same service, scored from their files alone (application information, no
 * attestations): one well prepared, one with the same file names and nothing behind them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ALL_RULES } from '../../rules/index';
import { kindsOfSubjects } from '../../server/src/checklist/subjects';
import type { ChecklistItemResult, ChecklistReport } from '../../server/src/checklist/types';
import type { Subject } from '../../server/src/engine/types';
import { scanProject, type ProjectScan } from '../../server/src/service';

const FIXTURES = join(__dirname, '..', 'fixtures', 'checklist');
const RULE_KINDS = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.kind]));

function items(report: ChecklistReport): ChecklistItemResult[] {
  return report.categories.flatMap((category) => category.items);
}

describe('a well-prepared service', () => {
  let scan: ProjectScan;
  let report: ChecklistReport;
  before(async () => {
    const scanned = await scanProject([join(FIXTURES, 'well-prepared')], { locale: 'en' });
    scan = scanned.scan;
    report = await scanned.service.checklist();
  });

  test('has nothing for its rules to complain about', () => {
    const problems = scan.findings.filter((finding) => finding.severity !== 'hint').map((finding) => `${finding.ruleId} ${scan.index.relative(finding.path)}:${finding.range.start.line + 1}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(scan.errors, []);
  });

  test('scores at least 70% from its files alone', (t) => {
    t.diagnostic(`score ${report.score}%, ${report.totals.satisfied} of ${report.totals.total} items satisfied, ${report.totals.notVerified} to verify`);
    assert.ok(report.score >= 70, `score ${report.score}`);
    assert.equal(report.totals.attested + report.totals.notApplicable, 0, 'no attestation helps it');
    assert.equal(report.totals.failing + report.totals.contradicted, 0);
  });

  test('the evidence of every category proves its items', () => {
    const byEvidence = items(report).filter((item) => item.proof.decidedBy === 'evidence').map((item) => item.id);
    for (const id of [
      'deployment/environment-provisioned',
      'deployment/dns-configured',
      'deployment/ssl-tls',
      'deployment/cdn',
      'deployment/vpc-network',
      'deployment/docker-registry',
      'deployment/services',
      'deployment/configmaps',
      'deployment/deployment-manifests',
      'deployment/secrets',
      'security/authentication',
      'security/2fa-mfa',
      'security/key-management',
      'security/encryption-in-transit',
      'security/waf',
      'security/ddos-protection',
      'security/cors',
      'security/ip-whitelisting',
      'security/audit-logging',
      'security/data-retention',
      'monitoring/critical-alerts',
      'monitoring/error-rate-alerts',
      'monitoring/correlation-ids',
      'monitoring/log-retention',
      'performance/response-times',
      'performance/throughput',
      'performance/read-replicas',
      'performance/connection-pooling',
      'performance/indexing',
      'performance/partitioning',
      'performance/scalability-testing',
      'backup/automated-backups',
      'backup/backup-testing',
      'backup/dr-testing',
      'backup/dr-procedures',
      'backup/rto-defined',
      'backup/cross-region-backups',
      'tests/unit-tests',
      'documentation/runbooks',
      'documentation/change-management',
    ]) {
      assert.ok(byEvidence.includes(id), `${id} is proven by evidence`);
    }
  });

  test('the seed\'s success metrics are declared and met', () => {
    assert.deepEqual(
      report.metrics.map((metric) => [metric.id, metric.declared?.value, metric.met]),
      [
        ['uptime', 99.95, true],
        ['p95', 180, true],
        ['errorRate', 0.05, true],
        ['throughput', 1200, true],
        ['mttr', 12, true],
      ],
    );
  });

  test('items only its rules can prove are satisfied once a rule pack that inspects what they are about reports', (t) => {
    // A kind reports when its rules inspected something in these files (the Dockerfile pack does not yet).
    const reporting = new Set(scan.inspected.map((inspection) => RULE_KINDS.get(inspection.ruleId)));
    const ruleOnly = items(report).filter((item) => item.verification.rules.length > 0 && !item.verification.manual && item.proof.decidedBy !== 'evidence');
    assert.ok(ruleOnly.length >= 15, `${ruleOnly.length} items only rules prove here`);
    const waiting: string[] = [];
    for (const item of ruleOnly) {
      const about = kindsOfSubjects(item.verification.subjects);
      const able = [...new Set(item.verification.rules.map((id) => RULE_KINDS.get(id)!))].filter((kind) => about.has(kind));
      if (able.some((kind) => reporting.has(kind))) {
        assert.equal(item.status, 'satisfied', `${item.id}: ${able.filter((kind) => reporting.has(kind)).join(', ')} rules report inspections, so the well-prepared files prove it`);
        assert.equal(item.proof.decidedBy, 'rules', item.id);
      } else {
        assert.equal(item.status, 'not-verified', item.id);
        waiting.push(`${item.id} (${able.join(', ')})`);
      }
    }
    if (waiting.length) t.diagnostic(`waiting for rule packs to report inspections: ${waiting.join(', ')}`);
  });

  test('what its rules inspected belongs to the service, and proves the items it is about', () => {
    const proving = items(report).filter((item) => item.proof.decidedBy === 'rules');
    for (const item of proving) {
      const subjects = Object.keys(item.proof.rules.proving);
      assert.ok(subjects.length > 0 && subjects.every((subject) => item.verification.subjects.includes(subject as Subject)), item.id);
    }
    const manifests = items(report).find((item) => item.id === 'deployment/deployment-manifests')!;
    assert.ok((manifests.proof.rules.subjects.object ?? 0) > 0, 'ConfigMaps, Services and Ingresses are listed');
    assert.equal(manifests.proof.rules.proving.object, undefined, 'but prove nothing about the manifests of workloads');
  });
});

describe('a hollow look-alike with the same file names', () => {
  let report: ChecklistReport;
  before(async () => {
    report = await (await scanProject([join(FIXTURES, 'hollow')], { locale: 'en' })).service.checklist();
  });

  test('scores at most 5% with at most 5 items satisfied', (t) => {
    const satisfied = items(report).filter((item) => item.status === 'satisfied').map((item) => `${item.id} (${item.proof.summary})`);
    t.diagnostic(`score ${report.score}%, satisfied: ${satisfied.join('; ') || 'none'}`);
    assert.ok(report.score <= 5, `score ${report.score}`);
    assert.ok(satisfied.length <= 5, satisfied.join('\n'));
    assert.equal(report.approved, false);
  });

  test('none of its placeholders proves a critical item', () => {
    const critical = items(report).filter((item) => item.critical && item.status === 'satisfied');
    assert.deepEqual(critical.map((item) => item.id), []);
  });

  test('its declared values are placeholders, not values', () => {
    for (const id of ['backup/rto-defined', 'backup/rpo-defined']) assert.equal(items(report).find((item) => item.id === id)?.status, 'not-verified', id);
    assert.equal(report.metrics.find((metric) => metric.id === 'uptime')?.declared, undefined);
  });
});
