import { defineRule } from '../../server/src/engine/rule';
import { editorFor, healthOf, inspectService, isOneOffJob, ownNode, portsOf, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { builtImage, imageExposedPorts, parseImageReference } from '../../server/src/kinds/compose/image';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import type { ResolvedService } from '../../server/src/kinds/compose/services';
import { imageFamily } from '../../server/src/kinds/dockerfile/images';
import { isTrue, scalarString, spanOf } from '../../server/src/kinds/kubernetes/nodes';
import type { Span } from '../../server/src/engine/types';
import { isSeq } from 'yaml';
import type { WorkspaceView } from '../../server/src/engine/rule';

/** Probes for images whose health is not an HTTP endpoint, or lives on a known path. */
const KNOWN_TESTS: [RegExp, string][] = [
  [/^(?:postgres|postgis\/postgis|timescale\/timescaledb)$/, '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]'],
  [/^mariadb$/, '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]'],
  [/^mysql$/, '["CMD", "mysqladmin", "ping", "-h", "localhost"]'],
  [/^(?:redis|valkey\/valkey)$/, '["CMD", "redis-cli", "ping"]'],
  [/^mongo$/, '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]'],
  [/^(?:prom\/prometheus|prometheus\/prometheus)$/, '["CMD", "wget", "-qO-", "http://localhost:9090/-/healthy"]'],
  [/^grafana\/grafana(?:-oss|-enterprise)?$/, '["CMD", "wget", "-qO-", "http://localhost:3000/api/health"]'],
];

const TLS_PORTS = new Set([443, 8443]);

/** The seed's probe (curl on /health), wget on Alpine images that ship no curl; undefined without a port to probe. */
function probeFor(service: ResolvedService, view: WorkspaceView): string | undefined {
  const reference = service.string('image');
  const image = reference === undefined ? undefined : parseImageReference(reference);
  if (image && !service.has('build')) {
    const known = KNOWN_TESTS.find(([pattern]) => pattern.test(image.repository));
    if (known) return known[1];
  }
  const built = builtImage(service, view);
  // Plain HTTP to a TLS port probes nothing.
  const port =
    portsOf(service).find((mapping) => mapping.target !== undefined && !TLS_PORTS.has(mapping.target))?.target ??
    (built && built !== 'unknown' ? [...(imageExposedPorts(built) ?? [])][0] : undefined) ??
    service.items('expose').map(({ node }) => Number(scalarString(node))).find((value) => Number.isInteger(value) && value > 0);
  if (port === undefined) return undefined;
  const alpine = built && built !== 'unknown' ? imageFamily(built.stage) === 'alpine' : /alpine/.test(image?.tag ?? '');
  return alpine ? `["CMD", "wget", "-qO-", "http://localhost:${port}/health"]` : `["CMD", "curl", "-f", "http://localhost:${port}/health"]`;
}

/** Where the service's own healthcheck turns itself off (`disable: true`, `test: ["NONE"]`), in the analyzed file. */
function disabledAt(service: ResolvedService): Span | undefined {
  const found = service.field('healthcheck');
  const healthcheck = found?.layer.model.reader.map(found.value);
  if (!found || !healthcheck || found.layer !== service.layers[0]) return undefined;
  const { reader } = found.layer.model;
  const disable = reader.get(healthcheck, 'disable');
  if (isTrue(disable)) return spanOf(disable);
  const test = reader.get(healthcheck, 'test');
  return spanOf(isSeq(test) ? reader.items(test)[0] : test);
}

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/healthcheck',
    kind: 'compose',
    title: 'Give every service a health check',
    description:
      'Without a health check Docker only knows whether the process runs, not whether it answers: dependants start against a service that is not ready and a hung process looks healthy. A health check turned off (`disable: true`, `test: ["NONE"]`, or HEALTHCHECK NONE in its Dockerfile) is a decision: reported at most as information. A job others wait on to complete is not checked.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    fixReveals: ['compose/depends-on-healthy'],
    messages: {
      missing: 'Service "{{name}}" has no healthcheck and its image declares no HEALTHCHECK, so a hung process looks healthy; add a healthcheck that probes it.',
      disabled: 'Service "{{name}}" runs with its health check turned off, so a hung process looks healthy; keep it off only if nothing needs to know the service is ready.',
    },
    fixTitles: {
      add: 'Add a healthcheck to {{name}}',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good:
        'services:\n  app:\n    image: datametria/api:v2.1.0\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n',
    },
    ptBR: {
      title: 'Dar a todo serviço um health check',
      description:
        'Sem health check o Docker só sabe se o processo está rodando, não se ele responde: os dependentes sobem contra um serviço que não está pronto e um processo travado parece saudável. Um health check desligado (`disable: true`, `test: ["NONE"]` ou HEALTHCHECK NONE no Dockerfile) é uma decisão: reportado no máximo como informação. Um job que outros esperam terminar não é verificado.',
      messages: {
        missing: 'O serviço "{{name}}" não tem healthcheck e sua imagem não declara HEALTHCHECK, então um processo travado parece saudável; adicione um healthcheck que o verifique.',
        disabled: 'O serviço "{{name}}" roda com o health check desligado, então um processo travado parece saudável; mantenha-o desligado só se nada precisar saber que o serviço está pronto.',
      },
      fixTitles: {
        add: 'Adicionar um healthcheck a {{name}}',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context, { alwaysRunning: true })) {
      // A job others wait on to complete exits by design: there is nothing to keep healthy.
      if (isOneOffJob(service, context)) continue;
      const state = healthOf(service, context);
      // A build context or a base service out of sight may declare one.
      inspectService(context, service, state === 'unknown');
      if (state === 'disabled') {
        context.report({ span: disabledAt(service) ?? service.nameSpan, messageId: 'disabled', data: { name: service.name }, atMost: 'information' });
        continue;
      }
      if (state !== 'missing') continue;
      context.report({
        span: service.nameSpan,
        messageId: 'missing',
        data: { name: service.name },
        fixTitleId: 'add',
        fix: () => {
          const node = ownNode(context, service);
          const test = probeFor(service, context.workspace);
          if (!node || test === undefined) return null;
          return editorFor(context).merge(node, { healthcheck: { test, interval: '30s', timeout: '10s', retries: 3 } });
        },
      });
    }
  },
});
