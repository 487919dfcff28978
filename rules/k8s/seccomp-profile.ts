import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { checkRestrictedGap, RESTRICTED_GROUP_DOC } from '../../server/src/kinds/kubernetes/security';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/seccomp-profile',
    kind: 'kubernetes',
    title: 'Use the RuntimeDefault seccomp profile',
    description: 'Without a seccomp profile a container may call any system call, including the rarely used ones most kernel exploits need. The legacy annotations `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<container>` set to `runtime/default`, `docker/default` or `localhost/<profile>` count as a profile. ' + RESTRICTED_GROUP_DOC.en,
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: true,
    messages: {
      missing: 'Neither container "{{name}}" nor its pod sets a seccompProfile, so every system call is allowed; set seccompProfile.type: RuntimeDefault.',
      wrong: 'The seccompProfile of container "{{name}}" is {{value}}; use RuntimeDefault (or a Localhost profile).',
      grouped: 'Container "{{name}}" is missing the securityContext hardening settings {{settings}}, so it runs with more privileges than it needs; add them to its securityContext.',
    },
    fixTitles: {
      harden: 'Harden the container securityContext',
    },
    examples: {
      bad: 'securityContext:\n  runAsNonRoot: true\n',
      good: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n',
    },
    ptBR: {
      title: 'Usar o perfil seccomp RuntimeDefault',
      description: 'Sem um perfil seccomp um container pode fazer qualquer chamada de sistema, inclusive as raramente usadas de que a maioria dos exploits de kernel precisa. As anotações legadas `seccomp.security.alpha.kubernetes.io/pod` e `container.seccomp.security.alpha.kubernetes.io/<container>` com `runtime/default`, `docker/default` ou `localhost/<perfil>` contam como perfil. ' + RESTRICTED_GROUP_DOC.pt,
      messages: {
        missing: 'Nem o container "{{name}}" nem o pod definem um seccompProfile, então toda chamada de sistema é permitida; defina seccompProfile.type: RuntimeDefault.',
        wrong: 'O seccompProfile do container "{{name}}" é {{value}}; use RuntimeDefault (ou um perfil Localhost).',
        grouped: 'Faltam ao container "{{name}}" as configurações de endurecimento do securityContext {{settings}}, então ele roda com mais privilégios do que precisa; adicione-as ao seu securityContext.',
      },
      fixTitles: {
        harden: 'Endurecer o securityContext do container',
      },
    },
  },
  check(model, context) {
    checkRestrictedGap(model, context, 'seccomp');
  },
});
