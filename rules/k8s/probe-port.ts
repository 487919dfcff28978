import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/probe-port',
    kind: 'kubernetes',
    title: 'Probe the ports the container declares',
    description:
      'A probe aimed at a port the container does not declare usually checks nothing that serves traffic, and a misspelt named port fails every probe.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: false,
    messages: {
      undeclared: 'The {{probe}} of container "{{name}}" targets port {{port}}, which the container does not declare; point it at one of its ports.',
    },
    examples: {
      bad: 'ports:\n- containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /health\n    port: 80\n',
      good: 'ports:\n- containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /health\n    port: 8080\n',
    },
    ptBR: {
      title: 'Sondar as portas que o container declara',
      description:
        'Uma probe apontada para uma porta que o container não declara em geral não verifica nada que atenda tráfego, e uma porta nomeada com erro de digitação faz toda probe falhar.',
      messages: {
        undeclared: 'A {{probe}} do container "{{name}}" aponta para a porta {{port}}, que o container não declara; aponte-a para uma das portas dele.',
      },
    },
  },
  check(model, context) {
    for (const container of model.containers) {
      if (container.ports.length === 0 || !PROBES.some((probe) => container[probe])) continue;
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
      const { reader } = container.pod.owner;
      const numbers = new Set(container.ports.map((port) => port.number));
      const names = new Set(container.ports.map((port) => port.name));
      for (const probe of PROBES) {
        const probeMap = container[probe];
        for (const handler of HANDLERS) {
          const port = reader.get(reader.getMap(probeMap, handler), 'port');
          const value = scalarString(port);
          if (!isScalar(port) || value === undefined) continue;
          const declared = /^\d+$/.test(value) ? numbers.has(Number(value)) : names.has(value);
          if (declared) continue;
          context.report({ span: spanOf(port)!, messageId: 'undeclared', data: { probe, name: container.name ?? '?', port: value } });
        }
      }
    }
  },
});
