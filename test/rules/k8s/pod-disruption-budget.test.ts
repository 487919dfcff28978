import rule from '../../../rules/k8s/pod-disruption-budget';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (replicas: number, namespace = 'shop') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  replicas: ${replicas}\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n      - name: app\n`;
const pdb = (namespace: string, app: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: ${app}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'budget in another file', code: deployment(3), files: { 'pdb.yaml': pdb('shop', 'web') } },
    { name: 'budget in the same file', code: `${deployment(2)}---\n${pdb('shop', 'web')}` },
    { name: 'one replica needs no budget', code: deployment(1) },
  ],
  invalid: [
    {
      code: deployment(3),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Deployment "web" runs 3 replicas but no PodDisruptionBudget in namespace shop selects its pods; add one with minAvailable or maxUnavailable.' }],
      output: null,
    },
    {
      name: 'budget in another namespace or selecting other pods',
      code: deployment(2),
      files: { 'a.yaml': pdb('other', 'web'), 'b.yaml': pdb('shop', 'api') },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});
