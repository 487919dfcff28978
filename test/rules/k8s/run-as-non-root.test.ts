import rule from '../../../rules/k8s/run-as-non-root';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    { code: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: app\n'), inspected: ['container'] },
    { name: 'a non-zero runAsUser on the pod proves a non-root user', code: pod('  securityContext:\n    runAsUser: 10001\n  containers:\n  - name: app\n') },
    { name: 'a non-zero runAsUser on the container, runAsNonRoot false', code: pod('  containers:\n  - name: app\n    securityContext:\n      runAsUser: 1000\n      runAsNonRoot: false\n') },
    { name: 'a UID the file cannot show is unknown', code: pod('  containers:\n  - name: app\n    securityContext:\n      runAsUser: ${APP_UID}\n') },
    pod('  containers:\n  - name: app\n    securityContext: {runAsNonRoot: true, runAsUser: 1001}\n'),
    { name: 'ephemeral containers are exempt', code: pod('  securityContext:\n    runAsNonRoot: true\n  ephemeralContainers:\n  - name: debug\n    securityContext:\n      runAsNonRoot: false\n'), inspected: [] },
  ],
  invalid: [
    {
      name: 'nothing set: the key goes under the image',
      code: pod('  containers:\n  - name: app\n    image: app:1\n    ports:\n    - containerPort: 80\n'),
      inspected: ['container'],
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: app:1\n    securityContext:\n      runAsNonRoot: true\n    ports:\n    - containerPort: 80\n',
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
    {
      name: 'the container overrides a good pod UID with 0',
      code: pod('  securityContext:\n    runAsUser: 1000\n  containers:\n  - name: app\n    securityContext:\n      runAsUser: 0\n'),
      errors: [{ messageId: 'rootUser', line: 11, column: 18, endLine: 11, endColumn: 19, message: 'Container "app" runs as user 0 (root); run it as a non-root UID.' }],
      output: null,
    },
    {
      name: 'runAsGroup 0 is a finding at the value, even with a non-root user',
      code: pod('  securityContext:\n    runAsUser: 1000\n    runAsGroup: 0\n  containers:\n  - name: app\n'),
      errors: [{ messageId: 'rootGroup', line: 8, column: 17, endLine: 8, endColumn: 18, message: 'Container "app" runs with group 0 (root), which owns many system files; run it with a non-root GID.' }],
      output: null,
    },
  ],
});
