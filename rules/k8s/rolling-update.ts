import { defineRule, type RuleContext } from '../../server/src/engine/rule';
import { editorFor, keySpan, objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { K8sObject, KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { replicaRange, type Rollout, rolloutOf, scaledValue, singleNodeClaim, unavailableDuringRollout } from '../../server/src/kinds/kubernetes/workloads';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/rolling-update',
    kind: 'kubernetes',
    title: 'Roll out without taking pods down first',
    description:
      'The Recreate strategy stops every pod before starting new ones, and a rolling update whose maxUnavailable resolves to a pod or more removes serving pods before their replacements are ready. ' +
      'maxUnavailable and maxSurge are resolved for the replica count as the deployment controller does (a percentage of maxUnavailable rounds down, of maxSurge up): the default 25% takes no pod down below 4 replicas. ' +
      'A maxUnavailable written out that takes every serving pod down is an outage at each rollout; one that leaves pods serving trades capacity during the rollout for speed on purpose, and is reported at most as information. ' +
      'With an autoscaler the count is its minReplicas; a percentage of a count the file does not spell out (`${REPLICAS}`) is looked at but not judged. ' +
      'Recreate is right, and not reported, for a pod that mounts a ReadWriteOnce (or ReadWriteOncePod) claim, which a second node cannot mount, and for a single replica (no autoscaler), where it keeps a singleton from ever running twice (k8s/replicas speaks about the single replica). With a claim the workspace does not show, Recreate is looked at but not judged. Applies to Deployments and OpenShift DeploymentConfigs.',
    checklistItem: 'deployment/deployment-strategy',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      recreate: '{{kind}} "{{name}}" uses the Recreate strategy, so every rollout is an outage; use a rolling update with maxUnavailable: 0.',
      defaultUnavailable: '{{kind}} "{{name}}" keeps the default maxUnavailable of 25%, which takes {{count}} of its {{replicas}} serving pods down before their replacements are ready; set maxUnavailable: 0.',
      unavailable: '{{kind}} "{{name}}" lets a rollout take {{count}} of its {{replicas}} serving pods down (maxUnavailable {{value}}) before their replacements are ready, so it serves with less capacity meanwhile; set maxUnavailable to 0 and let maxSurge add capacity if that matters.',
      allUnavailable: '{{kind}} "{{name}}" lets a rollout take all its serving pods down at once (maxUnavailable {{value}}) before their replacements are ready, so every rollout is an outage; set maxUnavailable to 0 and let maxSurge add capacity instead.',
    },
    fixTitles: {
      zero: 'Set maxUnavailable to 0',
    },
    examples: {
      bad: 'strategy:\n  type: Recreate\n',
      good: 'strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0\n',
    },
    ptBR: {
      title: 'Fazer rollout sem derrubar pods antes',
      description:
        'A estratégia Recreate para todos os pods antes de iniciar os novos, e um rolling update cujo maxUnavailable resulta em um pod ou mais remove pods em serviço antes que os substitutos estejam prontos. ' +
        'maxUnavailable e maxSurge são calculados para o número de réplicas como o controlador de deployments faz (uma porcentagem de maxUnavailable arredonda para baixo, de maxSurge para cima): os 25% padrão não derrubam nenhum pod abaixo de 4 réplicas. ' +
        'Um maxUnavailable escrito que derruba todos os pods em serviço causa indisponibilidade a cada rollout; um que deixa pods atendendo troca de propósito capacidade durante o rollout por velocidade, e é reportado no máximo como informação. ' +
        'Com um autoscaler o número é o seu minReplicas; uma porcentagem de um número que o arquivo não escreve por extenso (`${REPLICAS}`) é examinada, mas não julgada. ' +
        'Recreate é o certo, e não é reportado, para um pod que monta um claim ReadWriteOnce (ou ReadWriteOncePod), que um segundo nó não consegue montar, e para uma única réplica (sem autoscaler), em que evita que um singleton rode duas vezes (k8s/replicas fala da réplica única). Com um claim que o workspace não mostra, o Recreate é examinado, mas não julgado. Vale para Deployments e DeploymentConfigs do OpenShift.',
      messages: {
        recreate: '{{kind}} "{{name}}" usa a estratégia Recreate, então todo rollout causa indisponibilidade; use um rolling update com maxUnavailable: 0.',
        defaultUnavailable: '{{kind}} "{{name}}" mantém o maxUnavailable padrão de 25%, que derruba {{count}} de seus {{replicas}} pods em serviço antes que os substitutos estejam prontos; defina maxUnavailable: 0.',
        unavailable: '{{kind}} "{{name}}" permite que um rollout derrube {{count}} de seus {{replicas}} pods em serviço (maxUnavailable {{value}}) antes que os substitutos estejam prontos, então atende com menos capacidade nesse meio-tempo; defina maxUnavailable como 0 e deixe o maxSurge adicionar capacidade se isso importar.',
        allUnavailable: '{{kind}} "{{name}}" permite que um rollout derrube todos os seus pods em serviço de uma vez (maxUnavailable {{value}}) antes que os substitutos estejam prontos, então todo rollout causa indisponibilidade; defina maxUnavailable como 0 e deixe o maxSurge adicionar capacidade.',
      },
      fixTitles: {
        zero: 'Definir maxUnavailable como 0',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if ((object.kind !== 'Deployment' && object.kind !== 'DeploymentConfig') || !object.spec || !object.pod) continue;
      const inspect = (unknown: boolean) => context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name, ...(unknown ? { unknown: true } : {}) });
      const rollout = rolloutOf(object);
      const data = { kind: object.kind, name: object.name ?? '?' };
      const range = replicaRange(context, object);
      if (rollout.type === 'Recreate') {
        // One replica that never runs twice is a singleton by design; so is a pod whose volume one node at a time can mount.
        const singleton = !range.scaled && range.max <= 1;
        const claim = singleNodeClaim(context, object);
        inspect(!singleton && claim === 'unknown');
        if (!singleton && claim === false) context.report({ span: spanOf(object.reader.get(rollout.strategy, 'type'))!, messageId: 'recreate', data });
        continue;
      }
      if (!rollout.rolling) {
        inspect(false);
        continue;
      }
      const replicas = range.min;
      const count = unavailableDuringRollout(rollout, replicas);
      // A percentage of a count the file does not spell out, or a value that is not a number or a percentage.
      inspect(count === undefined);
      if (!count) continue;
      const fix = () => zeroUnavailable(context, object, rollout, replicas);
      if (rollout.maxUnavailable) {
        const value = scalarString(rollout.maxUnavailable) ?? '';
        // Written out and leaving pods serving, it trades capacity for speed on purpose: information at most.
        const all = count >= replicas;
        context.report({
          span: spanOf(rollout.maxUnavailable)!,
          messageId: all ? 'allUnavailable' : 'unavailable',
          ...(all ? {} : { atMost: 'information' as const }),
          data: { ...data, value, count, replicas },
          fixTitleId: 'zero',
          fix,
        });
      } else {
        context.report({
          span: (rollout.strategyPair ? spanOf(rollout.strategyPair.key as never) : keySpan(object.node, 'spec', object.reader)) ?? objectSpan(object),
          messageId: 'defaultUnavailable',
          data: { ...data, count, replicas },
          fixTitleId: 'zero',
          fix,
        });
      }
    }
  },
});

/**
 * Sets maxUnavailable to 0. The rollout then needs room to surge: a maxSurge that resolves to 0
 * would stall it, so the fix is offered only when maxSurge adds at least one pod.
 */
function zeroUnavailable(context: RuleContext<KubernetesModel>, object: K8sObject, rollout: Rollout, replicas: number) {
  const surge = scaledValue(rollout.maxSurge, '25%', Number.isFinite(replicas) ? replicas : 1, true);
  if (!surge) return null;
  const editor = editorFor(context);
  if (rollout.params && rollout.maxUnavailable && object.reader.pair(rollout.params, 'maxUnavailable')?.value === rollout.maxUnavailable) {
    return editor.merge(rollout.params, { maxUnavailable: 0 });
  }
  return editor.merge(object.spec!, { strategy: { [rollout.paramsKey]: { maxUnavailable: 0 } } }, { after: ['replicas'] });
}
