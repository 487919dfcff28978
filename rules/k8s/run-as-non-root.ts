import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { CONTAINER_TOP, editorFor, runningContainers } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isTrue, isUnresolved, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { effectiveSecurityField } from '../../server/src/kinds/kubernetes/security';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/run-as-non-root',
    kind: 'kubernetes',
    title: 'Run containers as a non-root user',
    description:
      'Unless runAsNonRoot is true, a container whose image defaults to root runs as root; any escape or write bug then acts as root on the node. ' +
      'A runAsUser above 0 (on the container, or on the pod when the container sets none) proves a non-root user as well; runAsUser: 0 or runAsGroup: 0 is a finding at that value. A runAsUser or runAsNonRoot the file does not spell out (`${UID}`) is looked at but not judged.',
    checklistItem: 'deployment/docker-security-context',
    severity: 'error',
    fixable: true,
    messages: {
      missing: 'Neither container "{{name}}" nor its pod sets runAsNonRoot: true, so it may run as root; set it in the securityContext.',
      rootUser: 'Container "{{name}}" runs as user 0 (root); run it as a non-root UID.',
      disabled: 'runAsNonRoot is {{value}} for container "{{name}}", so it may run as root; set it to true.',
      rootGroup: 'Container "{{name}}" runs with group 0 (root), which owns many system files; run it with a non-root GID.',
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
        'A menos que runAsNonRoot seja true, um container cuja imagem usa root por padrão roda como root; qualquer fuga ou falha de escrita passa a agir como root no nó. ' +
        'Um runAsUser acima de 0 (no container, ou no pod quando o container não define) também prova um usuário não-root; runAsUser: 0 ou runAsGroup: 0 é um achado nesse valor. Um runAsUser ou runAsNonRoot que o arquivo não escreve por extenso (`${UID}`) é examinado, mas não julgado.',
      messages: {
        missing: 'Nem o container "{{name}}" nem o pod definem runAsNonRoot: true, então ele pode rodar como root; defina-o no securityContext.',
        rootUser: 'O container "{{name}}" roda com o usuário 0 (root); execute-o com um UID não-root.',
        disabled: 'runAsNonRoot é {{value}} para o container "{{name}}", então ele pode rodar como root; defina-o como true.',
        rootGroup: 'O container "{{name}}" roda com o grupo 0 (root), dono de muitos arquivos do sistema; execute-o com um GID não-root.',
      },
      fixTitles: {
        setNonRoot: 'Definir runAsNonRoot: true no securityContext do container',
      },
    },
  },
  check(model, context) {
    for (const container of runningContainers(model)) {
      const name = container.name ?? '?';
      const user = effectiveSecurityField(container, 'runAsUser');
      const group = effectiveSecurityField(container, 'runAsGroup');
      const setting = effectiveSecurityField(container, 'runAsNonRoot');
      const userId = scalarString(user);
      // A numeric non-zero UID is as good a proof as runAsNonRoot: true; another value (a variable) is unknown.
      const unknownUser = userId !== undefined && !/^\d+$/.test(userId);
      const unknown = (unknownUser && !isTrue(setting)) || (!isTrue(setting) && userId === undefined && isUnresolved(scalarString(setting)));
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown ? { unknown: true } : {}) });
      if (isScalar(group) && scalarString(group) === '0') context.report({ span: spanOf(group)!, messageId: 'rootGroup', data: { name } });
      if (isScalar(user) && userId === '0') {
        context.report({ span: spanOf(user)!, messageId: 'rootUser', data: { name } });
        continue;
      }
      if (unknown || userId !== undefined || isTrue(setting)) continue;
      const fix = () => editorFor(context).merge(container.node, { securityContext: { runAsNonRoot: true } }, CONTAINER_TOP);
      if (isScalar(setting) && setting.value !== null) {
        context.report({ span: spanOf(setting)!, messageId: 'disabled', data: { name, value: scalarString(setting) ?? '' }, fixTitleId: 'setNonRoot', fix });
      } else context.report({ span: container.nameSpan, messageId: 'missing', data: { name }, fixTitleId: 'setNonRoot', fix });
    }
  },
});
