/**
 * The ways the checklist could be fooled, each as a user would set it up: files of the right kind
 * with nothing in them, look-alike content, attestations that say more than the files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SEED_ITEMS } from '../../server/src/checklist/seed-items';
import type { ChecklistReport } from '../../server/src/checklist/types';
import { scanProject } from '../../server/src/service';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function workspace(files: Record<string, string>): Promise<ChecklistReport> {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-trap-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const { service } = await scanProject([dir], { locale: 'en' });
  return service.checklist();
}

const all = (report: ChecklistReport) => report.categories.flatMap((category) => category.items);
const status = (report: ChecklistReport, id: string) => all(report).find((item) => item.id === id)?.status;
const satisfied = (report: ChecklistReport) => all(report).filter((item) => item.status === 'satisfied').map((item) => item.id);
const ITEMS = SEED_ITEMS.filter((item) => item.category !== 'Sign-off').map((item) => item.id);
const SIGNOFFS = 'signoff:\n  techLead: { name: João, date: 2025-10-15 }\n  devopsEngineer: { name: Maria, date: 2025-10-15 }\n  securityEngineer: { name: Pedro, date: 2025-10-15 }\n  productOwner: { name: Ana, date: 2025-10-15 }\n';

describe('files of the right kind with nothing in them prove nothing', () => {
  for (const [name, files] of [
    ['an empty main.tf', { 'main.tf': '' }],
    ['a main.tf with one variable', { 'main.tf': 'variable "region" {\n  type = string\n}\n' }],
    ['a single ConfigMap', { 'k8s/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: prod\ndata:\n  MODE: production\n' }],
    ['an nginx.conf with an empty http block', { 'nginx/nginx.conf': 'events {}\nhttp {\n}\n' }],
    ['a Dockerfile that is a comment', { Dockerfile: '# TODO\n' }],
  ] as const) {
    test(`${name}: no item satisfied, the critical ones not verified`, async () => {
      const report = await workspace(files);
      assert.deepEqual(satisfied(report), []);
      for (const id of ['security/encryption-at-rest', 'security/encryption-in-transit', 'security/https-only', 'backup/automated-backups', 'deployment/network-policies', 'monitoring/health-checks', 'deployment/docker-resource-limits', 'deployment/pod-security-standards'])
        assert.equal(status(report, id), 'not-verified', id);
    });
  }
});

describe('a subject the item is not about proves nothing, though it is listed', () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.4.2\n';
  for (const [name, files, ids] of [
    ['a Deployment with a pinned image, and no Dockerfile', { 'k8s/app.yaml': deployment }, ['deployment/docker-images']],
    ['a versioned S3 bucket', { 's3.tf': 'resource "aws_s3_bucket" "assets" {\n  bucket = "assets"\n}\n\nresource "aws_s3_bucket_versioning" "assets" {\n  bucket = aws_s3_bucket.assets.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' }, ['backup/automated-backups']],
    ['an http block with TLS protocols and server_tokens off, and no server', { 'nginx/nginx.conf': 'events {}\nhttp {\n    server_tokens off;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n' }, ['security/encryption-in-transit', 'security/security-headers']],
    [
      'an nginx reverse proxy',
      { 'nginx/nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            proxy_set_header Host $host;\n            proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n            proxy_set_header X-Forwarded-Proto $scheme;\n            proxy_pass http://api:8080;\n        }\n    }\n}\n' },
      ['deployment/load-balancer'],
    ],
    ['a Compose service published on localhost only', { 'compose.yaml': 'services:\n  api:\n    image: registry.example.com/api:1.4.2\n    ports:\n      - "127.0.0.1:8080:8080"\n' }, ['deployment/firewall', 'deployment/docker-images']],
  ] as const) {
    test(`${name}: ${ids.join(', ')} not verified`, async () => {
      const report = await workspace(files);
      for (const id of ids) {
        const result = all(report).find((item) => item.id === id)!;
        assert.ok(Object.keys(result.proof.rules.subjects).length > 0, `${id}: its rules inspected something`);
        assert.equal(result.status, 'not-verified', `${id}: ${result.proof.summary}`);
        assert.match(result.proof.summary, /but none of them proves this item: it is about /, id);
      }
    });
  }
});

describe('right file names, no substance', () => {
  test('CI steps that cannot fail, a workflow run by hand, an echoed scanner', async () => {
    const report = await workspace({
      '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    steps:\n      - run: npm test || true\n      - run: npx playwright test\n        continue-on-error: true\n      - run: echo "trivy image app"\n',
      '.github/workflows/perf.yml': 'on: workflow_dispatch\njobs:\n  load:\n    steps:\n      - run: k6 run load.js\n',
    });
    for (const id of ['deployment/automated-testing', 'tests/end-to-end-tests', 'deployment/security-scanning', 'tests/performance-tests']) assert.equal(status(report, id), 'not-verified', id);
  });

  test('an alert named for an error over vector(1)', async () => {
    const report = await workspace({ 'k8s/alerts.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: app, namespace: prod}\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: SomethingError\n          expr: vector(1)\n          labels: {severity: critical}\n' });
    for (const id of ['monitoring/critical-alerts', 'monitoring/error-rate-alerts']) assert.equal(status(report, id), 'not-verified', id);
  });

  test('pg_restore --list as the restore test', async () => {
    const report = await workspace({ 'scripts/backup/restore-test.sh': '#!/bin/sh\npg_restore --list /backups/latest.dump\n' });
    assert.equal(status(report, 'backup/backup-testing'), 'not-verified');
  });

  test('rto: TBD 4 hours', async () => {
    const report = await workspace({ '.readiness.yml': 'application:\n  rto: TBD 4 hours\n', 'docs/dr.md': '# Disaster recovery\n\n- rto: TBD 4 hours\n- RPO: TODO\n' });
    for (const id of ['backup/rto-defined', 'backup/rpo-defined']) assert.equal(status(report, id), 'not-verified', id);
  });

  test('lorem-ipsum disaster recovery procedures and runbooks', async () => {
    const lorem = '# Disaster recovery\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\nUt enim ad minim veniam, quis nostrud exercitation.\n\n1. TODO\n2. TBD\n';
    const report = await workspace({ 'docs/disaster-recovery.md': lorem, 'docs/runbooks/restart.md': lorem.replace('Disaster recovery', 'Restart'), 'docs/architecture.md': '# Architecture\n\n## Components\n\n## Data flows\n\n## Decisions\n' });
    for (const id of ['backup/dr-procedures', 'documentation/runbooks', 'documentation/architecture-documentation']) assert.equal(status(report, id), 'not-verified', id);
  });
});

describe('attestations are honest', () => {
  test('every item na without a reason and four named sign-offs on an empty folder: not approved', async () => {
    const checklist = ITEMS.map((id) => `  ${id}: na`).join('\n');
    const report = await workspace({ '.readiness.yml': `checklist:\n${checklist}\nsignoff:\n  techLead: { name: João }\n  devopsEngineer: { name: Maria }\n  securityEngineer: { name: Pedro }\n  productOwner: { name: Ana }\n` });
    assert.equal(report.approved, false);
    assert.equal(report.totals.notApplicable, 0, 'na without a reason is not applied');
    assert.equal(report.signoffs.filter((signoff) => signoff.name).length, 0, 'a sign-off without a date is not applied');
    assert.ok(report.problems.length >= ITEMS.length + 4, `${report.problems.length} problems`);
    assert.match(report.problems[0], /^\.readiness\.yml:2: checklist\.deployment\/environment-provisioned: na needs a reason/);
  });

  test('with reasons, the verdict says how many items were marked not applicable', async () => {
    const checklist = ITEMS.map((id) => `  ${id}: { status: na, note: out of scope for the pilot }`).join('\n');
    const report = await workspace({ '.readiness.yml': `checklist:\n${checklist}\n${SIGNOFFS}` });
    assert.equal(report.approval.notApplicableItems, 139);
    assert.ok(report.categories.every((category) => !category.applicable));
  });

  test('done over a literal password in a Dockerfile is contradicted, not passed', async () => {
    const report = await workspace({
      Dockerfile: 'FROM node:20.11.1-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20.11.1-slim\nENV DB_PASSWORD=hunter2\nCOPY --from=build /app/dist /app\nUSER node\nHEALTHCHECK CMD ["node", "/app/health.js"]\nCMD ["node", "/app/server.js"]\n',
      '.readiness.yml': 'checklist:\n  deployment/secrets: { status: done, by: Ana }\n',
    });
    const secrets = all(report).find((item) => item.id === 'deployment/secrets')!;
    assert.equal(secrets.status, 'contradicted');
    assert.match(secrets.contradiction!.message, /^Attested done by Ana, but \d+ error findings? says? otherwise\.$/);
    assert.equal(report.categories.find((category) => category.category === 'Deployment')!.gate!.passed, false);
  });

  test('Documentation 0% and Tests 43% cannot be approved, whatever the five weighted gates say', async () => {
    const weighted = SEED_ITEMS.filter((item) => ['Deployment', 'Security', 'Monitoring', 'Performance', 'Backup'].includes(item.category)).map((item) => `  ${item.id}: { status: done, by: Ana }`);
    const tests = SEED_ITEMS.filter((item) => item.category === 'Tests').slice(0, 3).map((item) => `  ${item.id}: { status: done, by: Ana }`);
    const report = await workspace({ '.readiness.yml': `checklist:\n${[...weighted, ...tests].join('\n')}\n${SIGNOFFS}` });
    const category = (name: string) => report.categories.find((entry) => entry.category === name)!;
    assert.equal(category('Tests').score, 42.9);
    assert.equal(category('Documentation').score, 0);
    assert.equal(report.approved, false);
    assert.deepEqual(report.approval.flow.slice(0, 5).map((step) => step.passed), [true, true, true, true, true]);
    assert.equal(report.approval.blockingStep, 'Tests');
  });
});
