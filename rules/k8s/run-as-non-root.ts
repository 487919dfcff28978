import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { containerSecurityField, editorFor, podSecurityField, runningContainers } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isTrue, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/run-as-non-root',
    kind: 'kubernetes',
    title: 'Run containers as a non-root user',
    description:
      'Unless runAsNonRoot is true, a container whose image defaults to root runs as root; any escape or write bug then acts as root on the node.',
    checklistItem: 'deployment/docker-security-context',
    severity: 'error',
    fixable: true,
    messages: {
      missing: 'Neither container "{{name}}" nor its pod sets runAsNonRoot: true, so it may run as root; set it in the securityContext.',
      rootUser: 'Container "{{name}}" runs as user 0 (root); run it as a non-root UID.',
      disabled: 'runAsNonRoot is {{value}} for container "{{name}}", so it may run as root; set it to true.',
    },
    fixTitles: {
      setNonRoot: 'Set runAsNonRoot: true in the container securityContext',
    },
    examples: {
      bad: '- name: app\n  image: app:1.0\n',
      good: '- name: app\n  image: app:1.0\n  securityContext:\n    runAsNonRoot: true\n',
    },
    ptBR: {
      title: 'Executar containers com usuário não-root',
      description:
        'A menos que runAsNonRoot seja true, um container cuja imagem usa root por padrão roda como root; qualquer fuga ou falha de escrita passa a agir como root no nó.',
      messages: {
        missing: 'Nem o container "{{name}}" nem o pod definem runAsNonRoot: true, então ele pode rodar como root; defina-o no securityContext.',
        rootUser: 'O container "{{name}}" roda com o usuário 0 (root); execute-o com um UID não-root.',
        disabled: 'runAsNonRoot é {{value}} para o container "{{name}}", então ele pode rodar como root; defina-o como true.',
      },
      fixTitles: {
        setNonRoot: 'Definir runAsNonRoot: true no securityContext do container',
      },
    },
  },
  check(model, context) {
    for (const container of runningContainers(model)) {
      const name = container.name ?? '?';
      const user = containerSecurityField(container, 'runAsUser') ?? podSecurityField(container, 'runAsUser');
      if (isScalar(user) && scalarString(user) === '0') {
        context.report({ span: spanOf(user)!, messageId: 'rootUser', data: { name } });
        continue;
      }
      const ownSetting = containerSecurityField(container, 'runAsNonRoot');
      const setting = isScalar(ownSetting) && ownSetting.value !== null ? ownSetting : podSecurityField(container, 'runAsNonRoot');
      if (isTrue(setting)) continue;
      const fix = () => editorFor(context).merge(container.node, { securityContext: { runAsNonRoot: true } });
            if (isScalar(setting) && setting.value !== null) {
        context.report({ span: spanOf(setting)!, messageId: 'disabled', data: { name, value: scalarString(setting) ?? '' }, fixTitleId: 'setNonRoot', fix });
      } else context.report({ span: container.nameSpan, messageId: 'missing', data: { name }, fixTitleId: 'setNonRoot', fix });
    }
  },
});
