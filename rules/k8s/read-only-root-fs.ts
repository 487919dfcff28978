import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { checkRestrictedGap, RESTRICTED_GROUP_DOC } from '../../server/src/kinds/kubernetes/security';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/read-only-root-fs',
    kind: 'kubernetes',
    title: 'Mount the root filesystem read-only',
    description: `A writable root filesystem lets an attacker drop tools and persist changes inside the container; write only to declared volumes. ${RESTRICTED_GROUP_DOC.en}`,
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" does not set readOnlyRootFilesystem: true, so its filesystem is writable; set it and mount volumes for the paths it writes.',
      wrong: 'Container "{{name}}" sets readOnlyRootFilesystem: {{value}}; set it to true and mount volumes for the paths it writes.',
      grouped: 'Container "{{name}}" is missing the securityContext hardening settings {{settings}}, so it runs with more privileges than it needs; add them to its securityContext.',
    },
    fixTitles: {
      harden: 'Harden the container securityContext',
    },
    examples: {
      bad: 'securityContext:\n  runAsNonRoot: true\n',
      good: 'securityContext:\n  readOnlyRootFilesystem: true\n',
    },
    ptBR: {
      title: 'Montar o sistema de arquivos raiz como somente leitura',
      description: `Um sistema de arquivos raiz gravável permite que um atacante instale ferramentas e persista mudanças dentro do container; grave apenas em volumes declarados. ${RESTRICTED_GROUP_DOC.pt}`,
      messages: {
        missing: 'O container "{{name}}" não define readOnlyRootFilesystem: true, então seu sistema de arquivos é gravável; defina-o e monte volumes para os caminhos em que ele grava.',
        wrong: 'O container "{{name}}" define readOnlyRootFilesystem: {{value}}; defina-o como true e monte volumes para os caminhos em que ele grava.',
        grouped: 'Faltam ao container "{{name}}" as configurações de endurecimento do securityContext {{settings}}, então ele roda com mais privilégios do que precisa; adicione-as ao seu securityContext.',
      },
      fixTitles: {
        harden: 'Endurecer o securityContext do container',
      },
    },
  },
  check(model, context) {
    checkRestrictedGap(model, context, 'readOnlyRootFilesystem');
  },
});
