import { defineRule } from '../../server/src/engine/rule';
import { namespaceOf, objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/network-policy',
    kind: 'kubernetes',
    title: 'Restrict pod traffic with a NetworkPolicy',
    description:
      'Without a NetworkPolicy in its namespace every pod accepts traffic from any pod in the cluster, so one compromised pod can reach them all.',
    checklistItem: 'deployment/network-policies',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      missing: 'No NetworkPolicy exists in namespace {{namespace}}, so {{kind}} "{{name}}" accepts traffic from every pod; add a default-deny policy and allow what it needs.',
    },
    examples: {
      bad: 'kind: Deployment\nmetadata:\n  namespace: shop\n',
      good: 'kind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
    },
    ptBR: {
      title: 'Restringir o tráfego dos pods com uma NetworkPolicy',
      description:
        'Sem uma NetworkPolicy no namespace, todo pod aceita tráfego de qualquer pod do cluster, e um único pod comprometido alcança todos.',
      messages: {
        missing: 'Não existe NetworkPolicy no namespace {{namespace}}, então {{kind}} "{{name}}" aceita tráfego de todo pod; adicione uma política default-deny e libere o que ele precisa.',
      },
    },
  },
  check(model, context) {
    const workloads = model.objects.filter((object) => object.pod);
    if (workloads.length === 0) return;
    const covered = new Set<string>();
    for (const file of context.workspace.files('kubernetes')) {
      const other = file.model as KubernetesModel;
      for (const object of other.objects ?? []) if (object.kind === 'NetworkPolicy') covered.add(namespaceOf(object));
    }
    for (const workload of workloads) {
      const namespace = namespaceOf(workload);
      if (covered.has(namespace)) continue;
      context.report({ span: objectSpan(workload), messageId: 'missing', data: { namespace, kind: workload.kind, name: workload.name ?? '?' } });
    }
  },
});
