import { defineRule } from '../../server/src/engine/rule';
import { objectSpan, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isTrue } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/network-policy',
    kind: 'kubernetes',
    title: 'Restrict pod traffic with a NetworkPolicy',
    description:
      'Without a NetworkPolicy that selects them, pods accept traffic from any pod in the cluster, so one compromised pod can reach them all. ' +
      'Coverage is per workload: a policy covers a pod when it is in the pod\'s namespace, isolates ingress (no policyTypes, or one listing Ingress) and its podSelector matches the pod template\'s labels (an empty podSelector matches every pod). ' +
      'Cilium policies with ingress rules count by their endpointSelector; a pod that only Calico policies (whose selectors are expressions) or cluster-wide policies may select, or whose namespace the file does not spell out, is looked at but not judged. ' +
      'A hostNetwork pod cannot be selected by a NetworkPolicy and gets no finding.',
    checklistItem: 'deployment/network-policies',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      missing: 'No NetworkPolicy in namespace {{namespace}} selects the pods of {{kind}} "{{name}}", so they accept traffic from every pod; add a default-deny policy and allow what it needs.',
    },
    examples: {
      bad: 'kind: Deployment\nmetadata:\n  namespace: shop\n',
      good: 'kind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
    },
    ptBR: {
      title: 'Restringir o tráfego dos pods com uma NetworkPolicy',
      description:
        'Sem uma NetworkPolicy que os selecione, os pods aceitam tráfego de qualquer pod do cluster, e um único pod comprometido alcança todos. ' +
        'A cobertura é por workload: uma política cobre um pod quando está no namespace do pod, isola o ingress (sem policyTypes, ou com Ingress na lista) e seu podSelector casa com os labels do template do pod (um podSelector vazio casa com todo pod). ' +
        'Políticas do Cilium com regras de ingress contam pelo endpointSelector; um pod que só políticas do Calico (cujos seletores são expressões) ou políticas de todo o cluster podem selecionar, ou cujo namespace o arquivo não escreve por extenso, é examinado, mas não julgado. ' +
        'Um pod com hostNetwork não pode ser selecionado por uma NetworkPolicy e não gera achado.',
      messages: {
        missing: 'Nenhuma NetworkPolicy no namespace {{namespace}} seleciona os pods de {{kind}} "{{name}}", então eles aceitam tráfego de todo pod; adicione uma política default-deny e libere o que ele precisa.',
      },
    },
  },
  check(model, context) {
    const workspace = workspaceOf(context);
    for (const workload of model.objects) {
      if (!workload.pod || isTrue(workload.reader.get(workload.pod.node, 'hostNetwork'))) continue;
      const isolated = workspace.isolated(model.path, workload);
      context.inspect({ subject: 'workload', span: objectSpan(workload), name: workload.name, ...(isolated === 'unknown' ? { unknown: true } : {}) });
      if (isolated !== false) continue;
      const namespace = workspace.namespacesOf(model.path, workload.namespace).join(', ');
      context.report({ span: objectSpan(workload), messageId: 'missing', data: { namespace, kind: workload.kind, name: workload.name ?? '?' } });
    }
  },
});
