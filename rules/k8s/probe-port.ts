import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { isUnresolved, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/probe-port',
    kind: 'kubernetes',
    title: 'Probe the ports the container declares',
    description:
      'A probe aimed at a port the container does not declare usually checks nothing that serves traffic. A probe that names a port the container does not declare (a misspelling, or a container that declares no ports at all) cannot be resolved by the kubelet, so every probe fails, as kube-linter\'s liveness-port, readiness-port and startup-port checks assert. ' +
      'A port number on a container that declares no ports is not judged: declaring ports is informational, and there is nothing to compare with.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: false,
    messages: {
      undeclared: 'The {{probe}} of container "{{name}}" targets port {{port}}, which the container does not declare; point it at one of its ports.',
      unresolved: 'The {{probe}} of container "{{name}}" targets the port named {{port}}, which the container does not declare, so the kubelet cannot resolve it and every probe fails; declare the port or use its number.',
    },
    examples: {
      bad: 'ports:\n- containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /health\n    port: 80\n',
      good: 'ports:\n- containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /health\n    port: 8080\n',
    },
    ptBR: {
      title: 'Sondar as portas que o container declara',
      description:
        'Uma probe apontada para uma porta que o container não declara em geral não verifica nada que atenda tráfego. Uma probe que nomeia uma porta que o container não declara (um erro de digitação, ou um container que não declara porta alguma) não pode ser resolvida pelo kubelet, então toda probe falha, como afirmam os checks liveness-port, readiness-port e startup-port do kube-linter. ' +
        'Um número de porta num container que não declara portas não é julgado: declarar portas é informativo, e não há com o que comparar.',
      messages: {
        undeclared: 'A {{probe}} do container "{{name}}" aponta para a porta {{port}}, que o container não declara; aponte-a para uma das portas dele.',
        unresolved: 'A {{probe}} do container "{{name}}" aponta para a porta chamada {{port}}, que o container não declara, então o kubelet não consegue resolvê-la e toda probe falha; declare a porta ou use o número dela.',
      },
    },
  },
  check(model, context) {
    for (const container of model.containers) {
      if (!PROBES.some((probe) => container[probe])) continue;
      const { reader } = container.pod.owner;
      const targets = PROBES.flatMap((probe) =>
        HANDLERS.map((handler) => ({ probe, port: reader.get(reader.getMap(container[probe], handler), 'port') })).filter(({ port }) => isScalar(port) && scalarString(port) !== undefined),
      );
      // A port the file does not spell out (`${PORT}`), probed or declared, leaves the comparison unknown.
      const declaredUnknown = container.ports.some((port) => isUnresolved(reader.getString(port.node, 'containerPort')) || isUnresolved(port.name));
      const unknown = targets.some(({ port }) => isUnresolved(scalarString(port))) || (targets.length > 0 && declaredUnknown);
      context.inspect({ subject: 'container', span: container.nameSpan, name: container.name, ...(unknown ? { unknown: true } : {}) });
      if (unknown) continue;
      const numbers = new Set(container.ports.map((port) => port.number));
      const names = new Set(container.ports.map((port) => port.name));
      for (const { probe, port } of targets) {
        const value = scalarString(port)!;
        const numbered = /^\d+$/.test(value);
        // Without declared ports a number has nothing to be compared with; a name has nothing to resolve to.
        if (numbered ? container.ports.length === 0 || numbers.has(Number(value)) : names.has(value)) continue;
        context.report({ span: spanOf(port)!, messageId: numbered ? 'undeclared' : 'unresolved', data: { probe, name: container.name ?? '?', port: value } });
      }
    }
  },
});
