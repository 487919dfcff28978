import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { editorFor, inspectService, isInterpolated, ownNode, servicesToCheck } from '../../server/src/kinds/compose/checks';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { isNull, valueSpan } from '../../server/src/kinds/compose/services';
import { isTrue, scalarString } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/read-only',
    kind: 'compose',
    title: 'Mount the root filesystem read-only',
    description:
      'A writable root filesystem lets an attacker drop tools and change the application inside the container; mount it read-only and give the paths the service writes a tmpfs or a volume.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Service "{{name}}" has a writable root filesystem; set read_only: true and mount a tmpfs or volume for the paths it writes.',
      disabled: 'Service "{{name}}" sets read_only: {{value}}, so its root filesystem is writable; set it to true and mount a tmpfs or volume for the paths it writes.',
    },
    fixTitles: {
      set: 'Set read_only: true on {{name}}',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    read_only: true\n    tmpfs:\n      - /tmp\n',
    },
    ptBR: {
      title: 'Montar o sistema de arquivos raiz como somente leitura',
      description:
        'Um sistema de arquivos raiz gravável permite que um atacante instale ferramentas e altere a aplicação dentro do container; monte-o somente leitura e dê aos caminhos em que o serviço grava um tmpfs ou um volume.',
      messages: {
        missing: 'O serviço "{{name}}" tem o sistema de arquivos raiz gravável; defina read_only: true e monte um tmpfs ou volume para os caminhos em que ele grava.',
        disabled: 'O serviço "{{name}}" define read_only: {{value}}, então seu sistema de arquivos raiz é gravável; defina-o como true e monte um tmpfs ou volume para os caminhos em que ele grava.',
      },
      fixTitles: {
        set: 'Definir read_only: true em {{name}}',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const found = service.field('read_only');
      if (isTrue(found?.value)) {
        inspectService(context, service);
        continue;
      }
      const value = scalarString(found?.value);
      const explicit = found !== undefined && !isNull(found.value) && isScalar(found.value);
      // A variable decides, or a base service out of sight may set it.
      const unknown = isInterpolated(found?.value) || (!explicit && !service.complete);
      inspectService(context, service, unknown);
      if (unknown) continue;
      context.report({
        span: explicit ? valueSpan(found!) : service.nameSpan,
        messageId: explicit ? 'disabled' : 'missing',
        data: { name: service.name, value: value ?? '' },
        fixTitleId: 'set',
        fix: (fixer) => {
          if (explicit) return found!.layer.model === model ? fixer.replace(valueSpan(found!), 'true') : null;
          const node = ownNode(context, service);
          return node ? editorFor(context).merge(node, { read_only: true }) : null;
        },
      });
    }
  },
});
