import rule from '../../../rules/k8s/pod-disruption-budget';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (replicas: number, namespace = 'shop') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  replicas: ${replicas}\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n`;
const pdb = (namespace: string, selector: string, apiVersion = 'policy/v1') =>
  `apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  maxUnavailable: 1\n${selector}`;
const byApp = (app: string) => `  selector:\n    matchLabels:\n      app: ${app}\n`;
const hpa = (min: number, max: number) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: ${min}\n  maxReplicas: ${max}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'budget in another file', code: deployment(3), files: { 'pdb.yaml': pdb('shop', byApp('web')) }, inspected: ['workload'] },
    { name: 'budget in the same file', code: `${deployment(2)}---\n${pdb('shop', byApp('web'))}` },
    { name: 'a budget selecting by expressions', code: deployment(2), files: { 'pdb.yaml': pdb('shop', '  selector:\n    matchExpressions:\n    - {key: tier, operator: Exists}\n') } },
    { name: 'an empty selector in policy/v1 selects every pod of the namespace', code: deployment(2), files: { 'pdb.yaml': pdb('shop', '  selector: {}\n') } },
    { name: 'one replica needs no budget', code: deployment(1) },
    { name: 'an unknown count is not judged', code: deployment(1).replace('replicas: 1', 'replicas: ${REPLICAS}') },
    {
      name: 'a Job is not budgeted',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  parallelism: 3\n  template:\n    spec:\n      containers:\n      - name: j\n',
      inspected: [],
    },
    { name: 'a DaemonSet is not evicted by a drain', code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n', inspected: [] },
  ],
  invalid: [
    {
      code: deployment(3),
      inspected: ['workload'],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Deployment "web" runs 3 replicas but no PodDisruptionBudget in namespace shop selects its pods; add one with minAvailable or maxUnavailable.' }],
      output: null,
    },
    {
      name: 'budgets in another namespace, selecting other pods, without a selector, or without metadata do not count',
      code: deployment(2),
      files: {
        'a.yaml': pdb('other', byApp('web')),
        'b.yaml': pdb('shop', byApp('api')),
        'c.yaml': pdb('shop', ''),
        'd.yaml': `apiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n${byApp('web')}`,
        'e.yaml': pdb('shop', '  selector: {}\n', 'policy/v1beta1'),
        'f.yaml': pdb('shop', '  selector:\n    matchExpressions:\n    - {key: tier, operator: DoesNotExist}\n'),
      },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'an autoscaler that may run two or more',
      code: deployment(1),
      files: { 'hpa.yaml': hpa(1, 5) },
      errors: [{ messageId: 'scaled', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Deployment "web" may be scaled to 5 replicas but no PodDisruptionBudget in namespace shop selects its pods; add one with minAvailable or maxUnavailable.' }],
      output: null,
    },
    {
      name: 'an OpenShift DeploymentConfig',
      code: deployment(2).replace('apps/v1\nkind: Deployment', 'apps.openshift.io/v1\nkind: DeploymentConfig'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});
