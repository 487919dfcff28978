import rule from '../../../rules/k8s/host-port';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    { code: pod('  containers:\n  - name: app\n    ports:\n    - containerPort: 8080\n'), inspected: ['container'] },
    { name: 'hostPort 0 means none', code: pod('  containers:\n  - name: app\n    ports:\n    - containerPort: 8080\n      hostPort: 0\n') },
    { name: 'a hostNetwork pod is left to k8s/host-namespaces', code: pod('  hostNetwork: true\n  containers:\n  - name: app\n    ports:\n    - containerPort: 9100\n      hostPort: 9100\n'), inspected: [] },
  ],
  invalid: [
    {
      code: pod('  containers:\n  - name: app\n    ports:\n    - containerPort: 8080\n      hostPort: 8080\n    - {containerPort: 8443, hostPort: 443}\n'),
      inspected: ['container'],
      errors: [
        { messageId: 'hostPort', line: 10, column: 17, endLine: 10, endColumn: 21, message: 'Container "app" binds host port 8080, which exposes it on the node\'s address and allows one such pod per node; remove hostPort and reach it through a Service.' },
        { messageId: 'hostPort', line: 11, column: 39, endLine: 11, endColumn: 42 },
      ],
      output: null,
    },
  ],
});
