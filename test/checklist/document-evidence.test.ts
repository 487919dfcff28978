/**
 * Evidence read document by document (DocumentEvidence) is, after each of a sequence of edits, the
 * evidence detectFile reads from the final text from scratch: random keystrokes, cut lines,
 * document markers typed and deleted, documents moved, on a manifest where every per-document
 * detector and several whole-file ones find something; and on the multi-document manifests of the real corpus.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DocumentEvidence } from '../../server/src/checklist/evidence/documents';
import { detectFile, DETECTORS } from '../../server/src/checklist/evidence/index';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../../server/src/engine/files';
import { parseKubernetes, type KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { randomEdit, seededRandom } from '../helpers/synthetic';

const PATH = 'deploy/platform.yaml';
const CORPUS = resolve(__dirname, '../../../shared/corpus/real/k8s');

const DOCUMENTS = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    prometheus.io/scrape: "true"
spec:
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.2.3
          ports: [{ containerPort: 8080, name: http }]
          env:
            - { name: LOG_FORMAT, value: json }
            - { name: LOG_LEVEL, value: info }
            - { name: SENTRY_DSN, valueFrom: { secretKeyRef: { name: sentry, key: dsn } } }
          envFrom: [{ configMapRef: { name: api-config } }]
`,
  `apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  selector: { app: api }
  ports: [{ port: 80, targetPort: http }]
`,
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec:
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 65 } }
    - type: Resource
      resource: { name: memory, target: { type: Utilization, averageUtilization: 75 } }
`,
  `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: api-tls }
spec:
  secretName: api-tls
  issuerRef: { name: letsencrypt, kind: ClusterIssuer }
`,
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: admin
  annotations:
    nginx.ingress.kubernetes.io/auth-url: https://oauth2.example.com/oauth2/auth
    nginx.ingress.kubernetes.io/limit-rps: "10"
    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8
    external-dns.alpha.kubernetes.io/hostname: admin.example.com
spec:
  rules:
    - host: admin.example.com
`,
  `apiVersion: apps/v1
kind: Deployment
metadata: { name: platform }
spec:
  template:
    spec:
      containers:
        - { name: dns, image: registry.k8s.io/external-dns/external-dns:v0.14.0 }
        - { name: proxy, image: quay.io/oauth2-proxy/oauth2-proxy:v7.5.1 }
        - { name: cache, image: redis:7.2 }
        - { name: metrics, image: prom/prometheus:v2.48.0 }
        - name: shipper
          image: fluent/fluent-bit:2.2
          env: [{ name: OTEL_EXPORTER_OTLP_ENDPOINT, value: http://collector:4317 }]
`,
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
  annotations:
    runbook: "RTO: 4 hours, RPO: 15 minutes"
data:
  log-format-upstream: '$remote_addr $req_id $status'
`,
  `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: { name: api }
spec:
  groups:
    - name: api
      rules:
        - alert: ApiErrors
          expr: sum(rate(http_requests_total{status=~"5.."}[5m])) > 1
          labels: { severity: critical }
`,
  `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
`,
  `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web }
spec:
  strategy:
    canary:
      steps: [{ setWeight: 20 }]
`,
  `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: api }
spec:
  strategy:
    canary:
      analysis: { templates: [{ templateName: success-rate }] }
`,
  `route:
  receiver: default
  routes:
    - matchers: ['severity="critical"']
      receiver: oncall
receivers:
  - name: default
  - name: oncall
    pagerduty_configs: [{ routing_key: key }]
`,
  `receivers:
  otlp: { protocols: { grpc: {} } }
exporters:
  otlphttp: { endpoint: https://tempo.example.com }
service:
  pipelines:
    traces: { receivers: [otlp], exporters: [otlphttp] }
`,
];

/** A random edit, and now and then one that moves a whole document or types or deletes a `---` line. */
function edit(text: string, random: () => number): string {
  const choice = random();
  if (choice < 0.1) {
    const documents = text.split(/^---\n/m);
    if (documents.length < 2) return text;
    const [from, to] = [Math.floor(random() * documents.length), Math.floor(random() * documents.length)];
    const [moved] = documents.splice(from, 1);
    documents.splice(to, 0, moved);
    return documents.join('---\n');
  }
  if (choice < 0.15) {
    const at = text.indexOf('\n', Math.floor(random() * text.length)) + 1;
    return `${text.slice(0, at)}---\n${text.slice(at)}`;
  }
  if (choice < 0.2) {
    const at = text.indexOf('---\n', Math.floor(random() * text.length));
    return at < 0 ? text : text.slice(0, at) + text.slice(at + 4);
  }
  if (choice < 0.22) return `${text}---\n${DOCUMENTS[Math.floor(random() * DOCUMENTS.length)]}`;
  const { start, end, newText } = randomEdit(text, random);
  return text.slice(0, start) + newText + text.slice(end);
}

const input = (text: string, model: KubernetesModel) => ({ path: PATH, text, yamlRoots: model.documents.map((document) => document.root), yamlDocuments: model.documents.map(({ span, hasErrors }) => ({ span, hasErrors })) });

describe('evidence read document by document', () => {
  it('finds on the manifest what detectFile finds, from every per-document detector', () => {
    const text = DOCUMENTS.join('---\n');
    const expected = detectFile(input(text, parseKubernetes(text, PATH)));
    assert.deepEqual(new DocumentEvidence().detect(input(text, parseKubernetes(text, PATH)), 'en'), expected);
    const found = new Set(expected.map(({ hit }) => hit.detector));
    for (const detector of DETECTORS.filter((candidate) => candidate.perDocument)) assert.ok(found.has(detector.id), `${detector.id} finds nothing in the test manifest`);
    assert.ok(found.has('recovery-objectives'), 'a whole-file detector finds something too');
  });

  for (const locale of ['en', 'pt-BR'] as const) {
    it(`gives detectFile's hits after each of 150 random edits (${locale})`, () => {
      const random = seededRandom(locale === 'en' ? 7 : 11);
      const documents = new DocumentEvidence();
      let text = DOCUMENTS.join('---\n');
      let model = parseKubernetes(text, PATH);
      for (let step = 0; step < 150; step++) {
        text = edit(text, random);
        model = parseKubernetes(text, PATH, model);
        const incremental = documents.detect(input(text, model), locale);
        const fresh = detectFile(input(text, parseKubernetes(text, PATH)), locale);
        assert.deepEqual(incremental, fresh, `step ${step}`);
      }
    });
  }

  it('gives no evidence for a file of CRDs only, and evidence again once another kind is added', () => {
    const documents = new DocumentEvidence();
    const crds = `${DOCUMENTS[8]}---\n${DOCUMENTS[8].replace('widgets', 'gadgets')}`;
    const detect = (text: string) => documents.detect(input(text, parseKubernetes(text, PATH)), 'en');
    assert.deepEqual(detect(crds), []);
    const mixed = `${crds}---\n${DOCUMENTS[1]}`;
    assert.deepEqual(detect(mixed), detectFile(input(mixed, parseKubernetes(mixed, PATH))));
    assert.notDeepEqual(detect(mixed), []);
  });

  it('finds on every real-world multi-document manifest what detectFile finds, and each hint matches a file when it matches one of its documents', (t) => {
    if (!existsSync(CORPUS)) return t.skip('corpus not present');
    let checked = 0;
    for (const name of readdirSync(CORPUS).filter((candidate) => /\.ya?ml$/.test(candidate))) {
      const absolute = join(CORPUS, name);
      if (statSync(absolute).size > DEFAULT_MAX_FILE_SIZE_KB * 1024) continue;
      const text = readFileSync(absolute, 'utf8');
      const pieces = text.split(/^(?=---(?:[ \t\r\n]|$))/m);
      if (pieces.length < 2) continue;
      const path = name.replace(/__/g, '/');
      const model = parseKubernetes(text, path);
      assert.deepEqual(new DocumentEvidence().detect({ ...input(text, model), path }, 'en'), detectFile({ ...input(text, model), path }), name);
      for (const detector of DETECTORS) if (detector.textHint) assert.equal(pieces.some((piece) => detector.textHint!.test(piece)), detector.textHint.test(text), `${detector.id} on ${name}`);
      checked++;
    }
    assert.ok(checked > 50, `only ${checked} manifests checked`);
  });
});
