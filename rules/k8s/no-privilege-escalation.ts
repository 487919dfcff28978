import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { checkRestrictedGap, RESTRICTED_GROUP_DOC } from '../../server/src/kinds/kubernetes/security';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/no-privilege-escalation',
    kind: 'kubernetes',
    title: 'Forbid privilege escalation',
    description: `Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent through setuid binaries. ${RESTRICTED_GROUP_DOC.en}`,
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges; set it in the securityContext.',
      wrong: 'Container "{{name}}" sets allowPrivilegeEscalation: {{value}}; set it to false.',
      grouped: 'Container "{{name}}" is missing the securityContext hardening settings {{settings}}, so it runs with more privileges than it needs; add them to its securityContext.',
    },
    fixTitles: {
      harden: 'Harden the container securityContext',
    },
    examples: {
      bad: 'securityContext:\n  runAsNonRoot: true\n',
      good: 'securityContext:\n  allowPrivilegeEscalation: false\n',
    },
    ptBR: {
      title: 'Proibir escalonamento de privilégios',
      description: `A menos que allowPrivilegeEscalation seja false, um processo pode obter mais privilégios que o processo pai por meio de binários setuid. ${RESTRICTED_GROUP_DOC.pt}`,
      messages: {
        missing: 'O container "{{name}}" não define allowPrivilegeEscalation: false, então binários setuid podem elevar seus privilégios; defina-o no securityContext.',
        wrong: 'O container "{{name}}" define allowPrivilegeEscalation: {{value}}; defina-o como false.',
        grouped: 'Faltam ao container "{{name}}" as configurações de endurecimento do securityContext {{settings}}, então ele roda com mais privilégios do que precisa; adicione-as ao seu securityContext.',
      },
      fixTitles: {
        harden: 'Endurecer o securityContext do container',
      },
    },
  },
  check(model, context) {
    checkRestrictedGap(model, context, 'privilegeEscalation');
  },
});
