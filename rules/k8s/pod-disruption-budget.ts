import { defineRule } from '../../server/src/engine/rule';
import { namespaceOf, objectSpan, replicasOf } from '../../server/src/kinds/kubernetes/checks';
import type { K8sObject, KubernetesModel } from '../../server/src/kinds/kubernetes/model';

function coveringBudget(workload: K8sObject, budgets: K8sObject[]): boolean {
  const labels = workload.pod?.labels ?? {};
  return budgets.some((budget) => {
    if (namespaceOf(budget) !== namespaceOf(workload)) return false;
    const { reader } = budget;
    const selector = reader.getMap(budget.spec, 'selector');
    // A budget selecting by expressions is trusted: evaluating them is not worth a false alarm.
    if (reader.getSeq(selector, 'matchExpressions')) return true;
    const matchLabels = reader.stringMap(reader.getMap(selector, 'matchLabels'));
    const keys = Object.keys(matchLabels);
    return keys.length > 0 && keys.every((key) => labels[key] === matchLabels[key]);
  });
}

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/pod-disruption-budget',
    kind: 'kubernetes',
    title: 'Protect replicated workloads with a PodDisruptionBudget',
    description:
      'Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once, turning maintenance into an outage.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      missing: '{{kind}} "{{name}}" runs {{count}} replicas but no PodDisruptionBudget in namespace {{namespace}} selects its pods; add one with minAvailable or maxUnavailable.',
    },
    examples: {
      bad: 'kind: Deployment\nspec:\n  replicas: 3\n',
      good: 'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
    },
    ptBR: {
      title: 'Proteger workloads replicados com um PodDisruptionBudget',
      description:
        'Sem um PodDisruptionBudget um dreno de nó ou uma atualização do cluster pode despejar todas as réplicas de uma vez, transformando manutenção em indisponibilidade.',
      messages: {
        missing: '{{kind}} "{{name}}" executa {{count}} réplicas, mas nenhum PodDisruptionBudget no namespace {{namespace}} seleciona seus pods; adicione um com minAvailable ou maxUnavailable.',
      },
    },
  },
  check(model, context) {
    const workloads = model.objects.filter((object) => (object.kind === 'Deployment' || object.kind === 'StatefulSet') && object.pod);
    if (workloads.length === 0) return;
    const budgets: K8sObject[] = [];
    for (const file of context.workspace.files('kubernetes')) {
      const other = file.model as KubernetesModel;
      for (const object of other.objects ?? []) if (object.kind === 'PodDisruptionBudget') budgets.push(object);
    }
    for (const workload of workloads) {
      const { count } = replicasOf(workload);
      if (count < 2 || !Number.isFinite(count) || coveringBudget(workload, budgets)) continue;
      context.report({
        span: objectSpan(workload),
        messageId: 'missing',
        data: { kind: workload.kind, name: workload.name ?? '?', count, namespace: namespaceOf(workload) },
      });
    }
  },
});
