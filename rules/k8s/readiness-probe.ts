import { defineRule } from '../../server/src/engine/rule';
import { checkProbe } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/readiness-probe',
    kind: 'kubernetes',
    title: 'Give every container a readiness probe',
    description:
      'Without a readinessProbe a pod receives traffic as soon as its process starts, before it can serve, and keeps receiving it when it cannot.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" has no readinessProbe, so it gets traffic before it is ready; add one that checks a readiness endpoint.',
    },
    fixTitles: {
      add: 'Add an HTTP readiness probe on /ready',
    },
    examples: {
      bad: 'containers:\n- name: app\n  image: app:1.0\n  ports:\n  - containerPort: 3000\n',
      good: 'containers:\n- name: app\n  image: app:1.0\n  ports:\n  - containerPort: 3000\n  readinessProbe:\n    httpGet:\n      path: /ready\n      port: 3000\n',
    },
    ptBR: {
      title: 'Dar a todo container uma readiness probe',
      description:
        'Sem readinessProbe um pod recebe tráfego assim que o processo inicia, antes de conseguir atender, e continua recebendo quando não consegue.',
      messages: {
        missing: 'O container "{{name}}" não tem readinessProbe, então recebe tráfego antes de estar pronto; adicione uma que verifique um endpoint de prontidão.',
      },
      fixTitles: {
        add: 'Adicionar uma readiness probe HTTP em /ready',
      },
    },
  },
  check(model, context) {
    checkProbe(model, context, 'readinessProbe');
  },
});
