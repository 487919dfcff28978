import rule from '../../../rules/k8s/default-namespace';
import { runRuleTests } from '../../helpers/rule-tester';

const service = (name: string, namespace = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${namespace}`;
const crd = (scope: string) =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  scope: ${scope}\n  names:\n    kind: Widget\n    plural: widgets\n`;
const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';

runRuleTests(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n', inspected: ['object'] },
    {
      name: 'cluster-scoped kinds',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n',
      inspected: [],
    },
    { name: 'a custom resource whose CRD in the workspace is cluster-scoped', code: widget, files: { 'crd.yaml': crd('Cluster') }, inspected: [] },
    { name: 'a custom resource of unknown scope: no claim', code: widget, inspected: [] },
    { name: 'a kustomization is a build file, not an object', filename: 'kustomization.yaml', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n' },
    {
      name: 'a kustomization that includes the file sets the namespace',
      filename: 'base/svc.yaml',
      code: service('web'),
      files: { 'kustomization.yaml': 'namespace: shop\nresources:\n- svc.yaml\n' },
      inspected: ['object'],
    },
    {
      name: 'an overlay sets the namespace of a base, whose kustomization sets none',
      filename: 'base/svc.yaml',
      code: service('web', '  namespace: default\n'),
      files: { 'kustomization.yaml': 'resources:\n- svc.yaml\n', '/work/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\n' },
    },
    {
      name: 'a file under a kustomization without a namespace: the kustomization speaks, not the file',
      filename: 'base/svc.yaml',
      code: service('web'),
      files: { 'kustomization.yaml': 'resources:\n- svc.yaml\n' },
    },
  ],
  invalid: [
    {
      code: service('web'),
      inspected: ['object'],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Service "web" sets no namespace, so it lands in whatever namespace kubectl targets; set metadata.namespace.' }],
      output: null,
    },
    {
      name: 'once per file, not once per object',
      code: `${service('web')}---\n${service('api')}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\n${service('db', '  namespace: data\n')}`,
      inspected: ['object', 'object', 'object', 'object'],
      errors: [
        {
          messageId: 'missingMany',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 12,
          message: 'Service "web" and the other objects of this file (3 in all) set no namespace, so they land in whatever namespace kubectl targets; set metadata.namespace or apply them through a kustomization that sets one.',
        },
      ],
      output: null,
    },
    {
      name: 'a custom resource whose CRD in the workspace is namespaced',
      code: widget,
      files: { 'crd.yaml': crd('Namespaced') },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 10 }],
      output: null,
    },
    {
      name: 'explicit default, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n    namespace: default\n',
      errors: [{ messageId: 'default', line: 8, column: 16, endLine: 8, endColumn: 23, message: 'ConfigMap "c" is in the default namespace; move it to a namespace of its own.' }],
      output: null,
    },
    {
      name: 'the top kustomization that brings in objects without a namespace speaks once',
      filename: 'kustomization.yaml',
      code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- svc.yaml\n- base\n',
      files: { 'svc.yaml': `${service('web')}---\n${service('api')}`, 'base/kustomization.yaml': 'resources:\n- db.yaml\n', 'base/db.yaml': service('db') },
      inspected: ['object'],
      errors: [{ messageId: 'kustomization', line: 3, column: 1, endLine: 3, endColumn: 10, message: 'This kustomization sets no namespace and 3 objects it brings in set none, so they land in whatever namespace kubectl targets; set namespace: here.' }],
      output: null,
    },
  ],
});
