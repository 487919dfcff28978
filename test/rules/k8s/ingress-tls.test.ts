import rule from '../../../rules/k8s/ingress-tls';
import { runRuleTests } from '../../helpers/rule-tester';

const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [ingress('  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n  rules:\n  - host: shop.example.com\n'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: []\n'],
  invalid: [
    {
      code: ingress('  rules:\n  - host: shop.example.com\n    http:\n      paths: []\n  - host: api.example.com\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output:
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: []\n  - host: api.example.com\n  tls:\n  - hosts:\n    - shop.example.com\n    - api.example.com\n    secretName: shop-tls\n',
    },
    {
      name: 'indented sequences, no hosts',
      code: ingress('  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n  rules:\n    - http:\n        paths: []\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output: ingress('  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n  rules:\n    - http:\n        paths: []\n  tls:\n    - secretName: shop-tls\n'),
    },
  ],
});
