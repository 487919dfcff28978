import rule from '../../../rules/k8s/host-namespaces';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: false\n  containers:\n  - name: app\n', inspected: ['workload'] },
    { code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n', inspected: [] },
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      hostPID: true\n      containers:\n      - name: a\n        image: agent:1.0.0\n',
      inspected: ['workload'],
      errors: [
        { messageId: 'shared', line: 8, column: 20, endLine: 8, endColumn: 24, message: 'The pod of DaemonSet "agent" sets hostNetwork: true, sharing the node\'s namespace; remove it.' },
        { messageId: 'shared', line: 9, column: 16, endLine: 9, endColumn: 20 },
      ],
      output: null,
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n  containers: []\n',
      errors: [{ messageId: 'shared', line: 6, column: 12, endLine: 6, endColumn: 16 }],
      output: null,
    },
  ],
});
