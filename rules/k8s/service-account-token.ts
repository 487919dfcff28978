import { defineRule, type Fixer } from '../../server/src/engine/rule';
import { editorFor, MAP_TOP, objectSpan, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isFalse, isTrue, isUnresolved, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { accountName } from '../../server/src/kinds/kubernetes/workspace-index';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/service-account-token',
    kind: 'kubernetes',
    title: 'Do not mount the service account token',
    description:
      'Every pod gets an API token mounted by default; most applications never call the Kubernetes API, and the token only helps an attacker who gets in. ' +
      'A pod is fine when it sets automountServiceAccountToken: false, when its ServiceAccount in the workspace does, or when a RoleBinding or ClusterRoleBinding in the workspace grants its ServiceAccount something (it then needs the token). ' +
      'An explicit automountServiceAccountToken: true on the pod is a decision that it calls the API: it is reported at most as information, naming the binding that grants its account permissions when the workspace has one (then it is the right choice, and the fix is not offered). ' +
      'A ServiceAccount other than `default` that the workspace does not define is created elsewhere (a chart, an operator, the cluster), where it may disable the token or be bound to a role: the pod is looked at but not judged.',
    checklistItem: 'deployment/rbac',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'The pod of {{kind}} "{{name}}" mounts a token of service account {{account}}, which no binding in the workspace grants anything; set automountServiceAccountToken: false.',
      decided: 'The pod of {{kind}} "{{name}}" mounts the token of service account {{account}} on purpose, but no binding in the workspace grants that account anything; set automountServiceAccountToken: false unless the pod calls the API.',
      decidedBound: 'The pod of {{kind}} "{{name}}" mounts the token of service account {{account}} on purpose, which {{binding}} "{{bindingName}}" grants permissions; keep it only while the pod calls the API.',
    },
    fixTitles: {
      disable: 'Set automountServiceAccountToken: false on the pod',
    },
    examples: { bad: 'spec:\n  containers:\n  - name: app\n', good: 'spec:\n  automountServiceAccountToken: false\n  containers:\n  - name: app\n' },
    ptBR: {
      title: 'Não montar o token da service account',
      description:
        'Todo pod recebe por padrão um token da API montado; a maioria das aplicações nunca chama a API do Kubernetes, e o token só ajuda um atacante que consiga entrar. ' +
        'Um pod está certo quando define automountServiceAccountToken: false, quando sua ServiceAccount no workspace o define, ou quando um RoleBinding ou ClusterRoleBinding do workspace concede algo à sua ServiceAccount (ela então precisa do token). ' +
        'Um automountServiceAccountToken: true explícito no pod é uma decisão de que ele chama a API: é reportado no máximo como informação, citando o binding que concede permissões à sua conta quando o workspace tem um (então é a escolha certa, e a correção não é oferecida). ' +
        'Uma ServiceAccount diferente de `default` que o workspace não define é criada em outro lugar (um chart, um operador, o cluster), onde pode desativar o token ou estar ligada a um papel: o pod é examinado, mas não julgado.',
      fixTitles: {
        disable: 'Definir automountServiceAccountToken: false no pod',
      },
      messages: {
        missing: 'O pod de {{kind}} "{{name}}" monta um token da service account {{account}}, à qual nenhum binding do workspace concede algo; defina automountServiceAccountToken: false.',
        decided: 'O pod de {{kind}} "{{name}}" monta de propósito o token da service account {{account}}, mas nenhum binding do workspace concede algo a essa conta; defina automountServiceAccountToken: false, a menos que o pod chame a API.',
        decidedBound: 'O pod de {{kind}} "{{name}}" monta de propósito o token da service account {{account}}, à qual {{binding}} "{{bindingName}}" concede permissões; mantenha-o só enquanto o pod chamar a API.',
      },
    },
  },
  check(model, context) {
    const workspace = workspaceOf(context);
    for (const object of model.objects) {
      const pod = object.pod;
      if (!pod) continue;
      const span = objectSpan(object);
      const account = accountName(pod);
      const data = { kind: object.kind, name: object.name ?? '?', account };
      const setting = object.reader.get(pod.node, 'automountServiceAccountToken');
      const binding = workspace.bindingFor(model.path, pod);
      if (isFalse(setting)) {
        context.inspect({ subject: 'workload', span, name: object.name });
        continue;
      }
      if (isTrue(setting)) {
        // Written out, true is a decision that the pod calls the API: information at most.
        context.inspect({ subject: 'workload', span, name: object.name });
        const fix = binding ? undefined : (fixer: Fixer) => fixer.replace(spanOf(setting)!, 'false');
        const messageId = binding ? 'decidedBound' : 'decided';
        context.report({ span: spanOf(setting)!, messageId, atMost: 'information', data: { ...data, binding: binding?.object.kind ?? '', bindingName: binding?.object.name ?? '?' }, fixTitleId: 'disable', fix });
        continue;
      }
      const defined = workspace.accountFor(model.path, pod);
      // An account created elsewhere may disable the token or be bound there: unknown, not missing.
      const unknown = isUnresolved(account) || isUnresolved(scalarString(setting)) || (!defined && !binding && account !== 'default');
      context.inspect({ subject: 'workload', span, name: object.name, ...(unknown ? { unknown: true } : {}) });
      if (unknown || defined?.automount === false || binding) continue;
      context.report({
        span: pod.keySpan,
        messageId: 'missing',
        data,
        fixTitleId: 'disable',
        fix: () => editorFor(context).merge(pod.node, { automountServiceAccountToken: false }, MAP_TOP),
      });
    }
  },
});
