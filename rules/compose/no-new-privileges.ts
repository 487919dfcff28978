import { defineRule } from '../../server/src/engine/rule';
import { editorFor, inspectService, isInterpolated, keySpanIn, ownNode, servicesToCheck } from '../../server/src/kinds/compose/checks';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';

/** `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` all turn it on. */
const NO_NEW_PRIVILEGES = /^no-new-privileges(?:[:=]true)?$/i;

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/no-new-privileges',
    kind: 'compose',
    title: 'Forbid privilege escalation',
    description:
      'Unless no-new-privileges is set, a process in the container can gain privileges through setuid binaries (su, sudo, ping); the option blocks that at the kernel level.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Service "{{name}}" does not set no-new-privileges, so setuid binaries can raise its privileges; add security_opt: [no-new-privileges:true].',
    },
    fixTitles: {
      add: 'Set no-new-privileges on {{name}}',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
    ptBR: {
      title: 'Proibir escalonamento de privilégios',
      description:
        'Sem no-new-privileges, um processo do container pode obter privilégios por meio de binários setuid (su, sudo, ping); a opção bloqueia isso no kernel.',
      messages: {
        missing: 'O serviço "{{name}}" não define no-new-privileges, então binários setuid podem elevar seus privilégios; adicione security_opt: [no-new-privileges:true].',
      },
      fixTitles: {
        add: 'Definir no-new-privileges em {{name}}',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const options = service.items('security_opt');
      if (options.some(({ node }) => NO_NEW_PRIVILEGES.test(scalarString(node) ?? ''))) {
        inspectService(context, service);
        continue;
      }
      // A variable could be the option; a base service out of sight could set it.
      const unknown = !service.complete || options.some(({ node }) => isInterpolated(node));
      inspectService(context, service, unknown);
      if (unknown) continue;
      context.report({
        span: keySpanIn(model, service.field('security_opt')) ?? service.nameSpan,
        messageId: 'missing',
        data: { name: service.name },
        fixTitleId: 'add',
        fix: () => {
          const node = ownNode(context, service);
          return node ? editorFor(context).merge(node, { security_opt: ['no-new-privileges:true'] }) : null;
        },
      });
    }
  },
});
