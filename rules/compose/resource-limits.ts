import { defineRule } from '../../server/src/engine/rule';
import { editorFor, inspectService, isInterpolated, ownNode, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { mayBeEmpty } from '../../server/src/kinds/compose/interpolation';
import { scalarString } from '../../server/src/kinds/kubernetes/nodes';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { isNull, type ResolvedService } from '../../server/src/kinds/compose/services';
import type { YObject } from '../../server/src/kinds/kubernetes/edits';

/** Whether the service sets a limit: `unknown` when only a variable without a default sets it (`memory: ${MEM}`), which may be empty. */
function limitOf(service: ResolvedService, deployKey: 'memory' | 'cpus', legacyKeys: string[]): 'set' | 'unknown' | 'missing' {
  const values = [service.path('deploy', 'resources', 'limits', deployKey)?.value, ...legacyKeys.map((key) => service.get(key))].filter((node) => !isNull(node));
  if (values.length === 0) return 'missing';
  return values.some((node) => !isInterpolated(node) || !mayBeEmpty(scalarString(node) ?? '')) ? 'set' : 'unknown';
}

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/resource-limits',
    kind: 'compose',
    title: 'Limit CPU and memory for every service',
    description:
      'A container without memory and CPU limits can take the whole host: a leak or a traffic spike in one service starves every other service on the machine.',
    checklistItem: 'deployment/docker-resource-limits',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Service "{{name}}" has no {{resources}} limit, so it can starve the rest of the host; add deploy.resources.limits.',
    },
    fixTitles: {
      add: 'Add CPU and memory limits to {{name}}',
    },
    examples: {
      bad: 'services:\n  app:\n    image: datametria/api:v2.1.0\n',
      good: "services:\n  app:\n    image: datametria/api:v2.1.0\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n",
    },
    ptBR: {
      title: 'Limitar CPU e memória de todo serviço',
      description:
        'Um container sem limites de memória e CPU pode tomar o host inteiro: um vazamento ou um pico de tráfego em um serviço esgota todos os outros serviços da máquina.',
      messages: {
        missing: 'O serviço "{{name}}" não tem limite de {{resources}}, então pode esgotar o restante do host; adicione deploy.resources.limits.',
      },
      fixTitles: {
        add: 'Adicionar limites de CPU e memória a {{name}}',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context, { alwaysRunning: true })) {
      const memory = limitOf(service, 'memory', ['mem_limit']);
      const cpu = limitOf(service, 'cpus', ['cpus', 'cpu_quota']);
      if (memory === 'set' && cpu === 'set') {
        inspectService(context, service);
        continue;
      }
      const missing = [...(cpu === 'missing' ? ['cpu'] : []), ...(memory === 'missing' ? ['memory'] : [])];
      // The limits may come from the part of the service that is out of sight, or from the environment.
      const unknown = !service.complete || missing.length === 0;
      inspectService(context, service, unknown);
      if (unknown) continue;
      context.report({
        span: service.nameSpan,
        messageId: 'missing',
        data: { name: service.name, resources: missing.join(' and ') },
        fixTitleId: 'add',
        fix: () => {
          const node = ownNode(context, service);
          if (!node) return null;
          // A service that limits with the short keys (mem_limit, cpus) gets the other short key.
          if (service.has('mem_limit') || service.has('cpus')) return editorFor(context).merge(node, memory !== 'missing' ? { cpus: "'0.5'" } : { mem_limit: '512m' });
          const limits: YObject = {};
          if (cpu === 'missing') limits.cpus = "'0.5'";
          if (memory === 'missing') limits.memory = '512M';
          return editorFor(context).merge(node, { deploy: { resources: { limits } } });
        },
      });
    }
  },
});
