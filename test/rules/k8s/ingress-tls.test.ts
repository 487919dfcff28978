import rule from '../../../rules/k8s/ingress-tls';
import { runRuleTests } from '../../helpers/rule-tester';

const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    { code: ingress('  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n  rules:\n  - host: shop.example.com\n'), inspected: ['object'] },
    { code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: []\n', inspected: [] },
    {
      name: 'GKE managed certificate',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    networking.gke.io/managed-certificates: shop-cert\nspec:\n  rules:\n  - host: shop.example.com\n',
    },
    {
      name: 'AWS Load Balancer Controller ACM certificate',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\nspec:\n  ingressClassName: alb\n',
    },
  ],
  invalid: [
    {
      name: 'the tls section goes at the top of the spec, before the rules',
      code: ingress('  rules:\n  - host: shop.example.com\n    http:\n      paths: []\n  - host: api.example.com\n'),
      inspected: ['object'],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output:
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  tls:\n  - hosts:\n    - shop.example.com\n    - api.example.com\n    secretName: shop-tls\n  rules:\n  - host: shop.example.com\n    http:\n      paths: []\n  - host: api.example.com\n',
    },
    {
      name: 'indented sequences, no hosts',
      code: ingress('  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n  rules:\n    - http:\n        paths: []\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output: ingress('  tls:\n    - secretName: shop-tls\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n  rules:\n    - http:\n        paths: []\n'),
    },
    {
      name: 'an empty rules item is skipped, the hosts after it still count',
      code: ingress('  rules:\n  -\n  - host: shop.example.com\n'),
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output: ingress('  tls:\n  - hosts:\n    - shop.example.com\n    secretName: shop-tls\n  rules:\n  -\n  - host: shop.example.com\n'),
    },
    {
      name: 'an empty managed-certificate annotation does not count',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    networking.gke.io/managed-certificates: ""\nspec:\n  rules: []\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    networking.gke.io/managed-certificates: ""\nspec:\n  tls:\n  - secretName: shop-tls\n  rules: []\n',
    },
  ],
});
