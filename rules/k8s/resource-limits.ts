import { defineRule } from '../../server/src/engine/rule';
import { checkResources } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/resource-limits',
    kind: 'kubernetes',
    title: 'Limit CPU and memory for every container',
    description:
      'A container without CPU and memory limits can starve its neighbours on the node; a memory leak then takes down more than its own pod.',
    checklistItem: 'deployment/docker-resource-limits',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" has no {{resources}} limit, so it can starve the rest of the node; add resources.limits.',
    },
    fixTitles: {
      add: 'Add CPU and memory limits',
    },
    examples: {
      bad: '- name: app\n  image: app:1.0\n',
      good: '- name: app\n  image: app:1.0\n  resources:\n    limits:\n      memory: "512Mi"\n      cpu: "500m"\n',
    },
    ptBR: {
      title: 'Limitar CPU e memória de todo container',
      description:
        'Um container sem limites de CPU e memória pode esgotar os vizinhos no nó; um vazamento de memória então derruba mais do que o próprio pod.',
      messages: {
        missing: 'O container "{{name}}" não tem limite de {{resources}}, então pode esgotar o restante do nó; adicione resources.limits.',
      },
      fixTitles: {
        add: 'Adicionar limites de CPU e memória',
      },
    },
  },
  check(model, context) {
    checkResources(model, context, 'limits');
  },
});
