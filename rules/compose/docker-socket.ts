import { defineRule } from '../../server/src/engine/rule';
import { inspectService, servicesToCheck } from '../../server/src/kinds/compose/checks';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { hasInterpolatedMount, isDockerSocket, mountsOf } from '../../server/src/kinds/compose/mounts';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/docker-socket',
    kind: 'compose',
    title: 'Do not mount the Docker socket',
    description:
      'The Docker socket is the Docker API: a container that can reach it can start a privileged container that mounts the host, so it is root on the host, read-only mount or not.',
    checklistItem: 'deployment/pod-security-standards',
    severity: 'error',
    fixable: false,
    crossFile: true,
    messages: {
      mounted: 'Service "{{name}}" mounts the Docker socket, which makes it root on the host even read-only; remove the mount, or put a socket proxy that allows only the API calls it needs in between.',
    },
    examples: {
      bad: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      good: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
    },
    ptBR: {
      title: 'Não montar o socket do Docker',
      description:
        'O socket do Docker é a API do Docker: um container que o alcança pode iniciar um container privilegiado que monta o host, então ele é root no host, com montagem somente leitura ou não.',
      messages: {
        mounted: 'O serviço "{{name}}" monta o socket do Docker, o que o torna root no host mesmo somente leitura; remova a montagem ou coloque no meio um proxy de socket que permita só as chamadas de API de que ele precisa.',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      const sockets = mountsOf(service).filter(isDockerSocket);
      // A volume a variable names could be the socket; a base service out of sight could mount it.
      inspectService(context, service, sockets.length === 0 && (!service.complete || hasInterpolatedMount(service)));
      for (const mount of sockets) if (mount.layer.model === model) context.report({ span: mount.span, messageId: 'mounted', data: { name: service.name } });
    }
  },
});
