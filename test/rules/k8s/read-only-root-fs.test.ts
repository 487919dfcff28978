import rule from '../../../rules/k8s/read-only-root-fs';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    { code: pod('  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n'), inspected: ['container'] },
    pod('  - name: app\n    securityContext: {readOnlyRootFilesystem: true}\n'),
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
    {
      name: 'suppressed for the container: its own finding is swallowed (and the comment counts as used)',
      code: pod('  # readiness-ignore k8s/read-only-root-fs -- writes its cache to /var/cache\n  - name: app\n    image: app:1\n'),
    },
  ],
  invalid: [
    {
      name: 'the only restricted setting missing (seccomp at pod level): its own finding, the fix adds it under the image',
      code: pod('  - name: app\n    image: app:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}\n').replace('spec:\n', 'spec:\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n'),
      inspected: ['container'],
      errors: [
        {
          messageId: 'missing',
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 14,
          message: 'Container "app" does not set readOnlyRootFilesystem: true, so its filesystem is writable; set it and mount volumes for the paths it writes.',
        },
      ],
      output: pod('  - name: app\n    image: app:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}\n      readOnlyRootFilesystem: true\n').replace('spec:\n', 'spec:\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n'),
    },
    {
      name: 'partly hardened: only its own setting is missing (a drop list without ALL is a wrong value, its own finding)',
      code: pod('  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [NET_RAW]\n      seccompProfile:\n        type: RuntimeDefault\n'),
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [NET_RAW]\n      seccompProfile:\n        type: RuntimeDefault\n      readOnlyRootFilesystem: true\n',
    },
    {
      name: 'explicit false: a finding at the value whose fix closes every gap',
      code: pod('  - name: app\n    securityContext:\n      readOnlyRootFilesystem: false\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n      seccompProfile: {type: RuntimeDefault}\n'),
      errors: [{ messageId: 'wrong', line: 9, column: 31, endLine: 9, endColumn: 36 }],
      output: pod('  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n      seccompProfile: {type: RuntimeDefault}\n'),
    },
  ],
});
