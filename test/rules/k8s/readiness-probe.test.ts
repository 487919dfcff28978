import rule from '../../../rules/k8s/readiness-probe';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (containers: string, labels = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n${labels}    spec:\n      containers:\n${containers}`;
const service = (namespace: string, selector: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  selector:\n${selector}  ports:\n  - port: 80\n`;

runRuleTests(rule, {
  valid: [
    { code: deployment('      - name: app\n        ports:\n        - containerPort: 80\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 80\n'), inspected: ['container'] },
    { name: 'a worker with no ports and no Service receives no traffic', code: deployment('      - name: worker\n        image: w:1\n'), inspected: [] },
    {
      name: 'a Service in another namespace does not select it',
      code: deployment('      - name: worker\n        image: w:1\n'),
      files: { 'svc.yaml': service('other', '    app: web\n') },
      inspected: [],
    },
    {
      name: 'a Service whose selector needs a label the pod lacks',
      code: deployment('      - name: worker\n        image: w:1\n'),
      files: { 'svc.yaml': service('shop', '    app: web\n    tier: front\n') },
      inspected: [],
    },
    {
      name: 'only the container with ports serves; its sidecar needs no probe',
      code: deployment('      - name: app\n        ports: [{containerPort: 80}]\n        readinessProbe: {tcpSocket: {port: 80}}\n      - name: log-shipper\n        image: fluent-bit:3.0.0\n'),
      files: { 'svc.yaml': service('shop', '    app: web\n') },
      inspected: ['container'],
    },
    {
      name: 'ephemeral containers need no probe',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    ports: [{containerPort: 80}]\n    readinessProbe: {exec: {command: [true]}}\n  ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n',
    },
    {
      name: 'a CronJob never needs one',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: job\n            image: j:1\n            ports: [{containerPort: 9090}]\n',
      inspected: [],
    },
  ],
  invalid: [
    {
      name: 'second container declares a port and lacks the probe',
      code: deployment('      - name: app\n        readinessProbe:\n          tcpSocket: {port: 80}\n      - name: sidecar\n        image: envoy:1.30 # proxy\n        ports:\n        - containerPort: 9901\n'),
      inspected: ['container'],
      errors: [{ messageId: 'missing', line: 19, column: 15, endLine: 19, endColumn: 22 }],
      output: deployment(
        '      - name: app\n        readinessProbe:\n          tcpSocket: {port: 80}\n      - name: sidecar\n        image: envoy:1.30 # proxy\n        ports:\n        - containerPort: 9901\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: 9901\n          initialDelaySeconds: 5\n          periodSeconds: 5\n',
      ),
    },
    {
      name: 'a Service selects a pod whose containers declare no ports: every container, no fix (no port to probe)',
      code: deployment('      - name: worker\n        image: w:1\n'),
      files: { 'svc.yaml': service('shop', '    app: web\n') },
      errors: [{ messageId: 'selected', line: 16, column: 15, endLine: 16, endColumn: 21, message: 'Container "worker" has no readinessProbe, so Service "web" sends it traffic before it is ready; add one that checks a readiness endpoint.' }],
      output: null,
    },
    {
      name: 'Service in the same file',
      code: `${deployment('      - name: app\n        ports:\n        - name: http\n          containerPort: 8080\n')}---\n${service('shop', '    app: web\n')}`,
      errors: [{ messageId: 'selected', line: 16, column: 15, endLine: 16, endColumn: 18 }],
      output: `${deployment('      - name: app\n        ports:\n        - name: http\n          containerPort: 8080\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: http\n          initialDelaySeconds: 5\n          periodSeconds: 5\n')}---\n${service('shop', '    app: web\n')}`,
    },
  ],
});
