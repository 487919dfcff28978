import rule from '../../../rules/k8s/read-only-root-fs';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [pod('  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n'), pod('  - name: app\n    securityContext: {readOnlyRootFilesystem: true}\n')],
  invalid: [
    {
      name: 'partly hardened: only the missing keys are added',
      code: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [NET_RAW]\n      seccompProfile:\n        type: RuntimeDefault\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [NET_RAW, ALL]\n      seccompProfile:\n        type: RuntimeDefault\n      readOnlyRootFilesystem: true\n',
    },
    {
      name: 'explicit false',
      code: pod('  - name: app\n    securityContext:\n      readOnlyRootFilesystem: false\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n      seccompProfile: {type: RuntimeDefault}\n'),
      errors: [{ messageId: 'wrong', line: 9, column: 31, endLine: 9, endColumn: 36 }],
      output: pod('  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n      seccompProfile: {type: RuntimeDefault}\n'),
    },
  ],
});
