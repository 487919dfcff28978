import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { checkResources, RESOURCES_GROUP_DOC } from '../../server/src/kinds/kubernetes/resources';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/resource-limits',
    kind: 'kubernetes',
    title: 'Limit CPU and memory for every container',
    description: `A container without CPU and memory limits can starve its neighbours on the node; a memory leak then takes down more than its own pod. ${RESOURCES_GROUP_DOC.en}`,
    checklistItem: 'deployment/docker-resource-limits',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Container "{{name}}" sets no {{resources}}, so it can starve the rest of the node; add them to its resources.',
      grouped: 'Container "{{name}}" sets no {{resources}}, so it is scheduled blindly and can starve the node; add them to its resources.',
    },
    fixTitles: {
      add: 'Add the missing limits',
      addAll: 'Add CPU and memory requests and limits',
    },
    examples: {
      bad: '- name: app\n  image: app:1.0\n',
      good: '- name: app\n  image: app:1.0\n  resources:\n    limits:\n      memory: "512Mi"\n      cpu: "500m"\n',
    },
    ptBR: {
      title: 'Limitar CPU e memória de todo container',
      description: `Um container sem limites de CPU e memória pode esgotar os vizinhos no nó; um vazamento de memória então derruba mais do que o próprio pod. ${RESOURCES_GROUP_DOC.pt}`,
      messages: {
        missing: 'O container "{{name}}" não define {{resources}}, então pode esgotar o restante do nó; adicione-os aos seus resources.',
        grouped: 'O container "{{name}}" não define {{resources}}, então é agendado às cegas e pode esgotar o nó; adicione-os aos seus resources.',
      },
      fixTitles: {
        add: 'Adicionar os limites que faltam',
        addAll: 'Adicionar requests e limites de CPU e memória',
      },
    },
  },
  check(model, context) {
    checkResources(model, context, 'limits');
  },
});
