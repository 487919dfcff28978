/** Kubernetes fixes land where a person would write the key, and their titles say what comes next. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile, applyEdits } from '../../server/src/engine/analyze';
import type { Locale } from '../../server/src/i18n';
import { initKinds } from '../../server/src/kinds';
import { kubernetesSupport } from '../../server/src/kinds/kubernetes';
import { k8sRules } from '../../rules/k8s';
import { workspaceOf } from '../helpers/rule-tester';

/** A 30-line Deployment whose spec ends far below `spec:`, as real ones do. */
const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      containers:',
  '      - name: app',
  '        image: ghcr.io/example/web:1.4.2',
  '        ports:',
  '        - containerPort: 8080',
  '        env:',
  '        - name: A',
  '          value: "1"',
  '        - name: B',
  '          value: "2"',
  '        volumeMounts:',
  '        - name: tmp',
  '          mountPath: /tmp',
  '      volumes:',
  '      - name: tmp',
  '        emptyDir: {}',
  '',
].join('\n');

function fixOf(text: string, ruleId: string, locale: Locale = 'en', files: Record<string, string> = {}) {
  const model = kubernetesSupport.parse(text, '/work/deploy.yaml');
  const others = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, kubernetesSupport.parse(content, path)]));
  const finding = analyzeFile({ model, rules: k8sRules, settings: { locale }, workspace: workspaceOf({ [model.path]: model, ...others }) }).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding?.fix, `${ruleId} offers a fix`);
  const [edit] = finding.fix.edits;
  // The 1-based line where the inserted key appears in the fixed text.
  const line = text.slice(0, edit.start).split('\n').length + (edit.newText.startsWith('\n') ? 1 : 0);
  return { title: finding.fix.title, text: applyEdits(text, finding.fix.edits), line };
}

describe('kubernetes fix placement and titles', () => {
  before(() => initKinds());

  const placements: [string, string, number][] = [
    ['k8s/replicas', 'spec:\n  replicas: 2\n  selector:', 7],
    ['k8s/run-as-non-root', '        image: ghcr.io/example/web:1.4.2\n        securityContext:\n          runAsNonRoot: true\n        ports:', 18],
    ['k8s/read-only-root-fs', '        image: ghcr.io/example/web:1.4.2\n        securityContext:\n          allowPrivilegeEscalation: false\n', 18],
    ['k8s/liveness-probe', '        - containerPort: 8080\n        livenessProbe:\n', 20],
    ['k8s/resource-requests', '        - containerPort: 8080\n        resources:\n          requests:\n', 20],
    ['k8s/service-account-token', '    spec:\n      automountServiceAccountToken: false\n      containers:', 15],
  ];
  for (const [ruleId, expected, line] of placements) {
    it(`${ruleId} inserts its key where a person would write it (line ${line}), not at the end of the map`, () => {
      const fix = fixOf(DEPLOYMENT, ruleId);
      assert.ok(fix.text.includes(expected), fix.text);
      assert.equal(fix.line, line);
    });
  }

  it('k8s/rolling-update puts the strategy right after replicas', () => {
    const eight = DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  replicas: 8\n  selector:');
    assert.ok(fixOf(eight, 'k8s/rolling-update').text.includes('  replicas: 8\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n  selector:'));
  });

  it('the replicas fix says which next steps two replicas bring up', () => {
    assert.equal(fixOf(DEPLOYMENT, 'k8s/replicas').title, 'Set replicas to 2 (next step: k8s/pod-disruption-budget, k8s/anti-affinity)');
    assert.equal(fixOf(DEPLOYMENT, 'k8s/replicas', 'pt-BR').title, 'Definir replicas como 2 (próximo passo: k8s/pod-disruption-budget, k8s/anti-affinity)');
    const budget = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
    assert.equal(fixOf(DEPLOYMENT, 'k8s/replicas', 'en', { '/work/pdb.yaml': budget }).title, 'Set replicas to 2 (next step: k8s/anti-affinity)');
    const recreate = DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  strategy:\n    type: Recreate\n  selector:');
    assert.equal(fixOf(recreate, 'k8s/replicas').title, 'Set replicas to 2 (next step: k8s/pod-disruption-budget, k8s/anti-affinity, k8s/rolling-update)');
  });

  it('fix titles are translated', () => {
    assert.equal(fixOf(DEPLOYMENT, 'k8s/read-only-root-fs', 'pt-BR').title, 'Endurecer o securityContext do container');
    assert.equal(fixOf(DEPLOYMENT, 'k8s/service-account-token', 'pt-BR').title, 'Definir automountServiceAccountToken: false no pod');
  });
});
