import { defineRule } from '../../server/src/engine/rule';
import { editorFor, inspectService, isInterpolated, keySpanIn, ownNode, servicesToCheck } from '../../server/src/kinds/compose/checks';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/cap-drop',
    kind: 'compose',
    title: 'Drop all Linux capabilities',
    description:
      'Containers start with a default set of Linux capabilities (NET_RAW, CHOWN, SETUID, ...); dropping ALL and adding back only what the service needs shrinks what an attacker can do inside it.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Service "{{name}}" does not drop ALL capabilities, so it keeps the runtime defaults such as NET_RAW; add cap_drop: [ALL] and cap_add only what it needs.',
    },
    fixTitles: {
      drop: 'Drop all capabilities of {{name}}',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    cap_drop:\n      - ALL\n',
    },
    ptBR: {
      title: 'Remover todas as capabilities do Linux',
      description:
        'Containers iniciam com um conjunto padrão de capabilities do Linux (NET_RAW, CHOWN, SETUID, ...); remover ALL e devolver só o que o serviço precisa reduz o que um atacante pode fazer dentro dele.',
      messages: {
        missing: 'O serviço "{{name}}" não remove ALL das capabilities, então mantém os padrões do runtime como NET_RAW; adicione cap_drop: [ALL] e cap_add só com o que ele precisa.',
      },
      fixTitles: {
        drop: 'Remover todas as capabilities de {{name}}',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const items = service.items('cap_drop');
      const drops = items.map(({ node }) => scalarString(node)?.toUpperCase().replace(/^CAP_/, ''));
      if (drops.includes('ALL')) {
        inspectService(context, service);
        continue;
      }
      // A variable could say ALL; a base service out of sight could drop them.
      const unknown = !service.complete || items.some(({ node }) => isInterpolated(node));
      inspectService(context, service, unknown);
      if (unknown) continue;
      context.report({
        span: keySpanIn(model, service.field('cap_drop')) ?? service.nameSpan,
        messageId: 'missing',
        data: { name: service.name },
        fixTitleId: 'drop',
        fix: () => {
          const node = ownNode(context, service);
          return node ? editorFor(context).merge(node, { cap_drop: ['ALL'] }) : null;
        },
      });
    }
  },
});
