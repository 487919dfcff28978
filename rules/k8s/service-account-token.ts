import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { editorFor } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isFalse, spanOf } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/service-account-token',
    kind: 'kubernetes',
    title: 'Do not mount the service account token',
    description:
      'Every pod gets an API token mounted by default; most applications never call the Kubernetes API, and the token only helps an attacker who gets in.',
    checklistItem: 'deployment/rbac',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'The pod of {{kind}} "{{name}}" mounts a service account token it likely does not need; set automountServiceAccountToken: false.',
      enabled: 'The pod of {{kind}} "{{name}}" mounts its service account token; set automountServiceAccountToken to false unless it calls the Kubernetes API.',
    },
    examples: { bad: 'spec:\n  containers:\n  - name: app\n', good: 'spec:\n  automountServiceAccountToken: false\n  containers:\n  - name: app\n' },
    ptBR: {
      title: 'Não montar o token da service account',
      description:
        'Todo pod recebe por padrão um token da API montado; a maioria das aplicações nunca chama a API do Kubernetes, e o token só ajuda um atacante que consiga entrar.',
      messages: {
        missing: 'O pod de {{kind}} "{{name}}" monta um token de service account de que provavelmente não precisa; defina automountServiceAccountToken: false.',
        enabled: 'O pod de {{kind}} "{{name}}" monta o token da service account; defina automountServiceAccountToken como false, a menos que ele chame a API do Kubernetes.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      const pod = object.pod;
      if (!pod) continue;
      const value = object.reader.get(pod.node, 'automountServiceAccountToken');
      if (isFalse(value)) continue;
      const data = { kind: object.kind, name: object.name ?? '?' };
      const fix = () => editorFor(context).merge(pod.node, { automountServiceAccountToken: false });
      if (isScalar(value) && value.value !== null) context.report({ span: spanOf(value)!, messageId: 'enabled', data, fix });
      else context.report({ span: pod.keySpan, messageId: 'missing', data, fix });
    }
  },
});
