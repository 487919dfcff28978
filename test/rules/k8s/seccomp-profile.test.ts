import rule from '../../../rules/k8s/seccomp-profile';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string, metadata = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${metadata}spec:\n${spec}`;
const rest = '      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n        drop: [ALL]\n';

runRuleTests(rule, {
  valid: [
    { code: pod('  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n  - name: app\n'), inspected: ['container'] },
    pod('  containers:\n  - name: app\n    securityContext:\n      seccompProfile:\n        type: Localhost\n        localhostProfile: p.json\n'),
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
    { name: 'legacy pod annotation', code: pod('  containers:\n  - name: app\n', '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n') },
    { name: 'legacy container annotation', code: pod('  containers:\n  - name: app\n', '  annotations:\n    container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json\n') },
    {
      name: 'legacy annotation on a Deployment pod template',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: docker/default\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n',
    },
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
    {
      name: 'legacy container annotation unconfined, over a good pod annotation',
      code: pod(
        `  containers:\n  - name: app\n    securityContext:\n${rest}`,
        '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    container.seccomp.security.alpha.kubernetes.io/app: unconfined\n',
      ),
      errors: [{ messageId: 'wrong', line: 7, column: 57, endLine: 7, endColumn: 67 }],
      output: pod(
        `  containers:\n  - name: app\n    securityContext:\n${rest}      seccompProfile:\n        type: RuntimeDefault\n`,
        '  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    container.seccomp.security.alpha.kubernetes.io/app: unconfined\n',
      ),
    },
  ],
});
