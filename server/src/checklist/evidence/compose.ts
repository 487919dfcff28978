/**
 * Compose evidence: configuration files mounted into the services that run them. A Prometheus
 * service with its prometheus.yml mounted scrapes metrics; an nginx service with its config mounted,
 * in front of another service of the file, is the reverse proxy that balances the traffic to it.
 */
import { isMap, isScalar } from 'yaml';
import { isDevelopmentFile } from '../../kinds/compose/model';
import { get, getStr, items, loc, pairs, str, type Detector, type DetectorHit } from './source';

/** `SOURCE:TARGET[:MODE]` or the long form's source and target. */
function mountOf(volume: unknown): { source: string; target: string } | undefined {
  if (isMap(volume)) {
    const source = getStr(volume, 'source');
    const target = getStr(volume, 'target');
    return source && target ? { source, target } : undefined;
  }
  const [source, target] = (str(volume) ?? '').split(':');
  return source && target ? { source, target } : undefined;
}

export const composeMountsDetector: Detector = {
  id: 'compose-mounted-config',
  title: 'Configuration mounted into Compose services',
  hint: loc(
    'Run Prometheus with its prometheus.yml mounted, and an nginx reverse proxy with its configuration mounted in front of the application, as Compose services.',
    'Rode como serviços do Compose o Prometheus com seu prometheus.yml montado e um proxy reverso nginx com sua configuração montada na frente da aplicação.',
  ),
  hints: {
    'monitoring/metrics-collection': loc('Run Prometheus as a Compose service with its prometheus.yml mounted.', 'Rode o Prometheus como serviço do Compose com seu prometheus.yml montado.'),
    'deployment/load-balancer': loc(
      'Put an nginx reverse proxy with its configuration mounted in front of the application, as a Compose service.',
      'Coloque um proxy reverso nginx com sua configuração montada na frente da aplicação, como serviço do Compose.',
    ),
  },
  heuristic:
    'A Compose service whose image is Prometheus and that mounts a prometheus.yml (its scrape configuration) proves metrics collection; a service whose image is nginx, ' +
    'that mounts a config under /etc/nginx and depends on another service of the file, is a reverse proxy in front of it (the seed\'s production example). ' +
    'Compose files named for development or tests (compose.dev.yml, docker-compose.override.yml) do not count.',
  proves: {
    'monitoring/metrics-collection': loc('Prometheus runs as a Compose service with its scrape configuration mounted.', 'O Prometheus roda como serviço do Compose com sua configuração de scrape montada.'),
    'deployment/load-balancer': loc('An nginx service with its own configuration fronts the application services.', 'Um serviço nginx com configuração própria fica na frente dos serviços da aplicação.'),
  },
  appliesTo: (file) => file.isYaml && !isDevelopmentFile(file.path),
  textHint: /prometheus\.ya?ml|\/etc\/nginx\//,
  detect(file) {
    const hits: DetectorHit[] = [];
    for (const root of file.yamlRoots()) {
      const services = get(root, 'services');
      if (!isMap(services)) continue;
      for (const pair of pairs(services)) {
        const name = str(pair.key) ?? '';
        const image = (getStr(pair.value, 'image') ?? '').toLowerCase();
        const mounts = items(get(pair.value, 'volumes')).map((volume) => ({ volume, mount: mountOf(volume) }));
        const repository = image.split('@')[0].replace(/:[^/:]*$/, '');
        if (/(?:^|\/)prometheus$/.test(repository)) {
          const config = mounts.find(({ mount }) => mount && (/prometheus\.ya?ml$/.test(mount.source) || mount.target === '/etc/prometheus/prometheus.yml'));
          if (config) {
            const what = `Compose service "${name}" mounts ${config.mount!.source}`;
            hits.push({ item: 'monitoring/metrics-collection', what: loc(what, `O serviço do Compose "${name}" monta ${config.mount!.source}`), line: file.lineOfNode(config.volume) });
          }
        }
        if (/(?:^|\/)nginx(?:-unprivileged)?$/.test(repository)) {
          const config = mounts.find(({ mount }) => mount && mount.target.startsWith('/etc/nginx/') && /\.conf$|\/conf\.d\/?$|\/templates\/?$/.test(mount.target));
          const dependsOn = get(pair.value, 'depends_on');
          const fronts = items(dependsOn).some((item) => isScalar(item)) || (isMap(dependsOn) && dependsOn.items.length > 0);
          if (config && fronts) {
            const what = `Compose service "${name}" mounts ${config.mount!.source} at ${config.mount!.target}`;
            hits.push({ item: 'deployment/load-balancer', what: loc(what, `O serviço do Compose "${name}" monta ${config.mount!.source} em ${config.mount!.target}`), line: file.lineOfNode(config.volume) });
          }
        }
      }
    }
    return hits;
  },
};
