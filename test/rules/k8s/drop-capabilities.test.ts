import rule from '../../../rules/k8s/drop-capabilities';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;
const rest = '      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      seccompProfile:\n        type: RuntimeDefault\n';

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    securityContext:\n      capabilities:\n        drop: [ALL]\n'), inspected: ['container'] },
    pod('  - name: app\n    securityContext:\n      capabilities:\n        drop:\n          - all\n'),
    { name: 'ephemeral containers are not inspected', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ephemeralContainers:\n  - name: debug\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'no capabilities',
      code: pod(`  - name: app\n    securityContext:\n${rest}`),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      seccompProfile:\n        type: RuntimeDefault\n      capabilities:\n        drop:\n        - ALL\n',
    },
    {
      name: 'block drop list without ALL',
      code: pod(`  - name: app\n    securityContext:\n${rest}      capabilities:\n        drop:\n          - NET_RAW\n`),
      errors: [{ messageId: 'wrong', line: 15, column: 11, endLine: 15, endColumn: 20 }],
      output: pod(`  - name: app\n    securityContext:\n${rest}      capabilities:\n        drop:\n          - NET_RAW\n          - ALL\n`),
    },
  ],
});
