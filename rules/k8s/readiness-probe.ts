import { defineRule } from '../../server/src/engine/rule';
import { editorFor, probeFix, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isBatch } from '../../server/src/kinds/kubernetes/workloads';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/readiness-probe',
    kind: 'kubernetes',
    title: 'Give every container a readiness probe',
    description:
      'Without a readinessProbe a pod receives traffic as soon as its process starts, before it can serve, and keeps receiving it when it cannot. ' +
      'It is needed where the pod receives traffic: a Service in the workspace selects it, or a container declares ports. Then every container that declares ports needs one (or, when none does, every container the Service reaches). ' +
      'A worker with no ports and no Service gets no finding; Jobs, CronJobs and run-to-completion Pods never do.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Container "{{name}}" has no readinessProbe, so it gets traffic before it is ready; add one that checks a readiness endpoint.',
      selected: 'Container "{{name}}" has no readinessProbe, so Service "{{service}}" sends it traffic before it is ready; add one that checks a readiness endpoint.',
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
        'Sem readinessProbe um pod recebe tráfego assim que o processo inicia, antes de conseguir atender, e continua recebendo quando não consegue. ' +
        'Ela é necessária onde o pod recebe tráfego: um Service do workspace o seleciona, ou um container declara portas. Então todo container que declara portas precisa de uma (ou, quando nenhum declara, todo container que o Service alcança). ' +
        'Um worker sem portas e sem Service não gera achado; Jobs, CronJobs e Pods que rodam até terminar nunca geram.',
      messages: {
        missing: 'O container "{{name}}" não tem readinessProbe, então recebe tráfego antes de estar pronto; adicione uma que verifique um endpoint de prontidão.',
        selected: 'O container "{{name}}" não tem readinessProbe, então o Service "{{service}}" lhe envia tráfego antes de estar pronto; adicione uma que verifique um endpoint de prontidão.',
      },
      fixTitles: {
        add: 'Adicionar uma readiness probe HTTP em /ready',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      const pod = object.pod;
      if (!pod || isBatch(object)) continue;
      const containers = pod.containers.filter((container) => container.type === 'container');
      const services = workspaceOf(context).servicesFor(model.path, pod);
      const declaresPorts = containers.some((container) => container.ports.length > 0);
      for (const container of containers) {
        const receivesTraffic = container.ports.length > 0 || (!declaresPorts && services.length > 0);
        if (!receivesTraffic) continue;
        context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
        if (container.readinessProbe) continue;
        const service = services[0]?.object.name;
        context.report({
          span: container.nameSpan,
          messageId: service !== undefined ? 'selected' : 'missing',
          data: { name: container.name ?? '?', service: service ?? '' },
          fixTitleId: 'add',
          fix: () => probeFix(editorFor(context), container, 'readinessProbe'),
        });
      }
    }
  },
});
