import rule from '../../../rules/k8s/secret-env-literal';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n        env:\n${env}`;

runRuleTests(rule, {
  valid: [
    { code: deployment('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n'), inspected: ['container'] },
    { name: 'a public key is not a secret', code: deployment('        - name: SIGNING_CERT\n          value: "-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----"\n') },
    deployment('        - name: NODE_ENV\n          value: production\n        - name: TOKEN_URL\n          value: https://auth.example.com/token\n'),
    deployment('        - name: API_TOKEN\n          value: $(SHARED_TOKEN)\n'),
    { name: 'nothing to inspect', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', inspected: [] },
  ],
  invalid: [
    {
      code: deployment('        - name: DB_PASSWORD\n          value: "hunter2"\n        - name: NODE_ENV\n          value: production\n'),
      errors: [{ messageId: 'literal', line: 13, column: 18, endLine: 13, endColumn: 27, message: 'Env var DB_PASSWORD holds a secret as a literal value, visible to anyone who reads the manifest; read it from a Secret with valueFrom.secretKeyRef.' }],
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0.0\n        env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: db-password\n        - name: NODE_ENV\n          value: production\n',
    },
    {
      name: 'value before name, camelCase name',
      code: deployment('        - value: abc123\n          name: stripeApiKey\n'),
      errors: [{ messageId: 'literal', line: 12, column: 18, endLine: 12, endColumn: 24 }],
      output: deployment('        - valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: stripe-api-key\n          name: stripeApiKey\n'),
    },
    {
      name: 'a private key is a secret whatever the variable is called',
      code: deployment('        - name: TLS_MATERIAL\n          value: |\n            -----BEGIN RSA PRIVATE KEY-----\n            MIIEowIBAAKCAQEA\n            -----END RSA PRIVATE KEY-----\n'),
      errors: [{ messageId: 'privateKey', line: 13, column: 18, endLine: 16, endColumn: 42, message: 'Env var TLS_MATERIAL holds a private key as a literal value, visible to anyone who reads the manifest; read it from a Secret with valueFrom.secretKeyRef.' }],
      output: deployment('        - name: TLS_MATERIAL\n          valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: tls-material\n'),
    },
    {
      name: 'a token in a format its issuer fixed',
      code: deployment('        - name: GH_AUTH\n          value: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n'),
      errors: [{ messageId: 'token', line: 13, column: 18, endLine: 13, endColumn: 60, message: 'Env var GH_AUTH holds a GitHub token as a literal value, visible to anyone who reads the manifest; revoke it and read it from a Secret with valueFrom.secretKeyRef.' }],
      output: deployment('        - name: GH_AUTH\n          valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: gh-auth\n'),
    },
    {
      name: 'an AWS access key id',
      code: deployment('        - name: AWS_ID\n          value: AKIAIOSFODNN7EXAMPLE\n'),
      errors: [{ messageId: 'token', line: 13, column: 18, endLine: 13, endColumn: 38 }],
      output: deployment('        - name: AWS_ID\n          valueFrom:\n            secretKeyRef:\n              name: shop-secrets\n              key: aws-id\n'),
    },
    {
      name: 'flow-style env entry: no fix',
      code: deployment('        - {name: JWT_SECRET, value: s3cr3t}\n'),
      errors: [{ messageId: 'literal', line: 12, column: 37, endLine: 12, endColumn: 43 }],
      output: null,
    },
  ],
});
