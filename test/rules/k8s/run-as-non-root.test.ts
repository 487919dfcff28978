import rule from '../../../rules/k8s/run-as-non-root';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: app\n'),
    pod('  containers:\n  - name: app\n    securityContext: {runAsNonRoot: true, runAsUser: 1001}\n'),
    { name: 'ephemeral containers are exempt', code: pod('  securityContext:\n    runAsNonRoot: true\n  ephemeralContainers:\n  - name: debug\n    securityContext:\n      runAsNonRoot: false\n') },
  ],
  invalid: [
    {
      name: 'nothing set',
      code: pod('  containers:\n  - name: app\n    image: app:1\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: app:1\n    securityContext:\n      runAsNonRoot: true\n',
    },
    {
      name: 'container overrides the pod with false',
      code: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: app\n    securityContext:\n      runAsNonRoot: false\n'),
      errors: [{ messageId: 'disabled', line: 11, column: 21, endLine: 11, endColumn: 26, message: 'runAsNonRoot is false for container "app", so it may run as root; set it to true.' }],
      output: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: app\n    securityContext:\n      runAsNonRoot: true\n'),
    },
    {
      name: 'existing securityContext gets the key',
      code: pod('  containers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: pod('  containers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n      runAsNonRoot: true\n'),
    },
    {
      name: 'runAsUser 0 at pod level',
      code: pod('  securityContext:\n    runAsUser: 0\n    runAsNonRoot: true\n  containers:\n  - name: app\n'),
      errors: [{ messageId: 'rootUser', line: 7, column: 16, endLine: 7, endColumn: 17 }],
      output: null,
    },
  ],
});
