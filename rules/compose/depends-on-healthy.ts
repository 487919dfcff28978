import { defineRule } from '../../server/src/engine/rule';
import { dependenciesOf, editorFor, healthOf, inspectService, servicesToCheck } from '../../server/src/kinds/compose/checks';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import type { YObject } from '../../server/src/kinds/kubernetes/edits';
import { spanOf } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/depends-on-healthy',
    kind: 'compose',
    title: 'Wait for dependencies to be healthy',
    description:
      'A plain depends_on only waits for the dependency\'s container to start, not for it to accept connections: the service starts against a database that is still initialising and fails or crash-loops. When the dependency has a health check, wait for it.',
    checklistItem: 'monitoring/health-checks',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      notHealthy: 'Service "{{name}}" starts as soon as {{dependency}} starts, not when its healthcheck passes; use depends_on with condition: service_healthy.',
    },
    fixTitles: {
      healthy: 'Wait for {{dependency}} to be healthy',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    depends_on:\n      - db\n  db:\n    image: postgres:16.4\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
      good: 'services:\n  app:\n    image: datametria/api:v2.1.0\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16.4\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
    },
    ptBR: {
      title: 'Esperar as dependências ficarem saudáveis',
      description:
        'Um depends_on simples só espera o container da dependência iniciar, não que ela aceite conexões: o serviço sobe contra um banco de dados que ainda está inicializando e falha ou reinicia em loop. Quando a dependência tem health check, espere por ele.',
      messages: {
        notHealthy: 'O serviço "{{name}}" sobe assim que {{dependency}} inicia, não quando seu healthcheck passa; use depends_on com condition: service_healthy.',
      },
      fixTitles: {
        healthy: 'Esperar {{dependency}} ficar saudável',
      },
    },
  },
  check(model, context) {
    const services = servicesToCheck(context);
    for (const service of services) {
      const dependencies = dependenciesOf(service);
      if (dependencies.length === 0) continue;
      let reported = false;
      let unknown = false;
      for (const dependency of dependencies) {
        if (dependency.condition !== undefined && dependency.condition !== 'service_started') continue;
        const target = services.find((candidate) => candidate.name === dependency.name);
        // A dependency defined in another file, or whose health check is out of sight, may have one.
        const health = target ? healthOf(target, context) : 'unknown';
        if (health === 'unknown') unknown = true;
        if (health !== 'declared' || dependency.layer.model !== model) continue;
        reported = true;
        context.report({
          span: dependency.nameSpan,
          messageId: 'notHealthy',
          data: { name: service.name, dependency: dependency.name },
          fixTitleId: 'healthy',
          fix: (fixer) => {
            const editor = editorFor(context);
            if (dependency.entry) {
              if (dependency.conditionNode) return fixer.replace(spanOf(dependency.conditionNode)!, 'service_healthy');
              return editor.merge(dependency.entry, { condition: 'service_healthy' });
            }
            // The list form becomes the long form, every dependency keeping its meaning.
            const entries: YObject = {};
            for (const other of dependencies) {
              const otherTarget = services.find((candidate) => candidate.name === other.name);
              const healthy = other.condition === 'service_healthy' || (other.condition === undefined && otherTarget !== undefined && healthOf(otherTarget, context) === 'declared');
              entries[other.name] = { condition: healthy ? 'service_healthy' : (other.condition ?? 'service_started') };
            }
            return editor.replacePair(dependency.pair, 'depends_on', entries);
          },
        });
      }
      inspectService(context, service, unknown && !reported);
    }
  },
});
