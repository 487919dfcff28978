import { defineRule } from '../../server/src/engine/rule';
import { inspectService, isInterpolated, servicesToCheck } from '../../server/src/kinds/compose/checks';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { valueSpan } from '../../server/src/kinds/compose/services';
import { isTrue } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/privileged',
    kind: 'compose',
    title: 'Do not run privileged containers',
    description: 'A privileged container has every capability and every device of the host; whoever compromises it controls the host.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      privileged: 'Service "{{name}}" runs privileged, which gives it full control of the host; remove privileged: true and grant only the capabilities (cap_add) or devices it needs.',
    },
    examples: {
      bad: 'services:\n  agent:\n    image: acme/agent:1.4.2\n    privileged: true\n',
      good: 'services:\n  agent:\n    image: acme/agent:1.4.2\n    cap_add: [NET_ADMIN]\n',
    },
    ptBR: {
      title: 'Não executar containers privilegiados',
      description: 'Um container privilegiado tem todas as capabilities e todos os dispositivos do host; quem o compromete controla o host.',
      messages: {
        privileged: 'O serviço "{{name}}" roda privilegiado, o que lhe dá controle total do host; remova privileged: true e conceda só as capabilities (cap_add) ou dispositivos de que ele precisa.',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const found = service.field('privileged');
      const privileged = found !== undefined && isTrue(found.value);
      // A base service out of sight or a variable could set it: only a complete, literal service proves it is not privileged.
      inspectService(context, service, !privileged && (!service.complete || isInterpolated(found?.value)));
      if (privileged && found.layer.model === model) context.report({ span: valueSpan(found), messageId: 'privileged', data: { name: service.name } });
    }
  },
});
