import rule from '../../../rules/k8s/rbac-wildcard';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n- apiGroups: [""]\n  resources: [configmaps]\n  verbs: [get, list]\n', inspected: ['object'] },
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  verbs: "*"\n', inspected: [] },
  ],
  invalid: [
    {
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin\nrules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n',
      errors: [
        { messageId: 'wildcard', line: 7, column: 15, endLine: 7, endColumn: 18, message: 'ClusterRole "admin" grants * in resources, which includes everything present and future; list the resources it needs.' },
        { messageId: 'wildcard', line: 8, column: 11, endLine: 8, endColumn: 14 },
      ],
      output: null,
    },
    {
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n- apiGroups:\n  - apps\n  resources:\n  - deployments\n  verbs:\n  - get\n  - "*"\n',
      errors: [{ messageId: 'wildcard', line: 12, column: 5, endLine: 12, endColumn: 8 }],
      output: null,
    },
    {
      name: 'apiGroups * next to listed resources grants them in every group (KICS rbac_wildcard_in_rule)',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n- apiGroups: ["*"]\n  resources: [deployments]\n  verbs: [get]\n',
      errors: [{ messageId: 'wildcard', line: 6, column: 15, endLine: 6, endColumn: 18, message: 'ClusterRole "r" grants * in apiGroups, which includes everything present and future; list the apiGroups it needs.' }],
      output: null,
    },
    {
      name: 'an empty first rule does not hide the wildcards after it',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n-\n- "not a rule"\n- apiGroups: [""]\n  resources: [pods]\n  verbs: ["*"]\n',
      inspected: ['object'],
      errors: [{ messageId: 'wildcard', line: 10, column: 11, endLine: 10, endColumn: 14 }],
      output: null,
    },
  ],
});
