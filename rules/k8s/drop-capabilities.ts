import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { checkRestrictedGap, RESTRICTED_GROUP_DOC } from '../../server/src/kinds/kubernetes/security';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/drop-capabilities',
    kind: 'kubernetes',
    title: 'Drop all Linux capabilities',
    description: `Containers start with a default set of Linux capabilities (NET_RAW, CHOWN, ...); dropping ALL and adding back only what is needed shrinks what an attacker can do. ${RESTRICTED_GROUP_DOC.en}`,
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" does not drop ALL capabilities, so it keeps the runtime defaults such as NET_RAW; add capabilities.drop: [ALL].',
      wrong: 'Container "{{name}}" does not drop ALL capabilities; add ALL to capabilities.drop.',
      grouped: 'Container "{{name}}" is missing the securityContext hardening settings {{settings}}, so it runs with more privileges than it needs; add them to its securityContext.',
    },
    fixTitles: {
      harden: 'Harden the container securityContext',
    },
    examples: {
      bad: 'securityContext:\n  runAsNonRoot: true\n',
      good: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n',
    },
    ptBR: {
      title: 'Remover todas as capabilities do Linux',
      description: `Containers iniciam com um conjunto padrão de capabilities do Linux (NET_RAW, CHOWN, ...); remover ALL e devolver só o necessário reduz o que um atacante pode fazer. ${RESTRICTED_GROUP_DOC.pt}`,
      messages: {
        missing: 'O container "{{name}}" não remove ALL das capabilities, então mantém os padrões do runtime como NET_RAW; adicione capabilities.drop: [ALL].',
        wrong: 'O container "{{name}}" não remove ALL das capabilities; adicione ALL a capabilities.drop.',
        grouped: 'Faltam ao container "{{name}}" as configurações de endurecimento do securityContext {{settings}}, então ele roda com mais privilégios do que precisa; adicione-as ao seu securityContext.',
      },
      fixTitles: {
        harden: 'Endurecer o securityContext do container',
      },
    },
  },
  check(model, context) {
    checkRestrictedGap(model, context, 'dropAll');
  },
});
