import { defineRule } from '../../server/src/engine/rule';
import { editorFor, MAP_TOP, objectSpan, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';
import { accountName } from '../../server/src/kinds/kubernetes/workspace-index';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/service-account-token',
    kind: 'kubernetes',
    title: 'Do not mount the service account token',
    description:
      'Every pod gets an API token mounted by default; most applications never call the Kubernetes API, and the token only helps an attacker who gets in. ' +
      'A pod is fine when it sets automountServiceAccountToken itself (false, or true as a decision that it calls the API), when its ServiceAccount in the workspace sets automountServiceAccountToken: false, ' +
      'or when a RoleBinding or ClusterRoleBinding in the workspace grants its ServiceAccount something (it then needs the token).',
    checklistItem: 'deployment/rbac',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'The pod of {{kind}} "{{name}}" mounts a token of service account {{account}}, which no binding in the workspace grants anything; set automountServiceAccountToken: false.',
    },
    fixTitles: {
      disable: 'Set automountServiceAccountToken: false on the pod',
    },
    examples: { bad: 'spec:\n  containers:\n  - name: app\n', good: 'spec:\n  automountServiceAccountToken: false\n  containers:\n  - name: app\n' },
    ptBR: {
      title: 'Não montar o token da service account',
      description:
        'Todo pod recebe por padrão um token da API montado; a maioria das aplicações nunca chama a API do Kubernetes, e o token só ajuda um atacante que consiga entrar. ' +
        'Um pod está certo quando ele mesmo define automountServiceAccountToken (false, ou true como decisão de que chama a API), quando sua ServiceAccount no workspace define automountServiceAccountToken: false, ' +
        'ou quando um RoleBinding ou ClusterRoleBinding do workspace concede algo à sua ServiceAccount (ela então precisa do token).',
      fixTitles: {
        disable: 'Definir automountServiceAccountToken: false no pod',
      },
      messages: {
        missing: 'O pod de {{kind}} "{{name}}" monta um token da service account {{account}}, à qual nenhum binding do workspace concede algo; defina automountServiceAccountToken: false.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      const pod = object.pod;
      if (!pod) continue;
      context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name });
      // Set either way on the pod, it is a decision: false is the fix, true says the pod calls the API.
      if (scalarString(object.reader.get(pod.node, 'automountServiceAccountToken')) !== undefined) continue;
      const workspace = workspaceOf(context);
      if (workspace.accountFor(model.path, pod)?.automount === false || workspace.accountIsBound(model.path, pod)) continue;
      context.report({
        span: pod.keySpan,
        messageId: 'missing',
        data: { kind: object.kind, name: object.name ?? '?', account: accountName(pod) },
        fixTitleId: 'disable',
        fix: () => editorFor(context).merge(pod.node, { automountServiceAccountToken: false }, MAP_TOP),
      });
    }
  },
});
