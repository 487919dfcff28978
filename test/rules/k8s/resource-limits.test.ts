import rule from '../../../rules/k8s/resource-limits';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string, namespace = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${namespace}spec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    resources:\n      limits:\n        cpu: 500m\n        memory: 512Mi\n'), inspected: ['container'] },
    pod('  - name: app\n    resources: {limits: {cpu: "1", memory: 1Gi}}\n'),
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
    {
      name: 'a LimitRange of the namespace supplies default limits',
      code: pod('  - name: app\n    resources: {requests: {cpu: 100m, memory: 128Mi}}\n', '  namespace: shop\n'),
      files: { 'limits.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n  - type: Container\n    default:\n      cpu: 500m\n      memory: 512Mi\n' },
    },
  ],
  invalid: [
    {
      name: 'requests only: the limits take the requests\' values, so no limit is below its request',
      code: pod('  - name: app\n    resources:\n      requests:\n        memory: "1Gi"\n        cpu: "2"\n'),
      inspected: ['container'],
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, message: 'Container "app" sets no limits.cpu, limits.memory, so it can starve the rest of the node; add them to its resources.' }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    resources:\n      requests:\n        memory: "1Gi"\n        cpu: "2"\n      limits:\n        memory: "1Gi"\n        cpu: "2"\n',
    },
    {
      name: 'cpu limit missing',
      code: pod('  - name: app\n    resources:\n      limits:\n        memory: 1Gi\n      requests:\n        cpu: 100m\n    image: app:1\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: pod('  - name: app\n    resources:\n      limits:\n        memory: 1Gi\n        cpu: "100m"\n      requests:\n        cpu: 100m\n    image: app:1\n'),
    },
    {
      name: 'flow-style resources: no fix',
      code: pod('  - name: app\n    resources: {requests: {cpu: 1, memory: 1Gi}}\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: null,
    },
  ],
});
