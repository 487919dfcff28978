import rule from '../../../rules/k8s/resource-requests';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    pod('  - name: app\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n'),
    { name: 'ephemeral containers are exempt', code: pod('  - name: app\n    resources: {requests: {cpu: 1, memory: 1Gi}}\n').replace('  containers:', '  ephemeralContainers:\n  - name: dbg\n  containers:') },
  ],
  invalid: [
    {
      name: 'no resources at all, indented sequences',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0\n',
      errors: [{ messageId: 'missing', line: 9, column: 17, endLine: 9, endColumn: 20, message: 'Container "app" does not request cpu and memory, so it is scheduled blindly and evicted first; add resources.requests.' }],
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0\n          resources:\n            requests:\n              memory: "256Mi"\n              cpu: "250m"\n',
    },
    {
      name: 'limits only, four-space indent',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        -   name: app\n            resources:\n                limits:\n                    cpu: 1\n',
      errors: [{ messageId: 'missing', line: 7, column: 19, endLine: 7, endColumn: 22 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        -   name: app\n            resources:\n                limits:\n                    cpu: 1\n                requests:\n                    memory: "256Mi"\n                    cpu: "250m"\n',
    },
    {
      name: 'memory missing from requests; init container too',
      code: pod('  - name: app\n    resources:\n      requests:\n        cpu: 100m\n').replace('  containers:', '  initContainers:\n  - name: init\n    resources:\n      requests: {cpu: 1, memory: 1Gi}\n  containers:'),
      errors: [{ messageId: 'missing', line: 11, column: 11, endLine: 11, endColumn: 14 }],
      output: pod('  - name: app\n    resources:\n      requests:\n        cpu: 100m\n        memory: "256Mi"\n').replace('  containers:', '  initContainers:\n  - name: init\n    resources:\n      requests: {cpu: 1, memory: 1Gi}\n  containers:'),
    },
  ],
});
