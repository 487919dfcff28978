import rule from '../../../rules/k8s/resource-requests';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string, namespace = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${namespace}spec:\n  containers:\n${container}`;
const limitRange = (namespace: string, limit: string) =>
  `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${namespace}\nspec:\n  limits:\n  - type: Container\n${limit}`;

/** Single-rule cases keep the limits out of the way: with both gaps open, the full run groups them (test/kinds/kubernetes-groups.test.ts). */
const LIMITS_SUPPRESSED = '# readiness-ignore-file k8s/resource-limits -- the platform sets limits\n';

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n'), inspected: ['container'] },
    { name: 'ephemeral containers are exempt', code: pod('  - name: app\n    resources: {requests: {cpu: 1, memory: 1Gi}}\n').replace('  containers:', '  ephemeralContainers:\n  - name: dbg\n  containers:') },
    { name: 'a limit without a request: Kubernetes copies the limit into the request', code: pod('  - name: app\n    resources:\n      limits:\n        cpu: 500m\n        memory: 512Mi\n') },
    {
      name: 'a LimitRange of the namespace supplies default requests',
      code: pod('  - name: app\n', '  namespace: shop\n'),
      files: { 'limits.yaml': limitRange('shop', '    defaultRequest:\n      cpu: 100m\n      memory: 128Mi\n') },
    },
    {
      name: 'a LimitRange default limit is also the default request',
      code: pod('  - name: app\n', '  namespace: shop\n'),
      files: { 'limits.yaml': limitRange('shop', '    default:\n      cpu: 500m\n      memory: 512Mi\n') },
    },
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'no resources at all, limits suppressed for the file: its own finding for the requests, indented sequences',
      code: '# readiness-ignore-file k8s/resource-limits -- the platform sets limits\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0\n          env:\n            - name: A\n              value: b\n',
      inspected: ['container'],
      errors: [
        {
          messageId: 'missing',
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 20,
          message: 'Container "app" sets no requests.cpu, requests.memory, so it is scheduled blindly and evicted first; add them to its resources.',
        },
      ],
      output:
        '# readiness-ignore-file k8s/resource-limits -- the platform sets limits\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0\n          resources:\n            requests:\n              memory: "256Mi"\n              cpu: "250m"\n          env:\n            - name: A\n              value: b\n',
    },
    {
      name: 'limits suppressed: only the requests part, four-space indent',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        # readiness-ignore k8s/resource-limits -- the platform sets them\n        -   name: app\n            resources:\n                requests:\n                    cpu: 1\n',
      errors: [{ messageId: 'missing', line: 8, column: 19, endLine: 8, endColumn: 22, message: 'Container "app" sets no requests.memory, so it is scheduled blindly and evicted first; add them to its resources.' }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        # readiness-ignore k8s/resource-limits -- the platform sets them\n        -   name: app\n            resources:\n                requests:\n                    cpu: 1\n                    memory: "256Mi"\n',
    },
    {
      name: 'memory missing from requests (limits suppressed); init container too',
      code: LIMITS_SUPPRESSED + pod('  - name: app\n    resources:\n      requests:\n        cpu: 100m\n      limits:\n        cpu: 200m\n').replace('  containers:', '  initContainers:\n  - name: init\n    resources:\n      requests: {cpu: 1, memory: 1Gi}\n      limits: {cpu: 1, memory: 1Gi}\n  containers:'),
      errors: [{ messageId: 'missing', line: 13, column: 11, endLine: 13, endColumn: 14, message: 'Container "app" sets no requests.memory, so it is scheduled blindly and evicted first; add them to its resources.' }],
      output: LIMITS_SUPPRESSED + pod('  - name: app\n    resources:\n      requests:\n        cpu: 100m\n        memory: "256Mi"\n      limits:\n        cpu: 200m\n').replace('  containers:', '  initContainers:\n  - name: init\n    resources:\n      requests: {cpu: 1, memory: 1Gi}\n      limits: {cpu: 1, memory: 1Gi}\n  containers:'),
    },
    {
      name: 'a LimitRange in another namespace does not count',
      code: LIMITS_SUPPRESSED + pod('  - name: app\n    resources:\n      limits: {cpu: 1}\n', '  namespace: shop\n'),
      files: { 'limits.yaml': limitRange('other', '    defaultRequest:\n      memory: 128Mi\n') },
      errors: [{ messageId: 'missing', line: 9, column: 11, endLine: 9, endColumn: 14 }],
      output: LIMITS_SUPPRESSED + pod('  - name: app\n    resources:\n      limits: {cpu: 1}\n      requests:\n        memory: "256Mi"\n', '  namespace: shop\n'),
    },
  ],
});
