/**
 * "To verify" is what a team does next: each step must name what proves that item. A detector that
 * proves several items says, for the items its general hint does not fit, what proves each one;
 * doing what the step says proves the item.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EVIDENCE_SOURCES } from '../../server/src/checklist/evidence/index';
import type { EvidenceInput } from '../../server/src/checklist/evidence/source';
import { item, run } from './score-helpers';

describe('"to verify" names what proves the item, and doing it proves the item', () => {
  const cases: { item: string; detector: string; step: RegExp; files: EvidenceInput[] }[] = [
    {
      item: 'monitoring/performance-monitoring',
      detector: 'env-settings',
      step: /^Configure an APM agent in the application's environment \(NEW_RELIC_LICENSE_KEY/,
      files: [
        {
          path: 'k8s/app.yaml',
          text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n        env:\n        - name: NEW_RELIC_LICENSE_KEY\n          valueFrom:\n            secretKeyRef: {name: newrelic, key: license}\n',
        },
      ],
    },
    {
      item: 'monitoring/log-retention',
      detector: 'terraform-backup',
      step: /^Set retention_in_days on the CloudWatch log groups/,
      files: [{ path: 'infra/logs.tf', text: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app"\n  retention_in_days = 30\n}\n' }],
    },
    {
      item: 'monitoring/log-security',
      detector: 'terraform-backup',
      step: /^Encrypt the CloudWatch log groups with a KMS key/,
      files: [{ path: 'infra/logs.tf', text: 'resource "aws_cloudwatch_log_group" "app" {\n  name       = "/app"\n  kms_key_id = aws_kms_key.logs.arn\n}\n' }],
    },
    {
      item: 'tests/contract-tests',
      detector: 'ci-tests',
      step: /^Verify the API contracts in CI \(pact-provider-verifier/,
      files: [{ path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  contracts:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx pact-provider-verifier --provider-base-url http://localhost:8080\n' }],
    },
    {
      item: 'security/waf',
      detector: 'nginx-edge',
      step: /^In nginx, turn ModSecurity on with a rules file/,
      files: [{ path: 'nginx/nginx.conf', text: 'events {}\nhttp {\n  server {\n    listen 80;\n    modsecurity on;\n    modsecurity_rules_file /etc/nginx/modsec/main.conf;\n  }\n}\n' }],
    },
    {
      item: 'performance/throughput',
      detector: 'load-test-script',
      step: /^Drive the throughput target \(1,000 RPS by default\) in a k6 constant- or ramping-arrival-rate scenario\.$/,
      files: [
        {
          path: 'load/checkout.js',
          text: "import http from 'k6/http';\nexport const options = {\n  scenarios: {\n    steady: { executor: 'constant-arrival-rate', rate: 1200, timeUnit: '1s', duration: '5m', preAllocatedVUs: 200 },\n  },\n};\nexport default function () {\n  http.get('https://staging.example.com/');\n}\n",
        },
      ],
    },
    {
      item: 'performance/query-optimization',
      detector: 'terraform-data',
      step: /^Load auto_explain in the database parameter group/,
      files: [
        {
          path: 'infra/db.tf',
          text: 'resource "aws_db_parameter_group" "app" {\n  name   = "app"\n  family = "postgres16"\n  parameter {\n    name         = "shared_preload_libraries"\n    value        = "auto_explain,pg_stat_statements"\n    apply_method = "pending-reboot"\n  }\n}\n',
        },
      ],
    },
    {
      item: 'backup/failover-automation',
      detector: 'terraform-data',
      step: /^Run the database Multi-AZ \(multi_az = true\)/,
      files: [{ path: 'infra/db.tf', text: 'resource "aws_db_instance" "app" {\n  engine   = "postgres"\n  multi_az = true\n}\n' }],
    },
  ];
  for (const testCase of cases) {
    test(`${testCase.item} (${testCase.detector})`, () => {
      const before = item(run(), testCase.item);
      const step = before.proof.toVerify!.find((candidate) => candidate.kind === 'evidence' && candidate.ids[0] === testCase.detector);
      assert.ok(step, JSON.stringify(before.proof.toVerify));
      assert.match(step.text, testCase.step);
      const after = item(run({ evidenceFiles: testCase.files }), testCase.item);
      assert.equal(after.status, 'satisfied', JSON.stringify(after.proof));
      assert.ok(after.evidence.some((hit) => hit.detector === testCase.detector), JSON.stringify(after.evidence));
    });
  }

  test('an item\'s own hint speaks pt-BR too', () => {
    const step = item(run({ locale: 'pt-BR' }), 'monitoring/log-retention').proof.toVerify!.find((candidate) => candidate.ids[0] === 'terraform-backup')!;
    assert.match(step.text, /^Defina retention_in_days nos log groups do CloudWatch/);
  });

  test('an item\'s own hints are for items its source proves, in both languages, as sentences', () => {
    for (const source of EVIDENCE_SOURCES) {
      for (const [id, hint] of Object.entries(source.hints ?? {})) {
        assert.ok(id in source.proves, `${source.id}: ${id} is an item it proves`);
        assert.ok(hint.en.endsWith('.') && hint.pt.endsWith('.') && hint.en !== hint.pt, `${source.id} ${id}`);
      }
    }
  });
});

describe('"to verify" reads as sentences', () => {
  test('documents take their article, acronyms kept', () => {
    const escalation = item(run(), 'documentation/escalation-procedures').proof.toVerify!;
    assert.ok(escalation.some((step) => step.text.startsWith('Write an escalation procedure (docs/')), JSON.stringify(escalation));
    const sla = item(run(), 'documentation/sla-documentation').proof.toVerify!;
    assert.ok(sla.some((step) => step.text.startsWith('Write an SLA document (docs/')), JSON.stringify(sla));
    const runbooks = item(run(), 'documentation/runbooks').proof.toVerify!;
    assert.ok(runbooks.some((step) => step.text.startsWith('Write a runbook (docs/')), JSON.stringify(runbooks));
  });

  test('the attestation is "or" only after another way', () => {
    const only = item(run(), 'security/secure-deletion').proof.toVerify!;
    assert.deepEqual(
      only.map((step) => step.text),
      ['Attest it in .readiness.yml: checklist: security/secure-deletion: { status: done, by, date, note }.'],
    );
    assert.equal(item(run({ locale: 'pt-BR' }), 'security/secure-deletion').proof.toVerify![0].text, 'Ateste no .readiness.yml: checklist: security/secure-deletion: { status: done, by, date, note }.');
    const last = item(run(), 'monitoring/log-retention').proof.toVerify!;
    assert.match(last[last.length - 1].text, /^Or attest it in \.readiness\.yml/);
  });
});

test('the RTO in .readiness.yml is read once, as the application information', () => {
  const config = { path: '.readiness.yml', text: 'application:\n  rto: 15 minutos\n' };
  const result = item(run({ evidenceFiles: [config], config: { application: { rto: '15 minutos' } } }), 'backup/rto-defined');
  assert.deepEqual(
    result.evidence.map((hit) => hit.detector),
    ['application-info'],
  );
  const plan = item(run({ evidenceFiles: [{ path: 'ops/dr.yaml', text: 'disaster_recovery:\n  rto: 15 minutes\n' }] }), 'backup/rto-defined');
  assert.deepEqual(
    plan.evidence.map((hit) => hit.detector),
    ['recovery-objectives'],
    'another YAML file still states it',
  );
});
