import rule from '../../../rules/k8s/probe-port';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    {
      code: pod('  - name: app\n    ports:\n    - containerPort: 8080\n      name: http\n    livenessProbe:\n      httpGet: {path: /health, port: http}\n    readinessProbe:\n      tcpSocket:\n        port: 8080\n'),
      inspected: ['container'],
    },
    { name: 'no declared ports: a port number has nothing to be compared with', code: pod('  - name: app\n    livenessProbe:\n      httpGet:\n        port: 9999\n'), inspected: ['container'] },
    { name: 'an exec probe has no port', code: pod('  - name: app\n    livenessProbe:\n      exec:\n        command: [cat, /tmp/ok]\n'), inspected: ['container'] },
    { name: 'no probe: nothing to inspect', code: pod('  - name: app\n    ports:\n    - containerPort: 8080\n'), inspected: [] },
  ],
  invalid: [
    {
      name: 'numbered port not declared',
      code: pod('  - name: app\n    ports:\n    - containerPort: 8080\n    livenessProbe:\n      httpGet:\n        path: /health\n        port: 80\n'),
      errors: [
        {
          messageId: 'undeclared',
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 17,
          message: 'The livenessProbe of container "app" targets port 80, which the container does not declare; point it at one of its ports.',
        },
      ],
      output: null,
    },
    {
      name: 'misspelt named port in grpc and startup probes',
      code: pod('  - name: app\n    ports:\n    - name: grpc\n      containerPort: 9090\n    startupProbe:\n      grpc:\n        port: "grcp"\n'),
      errors: [{ messageId: 'unresolved', line: 13, column: 15, endLine: 13, endColumn: 21 }],
      output: null,
    },
    {
      name: 'a named port on a container that declares none (kube-linter liveness-port, fire-deployment-name)',
      code: pod('  - name: app\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: http\n'),
      inspected: ['container'],
      errors: [
        {
          messageId: 'unresolved',
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 19,
          message: 'The readinessProbe of container "app" targets the port named http, which the container does not declare, so the kubelet cannot resolve it and every probe fails; declare the port or use its number.',
        },
      ],
      output: null,
    },
  ],
});
