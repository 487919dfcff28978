import rule from '../../../rules/k8s/readiness-probe';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (containers: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n${containers}`;

runRuleTests(rule, {
  valid: [
    deployment('      - name: app\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 80\n'),
    {
      name: 'ephemeral containers need no probe',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    readinessProbe: {exec: {command: [true]}}\n  ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n',
    },
  ],
  invalid: [
    {
      name: 'second container lacks the probe',
      code: deployment(
        '      - name: app\n        readinessProbe:\n          tcpSocket: {port: 80}\n      - name: sidecar\n        image: envoy:1.30 # proxy\n        ports:\n        - containerPort: 9901\n',
      ),
      errors: [{ messageId: 'missing', line: 12, column: 15, endLine: 12, endColumn: 22 }],
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        readinessProbe:\n          tcpSocket: {port: 80}\n      - name: sidecar\n        image: envoy:1.30 # proxy\n        ports:\n        - containerPort: 9901\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 9901\n          initialDelaySeconds: 5\n          periodSeconds: 5\n',
    },
    {
      name: 'CronJob container without ports: no fix',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: job\n            image: j:1\n',
      errors: [{ messageId: 'missing', line: 11, column: 19, endLine: 11, endColumn: 22 }],
      output: null,
    },
  ],
});
