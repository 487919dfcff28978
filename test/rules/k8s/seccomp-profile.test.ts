import rule from '../../../rules/k8s/seccomp-profile';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const rest = '      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n        drop: [ALL]\n';

runRuleTests(rule, {
  valid: [
    pod('  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n  - name: app\n'),
    pod('  containers:\n  - name: app\n    securityContext:\n      seccompProfile:\n        type: Localhost\n        localhostProfile: p.json\n'),
  ],
  invalid: [
    {
      name: 'nothing set',
      code: pod(`  containers:\n  - name: app\n    securityContext:\n${rest}`),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n        drop: [ALL]\n      seccompProfile:\n        type: RuntimeDefault\n',
    },
    {
      name: 'container Unconfined overrides the pod',
      code: pod(`  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: app\n    securityContext:\n${rest}      seccompProfile:\n        type: Unconfined\n`),
      errors: [{ messageId: 'wrong', line: 16, column: 15, endLine: 16, endColumn: 25, message: 'The seccompProfile of container "app" is Unconfined; use RuntimeDefault (or a Localhost profile).' }],
      output: pod(`  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: app\n    securityContext:\n${rest}      seccompProfile:\n        type: RuntimeDefault\n`),
    },
  ],
});
