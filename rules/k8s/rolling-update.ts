import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { editorFor, keySpan, objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/rolling-update',
    kind: 'kubernetes',
    title: 'Roll out without taking pods down first',
    description:
      'The Recreate strategy stops every pod before starting new ones, and a rolling update with maxUnavailable above 0 (25% by default) removes serving pods before their replacements are ready.',
    checklistItem: 'deployment/deployment-strategy',
    severity: 'warning',
    fixable: true,
    messages: {
      recreate: 'Deployment "{{name}}" uses the Recreate strategy, so every rollout is an outage; use RollingUpdate with maxUnavailable: 0.',
      defaultUnavailable: 'Deployment "{{name}}" keeps the default maxUnavailable of 25%, so rollouts remove serving pods first; set rollingUpdate.maxUnavailable: 0.',
      unavailable: 'Deployment "{{name}}" allows {{value}} unavailable pods during a rollout; set maxUnavailable to 0 and let maxSurge add capacity instead.',
    },
    examples: {
      bad: 'strategy:\n  type: Recreate\n',
      good: 'strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0\n',
    },
    ptBR: {
      title: 'Fazer rollout sem derrubar pods antes',
      description:
        'A estratégia Recreate para todos os pods antes de iniciar os novos, e um rolling update com maxUnavailable acima de 0 (25% por padrão) remove pods em serviço antes que os substitutos estejam prontos.',
      messages: {
        recreate: 'O Deployment "{{name}}" usa a estratégia Recreate, então todo rollout causa indisponibilidade; use RollingUpdate com maxUnavailable: 0.',
        defaultUnavailable: 'O Deployment "{{name}}" mantém o maxUnavailable padrão de 25%, então os rollouts removem pods em serviço primeiro; defina rollingUpdate.maxUnavailable: 0.',
        unavailable: 'O Deployment "{{name}}" permite {{value}} pods indisponíveis durante um rollout; defina maxUnavailable como 0 e deixe o maxSurge adicionar capacidade.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (object.kind !== 'Deployment' || !object.spec) continue;
      const { reader } = object;
      const spec = object.spec;
      const name = object.name ?? '?';
      const strategyPair = reader.pair(spec, 'strategy');
      const strategy = reader.map(strategyPair?.value);
      const type = reader.get(strategy, 'type');
      if (scalarString(type) === 'Recreate') {
        context.report({ span: spanOf(type)!, messageId: 'recreate', data: { name } });
        continue;
      }
      const rollingUpdate = reader.getMap(strategy, 'rollingUpdate');
      const maxUnavailable = reader.get(rollingUpdate, 'maxUnavailable');
      const surge = scalarString(reader.get(rollingUpdate, 'maxSurge'));
      // maxUnavailable 0 needs a non-zero surge, or the rollout cannot make progress.
      const fixable = surge !== '0' && surge !== '0%';
      if (isScalar(maxUnavailable) && maxUnavailable.value !== null) {
        const value = scalarString(maxUnavailable) ?? '';
        if (value === '0' || value === '0%') continue;
        const span = spanOf(maxUnavailable)!;
        context.report({
          span,
          messageId: 'unavailable',
          data: { name, value },
          fix: (fixer) => (fixable && reader.pair(rollingUpdate, 'maxUnavailable')?.value === maxUnavailable ? fixer.replace(span, '0') : null),
        });
        continue;
      }
      context.report({
        span: (strategyPair ? spanOf(strategyPair.key as never) : keySpan(object.node, 'spec', reader)) ?? objectSpan(object),
        messageId: 'defaultUnavailable',
        data: { name },
        fix: () => (fixable ? editorFor(context).merge(spec, { strategy: { rollingUpdate: { maxUnavailable: 0 } } }) : null),
      });
    }
  },
});
