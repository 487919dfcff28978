import rule from '../../../rules/k8s/liveness-probe';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    image: app:1.0\n    livenessProbe:\n      tcpSocket:\n        port: 80\n'), inspected: ['container'] },
    {
      name: 'a Job runs to completion: nothing to inspect',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: m:1\n',
      inspected: [],
    },
    {
      name: 'a CronJob neither',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: job\n            image: j:1\n',
      inspected: [],
    },
    { name: 'a bare Pod that is never restarted', code: pod('  - name: task\n    image: t:1\n').replace('spec:\n', 'spec:\n  restartPolicy: OnFailure\n'), inspected: [] },
    {
      name: 'init containers need no probe',
      code: pod('  - name: app\n    livenessProbe:\n      exec:\n        command: [true]\n').replace('  containers:\n', '  initContainers:\n  - name: migrate\n    image: m:1\n  containers:\n'),
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n', inspected: [] },
    { name: 'not Kubernetes YAML', code: 'name: x\nvalues: [1, 2]\n' },
  ],
  invalid: [
    {
      name: 'numbered port, indented sequences: the probe goes after the ports',
      code: pod('  - name: app\n    image: app:1.0\n    ports:\n    - containerPort: 3000\n    env:\n    - name: A\n      value: b\n'),
      inspected: ['container'],
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, message: 'Container "app" has no livenessProbe, so a hung process is never restarted; add one that checks a health endpoint.' }],
      output: pod(
        '  - name: app\n    image: app:1.0\n    ports:\n    - containerPort: 3000\n    livenessProbe:\n      httpGet:\n        path: /health\n        port: 3000\n      initialDelaySeconds: 30\n      periodSeconds: 10\n    env:\n    - name: A\n      value: b\n',
      ),
    },
    {
      name: 'named port in a Deployment, CRLF line breaks',
      code: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: app\r\n        image: app:1.0.0\r\n        ports:\r\n        - name: http\r\n          containerPort: 8080\r\n',
      errors: [{ messageId: 'missing', line: 9, column: 15, endLine: 9, endColumn: 18 }],
      output:
        'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: app\r\n        image: app:1.0.0\r\n        ports:\r\n        - name: http\r\n          containerPort: 8080\r\n        livenessProbe:\r\n          httpGet:\r\n            path: /health\r\n            port: http\r\n          initialDelaySeconds: 30\r\n          periodSeconds: 10\r\n',
    },
    {
      name: 'an OpenShift DeploymentConfig is a workload too',
      code: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1\n',
      errors: [{ messageId: 'missing', line: 9, column: 15, endLine: 9, endColumn: 18 }],
      output: null,
    },
    {
      name: 'no declared port: no fix',
      code: pod('  - name: worker\n    image: w:1\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 17 }],
      output: null,
    },
    {
      name: 'flow-style container map: no fix',
      code: pod('  - {name: app, ports: [{containerPort: 80}]}\n'),
      errors: [{ messageId: 'missing', line: 7, column: 12, endLine: 7, endColumn: 15 }],
      output: null,
    },
  ],
});
