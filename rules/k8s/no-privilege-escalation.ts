import { defineRule } from '../../server/src/engine/rule';
import { checkRestrictedGap } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/no-privilege-escalation',
    kind: 'kubernetes',
    title: 'Forbid privilege escalation',
    description: 'Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent through setuid binaries.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Container "{{name}}" does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges; set it in the securityContext.',
      wrong: 'Container "{{name}}" sets allowPrivilegeEscalation: {{value}}; set it to false.',
    },
    fixTitles: {
      harden: 'Harden the container securityContext (restricted profile)',
    },
    examples: {
      bad: 'securityContext:\n  runAsNonRoot: true\n',
      good: 'securityContext:\n  allowPrivilegeEscalation: false\n',
    },
    ptBR: {
      title: 'Proibir escalonamento de privilégios',
      description: 'A menos que allowPrivilegeEscalation seja false, um processo pode obter mais privilégios que o processo pai por meio de binários setuid.',
      messages: {
        missing: 'O container "{{name}}" não define allowPrivilegeEscalation: false, então binários setuid podem elevar seus privilégios; defina-o no securityContext.',
        wrong: 'O container "{{name}}" define allowPrivilegeEscalation: {{value}}; defina-o como false.',
      },
      fixTitles: {
        harden: 'Endurecer o securityContext do container (perfil restricted)',
      },
    },
  },
  check(model, context) {
    checkRestrictedGap(model, context, 'privilegeEscalation');
  },
});
