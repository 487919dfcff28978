import { defineRule } from '../../server/src/engine/rule';
import { editorFor, inspectService, isInterpolated, isOneOffJob, ownNode, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { mayBeEmpty } from '../../server/src/kinds/compose/interpolation';
import { isNull } from '../../server/src/kinds/compose/services';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';
import type { ComposeModel } from '../../server/src/kinds/compose/model';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/restart-policy',
    kind: 'compose',
    title: 'Restart services that stop',
    description:
      'Without a restart policy a container that crashes, or a host that reboots, leaves the service down until someone notices and starts it by hand.',
    checklistItem: 'deployment/deployment-manifests',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Service "{{name}}" has no restart policy, so a crash or a host reboot leaves it down; set restart: unless-stopped.',
    },
    fixTitles: {
      add: 'Set restart: unless-stopped on {{name}}',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    restart: unless-stopped\n',
    },
    ptBR: {
      title: 'Reiniciar serviços que param',
      description:
        'Sem política de reinício, um container que cai, ou um host que reinicia, deixa o serviço fora do ar até alguém perceber e iniciá-lo à mão.',
      messages: {
        missing: 'O serviço "{{name}}" não tem política de reinício, então uma queda ou um reboot do host o deixa fora do ar; defina restart: unless-stopped.',
      },
      fixTitles: {
        add: 'Definir restart: unless-stopped em {{name}}',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context, { alwaysRunning: true })) {
      // A job others wait to complete should stop.
      if (isOneOffJob(service, context)) continue;
      const restart = service.field('restart');
      // `restart: "no"` or a `none` condition is a decision.
      if ((restart && !isNull(restart.value)) || service.path('deploy', 'restart_policy') !== undefined) {
        // `restart: ${RESTART_POLICY}` may set nothing.
        inspectService(context, service, restart !== undefined && isInterpolated(restart.value) && mayBeEmpty(scalarString(restart.value) ?? ''));
        continue;
      }
      // A base service out of sight may set it.
      inspectService(context, service, !service.complete);
      if (!service.complete) continue;
      context.report({
        span: service.nameSpan,
        messageId: 'missing',
        data: { name: service.name },
        fixTitleId: 'add',
        fix: () => {
          const node = ownNode(context, service);
          return node ? editorFor(context).merge(node, { restart: 'unless-stopped' }) : null;
        },
      });
    }
  },
});
