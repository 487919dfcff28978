import { defineRule } from '../../server/src/engine/rule';
import { checkResources } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/resource-requests',
    kind: 'kubernetes',
    title: 'Request CPU and memory for every container',
    description:
      'Without CPU and memory requests the scheduler places pods blindly and they are the first evicted under node pressure.',
    checklistItem: 'deployment/docker-resource-limits',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" does not request {{resources}}, so it is scheduled blindly and evicted first; add resources.requests.',
    },
    fixTitles: {
      add: 'Add CPU and memory requests',
    },
    examples: {
      bad: '- name: app\n  image: app:1.0\n',
      good: '- name: app\n  image: app:1.0\n  resources:\n    requests:\n      memory: "256Mi"\n      cpu: "250m"\n',
    },
    ptBR: {
      title: 'Solicitar CPU e memória para todo container',
      description:
        'Sem requests de CPU e memória o scheduler posiciona os pods às cegas e eles são os primeiros despejados quando o nó fica sob pressão.',
      messages: {
        missing: 'O container "{{name}}" não solicita {{resources}}, então é agendado às cegas e despejado primeiro; adicione resources.requests.',
      },
      fixTitles: {
        add: 'Adicionar requests de CPU e memória',
      },
    },
  },
  check(model, context) {
    checkResources(model, context, 'requests');
  },
});
