import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SEED_ITEMS } from '../../server/src/checklist/seed-items';
import { checklistCatalog } from '../../server/src/checklist/catalog';
import type { ChecklistReport, ItemStatus } from '../../server/src/checklist/types';
import type { Attestation, ReadinessConfig } from '../../server/src/engine/config';
import type { FileKind, Subject } from '../../server/src/engine/types';
import { category, finding, inspection, item, run, type RunInput } from './score-helpers';

function ids(category: string): string[] {
  return SEED_ITEMS.filter((item) => item.category === category).map((item) => item.id);
}

const NA = (note = 'Does not apply to this service.'): Attestation => ({ status: 'na', note });

/** Marks every item of every category `na` (with a reason) except those listed with their status. */
function only(statuses: Record<string, Attestation['status'] | 'none'>): Record<string, Attestation> {
  const checklist: Record<string, Attestation> = {};
  for (const seed of SEED_ITEMS) {
    if (seed.category === 'Sign-off') continue;
    const status = statuses[seed.id];
    if (status === undefined) checklist[seed.id] = NA();
    else if (status === 'na') checklist[seed.id] = NA();
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

describe('rules prove only what they inspected', () => {
  const https = 'security/https-only';
  const hsts = 'nginx/hsts';
  const cases: { name: string; input: RunInput; status: ItemStatus; decidedBy?: string; findings?: number }[] = [
    { name: 'nothing to look at: not verified', input: {}, status: 'not-verified', decidedBy: 'nothing' },
    { name: 'its rules ran on nginx files but inspected nothing: not verified', input: { analyzedKinds: new Set<FileKind>(['nginx']) }, status: 'not-verified', decidedBy: 'nothing' },
    { name: 'its rule inspected a server and found nothing: satisfied', input: { analyzedKinds: new Set<FileKind>(['nginx']), inspected: [inspection(hsts, 'server', 'nginx/site.conf')] }, status: 'satisfied', decidedBy: 'rules' },
    { name: 'only another item\'s rule inspected something: not verified', input: { inspected: [inspection('nginx/gzip', 'http', 'nginx/site.conf')] }, status: 'not-verified' },
    {
      name: 'its rules are turned off: their inspections prove nothing',
      input: { inspected: [inspection(hsts, 'server', 'nginx/site.conf')], config: { rules: Object.fromEntries(checklistCatalog().find((i) => i.id === https)!.rules.map((id) => [id, { severity: 'off' as const }])) } },
      status: 'not-verified',
    },
    { name: 'a finding of one of its rules: failing', input: { inspected: [inspection(hsts, 'server', 'nginx/site.conf')], findings: [finding(hsts, 'nginx/site.conf', 4)] }, status: 'failing', decidedBy: 'findings', findings: 1 },
    { name: 'a hint-level finding does not fail it', input: { inspected: [inspection(hsts, 'server', 'nginx/site.conf')], findings: [finding(hsts, 'nginx/site.conf', 4, 'hint')] }, status: 'satisfied', findings: 0 },
    { name: 'findings of unrelated rules do not count', input: { inspected: [inspection(hsts, 'server', 'nginx/site.conf')], findings: [finding('nginx/gzip', 'nginx/site.conf', 4)] }, status: 'satisfied' },
    { name: 'attested done over an error finding: contradicted', input: { findings: [finding(hsts, 'nginx/site.conf', 4)], checklist: { [https]: { status: 'done', by: 'Ana' } } }, status: 'contradicted', decidedBy: 'attestation', findings: 1 },
    { name: 'attested done over a warning: attested, the warning stays listed', input: { findings: [finding(hsts, 'nginx/site.conf', 4, 'warning')], checklist: { [https]: { status: 'done', by: 'Ana' } } }, status: 'attested', findings: 1 },
    { name: 'attested na with a reason drops out', input: { checklist: { [https]: NA('Internal tool behind the VPN.') } }, status: 'not-applicable' },
    { name: 'attested na over an error finding: contradicted', input: { findings: [finding(hsts, 'nginx/site.conf', 4)], checklist: { [https]: NA('Internal tool behind the VPN.') } }, status: 'contradicted' },
    { name: 'attested todo keeps the computed status', input: { inspected: [inspection(hsts, 'server', 'nginx/site.conf')], checklist: { [https]: { status: 'todo', note: 'next sprint' } } }, status: 'satisfied' },
  ];
  for (const testCase of cases) {
    test(testCase.name, () => {
      const result = item(run(testCase.input), https);
      assert.equal(result.status, testCase.status);
      if (testCase.decidedBy) assert.equal(result.proof.decidedBy, testCase.decidedBy);
      if (testCase.findings !== undefined) assert.equal(result.findings.length, testCase.findings);
    });
  }

  test('the proof counts subjects by kind and files, once per subject even when two rules inspect it', () => {
    const result = item(
      run({
        inspected: [
          inspection('nginx/hsts', 'server', 'nginx/a.conf', 10),
          inspection('nginx/https-redirect', 'server', 'nginx/a.conf', 10),
          inspection('nginx/hsts', 'server', 'nginx/b.conf', 3),
          inspection('k8s/ingress-tls', 'object', 'k8s/ingress.yaml', 0),
        ],
      }),
      'security/https-only',
    );
    assert.deepEqual(result.proof.rules, { subjects: { server: 2, object: 1 }, proving: { server: 2, object: 1 }, files: 3, rules: ['k8s/ingress-tls', 'nginx/hsts', 'nginx/https-redirect'] });
    assert.equal(result.proof.summary, '2 servers and 1 Kubernetes object in 3 files checked, none failing.');
    assert.equal(result.proof.toVerify, undefined);
  });

  test('a contradiction says who attested and how many findings disagree', () => {
    const result = item(run({ findings: [finding('nginx/hsts', 'nginx/a.conf', 1), finding('nginx/hsts', 'nginx/b.conf', 2)], checklist: { 'security/https-only': { status: 'done', by: 'Ana', date: '2025-10-01' } } }), 'security/https-only');
    assert.deepEqual(result.contradiction, { attestation: 'done', by: 'Ana', date: '2025-10-01', findings: 2, message: 'Attested done by Ana, but 2 error findings say otherwise.' });
    const pt = item(run({ locale: 'pt-BR', findings: [finding('nginx/hsts', 'nginx/a.conf', 1)], checklist: { 'security/https-only': { status: 'done' } } }), 'security/https-only');
    assert.equal(pt.contradiction?.message, 'Atestado como concluído, mas 1 problema de nível erro diz o contrário.');
  });

  test('an item that needs a person\'s word is not satisfied by clean rules, and says so', () => {
    const result = item(run({ inspected: [inspection('terraform/kms-rotation', 'key', 'main.tf')] }), 'security/key-management');
    assert.equal(result.status, 'not-verified');
    assert.equal(result.proof.summary, '1 key in 1 file checked, none failing, but its rules cannot prove this item: it takes evidence or an attestation.');
    const pii = item(run({ inspected: [inspection('terraform/s3-public-access', 'bucket', 's3.tf')] }), 'security/pii-protection');
    assert.equal(pii.status, 'not-verified');
    assert.equal(pii.proof.summary, '1 bucket in 1 file checked, none failing, but files alone cannot prove this item: attest it.', 'no evidence detector proves it');
  });

  test('"to verify" names the files its rules need, the evidence that would count and the attestation', () => {
    const notVerified = item(run(), 'deployment/docker-health-checks');
    const steps = notVerified.proof.toVerify!;
    assert.deepEqual(steps.map((step) => step.kind), ['rules', 'attestation']);
    assert.equal(steps[0].text, 'Add a Dockerfile, a Kubernetes manifest or a Docker Compose file for its rules to check (dockerfile/healthcheck, k8s/liveness-probe, k8s/readiness-probe, compose/healthcheck).');
    assert.equal(steps[1].text, 'Or attest it in .readiness.yml: checklist: deployment/docker-health-checks: { status: done, by, date, note }.');
    const present = item(run({ analyzedKinds: new Set<FileKind>(['dockerfile']) }), 'deployment/docker-health-checks');
    assert.match(present.proof.toVerify![0].text, /^Its rules \(.*\) found nothing this item is about in a Dockerfile, a Kubernetes manifest or a Docker Compose file of the workspace\.$/);
    const backups = item(run(), 'backup/automated-backups').proof.toVerify!;
    assert.ok(backups.some((step) => step.kind === 'evidence' && step.ids[0] === 'backup-schedule' && /Velero Schedule/.test(step.text)), JSON.stringify(backups));
  });

  test('evidence satisfies an item; a finding beats evidence', () => {
    const workflow = { path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  t:\n    steps:\n      - uses: aquasecurity/trivy-action@master\n        with:\n          image-ref: app:1\n' };
    const withEvidence = item(run({ evidenceFiles: [workflow] }), 'deployment/docker-image-scanning');
    assert.equal(withEvidence.status, 'satisfied');
    assert.equal(withEvidence.proof.decidedBy, 'evidence');
    assert.equal(withEvidence.evidence[0].file, '.github/workflows/ci.yml');
    assert.equal(withEvidence.evidence[0].line, 4);
    assert.equal(withEvidence.evidence[0].uri, 'file:///work/app/.github/workflows/ci.yml');

    const script = { path: 'scripts/backup-db.sh', text: '#!/bin/bash\npg_dump -h "$DB_HOST" -U app app | gzip > /backups/app.sql.gz\n' };
    assert.equal(item(run({ evidenceFiles: [script] }), 'backup/automated-backups').status, 'satisfied');
    const both = item(run({ evidenceFiles: [script], findings: [finding('terraform/rds-backup-retention', 'main.tf', 0)] }), 'backup/automated-backups');
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

  test('items carry the catalog text in the report locale', () => {
    const en = item(run(), 'security/encryption-at-rest');
    const pt = item(run({ locale: 'pt-BR' }), 'security/encryption-at-rest');
    assert.equal(en.title, 'Encryption at rest');
    assert.equal(pt.title, 'Criptografia em repouso');
    assert.equal(pt.seedText, 'Dados criptografados em repouso (AES-256)');
    assert.equal(en.critical, true);
    assert.equal(en.criticalSource, 'catalog');
    assert.ok(pt.criticalReason?.includes('LGPD'));
    assert.equal(category(run({ locale: 'pt-BR' }), 'Security').gate?.criterion, '100% dos itens críticos');
  });
});

describe('rules prove an item only with a subject it is about', () => {
  type Case = { item: string; inspected: [rule: string, subject: Subject, file?: string][]; status: ItemStatus; summary?: string };
  const cases: Case[] = [
    {
      item: 'deployment/deployment-manifests',
      inspected: [['k8s/default-namespace', 'object']],
      status: 'not-verified',
      summary: '1 Kubernetes object in 1 file checked, none failing, but none of them proves this item: it is about workloads, containers or Compose services.',
    },
    { item: 'deployment/deployment-manifests', inspected: [['k8s/default-namespace', 'object'], ['k8s/replicas', 'workload']], status: 'satisfied', summary: '1 Kubernetes object and 1 workload in 1 file checked, none failing.' },
    { item: 'deployment/deployment-manifests', inspected: [['compose/image-tag', 'service', 'compose.yaml']], status: 'satisfied' },
    { item: 'deployment/docker-images', inspected: [['k8s/image-tag', 'container']], status: 'not-verified' },
    { item: 'deployment/docker-images', inspected: [['compose/image-tag', 'service', 'compose.yaml']], status: 'not-verified' },
    { item: 'deployment/docker-images', inspected: [['dockerfile/pinned-base-image', 'stage', 'Dockerfile']], status: 'satisfied' },
    { item: 'security/security-headers', inspected: [['nginx/server-tokens', 'http']], status: 'not-verified' },
    { item: 'security/security-headers', inspected: [['nginx/security-headers', 'server']], status: 'satisfied' },
    { item: 'security/encryption-in-transit', inspected: [['nginx/tls-protocols', 'http']], status: 'not-verified' },
    { item: 'security/encryption-in-transit', inspected: [['terraform/lb-https', 'target-group', 'lb.tf']], status: 'not-verified' },
    { item: 'security/encryption-in-transit', inspected: [['terraform/lb-https', 'listener', 'lb.tf']], status: 'satisfied' },
    { item: 'security/https-only', inspected: [['terraform/lb-https', 'resource', 'lb.tf']], status: 'not-verified' },
    { item: 'security/encryption-at-rest', inspected: [['terraform/s3-encryption', 'bucket', 's3.tf']], status: 'satisfied' },
    { item: 'backup/automated-backups', inspected: [['terraform/s3-versioning', 'bucket', 's3.tf']], status: 'not-verified' },
    { item: 'backup/automated-backups', inspected: [['terraform/rds-backup-retention', 'database', 'db.tf']], status: 'satisfied' },
    { item: 'deployment/load-balancer', inspected: [['nginx/proxy-headers', 'location']], status: 'not-verified' },
    { item: 'deployment/load-balancer', inspected: [['terraform/lb-health-check', 'target-group', 'lb.tf']], status: 'satisfied' },
    { item: 'deployment/firewall', inspected: [['compose/exposed-ports', 'service', 'compose.yaml']], status: 'not-verified' },
    { item: 'deployment/firewall', inspected: [['terraform/open-ingress', 'security-group', 'sg.tf']], status: 'satisfied' },
    {
      item: 'deployment/secrets',
      inspected: [['k8s/secret-env-literal', 'container']],
      status: 'not-verified',
      summary: '1 container in 1 file checked, none failing, but its rules cannot prove this item: it takes evidence or an attestation.',
    },
    { item: 'security/https-only', inspected: [['nginx/hsts', 'server', 'tests/nginx/site.conf']], status: 'not-verified', summary: 'Nothing proves it yet: no subject its rules check, no evidence, no attestation.' },
    { item: 'security/https-only', inspected: [['k8s/ingress-tls', 'object', 'internal/health/testdata/ingress.yaml']], status: 'not-verified' },
    { item: 'security/https-only', inspected: [['k8s/ingress-tls', 'object', 'deploy/test-ingress.yaml']], status: 'satisfied' },
  ];
  for (const testCase of cases) {
    const subjects = testCase.inspected.map(([rule, subject, file]) => `${rule} ${subject}${file ? ` in ${file}` : ''}`).join(', ');
    test(`${testCase.item}, ${subjects}: ${testCase.status}`, () => {
      const inspected = testCase.inspected.map(([rule, subject, file], index) => inspection(rule, subject, file ?? 'k8s/app.yaml', index));
      const result = item(run({ inspected }), testCase.item);
      assert.equal(result.status, testCase.status);
      if (testCase.summary) assert.equal(result.proof.summary, testCase.summary);
      for (const [subject, count] of Object.entries(result.proof.rules.proving)) {
        assert.ok(result.verification.subjects.includes(subject as Subject), subject);
        assert.ok(count! <= result.proof.rules.subjects[subject as Subject]!, subject);
      }
    });
  }

  test('"to verify" names only the files that could hold what the item is about', () => {
    const images = item(run({ analyzedKinds: new Set<FileKind>(['kubernetes']), inspected: [inspection('k8s/image-tag', 'container', 'k8s/app.yaml')] }), 'deployment/docker-images');
    const rules = images.proof.toVerify!.find((step) => step.kind === 'rules')!;
    assert.ok(rules.ids.length > 0 && rules.ids.every((id) => id.startsWith('dockerfile/')), rules.ids.join(', '));
    assert.match(rules.text, /^Add a Dockerfile for its rules to check \(dockerfile\/[^)]*\)\.$/);
    const manifests = item(run({ analyzedKinds: new Set<FileKind>(['kubernetes']), inspected: [inspection('k8s/default-namespace', 'object', 'k8s/config.yaml')] }), 'deployment/deployment-manifests');
    assert.match(manifests.proof.toVerify![0].text, /^Its rules \(.*\) found nothing this item is about in a Kubernetes manifest or a Docker Compose file of the workspace\.$/);
  });

  test('the proof that does not prove speaks pt-BR too', () => {
    const result = item(run({ locale: 'pt-BR', inspected: [inspection('k8s/default-namespace', 'object', 'k8s/config.yaml')] }), 'deployment/deployment-manifests');
    assert.equal(result.proof.summary, '1 objeto Kubernetes em 1 arquivo verificados, nenhum com falha, mas nenhum deles prova este item: ele trata de workloads, containers ou serviços do Compose.');
  });
});

describe('targets', () => {
  const locations = { 'application.rto': { start: { line: 3, character: 7 }, end: { line: 3, character: 14 } } };

  test('the RTO of the application information is judged against the seed\'s 15 minutes', () => {
    const ok = item(run({ config: { application: { rto: '15 minutos' } } }), 'backup/rto-defined');
    assert.equal(ok.status, 'satisfied');
    assert.equal(ok.evidence[0].what, 'application.rto: 15 minutos');
    assert.deepEqual(ok.targets?.[0].declared.map((value) => [value.value, value.met]), [[15, true]]);

    const slow = item(run({ config: { application: { rto: '4 hours' }, locations } }), 'backup/rto-defined');
    assert.equal(slow.status, 'failing');
    assert.equal(slow.proof.decidedBy, 'targets');
    assert.equal(slow.findings.length, 1);
    assert.deepEqual({ ruleId: slow.findings[0].ruleId, file: slow.findings[0].file, range: slow.findings[0].range, target: slow.findings[0].target }, { ruleId: 'readiness/target', file: '.readiness.yml', range: locations['application.rto'], target: 'rto' });
    assert.equal(slow.findings[0].message, 'application.rto declares 4 hours (240 min), outside the target of at most 15 min; change the value, or the target under targets: in .readiness.yml.');
    assert.equal(slow.evidence.length, 0, 'a value outside its target is not evidence');
  });

  test('"TBD" is not a value', () => {
    for (const rto of ['TBD 4 hours', 'TBD', '[Recovery Time Objective]', '4 hours?']) {
      const result = item(run({ config: { application: { rto } } }), 'backup/rto-defined');
      assert.equal(result.status, 'not-verified', rto);
      assert.equal(result.findings.length, 0, rto);
    }
  });

  test('targets: in .readiness.yml moves the line', () => {
    const result = item(run({ config: { application: { rto: '4 hours' }, targets: { rtoMinutes: 240 } } }), 'backup/rto-defined');
    assert.equal(result.status, 'satisfied');
    const report = run({ config: { targets: { rtoMinutes: 240, tlsVersion: '1.2' } } });
    assert.deepEqual(report.targets.find((target) => target.id === 'rto'), { id: 'rto', comparison: 'max', value: 240, unit: 'minutes', text: 'at most 240 min', source: 'config' });
    assert.equal(report.targets.find((target) => target.id === 'rpo')?.source, 'seed');
  });

  test('a Terraform retention below 30 days fails backup retention at the value', () => {
    const tf = 'resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  backup_retention_period = 7\n}\n';
    const result = item(run({ evidenceFiles: [{ path: 'infra/db.tf', text: tf }] }), 'backup/backup-retention');
    assert.equal(result.status, 'failing');
    const target = result.findings.find((entry) => entry.ruleId === 'readiness/target')!;
    assert.equal(target.file, 'infra/db.tf');
    assert.deepEqual(target.range, { start: { line: 2, character: 28 }, end: { line: 2, character: 29 } });
    assert.match(target.message, /^aws_db_instance\.main declares backup_retention_period = 7 \(7 days\), outside the target of 30 to 90 days;/);
    const ok = item(run({ evidenceFiles: [{ path: 'infra/db.tf', text: tf.replace('= 7', '= 35') }] }), 'backup/backup-retention');
    assert.equal(ok.status, 'satisfied');
  });

  test('a k6 budget looser than 200 ms fails response times and budgets; TLS 1.2 only fails encryption in transit', () => {
    const k6 = "import http from 'k6/http';\nexport const options = { thresholds: { http_req_duration: ['p(95)<500'] } };\nexport default function () { http.get('https://x'); }\n";
    const report = run({ evidenceFiles: [{ path: 'load/api.js', text: k6 }, { path: 'nginx/nginx.conf', text: 'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2;\n  }\n}\n' }] });
    for (const id of ['performance/response-times', 'performance/performance-budgets']) {
      assert.equal(item(report, id).status, 'failing', id);
      assert.equal(item(report, id).findings[0].range.start.line, 1);
    }
    const tls = item(report, 'security/encryption-in-transit');
    assert.equal(tls.status, 'failing');
    assert.deepEqual(tls.findings[0].range, { start: { line: 3, character: 18 }, end: { line: 3, character: 25 } });
    assert.equal(report.metrics.find((metric) => metric.id === 'p95')?.met, false);
    const relaxed = run({ config: { targets: { tlsVersion: '1.2', p95Ms: 500 } }, evidenceFiles: [{ path: 'load/api.js', text: k6 }, { path: 'nginx/nginx.conf', text: 'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2;\n  }\n}\n' }] });
    assert.equal(item(relaxed, 'security/encryption-in-transit').status, 'satisfied');
    assert.equal(item(relaxed, 'performance/response-times').status, 'satisfied');
  });

  test('ssl_protocols that reaches no TLS server of its file proves nothing, but an old version still misses the target', () => {
    const snippet = (protocols: string) => run({ evidenceFiles: [{ path: 'nginx/nginx.conf', text: `http {\n  ssl_protocols ${protocols};\n  include conf.d/*.conf;\n}\n` }] });
    const modern = item(snippet('TLSv1.2 TLSv1.3'), 'security/encryption-in-transit');
    assert.equal(modern.status, 'not-verified');
    assert.equal(modern.targets?.[0].declared[0].value, 1.3);
    const old = item(snippet('TLSv1 TLSv1.1'), 'security/encryption-in-transit');
    assert.equal(old.status, 'failing');
    assert.deepEqual(old.findings.map((finding) => [finding.ruleId, finding.range.start.line]), [['readiness/target', 1]]);
  });

  test('the seed\'s success metrics, with what the files declare', () => {
    const report = run({ config: { application: { slaTarget: '99.5%' } } });
    assert.deepEqual(
      report.metrics.map((metric) => [metric.id, metric.title, metric.target.text, metric.declared?.value, metric.met]),
      [
        ['uptime', 'Uptime', 'at least 99.9%', 99.5, false],
        ['p95', 'Response time (P95)', 'at most 200 ms', undefined, undefined],
        ['errorRate', 'Error rate', 'at most 0.1%', undefined, undefined],
        ['throughput', 'Throughput', 'at least 1,000 RPS', undefined, undefined],
        ['mttr', 'MTTR', 'at most 15 min', undefined, undefined],
      ],
    );
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
    assert.deepEqual(category(nine, 'Deployment').counts, { total: 29, applicable: 10, satisfied: 0, failing: 0, notVerified: 1, notApplicable: 19, attested: 9, contradicted: 0 });
    const eight = run({ checklist: only(Object.fromEntries(deployment.slice(0, 10).map((id, index) => [id, index < 8 ? 'done' : 'none']))) });
    assert.equal(category(eight, 'Deployment').score, 80);
    assert.equal(category(eight, 'Deployment').gate?.passed, false);
    assert.deepEqual(category(eight, 'Deployment').gate?.reasons, ['Score 80% is below 90%.']);
  });

  test('an error finding of a rule blocks its category\'s gate, whatever the score', () => {
    const statuses = Object.fromEntries(deployment.slice(0, 10).map((id, index) => [id, index < 9 ? 'done' : 'none'])) as Record<string, 'done' | 'none'>;
    statuses['deployment/docker-health-checks'] = 'none';
    statuses[deployment[0]] = 'done';
    const report = run({ checklist: only(statuses), findings: [finding('k8s/liveness-probe', 'k8s/deploy.yaml', 3)] });
    const gate = category(report, 'Deployment').gate!;
    assert.equal(gate.passed, false);
    assert.ok(gate.reasons?.includes('1 error finding in 1 item.'), JSON.stringify(gate.reasons));
    const warning = run({ checklist: only({ ...Object.fromEntries(deployment.map((id) => [id, 'done'])), 'deployment/docker-health-checks': 'none' }), findings: [finding('k8s/liveness-probe', 'k8s/deploy.yaml', 3, 'warning')] });
    assert.equal(category(warning, 'Deployment').gate?.passed, true, 'a warning does not block the gate (96.6% done)');
  });

  test('a finding two items share is one finding in the gate\'s reason', () => {
    const report = run({ findings: [finding('k8s/run-as-non-root', 'k8s/deploy.yaml', 3), finding('k8s/run-as-non-root', 'k8s/worker.yaml', 9)] });
    assert.equal(item(report, 'deployment/docker-security-context').findings.length, 2);
    assert.equal(item(report, 'deployment/pod-security-standards').findings.length, 2);
    assert.ok(category(report, 'Deployment').gate!.reasons?.includes('2 error findings in 2 items.'), JSON.stringify(category(report, 'Deployment').gate!.reasons));
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
    assert.deepEqual(category(oneMissing, 'Security').gate?.reasons, [`1 critical item not done: ${criticalSecurity[0]}.`]);
    const missingIsNa = run({ checklist: { ...Object.fromEntries(criticalSecurity.slice(1).map((id) => [id, { status: 'done' as const }])), [criticalSecurity[0]]: NA() } });
    assert.equal(category(missingIsNa, 'Security').gate?.passed, true, 'a critical item attested na (with a reason) is not applicable');
  });

  test('the critical set is configurable: added items block their gate, removed ones stop counting', () => {
    const allDone = Object.fromEntries(criticalSecurity.map((id) => [id, { status: 'done' as const }]));
    const added = run({ checklist: allDone, config: { critical: { add: ['security/cors'], remove: [] } } });
    assert.equal(item(added, 'security/cors').critical, true);
    assert.equal(item(added, 'security/cors').criticalSource, 'config');
    assert.equal(category(added, 'Security').gate?.passed, false);
    assert.deepEqual(added.critical.added, ['security/cors']);
    const removed = run({ checklist: Object.fromEntries(criticalSecurity.slice(1).map((id) => [id, { status: 'done' as const }])), config: { critical: { add: [], remove: [criticalSecurity[0]] } } });
    assert.equal(item(removed, criticalSecurity[0]).critical, false);
    assert.equal(category(removed, 'Security').gate?.passed, true);
    assert.match(removed.critical.note, /^The seed marks no item critical/);
    const deploymentCritical = run({ checklist: only(Object.fromEntries(deployment.map((id) => [id, 'done']))), config: { critical: { add: ['deployment/secrets'], remove: [] } } });
    assert.equal(category(deploymentCritical, 'Deployment').gate?.passed, true);
  });

  test('Backup: 100% of critical items', () => {
    assert.ok(criticalBackup.length > 0 && criticalBackup.length < backup.length);
    const done = run({ checklist: Object.fromEntries(criticalBackup.map((id) => [id, { status: 'done' as const }])) });
    assert.equal(category(done, 'Backup').gate?.passed, true);
  });

  test('Performance: every applicable item, so 95% is not enough', () => {
    const statuses = Object.fromEntries(performance.map((id, index) => [id, index === 0 ? 'todo' : 'done'])) as Record<string, 'todo' | 'done'>;
    const report = run({ checklist: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status }])) });
    assert.equal(category(report, 'Performance').score, Math.round((1000 * (performance.length - 1)) / performance.length) / 10);
    assert.equal(category(report, 'Performance').gate?.passed, false);
  });

  test('Tests OK and Documentation OK are gates: every applicable item by default, configurable', () => {
    const tests = ids('Tests');
    const report = run({ checklist: Object.fromEntries(tests.slice(0, 3).map((id) => [id, { status: 'done' as const }])) });
    assert.equal(category(report, 'Tests').weight, 0);
    assert.equal(category(report, 'Tests').gate?.passed, false);
    assert.equal(category(report, 'Tests').gate?.criterion, '>= 100% of applicable items');
    assert.equal(category(report, 'Documentation').gate?.passed, false);
    const relaxed = run({ checklist: Object.fromEntries(tests.slice(0, 3).map((id) => [id, { status: 'done' as const }])), config: { gates: { tests: 40 } } });
    assert.equal(category(relaxed, 'Tests').gate?.passed, true);
    assert.equal(category(relaxed, 'Tests').gate?.threshold, 40);
    assert.equal(report.gatesTotal, 7);
  });

  test('scores round to one decimal: 2 of 3 is 66.7', () => {
    const report = run({ checklist: only({ [deployment[0]]: 'done', [deployment[1]]: 'done', [deployment[2]]: 'todo' }) });
    assert.equal(category(report, 'Deployment').score, 66.7);
  });

  test('a category whose items are all not applicable reads "not applicable", not 100%', () => {
    const report = run({ checklist: only({ [deployment[0]]: 'done' }) });
    const security = category(report, 'Security');
    assert.equal(security.applicable, false);
    assert.equal(security.score, 0);
    assert.deepEqual(security.gate, { criterion: '100% of critical items', passed: true, notApplicable: true });
    assert.equal(report.score, 100, 'the weighted score counts only categories with applicable items');
    assert.equal(report.approval.notApplicableItems, 138);
  });
});

describe('overall score, flow and verdict', () => {
  const pick = (category: string, done: number, total: number) => Object.fromEntries(ids(category).slice(0, total).map((id, index) => [id, index < done ? 'done' : 'todo'] as const));

  test('the weighted score, by hand', () => {
    // Deployment 9/10 = 90, Security 1/2 = 50, Monitoring 3/4 = 75, Performance 1/1 = 100, Backup 0/1 = 0.
    // 0.20*90 + 0.25*50 + 0.20*75 + 0.20*100 + 0.15*0 = 18 + 12.5 + 15 + 20 + 0 = 65.5
    const report = run({ checklist: only({ ...pick('Deployment', 9, 10), ...pick('Security', 1, 2), ...pick('Monitoring', 3, 4), ...pick('Performance', 1, 1), ...pick('Backup', 0, 1), ...pick('Tests', 0, 3) }) });
    assert.equal(report.score, 65.5);
    assert.deepEqual(
      report.categories.map((c) => c.score),
      [90, 50, 75, 100, 0, 0, 0],
    );
  });

  test('approval follows the flow: seven gates, then four sign-offs with a name and a date', () => {
    const everything = Object.fromEntries(SEED_ITEMS.filter((seed) => seed.category !== 'Sign-off').map((seed) => [seed.id, { status: 'done' as const, by: 'Ana' }]));
    const unsigned = run({ checklist: everything });
    assert.equal(unsigned.gatesPassed, 7);
    assert.equal(unsigned.approved, false);
    assert.equal(unsigned.approval.blockingStep, 'signoffs');
    const signed = run({ checklist: everything, config: { signoff: SIGNED } });
    assert.equal(signed.approved, true);
    assert.deepEqual(signed.signoffs[0], { role: 'techLead', title: 'Tech Lead', name: 'João', date: '2025-10-15' });
    assert.deepEqual(
      signed.approval.flow.map((step) => `${step.question} ${step.passed}`),
      ['Deployment OK? true', 'Security OK? true', 'Monitoring OK? true', 'Performance OK? true', 'Backup OK? true', 'Tests OK? true', 'Documentation OK? true', 'Sign-offs recorded? true'],
    );
    const docsMissing = run({ checklist: { ...everything, 'documentation/runbooks': { status: 'todo' } }, config: { signoff: SIGNED } });
    assert.equal(docsMissing.approved, false);
    assert.equal(docsMissing.approval.blockingStep, 'Documentation');
    assert.deepEqual(docsMissing.approval.flow.find((step) => step.id === 'Documentation'), { id: 'Documentation', question: 'Documentation OK?', passed: false, action: 'Update the documentation' });
    const securityFirst = run({ checklist: { ...everything, 'security/authentication': { status: 'todo' }, 'documentation/runbooks': { status: 'todo' } }, config: { signoff: SIGNED } });
    assert.equal(securityFirst.approval.blockingStep, 'Security', 'the first failing step of the flow blocks');
  });

  test('the Final Approval table has the seed\'s owners and flags an approval over an open gate', () => {
    const report = run({ config: { approval: { deployment: { status: 'approved', name: 'Maria Santos', date: '2025-10-15', notes: 'ok' } } } });
    assert.deepEqual(
      report.approval.table.map((row) => `${row.category}:${row.owner}:${row.status}`),
      ['Deployment:DevOps Engineer:approved', 'Security:Security Engineer:pending', 'Monitoring:SRE:pending', 'Performance:Tech Lead:pending', 'Backup:DBA:pending', 'Tests:QA Engineer:pending', 'Documentation:Tech Writer:pending'],
    );
    assert.equal(report.approval.table[0].contradicted, true);
    assert.equal(report.approval.table[0].name, 'Maria Santos');
    const pt = run({ locale: 'pt-BR' });
    assert.equal(pt.approval.flow[1].question, 'Segurança OK?');
    assert.equal(pt.approval.flow[0].action, 'Corrigir issues de deploy');
  });

  test('totals say what is proven and what is unknown', () => {
    const report = run({ inspected: [inspection('nginx/hsts', 'server', 'nginx/a.conf')], checklist: { 'security/waf': { status: 'done' }, 'performance/cdn': NA() } });
    assert.deepEqual(report.totals, { total: 139, applicable: 138, satisfied: 1, attested: 1, failing: 0, contradicted: 0, notVerified: 136, notApplicable: 1 });
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
