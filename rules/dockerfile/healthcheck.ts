import { defineRule } from '../../server/src/engine/rule';
import { insertsInstructions, stageLineage, type DockerfileModel } from '../../server/src/kinds/dockerfile/model';
import { probeTool, type ProbeTool } from '../../server/src/kinds/dockerfile/images';
import { baseImageReason, serviceSignal, type ServiceSignal as FileSignal } from '../../server/src/kinds/dockerfile/purpose';
import { composeRuns } from '../../server/src/kinds/dockerfile/services';

/** Ports whose protocol is not HTTP: an HTTP probe there would always fail, so no fix is guessed (gRPC 50051, SOCKS 1080 and Tor 9050, Delve 2345 among them). */
const NON_HTTP_PORTS = new Set([21, 22, 25, 53, 389, 443, 636, 1080, 1433, 1521, 2181, 2345, 3306, 4222, 5432, 5672, 6379, 9000, 9042, 9050, 9092, 11211, 27017, 50051]);
/** Default HTTP ports of server programs and server images, for a probe when the file exposes no port. */
const HTTP_DEFAULT_PORTS: Record<string, number> = {
  nginx: 80, httpd: 80, apache2: 80, 'apache2-foreground': 80, 'httpd-foreground': 80, caddy: 80, lighttpd: 80, tomcat: 8080, jetty: 8080,
  gunicorn: 8000, uvicorn: 8000, hypercorn: 8000, daphne: 8000, 'rails server': 3000, 'rails s': 3000, 'flask run': 5000,
};
/** Servers that do not speak HTTP (databases, caches, FastCGI, SSH, the Delve debugger): an HTTP probe would always fail. */
const NON_HTTP_SERVERS = /^(?:postgres|mysqld|mariadbd|mongod|redis-server|valkey-server|memcached|rabbitmq-server|sshd|php-fpm[\d.]*|etcd|nats-server|mysql|mariadb|mongo|redis|valkey|rabbitmq|zookeeper|kafka|cassandra|php|dlv)$/;
/** The port most HTTP services in containers listen on, when nothing in the file says otherwise. */
const FALLBACK_PORT = 8080;

/** Why the image is taken for a service: what the file shows, or a Compose service that publishes a port. */
type ServiceSignal = FileSignal | { kind: 'compose'; service: string; file: string; port: string; portNumber?: number };

function signalData(signal: ServiceSignal): Record<string, string> {
  switch (signal.kind) {
    case 'exposed':
      return { port: signal.port };
    case 'server':
      return { program: signal.program };
    case 'serverImage':
      return { image: signal.image };
    case 'compose':
      return { service: signal.service, file: signal.file, port: signal.port };
  }
}

function probePort(signal: ServiceSignal): number | undefined {
  if (signal.kind === 'exposed' || signal.kind === 'compose') return signal.portNumber !== undefined && !NON_HTTP_PORTS.has(signal.portNumber) ? signal.portNumber : undefined;
  const name = signal.kind === 'server' ? signal.program : signal.image;
  if (NON_HTTP_SERVERS.test(name)) return undefined;
  const port = (signal.kind === 'server' ? signal.portNumber : undefined) ?? HTTP_DEFAULT_PORTS[name] ?? FALLBACK_PORT;
  return NON_HTTP_PORTS.has(port) ? undefined : port;
}

/** A probe of /health with a program the image has; runtimes get an exec-form one-liner (no shell needed). */
function probeCommand(tool: ProbeTool, port: number): string {
  const url = `http://localhost:${port}/health`;
  switch (tool) {
    case 'curl':
      return `curl -f ${url} || exit 1`;
    case 'wget':
      return `wget -qO- ${url} || exit 1`;
    case 'node':
      return JSON.stringify(['node', '-e', `require('http').get('${url}', (res) => process.exit(res.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))`]);
    case 'python':
      return JSON.stringify(['python3', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=3)`]);
  }
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/healthcheck',
    kind: 'dockerfile',
    title: 'Declare a HEALTHCHECK',
    description:
      'An image that serves something (its final stage EXPOSEs a port, starts a server such as nginx or gunicorn, builds on a server image, or a Compose service of the workspace builds it and publishes a port) should declare a HEALTHCHECK; without one Docker, Compose and Swarm report a hung process as healthy and never restart or route around it. A HEALTHCHECK inherited from the stage the final stage builds on counts, `HEALTHCHECK NONE` is an explicit decision, and a health check that every Compose service building the image declares itself (or disables) covers it. CLI tools and base images (ONBUILD, an interpreter or a packaged server on a bare OS image, packages added to another image: the Docker Official Images pattern) are looked at but not judged: their health is decided where they are deployed. The quick fix probes `/health` only with a program the image has (curl, BusyBox wget on Alpine, or the node/python runtime) on a port that speaks HTTP; otherwise none is offered. A warning: the image runs, but failures go unnoticed.',
    checklistItem: 'deployment/docker-health-checks',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      exposed: 'The image exposes port {{port}} but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes the service.',
      server: 'The image runs {{program}}, a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.',
      serverImage: 'The image builds on {{image}}, which runs a server, but declares no HEALTHCHECK, so a hung container still looks healthy; add a HEALTHCHECK that probes it.',
      compose: 'Compose service {{service}} in {{file}} runs this image and publishes port {{port}}, but neither declares a health check, so a hung container still looks healthy; add a HEALTHCHECK that probes it.',
    },
    fixTitles: {
      addHealthcheck: 'Add a HEALTHCHECK that probes /health with {{tool}}',
    },
    examples: {
      bad: 'FROM node:20-slim\nEXPOSE 3000\nCMD ["node", "server.js"]',
      good:
        'FROM node:20-alpine\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\n  CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]',
    },
    ptBR: {
      title: 'Declarar um HEALTHCHECK',
      description:
        'Uma imagem que serve algo (o estágio final faz EXPOSE de uma porta, inicia um servidor como nginx ou gunicorn, parte de uma imagem de servidor, ou um serviço do Compose do workspace a constrói e publica uma porta) deve declarar um HEALTHCHECK; sem ele, Docker, Compose e Swarm consideram saudável um processo travado e nunca o reiniciam nem desviam o tráfego. Um HEALTHCHECK herdado do estágio em que o estágio final se baseia conta, `HEALTHCHECK NONE` é uma decisão explícita, e um health check que todo serviço do Compose que constrói a imagem declara (ou desliga) a cobre. Ferramentas de linha de comando e imagens base (ONBUILD, um interpretador ou um servidor empacotado sobre um SO puro, pacotes somados a outra imagem: o padrão das Docker Official Images) são examinadas mas não julgadas: a saúde delas é decidida onde são implantadas. A correção rápida verifica `/health` só com um programa que a imagem tem (curl, o wget do BusyBox no Alpine, ou o runtime node/python) numa porta que fala HTTP; senão nenhuma é oferecida. Um aviso: a imagem roda, mas falhas passam despercebidas.',
      messages: {
        exposed: 'A imagem expõe a porta {{port}} mas não declara HEALTHCHECK, então um container travado continua parecendo saudável; adicione um HEALTHCHECK que verifique o serviço.',
        server: 'A imagem roda {{program}}, um servidor, mas não declara HEALTHCHECK, então um container travado continua parecendo saudável; adicione um HEALTHCHECK que o verifique.',
        serverImage: 'A imagem parte de {{image}}, que roda um servidor, mas não declara HEALTHCHECK, então um container travado continua parecendo saudável; adicione um HEALTHCHECK que o verifique.',
        compose: 'O serviço {{service}} do Compose em {{file}} roda esta imagem e publica a porta {{port}}, mas nenhum dos dois declara health check, então um container travado continua parecendo saudável; adicione um HEALTHCHECK que o verifique.',
      },
      fixTitles: {
        addHealthcheck: 'Adicionar um HEALTHCHECK que verifica /health com {{tool}}',
      },
    },
  },
  check(model, context) {
    const stage = model.finalStage;
    // A fragment without FROM is still being written; what it lacks is not a finding yet.
    if (!stage || stage.implicit) return;
    const inspect = (unknown?: boolean) => context.inspect({ subject: 'image', span: stage.from.span, ...(unknown ? { unknown } : {}) });
    // The image keeps the last HEALTHCHECK of its own stage, else the one inherited from a parent
    // stage; HEALTHCHECK NONE is a decision too.
    if (stageLineage(stage).some((candidate) => candidate.healthchecks.length > 0)) {
      inspect();
      return;
    }
    // Compose services that build this image: a health check of their own covers it, and one that
    // publishes a port says the image serves something, base image or not (it is deployed as it is).
    const runs = composeRuns(model, context.workspace);
    if (runs.length > 0 && runs.every((run) => run.healthcheck !== undefined)) {
      inspect();
      return;
    }
    const published = runs.find((run) => run.published !== undefined);
    const signal: ServiceSignal | undefined =
      baseImageReason(model) && !published
        ? undefined
        : (serviceSignal(model) ?? (published ? { kind: 'compose', service: published.service, file: published.file, ...published.published! } : undefined));
    // Nothing says the image serves anything (a CLI tool, a base image, a binary of unknown purpose).
    if (!signal) {
      inspect(true);
      return;
    }
    inspect();

    const tool = probeTool(model);
    const port = probePort(signal);
    const eol = context.lines.eol;
    const options = '--interval=30s --timeout=3s --start-period=5s --retries=3';
    const anchors = [stage.cmd, stage.entrypoint].filter((node) => node !== undefined);
    const anchor = anchors.sort((a, b) => a.span.start - b.span.start)[0];
    context.report({
      span: stage.from.span,
      messageId: signal.kind,
      data: { ...signalData(signal), tool: tool ?? '' },
      fixTitleId: 'addHealthcheck',
      fix:
        tool && port !== undefined
          ? (fixer) => {
              const probe = probeCommand(tool, port);
              const text = model.text;
              const indent = anchor ? context.lines.indentAt(anchor.span.start) : '';
              const at = anchor ? anchor.span.start : text.length;
              const needsBreak = !anchor && text.length > 0 && !text.endsWith('\n');
              const inserted = `${needsBreak ? eol : ''}HEALTHCHECK ${options} \\${eol}${indent}  CMD ${probe}${eol}${indent}`;
              return insertsInstructions(model, at, inserted, 1) ? fixer.insertAt(at, inserted) : null;
            }
          : undefined,
    });
  },
});
