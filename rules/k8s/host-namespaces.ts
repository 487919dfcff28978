import { defineRule } from '../../server/src/engine/rule';
import { objectSpan } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isTrue, isUnresolved, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

const HOST_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'];

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/host-namespaces',
    kind: 'kubernetes',
    title: "Do not share the host's namespaces",
    description:
      "hostNetwork, hostPID and hostIPC put the pod in the node's network, process or IPC namespace, where it can sniff traffic and signal other processes. A value the file does not spell out (`{{ .Values.hostNetwork }}`) is looked at but not judged.",
    checklistItem: 'deployment/pod-security-standards',
    severity: 'error',
    fixable: false,
    messages: {
      shared: 'The pod of {{kind}} "{{name}}" sets {{field}}: true, sharing the node\'s namespace; remove it.',
    },
    examples: { bad: 'spec:\n  hostNetwork: true\n', good: 'spec:\n  hostNetwork: false\n' },
    ptBR: {
      title: 'Não compartilhar os namespaces do host',
      description:
        'hostNetwork, hostPID e hostIPC colocam o pod no namespace de rede, de processos ou de IPC do nó, onde ele pode capturar tráfego e sinalizar outros processos. Um valor que o arquivo não escreve por extenso (`{{ .Values.hostNetwork }}`) é examinado, mas não julgado.',
      messages: {
        shared: 'O pod de {{kind}} "{{name}}" define {{field}}: true, compartilhando o namespace do nó; remova-o.',
      },
    },
  },
  check(model, context) {
    for (const object of model.objects) {
      if (!object.pod) continue;
      const values = HOST_FIELDS.map((field) => ({ field, value: object.reader.get(object.pod!.node, field) }));
      const unknown = values.some(({ value }) => isUnresolved(scalarString(value)));
      context.inspect({ subject: 'workload', span: objectSpan(object), name: object.name, ...(unknown ? { unknown: true } : {}) });
      for (const { field, value } of values) {
        if (isTrue(value)) context.report({ span: spanOf(value)!, messageId: 'shared', data: { kind: object.kind, name: object.name ?? '?', field } });
      }
    }
  },
});
