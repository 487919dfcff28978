import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { DETECTORS, EVIDENCE_SOURCES, isEvidenceCandidate, joinFacts, runDetectors } from '../../server/src/checklist/evidence/index';
import { meets, resolveTargets } from '../../server/src/checklist/targets';
import { INFRA_CASES, type Case } from './infra-cases';
import { COMPOSE_EVIDENCE_CASES } from './compose-evidence-cases';

/** Each detector: evidence present, absent, and a look-alike that must not count. */
const CASES: Record<string, Case[]> = {
  'ci-tests': [
    {
      name: 'present: npm test, integration and e2e suites, smoke check, coverage gate',
      files: [
        {
          path: '.github/workflows/ci.yml',
          text: [
            'name: CI',
            'on: [push]',
            'jobs:',
            '  test:',
            '    runs-on: ubuntu-latest',
            '    steps:',
            '      - uses: actions/checkout@v4',
            '      - run: npm ci',
            '      - run: npm test -- --coverage',
            '      - name: Integration',
            '        run: npm run test:integration',
            '      - run: npx playwright test',
            '      - run: pytest --cov=app --cov-fail-under=85',
            '  deploy:',
            '    runs-on: ubuntu-latest',
            '    steps:',
            '      - name: Smoke test',
            '        run: curl -fsS https://example.com/health',
          ].join('\n'),
        },
      ],
      expect: { 'deployment/automated-testing': 9, 'tests/integration-tests': 11, 'tests/end-to-end-tests': 12, 'tests/unit-tests': 13, 'tests/smoke-tests': 18 },
    },
    {
      name: 'present: GitLab job script',
      files: [{ path: '.gitlab-ci.yml', text: 'stages: [test]\nunit:\n  stage: test\n  script:\n    - go test ./...\n' }],
      expect: { 'deployment/automated-testing': 5 },
    },
    { name: 'absent: build only', files: [{ path: '.github/workflows/build.yml', text: 'jobs:\n  build:\n    steps:\n      - run: npm ci && npm run build\n' }], expect: {} },
    {
      name: 'look-alike: tests that cannot fail or only run by hand',
      files: [
        { path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  test:\n    steps:\n      - run: npm test || true\n      - run: npx playwright test\n        continue-on-error: true\n      - run: |\n          set +e\n          pytest --cov-fail-under=90\n' },
        { path: '.github/workflows/manual.yml', text: 'on: workflow_dispatch\njobs:\n  test:\n    steps:\n      - run: go test ./...\n' },
        { path: '.gitlab-ci.yml', text: 'unit:\n  script: [npm test]\n  allow_failure: true\n' },
      ],
      expect: {},
    },
    {
      name: 'look-alike: a job named test that only echoes',
      files: [{ path: '.github/workflows/test.yml', text: 'name: test\njobs:\n  test:\n    name: Run tests\n    steps:\n      - run: echo "npm test would run here"\n      - run: |\n          # npm test\n          echo done\n' }],
      expect: {},
    },
  ],
  'ci-load-tests': [
    { name: 'present: k6 run', files: [{ path: '.github/workflows/perf.yml', text: 'jobs:\n  load:\n    steps:\n      - run: k6 run load/smoke.js\n' }], expect: { 'tests/performance-tests': 4, 'performance/load-testing': 4 } },
    { name: 'absent', files: [{ path: '.github/workflows/ci.yml', text: 'jobs:\n  a:\n    steps:\n      - run: make\n' }], expect: {} },
    { name: 'look-alike: installing k6 is not running it', files: [{ path: '.github/workflows/perf.yml', text: 'jobs:\n  load:\n    steps:\n      - run: sudo apt-get install k6\n      - run: echo "k6 run later"\n' }], expect: {} },
  ],
  'ci-security-scan': [
    {
      name: 'present: Trivy image scan and CodeQL',
      files: [
        {
          path: '.github/workflows/security.yml',
          text: 'jobs:\n  scan:\n    steps:\n      - uses: aquasecurity/trivy-action@master\n        with:\n          image-ref: app:latest\n      - uses: github/codeql-action/analyze@v3\n',
        },
      ],
      expect: { 'deployment/security-scanning': 4, 'deployment/docker-image-scanning': 4, 'tests/security-tests': 7 },
    },
    { name: 'present: the seed example (Trivy fs scan)', files: [{ path: '.github/workflows/prod.yml', text: "jobs:\n  security-scan:\n    steps:\n      - uses: aquasecurity/trivy-action@master\n        with:\n          scan-type: 'fs'\n" }], expect: { 'deployment/security-scanning': 4 } },
    { name: 'present: GitLab SAST template', files: [{ path: '.gitlab-ci.yml', text: 'include:\n  - template: Security/SAST.gitlab-ci.yml\nbuild:\n  script: [make]\n' }], expect: { 'deployment/security-scanning': 2, 'tests/security-tests': 2 } },
    { name: 'absent', files: [{ path: '.github/workflows/ci.yml', text: 'jobs:\n  a:\n    steps:\n      - run: npm ci\n' }], expect: {} },
    { name: 'look-alike: a step named "Security scan" that echoes', files: [{ path: '.github/workflows/ci.yml', text: 'jobs:\n  security-scan:\n    steps:\n      - name: Security scan\n        run: echo "trivy image app"\n' }], expect: {} },
  ],
  'ci-quality-gate': [
    { name: 'present: SonarCloud action', files: [{ path: '.github/workflows/q.yml', text: 'jobs:\n  quality-gate:\n    steps:\n      - uses: SonarSource/sonarcloud-github-action@master\n' }], expect: { 'deployment/quality-gates': 4 } },
    { name: 'present: codecov target', files: [{ path: 'codecov.yml', text: 'coverage:\n  status:\n    project:\n      default:\n        target: 80%\n' }], expect: { 'deployment/quality-gates': 5, 'tests/unit-tests': 5 } },
    { name: 'absent', files: [{ path: '.github/workflows/q.yml', text: 'jobs:\n  a:\n    steps:\n      - run: npm test\n' }], expect: {} },
    { name: 'look-alike: codecov with automatic target', files: [{ path: 'codecov.yml', text: 'coverage:\n  status:\n    project:\n      default:\n        target: auto\n' }], expect: {} },
  ],
  'ci-approval': [
    { name: 'present: GitHub protected environment', files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  deploy-production:\n    environment: production\n    steps:\n      - run: ./deploy.sh\n' }], expect: { 'deployment/approval-gates': 2 } },
    { name: 'present: GitLab manual production job', files: [{ path: '.gitlab-ci.yml', text: 'deploy_prod:\n  environment:\n    name: production\n  when: manual\n  script: [./deploy.sh]\n' }], expect: { 'deployment/approval-gates': 1 } },
    { name: 'absent: staging only', files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  deploy:\n    environment: staging\n    steps:\n      - run: ./deploy.sh\n' }], expect: {} },
    { name: 'look-alike: GitLab production job that deploys by itself', files: [{ path: '.gitlab-ci.yml', text: 'deploy_prod:\n  environment: production\n  script: [./deploy.sh]\n' }], expect: {} },
  ],
  'ci-promotion': [
    {
      name: 'present: staging then production',
      files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  staging:\n    environment: staging\n    steps: [{run: ./deploy.sh staging}]\n  prod:\n    needs: staging\n    environment: production\n    steps: [{run: ./deploy.sh prod}]\n' }],
      expect: { 'deployment/environment-promotion': 5 },
    },
    { name: 'absent: production only', files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  prod:\n    environment: production\n    steps: [{run: ./deploy.sh}]\n' }], expect: {} },
    {
      name: 'look-alike: two unrelated deploy jobs',
      files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  staging:\n    environment: staging\n    steps: [{run: ./deploy.sh staging}]\n  prod:\n    environment: production\n    steps: [{run: ./deploy.sh prod}]\n' }],
      expect: {},
    },
  ],
  'ci-rollback': [
    { name: 'present: helm --atomic', files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  deploy:\n    steps:\n      - run: helm upgrade --install app ./chart --atomic --timeout 5m\n' }], expect: { 'deployment/rollback-capability': 4 } },
    { name: 'present: rollout undo on failure', files: [{ path: '.gitlab-ci.yml', text: 'rollback:\n  when: on_failure\n  script:\n    - kubectl rollout undo deployment/app -n prod\n' }], expect: { 'deployment/rollback-capability': 4 } },
    { name: 'absent: apply only', files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  deploy:\n    steps:\n      - run: kubectl apply -f k8s/\n' }], expect: {} },
    { name: 'look-alike: rollback only mentioned', files: [{ path: '.github/workflows/deploy.yml', text: 'jobs:\n  deploy:\n    steps:\n      - run: |\n          kubectl apply -f k8s/  # kubectl rollout undo if needed\n          echo "to roll back: helm rollback app"\n' }], expect: {} },
  ],
  'prometheus-scrape': [
    {
      name: 'present: prometheus.yml with exporters',
      files: [{ path: 'monitoring/prometheus.yml', text: "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: 'app'\n    static_configs:\n      - targets: ['app:3000']\n  - job_name: 'node-exporter'\n    static_configs:\n      - targets: ['node-exporter:9100']\n  - job_name: 'postgres-exporter'\n    static_configs:\n      - targets: ['postgres-exporter:9187']\n" }],
      expect: { 'monitoring/metrics-collection': 4, 'monitoring/server-monitoring': 7, 'monitoring/database-monitoring': 10 },
    },
    { name: 'present: ServiceMonitor', files: [{ path: 'k8s/sm.yaml', text: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: app\nspec:\n  endpoints: [{port: metrics}]\n' }], expect: { 'monitoring/metrics-collection': 1 } },
    { name: 'present: scrape annotation', files: [{ path: 'k8s/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n  annotations:\n    prometheus.io/scrape: "true"\n' }], expect: { 'monitoring/metrics-collection': 6 } },
    { name: 'absent', files: [{ path: 'k8s/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n' }], expect: {} },
    { name: 'look-alike: Promtail config and scrape disabled', files: [
      { path: 'promtail.yaml', text: 'clients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n  - job_name: system\n    static_configs:\n      - labels: {__path__: /var/log/*.log}\n' },
      { path: 'k8s/svc.yaml', text: 'kind: Service\nmetadata:\n  annotations:\n    prometheus.io/scrape: "false"\n' },
    ], expect: {} },
  ],
  'alert-rules': [
    {
      name: 'present: PrometheusRule with the seed alerts',
      files: [
        {
          path: 'k8s/alerts.yaml',
          text: [
            'apiVersion: monitoring.coreos.com/v1',
            'kind: PrometheusRule',
            'metadata: {name: app}',
            'spec:',
            '  groups:',
            '    - name: app',
            '      rules:',
            '        - alert: HighErrorRate',
            '          expr: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.01',
            '          labels: {severity: critical}',
            '        - alert: DiskAlmostFull',
            '          expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.2 or (1 - node_filesystem_avail_bytes / node_filesystem_size_bytes) > 0.8',
            '          labels: {severity: warning}',
            '        - alert: SlowRequests',
            '          expr: histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 0.2',
            '        - alert: BackupMissing',
            '          expr: time() - velero_backup_last_successful_timestamp > 86400',
          ].join('\n'),
        },
      ],
      expect: {
        'monitoring/critical-alerts': 8,
        'monitoring/error-rate-alerts': 8,
        'monitoring/capacity-alerts': 11,
        'monitoring/capacity-planning': 11,
        'monitoring/storage-monitoring': 11,
        'monitoring/performance-alerts': 14,
        'backup/backup-monitoring': 16,
      },
    },
    { name: 'absent', files: [{ path: 'values.yaml', text: 'replicaCount: 2\n' }], expect: {} },
    { name: 'look-alike: recording rules only', files: [{ path: 'rules.yml', text: 'groups:\n  - name: rec\n    rules:\n      - record: job:http_errors:rate5m\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m]))\n' }], expect: {} },
    {
      name: 'look-alike: alerts named for what they watch, over no metric or no threshold',
      files: [{ path: 'k8s/alerts.yaml', text: 'kind: PrometheusRule\nspec:\n  groups:\n    - name: fake\n      rules:\n        - alert: SomethingError\n          expr: vector(1)\n          labels: {severity: critical}\n        - alert: HighErrorRate\n          expr: sum(rate(http_requests_total{status=~"5.."}[5m]))\n        - alert: DiskFull\n          expr: vector(0) > 0\n        - alert: BackupFailed\n          expr: time()\n' }],
      expect: {},
    },
  ],
  'alertmanager-routing': [
    { name: 'present: critical route to on-call', files: [{ path: 'alertmanager.yml', text: "route:\n  receiver: 'web.hook'\n  routes:\n  - match:\n      severity: critical\n    receiver: 'critical-alerts'\nreceivers:\n- name: 'web.hook'\n  webhook_configs: [{url: 'http://x'}]\n- name: 'critical-alerts'\n  email_configs: [{to: 'oncall@example.com'}]\n" }], expect: { 'monitoring/escalation-procedures': 4 } },
    { name: 'present: PagerDuty receiver', files: [{ path: 'alertmanager.yml', text: 'route:\n  receiver: pd\nreceivers:\n  - name: pd\n    pagerduty_configs: [{routing_key: x}]\n' }], expect: { 'monitoring/escalation-procedures': 4 } },
    { name: 'absent', files: [{ path: 'app.yml', text: 'route: /api\n' }], expect: {} },
    { name: 'look-alike: one route, one Slack receiver', files: [{ path: 'alertmanager.yml', text: 'route:\n  receiver: slack\nreceivers:\n  - name: slack\n    slack_configs: [{channel: "#alerts"}]\n' }], expect: {} },
  ],
  'log-shipping': [
    { name: 'present: Fluent Bit classic config', files: [{ path: 'logging/fluent-bit.conf', text: '[INPUT]\n    Name tail\n    Path /var/log/containers/*.log\n\n[OUTPUT]\n    Name  loki\n    Match *\n' }], expect: { 'monitoring/centralized-logging': 6 } },
    { name: 'present: Promtail and Loki retention', files: [
      { path: 'promtail.yaml', text: 'clients:\n  - url: http://loki:3100/loki/api/v1/push\n' },
      { path: 'loki.yaml', text: 'limits_config:\n  retention_period: 744h\n' },
    ], expect: { 'monitoring/centralized-logging': 2, 'monitoring/log-retention': 2 } },
    { name: 'present: Vector sink', files: [{ path: 'vector.yaml', text: 'sources:\n  k8s: {type: kubernetes_logs}\nsinks:\n  es:\n    type: elasticsearch\n    inputs: [k8s]\n' }], expect: { 'monitoring/centralized-logging': 4 } },
    { name: 'absent', files: [{ path: 'config.yaml', text: 'server:\n  port: 80\n' }], expect: {} },
    { name: 'look-alike: stdout output and short retention', files: [
      { path: 'fluent-bit.conf', text: '[OUTPUT]\n    Name stdout\n    Match *\n' },
      { path: 'loki.yaml', text: 'limits_config:\n  retention_period: 168h\n' },
    ], expect: {} },
  ],
  'env-settings': [
    {
      name: 'present: Kubernetes env',
      files: [{ path: 'k8s/deploy.yaml', text: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: LOG_FORMAT\n              value: json\n            - name: LOG_LEVEL\n              value: info\n            - name: SENTRY_DSN\n              valueFrom: {secretKeyRef: {name: s, key: dsn}}\n            - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel:4317\n            - name: DD_AGENT_HOST\n              valueFrom: {fieldRef: {fieldPath: status.hostIP}}\n' }],
      expect: { 'monitoring/structured-logging': 8, 'monitoring/log-levels': 10, 'monitoring/error-tracking': 12, 'monitoring/distributed-tracing': 14, 'monitoring/performance-monitoring': 16 },
    },
    { name: 'present: Compose list form', files: [{ path: 'docker-compose.yml', text: 'services:\n  app:\n    environment:\n      - LOG_FORMAT=json\n' }], expect: { 'monitoring/structured-logging': 4 } },
    { name: 'absent', files: [{ path: 'docker-compose.yml', text: 'services:\n  app:\n    environment:\n      - NODE_ENV=production\n' }], expect: {} },
    {
      name: 'look-alike: json-file logging driver, debug level, tracing off, empty DSN',
      files: [{ path: 'docker-compose.yml', text: 'services:\n  app:\n    logging:\n      driver: "json-file"\n    environment:\n      LOG_LEVEL: debug\n      OTEL_TRACES_EXPORTER: none\n      SENTRY_DSN: ""\n' }],
      expect: {},
    },
  ],
  'otel-collector': [
    { name: 'present: traces pipeline', files: [{ path: 'otel-collector.yaml', text: 'receivers:\n  otlp: {protocols: {grpc: {}}}\nexporters:\n  otlp/tempo: {endpoint: tempo:4317}\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp/tempo]\n' }], expect: { 'monitoring/distributed-tracing': 7 } },
    { name: 'absent', files: [{ path: 'x.yaml', text: 'a: 1\n' }], expect: {} },
    { name: 'look-alike: metrics-only collector', files: [{ path: 'otel-collector.yaml', text: 'receivers:\n  prometheus: {}\nexporters:\n  prometheusremotewrite: {}\nservice:\n  pipelines:\n    metrics:\n      receivers: [prometheus]\n      exporters: [prometheusremotewrite]\n' }], expect: {} },
  ],
  'workload-images': [
    { name: 'present: the seed compose file', files: [{ path: 'docker-compose.production.yml', text: 'services:\n  prometheus:\n    image: prom/prometheus\n  cache:\n    image: redis:7-alpine\n  pool:\n    image: bitnami/pgbouncer:1.22\n' }], expect: { 'monitoring/metrics-collection': 3, 'performance/caching': 5, 'performance/connection-pooling': 7 } },
    { name: 'present: log shipper DaemonSet', files: [{ path: 'k8s/fluent-bit.yaml', text: 'kind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n        - name: fb\n          image: cr.fluentbit.io/fluent/fluent-bit:3.0\n' }], expect: { 'monitoring/centralized-logging': 7 } },
    { name: 'absent', files: [{ path: 'docker-compose.yml', text: 'services:\n  app:\n    image: myorg/api:1.2\n' }], expect: {} },
    { name: 'look-alike: redis exporter and a vector-tiles app', files: [{ path: 'docker-compose.yml', text: 'services:\n  exp:\n    image: oliver006/redis_exporter\n  tiles:\n    image: myorg/vector-tiles:1\n' }], expect: { 'monitoring/database-monitoring': 3 } },
  ],
  'load-test-script': [
    {
      name: 'present: k6 script with thresholds and a stress scenario',
      files: [{ path: 'load/api.js', text: "import http from 'k6/http';\nexport const options = {\n  scenarios: {\n    stress: { executor: 'ramping-vus', stages: [] },\n  },\n  thresholds: {\n    http_req_duration: ['p(95)<200'],\n  },\n};\nexport default function () { http.get('https://x'); }\n" }],
      expect: { 'performance/load-testing': 1, 'performance/performance-budgets': 7, 'performance/response-times': 7, 'performance/stress-testing': 3 },
    },
    { name: 'present: JMeter plan', files: [{ path: 'perf/plan.jmx', text: '<?xml version="1.0"?>\n<jmeterTestPlan version="1.2">\n  <hashTree><ThreadGroup testname="users"/></hashTree>\n</jmeterTestPlan>\n' }], expect: { 'performance/load-testing': 2 } },
    { name: 'present: Locust', files: [{ path: 'locustfile.py', text: 'from locust import HttpUser, task\n\nclass Api(HttpUser):\n    @task\n    def home(self):\n        self.client.get("/")\n' }], expect: { 'performance/load-testing': 1 } },
    { name: 'absent: a helper in the load folder', files: [{ path: 'load/helpers.js', text: 'export function pick(list) { return list[0]; }\n' }], expect: {} },
    { name: 'look-alike: mentions k6 in a comment', files: [{ path: 'k6/README.js', text: "// TODO: write a k6 script, import http from 'k6/http'\nexport default function () {}\n" }], expect: {} },
    {
      name: 'look-alike: a commented-out budget, and one looser than the P95 target',
      files: [{ path: 'load/api.js', text: "import http from 'k6/http';\nexport const options = {\n  // thresholds: { http_req_duration: ['p(95)<200'] },\n  thresholds: { http_req_duration: ['p(95)<800'] },\n};\nexport default function () { http.get('https://x'); }\n" }],
      expect: { 'performance/load-testing': 1 },
    },
  ],
  'progressive-delivery': [
    { name: 'present: Argo canary with analysis', files: [{ path: 'k8s/rollout.yaml', text: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: app}\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 20\n        - analysis: {templates: [{templateName: success-rate}]}\n' }], expect: { 'deployment/deployment-strategy': 1, 'deployment/rollback-capability': 1 } },
    { name: 'present: Flagger Canary', files: [{ path: 'k8s/canary.yaml', text: 'apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: app}\nspec: {}\n' }], expect: { 'deployment/deployment-strategy': 1, 'deployment/rollback-capability': 1 } },
    { name: 'absent: plain Deployment', files: [{ path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\n' }], expect: {} },
    { name: 'look-alike: a Rollout without a canary or blue-green strategy', files: [{ path: 'k8s/rollout.yaml', text: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: app}\nspec: {replicas: 2}\n' }], expect: {} },
  ],
  'backup-schedule': [
    { name: 'present: Velero schedule with 30-day ttl', files: [{ path: 'k8s/velero.yaml', text: 'apiVersion: velero.io/v1\nkind: Schedule\nmetadata: {name: daily}\nspec:\n  schedule: "0 3 * * *"\n  template:\n    ttl: 720h0m0s\n' }], expect: { 'backup/automated-backups': 1, 'backup/backup-frequency': 5, 'backup/backup-retention': 7 } },
    {
      name: 'present: pg_dump CronJob',
      files: [{ path: 'k8s/backup.yaml', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: db-backup}\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: dump\n              image: postgres:16\n              command: ["/bin/sh", "-c", "pg_dump -Fc app | gzip > /backup/app.gz"]\n' }],
      expect: { 'backup/automated-backups': 1, 'backup/backup-frequency': 5 },
    },
    { name: 'absent', files: [{ path: 'k8s/app.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\n' }], expect: {} },
    {
      name: 'look-alike: a CronJob named backup that only echoes',
      files: [{ path: 'k8s/backup.yaml', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: b\n              image: busybox\n              command: ["sh", "-c", "echo pg_dump skipped"]\n' }],
      expect: {},
    },
  ],
  'backup-script': [
    {
      name: 'present: the seed backup script',
      files: [
        {
          path: 'scripts/backup-database.sh',
          text: '#!/bin/bash\nset -euo pipefail\nRETENTION_DAYS=30\npg_dump -h "$DB_HOST" -U "$DB_USER" -d "$DB_NAME" --format=custom | gzip > "$BACKUP_FILE"\naws s3 cp "$BACKUP_FILE" "s3://$S3_BUCKET/database/" \\\n  --server-side-encryption AES256\ncurl -X POST "$SLACK_WEBHOOK" --data \'{"text":"ok"}\'\n',
        },
      ],
      expect: { 'backup/automated-backups': 4, 'backup/backup-encryption': 5, 'backup/backup-retention': 3, 'backup/backup-monitoring': 7 },
    },
    { name: 'present: restore test', files: [{ path: 'scripts/backup/restore-test.sh', text: '#!/bin/sh\npg_restore -d restore_check latest.dump\n' }], expect: { 'backup/backup-testing': 2 } },
    { name: 'present: restore through a pipe', files: [{ path: 'scripts/backup/restore-test.sh', text: '#!/bin/sh\ngunzip -c latest.sql.gz | psql -d restore_check\n' }], expect: { 'backup/backup-testing': 2 } },
    {
      name: 'look-alike: listing a backup, printing it, and a 7-day retention',
      files: [{ path: 'scripts/backup/check.sh', text: '#!/bin/sh\nRETENTION_DAYS=7\npg_dump app > /backups/app.sql\npg_restore --list latest.dump\npg_restore latest.dump > /dev/null\n' }],
      expect: { 'backup/automated-backups': 3 },
    },
    { name: 'absent', files: [{ path: 'scripts/backup/cleanup.sh', text: '#!/bin/sh\nrm -rf /tmp/x\n' }], expect: {} },
    { name: 'look-alike: commented and echoed pg_dump', files: [{ path: 'scripts/backup.sh', text: '#!/bin/sh\n# pg_dump -Fc app > app.dump\necho "run pg_dump manually"\n' }], expect: {} },
  ],
  'recovery-objectives': [
    { name: 'present: the seed DR runbook', files: [{ path: 'docs/disaster-recovery-runbook.yml', text: 'disaster_recovery:\n  rto: "15 minutes"\n  rpo: "5 minutes"\n  procedures:\n    database_failure:\n      steps:\n        1: "Verificar status"\n' }], expect: { 'backup/rto-defined': 2, 'backup/rpo-defined': 3, 'backup/dr-procedures': 1 } },
    { name: 'present: Markdown', files: [{ path: 'docs/dr.md', text: '# DR\n\n- **RTO**: 15 min\n- **RPO**: 5 minutos\n' }], expect: { 'backup/rto-defined': 3, 'backup/rpo-defined': 4 } },
    { name: 'absent', files: [{ path: 'docs/ops.md', text: '# Ops\n\nNothing here.\n' }], expect: {} },
    { name: 'look-alike: objectives without values', files: [{ path: 'docs/dr.md', text: '# DR\n\nWe still need to define the RTO and the RPO.\n\n- RTO: TBD\n' }], expect: {} },
    { name: 'look-alike: a placeholder before a value, and an objective outside the target', files: [{ path: 'docs/dr.md', text: '# DR\n\n- rto: TBD 4 hours\n- RPO: 2 hours\n' }], expect: {} },
    { name: 'look-alike: a DR plan whose steps are placeholders', files: [{ path: 'docs/dr-plan.yml', text: 'disaster_recovery:\n  procedures:\n    database_failure:\n      steps:\n        - TODO\n        - TBD\n' }], expect: {} },
  ],
  'openapi-spec': [
    { name: 'present: OpenAPI 3', files: [{ path: 'api/openapi.yaml', text: 'openapi: 3.0.3\ninfo: {title: Users, version: "1"}\npaths:\n  /users: {get: {responses: {"200": {description: ok}}}}\n' }], expect: { 'documentation/api-documentation': 1 } },
    { name: 'present: Swagger 2 JSON', files: [{ path: 'swagger.json', text: '{"swagger": "2.0", "info": {"title": "x"}, "paths": {"/a": {}}}' }], expect: { 'documentation/api-documentation': 1 } },
    { name: 'absent', files: [{ path: 'config.yaml', text: 'server: {port: 80}\n' }], expect: {} },
    { name: 'look-alike: a nested openapi flag and an empty spec', files: [
      { path: 'values.yaml', text: 'features:\n  openapi: 3.0\npaths: {}\n' },
      { path: 'openapi.yaml', text: 'openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n' },
    ], expect: {} },
  ],
  'doc-runbook': [
    { name: 'present: runbooks folder with steps', files: [{ path: 'docs/runbooks/restart-api.md', text: '# Restart the API\n\nWhen the API stops answering:\n\n1. Check the pods: `kubectl get pods`\n2. Restart: `kubectl rollout restart deploy/api`\n3. Verify /health\n' }], expect: { 'documentation/runbooks': 1 } },
    { name: 'present: runbook section in a README', files: [{ path: 'README.md', text: '# App\n\n## Runbook\n\nRotate the keys:\n\n1. Create the new key\n2. Deploy\n3. Revoke the old key\n\n## License\nMIT\n' }], expect: { 'documentation/runbooks': 3 } },
    { name: 'absent', files: [{ path: 'README.md', text: '# App\n\nA service.\n' }], expect: {} },
    { name: 'look-alike: a README that mentions the runbook', files: [{ path: 'README.md', text: '# App\n\nSee the runbook for operations; the runbook lives in the wiki.\nAsk the SRE team for the runbook link.\nMore text here.\n' }], expect: {} },
    { name: 'look-alike: a runbook heading without steps', files: [{ path: 'docs/ops.md', text: '# Operations\n\n## Runbooks\n\nTo be written.\nWe will add runbooks later.\nAsk the team.\n' }], expect: {} },
    { name: 'look-alike: a runbook of lorem ipsum and TODO steps', files: [{ path: 'docs/runbooks/restart.md', text: '# Restart\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor incididunt ut labore.\n\n1. TODO\n2. TBD\n\n```\n```\n' }], expect: {} },
  ],
  'doc-security': [
    { name: 'present: SECURITY.md', files: [{ path: 'SECURITY.md', text: '# Security Policy\n\n## Reporting a Vulnerability\n\nE-mail security@example.com with details.\nWe answer within 2 business days.\nWe publish advisories on GitHub.\n' }], expect: { 'documentation/security-documentation': 1 } },
    { name: 'absent', files: [{ path: 'docs/intro.md', text: '# Intro\n\nHello.\n' }], expect: {} },
    { name: 'look-alike: an empty SECURITY.md stub', files: [{ path: 'SECURITY.md', text: '# Security\n\nTODO\n' }], expect: {} },
  ],
  'doc-sla': [
    { name: 'present: SLA document', files: [{ path: 'docs/sla.md', text: '# Service levels\n\n| Metric | Target |\n|---|---|\n| Availability | 99.9% |\n| P95 latency | 200 ms |\n' }], expect: { 'documentation/sla-documentation': 1 } },
    { name: 'absent', files: [{ path: 'docs/intro.md', text: '# Intro\n\nHello.\n' }], expect: {} },
    { name: 'look-alike: SLA mentioned without a target', files: [{ path: 'README.md', text: '# App\n\n## SLA\n\nWe take our SLA seriously.\nThe SLA is agreed with each customer.\nContact sales for details.\n' }], expect: {} },
  ],
  'doc-breach-notification': [
    { name: 'present: breach process with deadline', files: [{ path: 'docs/security/incidents.md', text: '# Incidents\n\n## Breach notification\n\nThe DPO notifies the ANPD within 72 hours.\nData subjects are informed by e-mail.\nLegal reviews every notice.\n' }], expect: { 'security/breach-notification': 3 } },
    { name: 'absent', files: [{ path: 'docs/intro.md', text: '# Intro\n\nHello.\n' }], expect: {} },
    { name: 'look-alike: vulnerability reporting is not breach notification', files: [{ path: 'SECURITY.md', text: '# Security Policy\n\n## Reporting a Vulnerability\n\nE-mail security@example.com.\nWe answer within 2 days.\nThanks.\n' }], expect: {} },
  ],
  'doc-contacts': [
    { name: 'present: on-call contacts', files: [{ path: 'docs/contacts.md', text: '# Contacts\n\n- Primary on-call: +55 11 99999-9999\n- Channel: #incidents\n' }], expect: { 'documentation/contact-information': 1 } },
    { name: 'absent', files: [{ path: 'docs/intro.md', text: '# Intro\n\nHello.\n' }], expect: {} },
    { name: 'look-alike: a contacts heading with no way to reach anyone', files: [{ path: 'README.md', text: '# App\n\n## Contact\n\nReach out to the team.\nWe are friendly.\n' }], expect: {} },
  ],
  ...COMPOSE_EVIDENCE_CASES,
};

const ALL_CASES: Record<string, Case[]> = { ...CASES, ...INFRA_CASES };
const SEED_TARGETS = new Map(resolveTargets({}, 'en').map((target) => [target.id, target]));

/**
 * What a detector (or a join) proves in these files, as the checklist counts evidence: facts are
 * joined, and a value outside the seed's target is not evidence.
 */
function hitsOf(detector: string, files: Case['files']) {
  const result = joinFacts(runDetectors(files));
  const found: Record<string, number | true> = {};
  for (const [item, hits] of result) {
    if (item.startsWith('declared:')) continue;
    const mine = hits.filter((hit) => hit.detector === detector && (!hit.declared || meets(SEED_TARGETS.get(hit.declared.target)!, hit.declared.value)));
    if (mine.length) found[item] = mine[0].line === undefined ? true : mine[0].line + 1;
  }
  return { found, result };
}

describe('evidence detectors', () => {
  for (const [detector, cases] of Object.entries(ALL_CASES)) {
    describe(detector, () => {
      for (const testCase of cases) {
        test(testCase.name, () => {
          const { found } = hitsOf(detector, testCase.files);
          const expected = Object.fromEntries(Object.entries(testCase.expect).map(([item, line]) => [item, line]));
          assert.deepEqual(found, expected);
        });
      }
    });
  }

  test('every source of evidence has a table with a look-alike, except single-topic documents covered by the generic doc test', () => {
    const docTopics = DETECTORS.filter((detector) => detector.id.startsWith('doc-')).map((detector) => detector.id);
    const uncovered = EVIDENCE_SOURCES.map((source) => source.id).filter((id) => id !== 'application-info' && !(id in ALL_CASES) && !docTopics.includes(id));
    assert.deepEqual(uncovered, []);
    for (const [id, cases] of Object.entries(ALL_CASES)) assert.ok(cases.some((testCase) => testCase.name.startsWith('look-alike')), `${id} has a look-alike case`);
  });

  test('every hit says what, why and where', () => {
    const all = Object.values(ALL_CASES).flatMap((cases) => cases.flatMap((testCase) => testCase.files));
    for (const locale of ['en', 'pt-BR'] as const) {
      for (const [item, hits] of joinFacts(runDetectors(all, locale), locale)) {
        if (item.startsWith('declared:')) continue;
        for (const hit of hits) {
          assert.ok(hit.what.length > 0 && hit.why.length > 0, `${item}: ${JSON.stringify(hit)}`);
          assert.ok(!hit.file.includes('\\'), hit.file);
        }
      }
    }
  });

  test('pt-BR hits are translated', () => {
    const files = CASES['backup-script'][0].files;
    const hit = runDetectors(files, 'pt-BR').get('backup/backup-retention')![0];
    assert.equal(hit.what, 'Retenção de 30 dias');
    assert.match(hit.why, /retenção/);
  });

  test('pre-parsed YAML roots are used instead of parsing the text again', () => {
    const text = 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: app\n';
    const yamlRoots = parseAllDocuments(text).map((document) => document.contents);
    const hits = runDetectors([{ path: 'k8s/sm.yaml', text, yamlRoots }]).get('monitoring/metrics-collection');
    assert.equal(hits?.[0].what, 'ServiceMonitor app');
    const stale = runDetectors([{ path: 'k8s/sm.yaml', text, yamlRoots: [] }]);
    assert.equal(stale.size, 0, 'the given roots are trusted, not re-parsed');
  });

  test('CustomResourceDefinitions are schemas, never evidence', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  example:\n    scrape_configs:\n      - job_name: x\n    env:\n      - name: LOG_FORMAT\n        value: json\n';
    assert.equal(runDetectors([{ path: 'crds/x.yaml', text: crd }]).size, 0);
  });

  test('nothing throws on odd input', () => {
    const odd = [
      { path: 'a.yaml', text: 'key: [unclosed\n  - : :\n' },
      { path: '.github/workflows/x.yml', text: 'jobs: 3\n' },
      { path: '.github/workflows/y.yml', text: 'jobs:\n  a: [1, 2]\n  b:\n    steps: {run: 1}\n' },
      { path: '.gitlab-ci.yml', text: '- a\n- b\n' },
      { path: 'docs/x.md', text: '```\n# not a heading\n' },
      { path: 'openapi.json', text: '{' },
      { path: 'load/x.js', text: '' },
      { path: 'scripts/backup.sh', text: 'pg_dump "unterminated\n' },
      { path: 'k8s/x.yaml', text: '---\n---\nkind: CronJob\nspec: 1\n' },
    ];
    assert.doesNotThrow(() => runDetectors(odd));
  });
});

describe('isEvidenceCandidate', () => {
  const yes = [
    '.github/workflows/ci.yml',
    '.gitlab-ci.yml',
    'README.md',
    'services/api/README.md',
    'SECURITY.md',
    '.github/SECURITY.md',
    'docs/runbooks/restart.md',
    'docs/architecture.md',
    'k8s/deploy.yaml',
    'monitoring/prometheus.yml',
    'load/api.js',
    'perf/checkout.ts',
    'tests/k6/smoke.js',
    'plan.jmx',
    'locustfile.py',
    'scripts/backup-db.sh',
    'scripts/backup/restore.sh',
    'api/openapi.json',
    'swagger.json',
    'fluent-bit.conf',
    'vector.toml',
    'main.tf',
    'infra/modules/db/main.tf',
    'nginx/nginx.conf',
    'conf.d/api.conf',
    'db/migrations/001_init.sql',
    '.github/CODEOWNERS',
    'CODEOWNERS',
    'renovate.json',
  ];
  const no = [
    'src/index.ts',
    'src/components/Button.js',
    'node_modules/pkg/README.md',
    'node_modules/pkg/config.yml',
    'vendor/x/docs/a.md',
    'src/notes.md',
    'scripts/build.sh',
    'package.json',
    'Dockerfile',
    'src/CODEOWNERS',
    'app/settings.py',
  ];
  for (const path of yes) test(`reads ${path}`, () => assert.equal(isEvidenceCandidate(path), true));
  for (const path of no) test(`skips ${path}`, () => assert.equal(isEvidenceCandidate(path), false));
});
