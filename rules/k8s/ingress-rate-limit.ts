import { defineRule } from '../../server/src/engine/rule';
import { objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

const LIMIT_ANNOTATIONS = ['nginx.ingress.kubernetes.io/limit-rps', 'nginx.ingress.kubernetes.io/limit-rpm', 'nginx.ingress.kubernetes.io/limit-connections'];

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/ingress-rate-limit',
    kind: 'kubernetes',
    title: 'Rate-limit ingress-nginx Ingresses',
    description:
      'ingress-nginx applies no request limit unless an Ingress asks for one; a single client can then exhaust the backend.',
    checklistItem: 'security/rate-limiting',
    severity: 'warning',
    fixable: false,
    messages: {
      missing: 'Ingress "{{name}}" is served by ingress-nginx without a rate limit; add a nginx.ingress.kubernetes.io/limit-rps (or limit-rpm, limit-connections) annotation.',
    },
    examples: {
      bad: 'kind: Ingress\nspec:\n  ingressClassName: nginx\n',
      good: 'kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/limit-rps: "10"\nspec:\n  ingressClassName: nginx\n',
    },
    ptBR: {
      title: 'Limitar a taxa de requisições em Ingresses do ingress-nginx',
      description:
        'O ingress-nginx não aplica limite de requisições a menos que o Ingress peça um; um único cliente pode então esgotar o backend.',
      messages: {
        missing: 'O Ingress "{{name}}" é servido pelo ingress-nginx sem limite de taxa; adicione uma anotação nginx.ingress.kubernetes.io/limit-rps (ou limit-rpm, limit-connections).',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (object.kind !== 'Ingress') continue;
      const className = object.reader.getString(object.spec, 'ingressClassName') ?? object.annotations['kubernetes.io/ingress.class'];
      if (className !== 'nginx') continue;
      context.inspect({ subject: 'object', span: objectSpan(object), name: object.name });
      if (LIMIT_ANNOTATIONS.some((annotation) => annotation in object.annotations)) continue;
      context.report({ span: objectSpan(object), messageId: 'missing', data: { name: object.name ?? '?' } });
    }
  },
});
