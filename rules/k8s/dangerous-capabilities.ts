import { defineRule } from '../../server/src/engine/rule';
import { runningContainers } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isUnresolved, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { containerSecurityField } from '../../server/src/kinds/kubernetes/security';

/** The capabilities the baseline Pod Security Standard lets a container add (the container runtimes' defaults). */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capabilities that amount to root on the node, or close: they are reported as such. */
const NEAR_ROOT_CAPABILITIES = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'BPF',
  'PERFMON',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/dangerous-capabilities',
    kind: 'kubernetes',
    title: 'Do not add dangerous Linux capabilities',
    description:
      'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or ALL give a container powers close to root on the node: mounting filesystems, reconfiguring the network, reading other processes. ' +
      'Any capability in capabilities.add outside the baseline Pod Security Standard\'s list (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT) is reported, as kube-linter\'s dangerous-capabilities and the baseline profile do; a `CAP_` prefix is ignored. A capability the file does not spell out (`${CAPABILITY}`) is looked at but not judged.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: false,
    messages: {
      nearRoot: 'Container "{{name}}" adds the {{capability}} capability, which gives it powers close to root on the node; remove it, or grant a narrower capability the baseline profile allows.',
      beyondBaseline: 'Container "{{name}}" adds the {{capability}} capability, which the baseline Pod Security Standard does not allow, so a namespace enforcing it rejects the pod; remove it unless the workload needs it.',
    },
    examples: {
      bad: 'securityContext:\n  capabilities:\n    add: ["SYS_ADMIN"]\n',
      good: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]\n',
    },
    ptBR: {
      title: 'Não adicionar capabilities perigosas do Linux',
      description:
        'Capabilities como SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE ou ALL dão a um container poderes próximos de root no nó: montar sistemas de arquivos, reconfigurar a rede, ler outros processos. ' +
        'Toda capability em capabilities.add fora da lista do Pod Security Standard baseline (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT) é reportada, como fazem o dangerous-capabilities do kube-linter e o perfil baseline; um prefixo `CAP_` é ignorado. Uma capability que o arquivo não escreve por extenso (`${CAPABILITY}`) é examinada, mas não julgada.',
      messages: {
        nearRoot: 'O container "{{name}}" adiciona a capability {{capability}}, que lhe dá poderes próximos de root no nó; remova-a, ou conceda uma capability mais restrita que o perfil baseline permite.',
        beyondBaseline: 'O container "{{name}}" adiciona a capability {{capability}}, que o Pod Security Standard baseline não permite, então um namespace que o aplica rejeita o pod; remova-a, a menos que o workload precise dela.',
      },
    },
  },
  check(model, context) {
    for (const container of runningContainers(model)) {
      const { reader } = container.pod.owner;
      const added = reader.items(reader.getSeq(reader.map(containerSecurityField(container, 'capabilities')), 'add'));
      const unknown = added.some((item) => isUnresolved(scalarString(item)));
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown ? { unknown: true } : {}) });
      for (const item of added) {
        const text = scalarString(item);
        const capability = text?.trim().toUpperCase().replace(/^CAP_/, '');
        if (capability === undefined || capability === '' || isUnresolved(text) || BASELINE_CAPABILITIES.has(capability)) continue;
        const messageId = NEAR_ROOT_CAPABILITIES.has(capability) ? 'nearRoot' : 'beyondBaseline';
        context.report({ span: spanOf(item)!, messageId, data: { name: container.name ?? '?', capability } });
      }
    }
  },
});
