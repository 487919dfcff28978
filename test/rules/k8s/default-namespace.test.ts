import rule from '../../../rules/k8s/default-namespace';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n',
    { name: 'cluster-scoped kinds', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n' },
    { name: 'a kustomization is a build file, not an object', filename: 'kustomization.yaml', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'explicit default, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n    namespace: default\n',
      errors: [{ messageId: 'default', line: 8, column: 16, endLine: 8, endColumn: 23, message: 'ConfigMap "c" is in the default namespace; move it to a namespace of its own.' }],
      output: null,
    },
  ],
});
