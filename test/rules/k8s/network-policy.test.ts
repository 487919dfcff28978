import rule from '../../../rules/k8s/network-policy';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (podSpec = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n${podSpec}      containers:\n      - name: app\n        image: app:1.0.0\n`;
const policy = (namespace: string, podSelector = '{}', extra = '  policyTypes: [Ingress]\n') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: ${namespace}\nspec:\n  podSelector: ${podSelector}\n${extra}`;

runRuleTests(rule, {
  valid: [
    { name: 'default-deny policy in another file', code: deployment(), files: { 'netpol.yaml': policy('shop') }, inspected: ['workload'] },
    { name: 'policy in the same file', code: `${deployment()}---\n${policy('shop')}` },
    { name: 'a policy selecting the pod by label', code: deployment(), files: { 'netpol.yaml': policy('shop', '\n    matchLabels:\n      app: web\n') } },
    {
      name: 'a policy selecting it by expression',
      code: deployment(),
      files: { 'netpol.yaml': policy('shop', '\n    matchExpressions:\n    - {key: tier, operator: In, values: [front, back]}\n') },
    },
    { name: 'no policyTypes: a policy always isolates ingress', code: deployment(), files: { 'netpol.yaml': policy('shop', '{}', '  ingress: []\n') } },
    { name: 'a hostNetwork pod cannot be selected', code: deployment('      hostNetwork: true\n'), inspected: [] },
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
    {
      name: 'a kustomization gives the policy and the workload the same namespace',
      filename: 'app/deploy.yaml',
      code: deployment().replace('  namespace: shop\n', ''),
      files: { 'kustomization.yaml': 'namespace: shop\nresources:\n- deploy.yaml\n- netpol.yaml\n', 'netpol.yaml': policy('other') },
    },
  ],
  invalid: [
    {
      code: deployment(),
      inspected: ['workload'],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'No NetworkPolicy in namespace shop selects the pods of Deployment "web", so they accept traffic from every pod; add a default-deny policy and allow what it needs.' }],
      output: null,
    },
    {
      name: 'policies that select other pods, isolate only egress, or live in another namespace',
      code: deployment(),
      files: {
        'a.yaml': policy('shop', '\n    matchLabels:\n      app: api\n'),
        'b.yaml': policy('shop', '{}', '  policyTypes: [Egress]\n'),
        'c.yaml': policy('other'),
        'd.yaml': policy('shop', '\n    matchExpressions:\n    - {key: tier, operator: NotIn, values: [front]}\n'),
      },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a bare Pod defaults to "default"',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n',
      files: { 'netpol.yaml': policy('shop') },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 10 }],
      output: null,
    },
  ],
});
