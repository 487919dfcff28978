import rule from '../../../rules/k8s/service-account-token';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers: []\n',
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n',
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n',
      errors: [{ messageId: 'missing', line: 7, column: 5, endLine: 7, endColumn: 9 }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n      automountServiceAccountToken: false\n',
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: true\n  containers: []\n',
      errors: [{ messageId: 'enabled', line: 6, column: 33, endLine: 6, endColumn: 37 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers: []\n',
    },
  ],
});
