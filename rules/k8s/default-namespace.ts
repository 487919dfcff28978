import { defineRule } from '../../server/src/engine/rule';
import { CLUSTER_SCOPED_KINDS, isClientSideConfig, objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/default-namespace',
    kind: 'kubernetes',
    title: 'Deploy into a dedicated namespace',
    description:
      'Objects without a namespace land wherever kubectl points, usually `default`, where quotas, network policies and RBAC for the application do not apply.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'information',
    fixable: false,
    messages: {
      missing: '{{kind}} "{{name}}" sets no namespace, so it lands in whatever namespace kubectl targets; set metadata.namespace.',
      default: '{{kind}} "{{name}}" is in the default namespace; move it to a namespace of its own.',
    },
    examples: { bad: 'metadata:\n  name: web\n', good: 'metadata:\n  name: web\n  namespace: production\n' },
    ptBR: {
      title: 'Implantar em um namespace dedicado',
      description:
        'Objetos sem namespace vão para onde o kubectl aponta, geralmente `default`, onde as cotas, políticas de rede e o RBAC da aplicação não se aplicam.',
      messages: {
        missing: '{{kind}} "{{name}}" não define namespace, então vai para o namespace que o kubectl estiver usando; defina metadata.namespace.',
        default: '{{kind}} "{{name}}" está no namespace default; mova-o para um namespace próprio.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (CLUSTER_SCOPED_KINDS.has(object.kind) || object.kind.endsWith('List') || isClientSideConfig(object)) continue;
      const data = { kind: object.kind, name: object.name ?? '?' };
      if (object.namespace === 'default') context.report({ span: object.namespaceSpan!, messageId: 'default', data });
      else if (object.namespace === undefined) context.report({ span: objectSpan(object), messageId: 'missing', data });
    }
  },
});
