import { isMap, isScalar } from 'yaml';
import { defineRule, type WorkspaceView } from '../../server/src/engine/rule';
import { editorFor, inspectService, parseShortPort, portsOf, servicesToCheck, type PortMapping } from '../../server/src/kinds/compose/checks';
import { builtImage, imageExposedPorts, parseImageReference } from '../../server/src/kinds/compose/image';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { mountedNginxPorts } from '../../server/src/kinds/compose/mounts';
import type { ResolvedService } from '../../server/src/kinds/compose/services';
import { spanOf } from '../../server/src/kinds/kubernetes/nodes';
import { relativeTo } from '../../server/src/kinds/compose/services';

/** Ports that only databases, caches, metrics and admin endpoints listen on. */
const SENSITIVE_PORTS = new Map<number, string>([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [27017, 'MongoDB'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch'],
  [5984, 'CouchDB'],
  [9042, 'Cassandra'],
  [2379, 'etcd'],
  [2181, 'ZooKeeper'],
  [5672, 'RabbitMQ'],
  [15672, 'RabbitMQ'],
  [9090, 'Prometheus'],
  [9093, 'Alertmanager'],
  [9100, 'node-exporter'],
  [2375, 'Docker API'],
  [2376, 'Docker API'],
  [8500, 'Consul'],
  [5601, 'Kibana'],
  [16686, 'Jaeger'],
]);

/** Admin UIs on ports that applications use too (3000, 8080, 80): sensitive only for these images, on these container ports. Labels are product names, the same in every language. */
const ADMIN_IMAGES: [RegExp, number[] | 'any', string][] = [
  [/^grafana\/grafana(?:-oss|-enterprise)?$/, [3000], 'Grafana'],
  [/^dpage\/pgadmin4$/, 'any', 'pgAdmin'],
  [/^adminer$/, 'any', 'Adminer'],
  [/^phpmyadmin(?:\/phpmyadmin)?$/, 'any', 'phpMyAdmin'],
  [/^mongo-express$/, 'any', 'mongo-express'],
  [/^rediscommander\/redis-commander$/, 'any', 'Redis Commander'],
  [/^portainer\/portainer(?:-ce|-ee)?$/, 'any', 'Portainer'],
  [/^minio\/minio$/, [9001], 'MinIO console'],
  [/^traefik$/, [8080], 'Traefik dashboard'],
];

function sensitivity(mapping: PortMapping, service: ResolvedService): string | undefined {
  if (mapping.target === undefined) return undefined;
  const reference = service.string('image');
  const repository = reference === undefined ? undefined : parseImageReference(reference).repository;
  const admin = repository === undefined ? undefined : ADMIN_IMAGES.find(([pattern, ports]) => pattern.test(repository) && (ports === 'any' || ports.includes(mapping.target!)));
  return admin?.[2] ?? SENSITIVE_PORTS.get(mapping.target);
}

/** The container ports the service listens on, when the files show them all: its Dockerfile's EXPOSE, or a mounted nginx config's listen ports. */
function listeningPorts(service: ResolvedService, view: WorkspaceView): { ports: Set<number>; messageId: 'notListening' | 'notExposed'; file: string } | undefined {
  const nginx = mountedNginxPorts(service, view);
  if (nginx) return { ports: nginx.ports, messageId: 'notListening', file: nginx.file };
  const image = builtImage(service, view);
  if (!image || image === 'unknown') return undefined;
  const exposed = imageExposedPorts(image);
  return exposed ? { ports: exposed, messageId: 'notExposed', file: image.path } : undefined;
}

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/exposed-ports',
    kind: 'compose',
    title: 'Publish only the ports the public needs',
    description:
      'A database, cache, metrics or admin port published without a host address listens on every interface of the host, and Docker opens it past the host firewall; bind it to 127.0.0.1 or let services reach it over the Compose network. A published port the image does not listen on is a mapping to nothing.',
    checklistItem: 'deployment/firewall',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      allInterfaces: 'Service "{{name}}" publishes {{what}} port {{port}} on every interface of the host, past its firewall; bind it to 127.0.0.1 or remove the mapping and use the Compose network.',
      notExposed: 'Service "{{name}}" publishes container port {{port}}, but its Dockerfile ({{file}}) only EXPOSEs {{ports}}; map the port the application listens on.',
      notListening: 'Service "{{name}}" publishes container port {{port}}, but its mounted nginx config ({{file}}) only listens on {{ports}}; map one of those ports.',
    },
    fixTitles: {
      loopback: 'Publish port {{port}} on 127.0.0.1 only',
    },
    examples: {
      bad: 'services:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n    ports:\n      - "9090:9090"\n',
      good: 'services:\n  prometheus:\n    image: prom/prometheus:v2.54.1\n    ports:\n      - "127.0.0.1:9090:9090"\n',
    },
    ptBR: {
      title: 'Publicar só as portas de que o público precisa',
      description:
        'Uma porta de banco de dados, cache, métricas ou administração publicada sem endereço de host escuta em todas as interfaces do host, e o Docker a abre por fora do firewall do host; vincule-a a 127.0.0.1 ou deixe os serviços a alcançarem pela rede do Compose. Uma porta publicada em que a imagem não escuta é um mapeamento para o nada.',
      messages: {
        allInterfaces: 'O serviço "{{name}}" publica a porta {{port}} de {{what}} em todas as interfaces do host, por fora do firewall; vincule-a a 127.0.0.1 ou remova o mapeamento e use a rede do Compose.',
        notExposed: 'O serviço "{{name}}" publica a porta {{port}} do container, mas seu Dockerfile ({{file}}) só faz EXPOSE de {{ports}}; mapeie a porta em que a aplicação escuta.',
        notListening: 'O serviço "{{name}}" publica a porta {{port}} do container, mas a configuração nginx montada ({{file}}) só escuta em {{ports}}; mapeie uma dessas portas.',
      },
      fixTitles: {
        loopback: 'Publicar a porta {{port}} só em 127.0.0.1',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const mappings = portsOf(service).filter((mapping) => mapping.layer.model === model);
      if (mappings.length === 0) continue;
      // A variable may choose the host address or the container port; a base service out of sight may name an admin image.
      const unknown = !service.complete || mappings.some((mapping) => mapping.allInterfaces === undefined || (mapping.target === undefined && mapping.interpolated));
      let reported = false;
      const listening = listeningPorts(service, context.workspace);
      for (const mapping of mappings) {
        const what = sensitivity(mapping, service);
        if (what && mapping.allInterfaces === true) {
          reported = true;
          context.report({
            span: mapping.targetSpan,
            messageId: 'allInterfaces',
            data: { name: service.name, what, port: mapping.target! },
            fixTitleId: 'loopback',
            fix: (fixer) => {
              const { node } = mapping;
              if (isMap(node)) return editorFor(context).merge(node, { host_ip: '127.0.0.1' });
              const span = spanOf(node);
              if (!isScalar(node) || !span) return null;
              if (typeof node.value === 'number') return fixer.replace(span, `"127.0.0.1::${node.value}"`);
              const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
              const raw = String(node.value);
              const start = span.start + (quoted ? 1 : 0);
              if (model.text.slice(start, start + raw.length) !== raw) return null;
              const host = parseShortPort(raw).host ?? '';
              if (host !== '') return fixer.replace({ start, end: start + host.length }, '127.0.0.1');
              return fixer.insertAt(start, raw.includes(':') ? '127.0.0.1:' : '127.0.0.1::');
            },
          });
        }
        if (listening && mapping.target !== undefined && !listening.ports.has(mapping.target)) {
          reported = true;
          context.report({
            span: mapping.targetSpan,
            messageId: listening.messageId,
            data: { name: service.name, port: mapping.target, file: relativeTo(model.path, listening.file), ports: [...listening.ports].sort((a, b) => a - b).join(', ') },
          });
        }
      }
      inspectService(context, service, unknown && !reported);
    }
  },
});
