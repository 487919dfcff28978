import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { checkResources, RESOURCES_GROUP_DOC } from '../../server/src/kinds/kubernetes/resources';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/resource-requests',
    kind: 'kubernetes',
    title: 'Request CPU and memory for every container',
    description: `Without CPU and memory requests the scheduler places pods blindly and they are the first evicted under node pressure. ${RESOURCES_GROUP_DOC.en}`,
    checklistItem: 'deployment/docker-resource-limits',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Container "{{name}}" sets no {{resources}}, so it is scheduled blindly and evicted first; add them to its resources.',
      grouped: 'Container "{{name}}" sets no {{resources}}, so it is scheduled blindly and can starve the node; add them to its resources.',
    },
    fixTitles: {
      add: 'Add the missing requests',
      addAll: 'Add CPU and memory requests and limits',
    },
    examples: {
      bad: '- name: app\n  image: app:1.0\n',
      good: '- name: app\n  image: app:1.0\n  resources:\n    requests:\n      memory: "256Mi"\n      cpu: "250m"\n',
    },
    ptBR: {
      title: 'Solicitar CPU e memória para todo container',
      description: `Sem requests de CPU e memória o scheduler posiciona os pods às cegas e eles são os primeiros despejados quando o nó fica sob pressão. ${RESOURCES_GROUP_DOC.pt}`,
      messages: {
        missing: 'O container "{{name}}" não define {{resources}}, então é agendado às cegas e despejado primeiro; adicione-os aos seus resources.',
        grouped: 'O container "{{name}}" não define {{resources}}, então é agendado às cegas e pode esgotar o nó; adicione-os aos seus resources.',
      },
      fixTitles: {
        add: 'Adicionar os requests que faltam',
        addAll: 'Adicionar requests e limites de CPU e memória',
      },
    },
  },
  check(model, context) {
    checkResources(model, context, 'requests');
  },
});
