import { defineRule } from '../../server/src/engine/rule';
import { runningContainers } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isTrue, isUnresolved, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { containerSecurityField } from '../../server/src/kinds/kubernetes/security';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/no-privileged',
    kind: 'kubernetes',
    title: 'Do not run privileged containers',
    description: 'A privileged container has every capability and the host devices; compromising it compromises the node. A value the file does not spell out (`${PRIVILEGED}`) is looked at but not judged.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'error',
    fixable: false,
    messages: {
      privileged: 'Container "{{name}}" is privileged, which gives it full control of the node; remove privileged: true and grant only the capabilities it needs.',
    },
    examples: {
      bad: 'securityContext:\n  privileged: true\n',
      good: 'securityContext:\n  capabilities:\n    add: ["NET_BIND_SERVICE"]\n',
    },
    ptBR: {
      title: 'Não executar containers privilegiados',
      description: 'Um container privilegiado tem todas as capabilities e os dispositivos do host; comprometê-lo compromete o nó. Um valor que o arquivo não escreve por extenso (`${PRIVILEGED}`) é examinado, mas não julgado.',
      messages: {
        privileged: 'O container "{{name}}" é privilegiado, o que lhe dá controle total do nó; remova privileged: true e conceda só as capabilities de que ele precisa.',
      },
    },
  },
  check(model, context) {
    for (const container of runningContainers(model)) {
      const privileged = containerSecurityField(container, 'privileged');
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(isUnresolved(scalarString(privileged)) ? { unknown: true } : {}) });
      if (isTrue(privileged)) context.report({ span: spanOf(privileged)!, messageId: 'privileged', data: { name: container.name ?? '?' } });
    }
  },
});
