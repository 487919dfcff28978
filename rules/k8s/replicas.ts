import { isScalar } from 'yaml';
import { defineRule, type RuleContext } from '../../server/src/engine/rule';
import type { TextEdit } from '../../server/src/engine/types';
import { commandWords, editorFor, keySpan, MAP_TOP, objectSpan, workspaceOf } from '../../server/src/kinds/kubernetes/checks';
import type { ScalerFact } from '../../server/src/kinds/kubernetes/facts';
import type { K8sObject, KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { isReplicated, mountsSingleNodeClaim, replicasOf, rolloutOf, runsDatabaseServer, singleNodeClaim, spreadsReplicas, unavailableDuringRollout } from '../../server/src/kinds/kubernetes/workloads';

/** Flags with which a controller elects one active leader among its replicas. */
const LEADER_ELECTION = /^--(?:leader-elect|leader-election|enable-leader-election)(?:=true)?$/;

/** An environment variable that turns leader election on (`ENABLE_LEADER_ELECTION: "true"`). */
const LEADER_ELECTION_ENV = /LEADER_?ELECT/i;

function electsLeader(object: K8sObject): boolean {
  return (object.pod?.containers ?? []).some(
    (container) =>
      commandWords(container).some((word) => LEADER_ELECTION.test(word)) ||
      container.env.some((env) => LEADER_ELECTION_ENV.test(env.name) && scalarString(env.value)?.toLowerCase() === 'true'),
  );
}

/** The rules whose findings raising the replicas to `min` brings up: the next steps a replicated workload needs. */
function nextSteps(context: RuleContext<KubernetesModel>, object: K8sObject, min: number): string[] {
  const steps: string[] = [];
  if (min >= 2 && !workspaceOf(context).budgetFor(context.model.path, object)) steps.push('k8s/pod-disruption-budget');
  if (min >= 2 && !spreadsReplicas(object, workspaceOf(context).namespacesOf(context.model.path, object.namespace))) steps.push('k8s/anti-affinity');
  const rollout = rolloutOf(object);
  if (rollout.type === 'Recreate' && min >= 2 && !mountsSingleNodeClaim(context, object)) steps.push('k8s/rolling-update');
  if (object.kind === 'Deployment' && rollout.rolling && (unavailableDuringRollout(rollout, min) ?? 0) > 0 && (unavailableDuringRollout(rollout, replicasOf(object).count) ?? 0) === 0) {
    steps.push('k8s/rolling-update');
  }
  return steps;
}

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/replicas',
    kind: 'kubernetes',
    title: 'Run more than one replica',
    description:
      'A single replica makes every node drain, rollout or crash an outage; run at least two so one can serve while the other restarts. ' +
      'It applies to Deployments, StatefulSets, ReplicaSets, ReplicationControllers, DeploymentConfigs and Argo Rollouts. A HorizontalPodAutoscaler (or KEDA ScaledObject) whose scaleTargetRef names the workload decides instead of `replicas`: its minReplicas is the floor. ' +
      '`replicas: 0` is a workload switched off on purpose: it runs no pod, so no restart can interrupt it, and it is not reported. ' +
      'A pod that mounts a ReadWriteOnce claim and a database server image (redis, mysql, postgres, mongo ...) are singletons by design, which a second replica would break (a second node cannot mount the volume; a second server is a second, separate database): not reported. ' +
      'A controller that elects a leader (`--leader-elect`) is a singleton by choice: a second replica would wait as a hot standby and take over without waiting for a restart, which only matters when a pause in its work does, so it is reported at most as information. ' +
      'A replica count the file does not spell out (`${REPLICAS}`, `{{ .Values.replicas }}`), an autoscaler minimum likewise, or a claim the workspace does not show is looked at but not judged. ' +
      'The fix\'s title names the rules whose next step more replicas bring up (a PodDisruptionBudget, spreading the replicas over nodes).',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    fixReveals: ['k8s/pod-disruption-budget', 'k8s/anti-affinity', 'k8s/rolling-update'],
    options: { minReplicas: { type: 'number', default: 2, minimum: 1, description: 'Fewest replicas a replicated workload may run.' } },
    messages: {
      missing: '{{kind}} "{{name}}" does not set replicas, so it runs 1; set replicas to at least {{min}}.',
      tooFew: '{{kind}} "{{name}}" runs fewer than {{min}} replicas ({{count}}), so any restart is an outage; set replicas to at least {{min}}.',
      scaled: '{{scaler}} "{{scalerName}}" may scale {{kind}} "{{name}}" down to {{count}}, below {{min}} replicas, so a restart at that size is an outage; raise its minimum to at least {{min}}.',
      leaderElected: '{{kind}} "{{name}}" elects a leader and runs fewer than {{min}} replicas ({{count}}), so its work pauses while its pod restarts; add replicas as hot standbys if that pause matters.',
    },
    fixTitles: {
      set: 'Set replicas to {{min}}',
      setThen: 'Set replicas to {{min}} (next step: {{next}})',
      setMinimum: 'Set {{key}} to {{min}}',
    },
    examples: { bad: 'kind: Deployment\nspec:\n  replicas: 1\n', good: 'kind: Deployment\nspec:\n  replicas: 3\n' },
    ptBR: {
      title: 'Executar mais de uma réplica',
      description:
        'Uma única réplica transforma todo dreno de nó, rollout ou crash em indisponibilidade; execute pelo menos duas para que uma atenda enquanto a outra reinicia. ' +
        'Vale para Deployments, StatefulSets, ReplicaSets, ReplicationControllers, DeploymentConfigs e Rollouts do Argo. Um HorizontalPodAutoscaler (ou ScaledObject do KEDA) cujo scaleTargetRef nomeia o workload decide no lugar de `replicas`: seu minReplicas é o piso. ' +
        '`replicas: 0` é um workload desligado de propósito: não executa pod algum, então nenhum reinício o interrompe, e não é reportado. ' +
        'Um pod que monta um claim ReadWriteOnce e uma imagem de servidor de banco de dados (redis, mysql, postgres, mongo ...) são singletons por projeto, que uma segunda réplica quebraria (um segundo nó não monta o volume; um segundo servidor é um segundo banco, separado): não são reportados. ' +
        'Um controlador que elege um líder (`--leader-elect`) é um singleton por escolha: uma segunda réplica esperaria como reserva ativa e assumiria sem esperar um reinício, o que só importa quando uma pausa no seu trabalho importa, então é reportado no máximo como informação. ' +
        'Um número de réplicas que o arquivo não escreve por extenso (`${REPLICAS}`, `{{ .Values.replicas }}`), um mínimo de autoscaler idem, ou um claim que o workspace não mostra é examinado, mas não julgado. ' +
        'O título da correção cita as regras cujo próximo passo mais réplicas fazem surgir (um PodDisruptionBudget, espalhar as réplicas pelos nós).',
      messages: {
        missing: '{{kind}} "{{name}}" não define replicas, então executa 1; defina replicas como pelo menos {{min}}.',
        tooFew: '{{kind}} "{{name}}" executa menos de {{min}} réplicas ({{count}}), então qualquer reinício causa indisponibilidade; defina replicas como pelo menos {{min}}.',
        scaled: '{{scaler}} "{{scalerName}}" pode reduzir {{kind}} "{{name}}" a {{count}}, abaixo de {{min}} réplicas, então um reinício nesse tamanho causa indisponibilidade; aumente o mínimo dele para pelo menos {{min}}.',
        leaderElected: '{{kind}} "{{name}}" elege um líder e executa menos de {{min}} réplicas ({{count}}), então seu trabalho pausa enquanto o pod reinicia; adicione réplicas como reservas ativas se essa pausa importar.',
      },
      fixTitles: {
        set: 'Definir replicas como {{min}}',
        setThen: 'Definir replicas como {{min}} (próximo passo: {{next}})',
        setMinimum: 'Definir {{key}} como {{min}}',
      },
    },
  },
  check(model, context) {
    const min = Number(context.options.minReplicas ?? 2);
    const workspace = workspaceOf(context);
    for (const object of model.objects) {
      if (!isReplicated(object) || !object.spec) continue;
      const inspect = (unknown: boolean) => context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name, ...(unknown ? { unknown: true } : {}) });
      const scaler = workspace.scalerFor(model.path, object);
      if (scaler) {
        inspect(!Number.isFinite(scaler.minReplicas));
        if (scaler.minReplicas < min) reportScaler(context, object, scaler, min);
        continue;
      }
      const { count, node } = replicasOf(object);
      const claim = singleNodeClaim(context, object);
      inspect(!Number.isFinite(count) || (count < min && claim === 'unknown'));
      // Switched off on purpose, or a singleton a second replica would break.
      if (count >= min || (count === 0 && node) || claim !== false || runsDatabaseServer(object)) continue;
      const next = nextSteps(context, object, min);
      const data = { kind: object.kind, name: object.name ?? '?', count, min, next: next.join(', ') };
      const fixTitleId = next.length ? 'setThen' : 'set';
      const spec = object.spec;
      // A leader-elected controller runs one active replica by choice: more would be hot standbys.
      const decision = electsLeader(object) ? ({ messageId: 'leaderElected', atMost: 'information' } as const) : undefined;
      if (node) {
        const span = spanOf(node)!;
        context.report({ span, messageId: 'tooFew', ...decision, data, fixTitleId, fix: (fixer) => (object.reader.pair(spec, 'replicas')?.value === node ? fixer.replace(span, String(min)) : null) });
      } else {
        context.report({
          span: keySpan(object.node, 'spec', object.reader) ?? objectSpan(object),
          messageId: 'missing',
          ...decision,
          data,
          fixTitleId,
          fix: () => editorFor(context).merge(spec, { replicas: min }, MAP_TOP),
        });
      }
    }
  },
});

/** The autoscaler's floor is too low: on its minimum when it is in this file (with a fix), else on the workload. */
function reportScaler(context: RuleContext<KubernetesModel>, object: K8sObject, scaler: ScalerFact, min: number): void {
  const data = { kind: object.kind, name: object.name ?? '?', count: scaler.minReplicas, min, scaler: scaler.object.kind, scalerName: scaler.object.name ?? '?', key: scaler.minKey };
  if (!context.model.objects.includes(scaler.object) || !scaler.spec) {
    context.report({ span: objectSpan(object), messageId: 'scaled', data });
    return;
  }
  const spec = scaler.spec;
  const minNode = scaler.object.reader.get(spec, scaler.minKey);
  const span = isScalar(minNode) && minNode.value !== null ? spanOf(minNode)! : (keySpan(scaler.object.node, 'spec', scaler.object.reader) ?? objectSpan(scaler.object));
  context.report({
    span,
    messageId: 'scaled',
    data,
    fixTitleId: 'setMinimum',
    fix: (fixer): TextEdit[] | TextEdit | null =>
      isScalar(minNode) && minNode.value !== null ? fixer.replace(span, String(min)) : editorFor(context).merge(spec, { [scaler.minKey]: min }, { after: ['scaleTargetRef'] }),
  });
}
