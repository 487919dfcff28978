import { defineRule } from '../../server/src/engine/rule';
import { editorFor, keySpan, objectSpan, replicasOf } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { spanOf } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/replicas',
    kind: 'kubernetes',
    title: 'Run more than one replica',
    description:
      'A single replica makes every node drain, rollout or crash an outage; run at least two so one can serve while the other restarts.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'warning',
    fixable: true,
    fixReveals: ['k8s/pod-disruption-budget'],
    options: { minReplicas: { type: 'number', default: 2, minimum: 1, description: 'Fewest replicas a Deployment or StatefulSet may run.' } },
    messages: {
      missing: '{{kind}} "{{name}}" does not set replicas, so it runs 1; set replicas to at least {{min}}.',
      tooFew: '{{kind}} "{{name}}" runs fewer than {{min}} replicas ({{count}}), so any restart is an outage; set replicas to at least {{min}}.',
    },
    examples: { bad: 'kind: Deployment\nspec:\n  replicas: 1\n', good: 'kind: Deployment\nspec:\n  replicas: 3\n' },
    ptBR: {
      title: 'Executar mais de uma réplica',
      description:
        'Uma única réplica transforma todo dreno de nó, rollout ou crash em indisponibilidade; execute pelo menos duas para que uma atenda enquanto a outra reinicia.',
      messages: {
        missing: '{{kind}} "{{name}}" não define replicas, então executa 1; defina replicas como pelo menos {{min}}.',
        tooFew: '{{kind}} "{{name}}" executa menos de {{min}} réplicas ({{count}}), então qualquer reinício causa indisponibilidade; defina replicas como pelo menos {{min}}.',
      },
    },
  },
  check(model, context) {
    const min = Number(context.options.minReplicas ?? 2);
    for (const object of model.objects) {
      if ((object.kind !== 'Deployment' && object.kind !== 'StatefulSet') || !object.spec) continue;
      const { count, node } = replicasOf(object);
      if (count >= min) continue;
      const data = { kind: object.kind, name: object.name ?? '?', count, min };
      const spec = object.spec;
      if (node) {
        const span = spanOf(node)!;
        context.report({ span, messageId: 'tooFew', data, fix: (fixer) => (object.reader.pair(spec, 'replicas')?.value === node ? fixer.replace(span, String(min)) : null) });
      } else {
        context.report({
          span: keySpan(object.node, 'spec', object.reader) ?? objectSpan(object),
          messageId: 'missing',
          data,
          fix: () => editorFor(context).merge(spec, { replicas: min }),
        });
      }
    }
  },
});
