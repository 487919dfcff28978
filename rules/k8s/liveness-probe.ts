import { defineRule } from '../../server/src/engine/rule';
import { checkProbe } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/liveness-probe',
    kind: 'kubernetes',
    title: 'Give every container a liveness probe',
    description:
      'Without a livenessProbe the kubelet never restarts a container that hangs or deadlocks; it keeps receiving traffic while doing nothing.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" has no livenessProbe, so a hung process is never restarted; add one that checks a health endpoint.',
    },
    fixTitles: {
      add: 'Add an HTTP liveness probe on /health',
    },
    examples: {
      bad: 'containers:\n- name: app\n  image: app:1.0\n  ports:\n  - containerPort: 3000\n',
      good: 'containers:\n- name: app\n  image: app:1.0\n  ports:\n  - containerPort: 3000\n  livenessProbe:\n    httpGet:\n      path: /health\n      port: 3000\n',
    },
    ptBR: {
      title: 'Dar a todo container uma liveness probe',
      description:
        'Sem livenessProbe o kubelet nunca reinicia um container travado ou em deadlock; ele continua recebendo tráfego sem fazer nada.',
      messages: {
        missing: 'O container "{{name}}" não tem livenessProbe, então um processo travado nunca é reiniciado; adicione uma que verifique um endpoint de saúde.',
      },
      fixTitles: {
        add: 'Adicionar uma liveness probe HTTP em /health',
      },
    },
  },
  check(model, context) {
    checkProbe(model, context, 'livenessProbe');
  },
});
