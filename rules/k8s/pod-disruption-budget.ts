import { defineRule } from '../../server/src/engine/rule';
import { objectSpan, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isReplicated, replicaRange } from '../../server/src/kinds/kubernetes/workloads';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/pod-disruption-budget',
    kind: 'kubernetes',
    title: 'Protect replicated workloads with a PodDisruptionBudget',
    description:
      'Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once, turning maintenance into an outage. ' +
      'A budget counts when it is in the workload\'s namespace (kustomize namespaces included) and its selector matches the pod template\'s labels, by matchLabels and matchExpressions, as the eviction API evaluates it; ' +
      'a budget without a selector (or, in policy/v1beta1, with an empty one) selects nothing, while an empty selector in policy/v1 selects every pod of its namespace. ' +
      'Replicated workloads with two or more replicas need one (or an autoscaler that may run two); Jobs, CronJobs and DaemonSets do not (a drain does not evict DaemonSet pods). A replica count the file does not spell out (`${REPLICAS}`) is looked at but not judged.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      missing: '{{kind}} "{{name}}" runs {{count}} replicas but no PodDisruptionBudget in namespace {{namespace}} selects its pods; add one with minAvailable or maxUnavailable.',
      scaled: '{{kind}} "{{name}}" may be scaled to {{count}} replicas but no PodDisruptionBudget in namespace {{namespace}} selects its pods; add one with minAvailable or maxUnavailable.',
    },
    examples: {
      bad: 'kind: Deployment\nspec:\n  replicas: 3\n',
      good: 'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
    },
    ptBR: {
      title: 'Proteger workloads replicados com um PodDisruptionBudget',
      description:
        'Sem um PodDisruptionBudget um dreno de nó ou uma atualização do cluster pode despejar todas as réplicas de uma vez, transformando manutenção em indisponibilidade. ' +
        'Um budget conta quando está no namespace do workload (incluindo namespaces do kustomize) e seu seletor casa com os labels do template do pod, por matchLabels e matchExpressions, como a API de eviction avalia; ' +
        'um budget sem seletor (ou, em policy/v1beta1, com um vazio) não seleciona nada, e um seletor vazio em policy/v1 seleciona todo pod do namespace. ' +
        'Workloads replicados com duas réplicas ou mais precisam de um (ou com um autoscaler que possa executar duas); Jobs, CronJobs e DaemonSets não (um dreno não despeja pods de DaemonSet). Um número de réplicas que o arquivo não escreve por extenso (`${REPLICAS}`) é examinado, mas não julgado.',
      messages: {
        missing: '{{kind}} "{{name}}" executa {{count}} réplicas, mas nenhum PodDisruptionBudget no namespace {{namespace}} seleciona seus pods; adicione um com minAvailable ou maxUnavailable.',
        scaled: '{{kind}} "{{name}}" pode ser escalado para {{count}} réplicas, mas nenhum PodDisruptionBudget no namespace {{namespace}} seleciona seus pods; adicione um com minAvailable ou maxUnavailable.',
      },
    },
  },
  check(model, context) {
    const workspace = workspaceOf(context);
    for (const workload of model.objects) {
      if (!isReplicated(workload)) continue;
      const range = replicaRange(context, workload);
      // With an autoscaler the budget matters as soon as it may run two pods; an unknown count is not judged.
      const count = range.scaled && Number.isFinite(range.max) ? range.max : range.min;
      context.inspect({ subject: 'workload', span: objectSpan(workload), name: workload.name, ...(Number.isFinite(count) ? {} : { unknown: true }) });
      if (count < 2 || !Number.isFinite(count) || workspace.budgetFor(model.path, workload)) continue;
      const data = { kind: workload.kind, name: workload.name ?? '?', count, namespace: workspace.namespacesOf(model.path, workload.namespace).join(', ') };
      context.report({ span: objectSpan(workload), messageId: range.scaled ? 'scaled' : 'missing', data });
    }
  },
});
