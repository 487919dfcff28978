import { defineRule } from '../../server/src/engine/rule';
import { editorFor, probeFix } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isBatch } from '../../server/src/kinds/kubernetes/workloads';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/liveness-probe',
    kind: 'kubernetes',
    title: 'Give every container a liveness probe',
    description:
      'Without a livenessProbe the kubelet never restarts a container that hangs or deadlocks; it keeps receiving traffic while doing nothing. ' +
      'Every long-running workload needs one (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, DeploymentConfig, a Pod that restarts); ' +
      'Jobs, CronJobs and Pods with restartPolicy Never or OnFailure run to completion and need none, and init and ephemeral containers cannot have one. ' +
      'The quick fix probes the first declared port over HTTP; a container without ports gets no fix (an exec or tcpSocket probe is its owner\'s choice).',
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
        'Sem livenessProbe o kubelet nunca reinicia um container travado ou em deadlock; ele continua recebendo tráfego sem fazer nada. ' +
        'Todo workload de longa duração precisa de uma (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, DeploymentConfig, um Pod que reinicia); ' +
        'Jobs, CronJobs e Pods com restartPolicy Never ou OnFailure rodam até terminar e não precisam, e init containers e containers efêmeros não podem tê-la. ' +
        'A correção rápida sonda a primeira porta declarada via HTTP; um container sem portas não recebe correção (uma probe exec ou tcpSocket é escolha de quem o mantém).',
      messages: {
        missing: 'O container "{{name}}" não tem livenessProbe, então um processo travado nunca é reiniciado; adicione uma que verifique um endpoint de saúde.',
      },
      fixTitles: {
        add: 'Adicionar uma liveness probe HTTP em /health',
      },
    },
  },
  check(model, context) {
    for (const container of model.containers) {
      if (container.type !== 'container' || isBatch(container.pod.owner)) continue;
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
      if (container.livenessProbe) continue;
      context.report({
        span: container.nameSpan,
        messageId: 'missing',
        data: { name: container.name ?? '?' },
        fixTitleId: 'add',
        fix: () => probeFix(editorFor(context), container, 'livenessProbe'),
      });
    }
  },
});
