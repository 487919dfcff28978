import rule from '../../../rules/k8s/service-account-token';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (podSpec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n${podSpec}      containers:\n      - name: app\n        image: app:1.0.0\n`;
const account = (name: string, extra = '') => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n${extra}`;

runRuleTests(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers: []\n', inspected: ['workload'] },
    { code: account('sa'), inspected: [] },
    { name: 'an account other than default that the workspace does not define: looked at, not judged', code: deployment('      serviceAccountName: external-dns\n'), inspected: ['workload?'] },
    {
      name: 'its ServiceAccount in the workspace does not mount the token',
      code: deployment('      serviceAccountName: web\n'),
      files: { 'sa.yaml': account('web', 'automountServiceAccountToken: false\n') },
    },
    {
      name: 'the default ServiceAccount of the namespace does not mount the token',
      code: deployment(''),
      files: { 'sa.yaml': account('default', 'automountServiceAccountToken: false\n') },
    },
    {
      name: 'a RoleBinding grants its ServiceAccount something: it needs the token',
      code: deployment('      serviceAccountName: operator\n'),
      files: {
        'rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: operator\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: operator\nsubjects:\n- kind: ServiceAccount\n  name: operator\n',
      },
    },
    {
      name: 'a ClusterRoleBinding names the account and its namespace',
      code: deployment('      serviceAccountName: operator\n'),
      files: {
        'rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: operator\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: operator\n  namespace: shop\n',
      },
    },
  ],
  invalid: [
    {
      name: 'an explicit true is a decision: information at most, with a fix, when no binding grants the account anything',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: true\n  containers: []\n',
      inspected: ['workload'],
      errors: [
        {
          messageId: 'decided',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 37,
          message: 'The pod of Pod "p" mounts the token of service account default on purpose, but no binding in the workspace grants that account anything; set automountServiceAccountToken: false unless the pod calls the API.',
        },
      ],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers: []\n',
    },
    {
      name: 'an explicit true over an account that disables the token (Polaris failure.pod_true_serviceaccount_false): the pod wins',
      code: deployment('      automountServiceAccountToken: true\n      serviceAccountName: web\n'),
      files: { 'sa.yaml': account('web', 'automountServiceAccountToken: false\n') },
      errors: [{ messageId: 'decided', line: 9, column: 37, endLine: 9, endColumn: 41 }],
      output: deployment('      automountServiceAccountToken: false\n      serviceAccountName: web\n'),
    },
    {
      name: 'an explicit true for an account a binding grants something: the binding is named, no fix',
      code: deployment('      serviceAccountName: operator\n      automountServiceAccountToken: true\n'),
      files: {
        'rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: operator-edit\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit\nsubjects:\n- kind: ServiceAccount\n  name: operator\n',
      },
      errors: [
        {
          messageId: 'decidedBound',
          line: 10,
          column: 37,
          endLine: 10,
          endColumn: 41,
          message: 'The pod of Deployment "web" mounts the token of service account operator on purpose, which RoleBinding "operator-edit" grants permissions; keep it only while the pod calls the API.',
        },
      ],
      output: null,
    },
    {
      name: 'the key goes at the top of the pod spec',
      code: deployment(''),
      inspected: ['workload'],
      errors: [{ messageId: 'missing', line: 8, column: 5, endLine: 8, endColumn: 9, message: 'The pod of Deployment "web" mounts a token of service account default, which no binding in the workspace grants anything; set automountServiceAccountToken: false.' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      automountServiceAccountToken: false\n      containers:\n      - name: app\n        image: app:1.0.0\n',
    },
    {
      name: 'an account that mounts the token, bound in another namespace only',
      code: deployment('      serviceAccountName: web\n'),
      files: {
        'sa.yaml': account('web'),
        'rbac.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web\n  namespace: other\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: web\nsubjects:\n- kind: ServiceAccount\n  name: web\n',
      },
      errors: [{ messageId: 'missing', line: 8, column: 5, endLine: 8, endColumn: 9 }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      automountServiceAccountToken: false\n      serviceAccountName: web\n      containers:\n      - name: app\n        image: app:1.0.0\n',
    },
  ],
});
