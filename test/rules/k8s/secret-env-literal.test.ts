import rule from '../../../rules/k8s/secret-env-literal';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n${env}`;

runRuleTests(rule, {
  valid: [
    deployment('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n'),
    deployment('        - name: NODE_ENV\n          value: production\n        - name: TOKEN_URL\n          value: https://auth.example.com/token\n'),
    deployment('        - name: API_TOKEN\n          value: $(SHARED_TOKEN)\n'),
  ],
  invalid: [
    {
      code: deployment('        - name: DB_PASSWORD\n          value: "hunter2"\n        - name: NODE_ENV\n          value: production\n'),
      errors: [{ messageId: 'literal', line: 12, column: 18, endLine: 12, endColumn: 27, message: 'Env var DB_PASSWORD holds a secret as a literal value, visible to anyone who reads the manifest; read it from a Secret with valueFrom.secretKeyRef.' }],
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: db-password\n        - name: NODE_ENV\n          value: production\n',
    },
    {
      name: 'value before name, camelCase name',
      code: deployment('        - value: abc123\n          name: stripeApiKey\n'),
      errors: [{ messageId: 'literal', line: 11, column: 18, endLine: 11, endColumn: 24 }],
      output: deployment('        - valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: stripe-api-key\n          name: stripeApiKey\n'),
    },
    {
      name: 'flow-style env entry: no fix',
      code: deployment('        - {name: JWT_SECRET, value: s3cr3t}\n'),
      errors: [{ messageId: 'literal', line: 11, column: 37, endLine: 11, endColumn: 43 }],
      output: null,
    },
  ],
});
