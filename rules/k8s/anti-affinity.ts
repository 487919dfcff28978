import { defineRule } from '../../server/src/engine/rule';
import { editorFor, MAP_TOP, objectSpan, workspaceOf, yamlString } from '../../server/src/kinds/kubernetes/checks';
import type { YObject } from '../../server/src/kinds/kubernetes/edits';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isReplicated, replicaRange, spreadsReplicas } from '../../server/src/kinds/kubernetes/workloads';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/anti-affinity',
    kind: 'kubernetes',
    title: 'Spread replicas over nodes',
    description:
      'Replicas the scheduler is not asked to keep apart may all land on one node, and that node\'s failure or drain then takes every one down, which defeats running several. ' +
      'A workload that runs (or an autoscaler may scale it to) more than one replica needs a pod anti-affinity term or a topology spread constraint on `kubernetes.io/hostname` or a zone key whose selector matches its own pod labels (and, when the term lists namespaces, names its own), as kube-linter\'s no-anti-affinity check asks. ' +
      'The quick fix adds a preferred anti-affinity on the hostname, which spreads the replicas without blocking scheduling when nodes are few. A replica count the file does not spell out (`${REPLICAS}`) is looked at but not judged.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: '{{kind}} "{{name}}" runs up to {{count}} replicas with no pod anti-affinity or topology spread constraint, so they may all land on one node and fail together; spread them across nodes.',
    },
    fixTitles: {
      prefer: 'Prefer to schedule the replicas on different nodes',
    },
    examples: {
      bad: 'kind: Deployment\nspec:\n  replicas: 3\n',
      good:
        'kind: Deployment\nspec:\n  replicas: 3\n  template:\n    spec:\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n        labelSelector:\n          matchLabels:\n            app: web\n',
    },
    ptBR: {
      title: 'Espalhar as réplicas pelos nós',
      description:
        'Réplicas que o scheduler não é instruído a separar podem cair todas no mesmo nó, e a falha ou o dreno desse nó derruba todas, o que anula o propósito de ter várias. ' +
        'Um workload que executa (ou que um autoscaler pode escalar para) mais de uma réplica precisa de um termo de pod anti-affinity ou de uma topology spread constraint em `kubernetes.io/hostname` ou numa chave de zona cujo seletor case com os labels dos seus próprios pods (e, quando o termo lista namespaces, inclua o seu), como pede o check no-anti-affinity do kube-linter. ' +
        'A correção rápida adiciona uma anti-affinity preferencial por hostname, que espalha as réplicas sem bloquear o agendamento quando há poucos nós. Um número de réplicas que o arquivo não escreve por extenso (`${REPLICAS}`) é examinado, mas não julgado.',
      messages: {
        missing: '{{kind}} "{{name}}" executa até {{count}} réplicas sem pod anti-affinity nem topology spread constraint, então elas podem cair todas no mesmo nó e falhar juntas; espalhe-as pelos nós.',
      },
      fixTitles: {
        prefer: 'Preferir agendar as réplicas em nós diferentes',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      const pod = object.pod;
      if (!pod || !isReplicated(object)) continue;
      const range = replicaRange(context, object);
      const count = Number.isFinite(range.max) ? range.max : range.min;
      // A replica count the file does not spell out may be more than one: looked at, not judged.
      if (!Number.isFinite(count)) context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name, unknown: true });
      if (!Number.isFinite(count) || count < 2) continue;
      context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name });
      if (spreadsReplicas(object, workspaceOf(context).namespacesOf(model.path, object.namespace))) continue;
      const labels = Object.entries(pod.labels);
      context.report({
        span: objectSpan(object),
        messageId: 'missing',
        data: { kind: object.kind, name: object.name ?? '?', count },
        fixTitleId: 'prefer',
        fix: () => {
          if (labels.length === 0) return null;
          const matchLabels: YObject = Object.fromEntries(labels.map(([key, value]) => [yamlString(key), yamlString(value)]));
          const term = { weight: 100, podAffinityTerm: { labelSelector: { matchLabels }, topologyKey: 'kubernetes.io/hostname' } };
          return editorFor(context).merge(pod.node, { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term] } } }, MAP_TOP);
        },
      });
    }
  },
});
