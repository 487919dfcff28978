import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { runningContainers } from '../../server/src/kinds/kubernetes/checks';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isTrue, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/host-port',
    kind: 'kubernetes',
    title: 'Do not bind host ports',
    description:
      'A hostPort opens the port on the node\'s own address, bypassing Services and NetworkPolicies, and lets only one such pod run per node: a rollout or a second replica waits for a node where the port is free. ' +
      'The baseline Pod Security Standard restricts host ports, and kube-linter\'s host-ports check flags them. A hostNetwork pod is left to k8s/host-namespaces: its ports are the node\'s anyway.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'warning',
    fixable: false,
    messages: {
      hostPort: 'Container "{{name}}" binds host port {{port}}, which exposes it on the node\'s address and allows one such pod per node; remove hostPort and reach it through a Service.',
    },
    examples: {
      bad: 'ports:\n- containerPort: 8080\n  hostPort: 8080\n',
      good: 'ports:\n- containerPort: 8080\n',
    },
    ptBR: {
      title: 'Não usar portas do host',
      description:
        'Um hostPort abre a porta no endereço do próprio nó, contornando Services e NetworkPolicies, e permite só um desses pods por nó: um rollout ou uma segunda réplica espera um nó com a porta livre. ' +
        'O Pod Security Standard baseline restringe portas do host, e o check host-ports do kube-linter as aponta. Um pod com hostNetwork fica com k8s/host-namespaces: suas portas já são as do nó.',
      messages: {
        hostPort: 'O container "{{name}}" usa a porta {{port}} do host, o que o expõe no endereço do nó e permite um desses pods por nó; remova hostPort e acesse-o por um Service.',
      },
    },
  },
  check(model, context) {
    for (const container of runningContainers(model)) {
      const { reader } = container.pod.owner;
      if (isTrue(reader.get(container.pod.node, 'hostNetwork'))) continue;
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
      for (const port of container.ports) {
        const hostPort = reader.get(port.node, 'hostPort');
        const value = scalarString(hostPort);
        if (!isScalar(hostPort) || value === undefined || value === '0') continue;
        context.report({ span: spanOf(hostPort)!, messageId: 'hostPort', data: { name: container.name ?? '?', port: value } });
      }
    }
  },
});
