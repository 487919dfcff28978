import rule from '../../../rules/k8s/network-policy';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n';
const policy = (namespace: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ${namespace}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n`;

runRuleTests(rule, {
  valid: [
    { name: 'policy in another file', code: deployment, files: { 'netpol.yaml': policy('shop') } },
    { name: 'policy in the same file', code: `${deployment}---\n${policy('shop')}` },
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
  ],
  invalid: [
    {
      code: deployment,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'No NetworkPolicy exists in namespace shop, so Deployment "web" accepts traffic from every pod; add a default-deny policy and allow what it needs.' }],
      output: null,
    },
    {
      name: 'policy only in another namespace; a bare Pod defaults to "default"',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n',
      files: { 'netpol.yaml': policy('shop') },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 10 }],
      output: null,
    },
  ],
});
