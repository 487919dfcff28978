import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

/** Fields a `*` widens; apiGroups only matters when the resources are listed (otherwise their `*` is the finding). */
const FIELDS = ['apiGroups', 'resources', 'verbs'];

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/rbac-wildcard',
    kind: 'kubernetes',
    title: 'Grant RBAC permissions explicitly, not with *',
    description:
      'A `*` in a Role rule grants every verb or resource, including ones added by future API versions and CRDs; least privilege needs explicit lists. ' +
      'A `*` in apiGroups next to listed resources grants those resources in every group, a CRD\'s among them (KICS reports it too); next to resources: ["*"] it adds nothing to that finding and is not reported again.',
    checklistItem: 'deployment/rbac',
    severity: 'warning',
    fixable: false,
    messages: {
      wildcard: '{{kind}} "{{name}}" grants * in {{field}}, which includes everything present and future; list the {{field}} it needs.',
    },
    examples: {
      bad: 'rules:\n- apiGroups: [""]\n  resources: ["*"]\n  verbs: ["*"]\n',
      good: 'rules:\n- apiGroups: [""]\n  resources: ["configmaps"]\n  verbs: ["get", "list", "watch"]\n',
    },
    ptBR: {
      title: 'Conceder permissões RBAC explicitamente, não com *',
      description:
        'Um `*` em uma regra de Role concede todo verbo ou recurso, inclusive os que versões futuras da API e CRDs adicionarem; privilégio mínimo exige listas explícitas. ' +
        'Um `*` em apiGroups ao lado de recursos listados concede esses recursos em todo grupo, inclusive o de um CRD (o KICS também o reporta); ao lado de resources: ["*"] ele nada acrescenta a esse achado e não é reportado de novo.',
      messages: {
        wildcard: '{{kind}} "{{name}}" concede * em {{field}}, o que inclui tudo o que existe e o que vier; liste os {{field}} de que ele precisa.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (object.kind !== 'Role' && object.kind !== 'ClusterRole') continue;
      const { reader } = object;
      context.inspect({ subject: 'object', span: objectSpan(object), name: object.name });
      for (const rule of reader.items(reader.getSeq(object.node, 'rules'))) {
        // An empty or scalar item (`- ` alone) grants nothing; the items after it still count.
        if (!isMap(rule)) continue;
        const star = (field: string) => reader.items(reader.getSeq(rule, field)).some((item) => scalarString(item) === '*');
        const fields = star('resources') ? FIELDS.filter((field) => field !== 'apiGroups') : FIELDS;
        const wildcards = fields.flatMap((field) =>
          reader
            .items(reader.getSeq(rule, field))
            .filter((item) => scalarString(item) === '*')
            .map((item) => ({ field, span: spanOf(item)! })),
        );
        wildcards.sort((a, b) => a.span.start - b.span.start);
        for (const { field, span } of wildcards) context.report({ span, messageId: 'wildcard', data: { kind: object.kind, name: object.name ?? '?', field } });
      }
    }
  },
});
