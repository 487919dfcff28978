import rule from '../../../rules/k8s/ingress-rate-limit';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    nginx.ingress.kubernetes.io/limit-rps: "10"\nspec:\n  ingressClassName: nginx\n', inspected: ['object'] },
    { name: 'another controller', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  ingressClassName: traefik\n', inspected: [] },
  ],
  invalid: [
    {
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  ingressClassName: nginx\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output: null,
    },
    {
      name: 'legacy class annotation',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    kubernetes.io/ingress.class: nginx\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});
