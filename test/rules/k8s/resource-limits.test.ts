import rule from '../../../rules/k8s/resource-limits';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    pod('  - name: app\n    resources:\n      limits:\n        cpu: 500m\n        memory: 512Mi\n'),
    pod('  - name: app\n    resources: {limits: {cpu: "1", memory: 1Gi}}\n'),
  ],
  invalid: [
    {
      name: 'requests only',
      code: pod('  - name: app\n    resources:\n      requests:\n        memory: "256Mi"\n        cpu: "250m"\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, message: 'Container "app" has no cpu and memory limit, so it can starve the rest of the node; add resources.limits.' }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    resources:\n      requests:\n        memory: "256Mi"\n        cpu: "250m"\n      limits:\n        memory: "512Mi"\n        cpu: "500m"\n',
    },
    {
      name: 'cpu limit missing',
      code: pod('  - name: app\n    resources:\n      limits:\n        memory: 1Gi\n    image: app:1\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: pod('  - name: app\n    resources:\n      limits:\n        memory: 1Gi\n        cpu: "500m"\n    image: app:1\n'),
    },
    {
      name: 'flow-style resources: no fix',
      code: pod('  - name: app\n    resources: {}\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: null,
    },
  ],
});
