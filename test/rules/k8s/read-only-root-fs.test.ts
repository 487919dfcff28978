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
      name: 'bare container: one finding names the four restricted settings, one fix adds them under the image',
      code: pod('  - name: app\n    image: app:1\n    env:\n    - name: A\n      value: b\n'),
      inspected: ['container'],
      errors: [
        {
          messageId: 'grouped',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 14,
          message:
            'Container "app" is missing the restricted-profile settings readOnlyRootFilesystem: true, capabilities.drop: [ALL], allowPrivilegeEscalation: false, seccompProfile.type: RuntimeDefault, so it runs with more privileges than it needs; add them to its securityContext.',
        },
      ],
      output: pod(
        '  - name: app\n    image: app:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n        drop:\n        - ALL\n      seccompProfile:\n        type: RuntimeDefault\n    env:\n    - name: A\n      value: b\n',
      ),
    },
    {
      name: 'a suppressed member is left out of the finding and of the fix',
      code: pod('  # readiness-ignore k8s/seccomp-profile -- the node enforces a profile\n  - name: app\n    image: app:1\n'),
      errors: [
        {
          messageId: 'grouped',
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 14,
          message:
            'Container "app" is missing the restricted-profile settings readOnlyRootFilesystem: true, capabilities.drop: [ALL], allowPrivilegeEscalation: false, so it runs with more privileges than it needs; add them to its securityContext.',
        },
      ],
      output: pod(
        '  # readiness-ignore k8s/seccomp-profile -- the node enforces a profile\n  - name: app\n    image: app:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities:\n        drop:\n        - ALL\n',
      ),
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
