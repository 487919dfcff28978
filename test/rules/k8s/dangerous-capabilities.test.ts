import rule from '../../../rules/k8s/dangerous-capabilities';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (capabilities: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    securityContext:\n      capabilities:\n${capabilities}`;

runRuleTests(rule, {
  valid: [
    { code: pod('        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n'), inspected: ['container'] },
    { name: 'capabilities the baseline profile allows, with or without CAP_', code: pod('        add: [CHOWN, CAP_SETUID, kill]\n') },
    { name: 'dropping is always fine', code: pod('        drop: [SYS_ADMIN, NET_RAW]\n') },
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', inspected: [] },
  ],
  invalid: [
    {
      code: pod('        add: ["SYS_ADMIN", NET_ADMIN]\n'),
      inspected: ['container'],
      errors: [
        { messageId: 'nearRoot', line: 10, column: 15, endLine: 10, endColumn: 26, message: 'Container "app" adds the SYS_ADMIN capability, which gives it powers close to root on the node; remove it, or grant a narrower capability the baseline profile allows.' },
        { messageId: 'nearRoot', line: 10, column: 28, endLine: 10, endColumn: 37 },
      ],
      output: null,
    },
    {
      name: 'ALL, as CAP_ALL in a block list, and a capability beyond the baseline',
      code: pod('        add:\n        - cap_all\n        - IPC_LOCK\n'),
      errors: [
        { messageId: 'nearRoot', line: 11, column: 11, endLine: 11, endColumn: 18 },
        { messageId: 'beyondBaseline', line: 12, column: 11, endLine: 12, endColumn: 19, message: 'Container "app" adds the IPC_LOCK capability, which the baseline Pod Security Standard does not allow, so a namespace enforcing it rejects the pod; remove it unless the workload needs it.' },
      ],
      output: null,
    },
  ],
});
