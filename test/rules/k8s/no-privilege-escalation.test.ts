import rule from '../../../rules/k8s/no-privilege-escalation';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;
const hardened = '      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n        drop:\n        - ALL\n      seccompProfile:\n        type: RuntimeDefault\n';

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n'), inspected: ['container'] },
    pod(`  - name: app\n    securityContext:\n${hardened}`),
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
    { name: 'file-wide suppression', code: `# readiness-ignore-file k8s/no-privilege-escalation -- legacy setuid tooling\n${pod('  - name: app\n    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n')}` },
  ],
  invalid: [
    {
      name: 'explicit true is replaced; pod-level seccomp is kept',
      code: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: true\n      readOnlyRootFilesystem: true\n      capabilities: {drop: [ALL]}\n').replace('spec:\n', 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n'),
      errors: [{ messageId: 'wrong', line: 12, column: 33, endLine: 12, endColumn: 37, message: 'Container "app" sets allowPrivilegeEscalation: true; set it to false.' }],
      output: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities: {drop: [ALL]}\n').replace('spec:\n', 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n'),
    },
    {
      name: 'only its own setting missing: its own message',
      code: pod('  - name: app\n    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n      readOnlyRootFilesystem: true\n      capabilities: {drop: [ALL]}\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, message: 'Container "app" does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges; set it in the securityContext.' }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n      readOnlyRootFilesystem: true\n      capabilities: {drop: [ALL]}\n      allowPrivilegeEscalation: false\n',
    },
  ],
});
