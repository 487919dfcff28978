/** The shared check and fix of k8s/resource-requests and k8s/resource-limits, grouped per container (see groups.ts). */
import { isScalar } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import type { TextEdit } from '../../engine/types';
import { CONTAINER_AFTER_PORTS, editorFor, runningContainers, workspaceOf } from './checks';
import type { YamlEditor, YObject } from './edits';
import { GroupReporter } from './groups';
import type { Container, KubernetesModel } from './model';
import { scalarString } from './nodes';

/** The seed's sizes: requests 256Mi/250m, limits 512Mi/500m. */
const SEED_RESOURCES: Record<'requests' | 'limits', Record<string, string>> = {
  requests: { memory: '"256Mi"', cpu: '"250m"' },
  limits: { memory: '"512Mi"', cpu: '"500m"' },
};

export const RESOURCE_RULES = { requests: 'k8s/resource-requests', limits: 'k8s/resource-limits' } as const;

/**
 * What a container lacks per resource. Kubernetes copies a limit into an unset request, and a
 * namespace LimitRange fills in default limits and requests, so both count as set.
 */
export function resourceGaps(context: RuleContext<KubernetesModel>, container: Container): { requests: string[]; limits: string[] } {
  const { reader } = container.pod.owner;
  const defaults = workspaceOf(context).limitDefaults(context.model.path, container.pod.owner);
  const set = (section: string, key: string) => scalarString(reader.get(reader.getMap(container.resources, section), key)) !== undefined;
  const resources = ['cpu', 'memory'];
  return {
    requests: resources.filter((key) => !set('requests', key) && !set('limits', key) && !defaults.requests.has(key)),
    limits: resources.filter((key) => !set('limits', key) && !defaults.limits.has(key)),
  };
}

/** The shared check of k8s/resource-requests and k8s/resource-limits: one finding and one fix per container (see groups.ts). */
export function checkResources(model: KubernetesModel, context: RuleContext<KubernetesModel>, section: 'requests' | 'limits'): void {
  const group = new GroupReporter(context, [RESOURCE_RULES.requests, RESOURCE_RULES.limits], RESOURCE_RULES[section]);
  for (const container of runningContainers(model)) {
    context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
    const gaps = resourceGaps(context, container);
    const missing = gaps[section];
    if (missing.length === 0) continue;
    const name = container.name ?? '?';
    const open = (['requests', 'limits'] as const).filter((kind) => gaps[kind].length > 0);
    group.report({
      span: container.nameSpan,
      open: open.map((kind) => RESOURCE_RULES[kind]),
      single: {
        span: container.nameSpan,
        messageId: 'missing',
        data: { name, resources: missing.map((key) => `${section}.${key}`).join(', ') },
        fixTitleId: 'add',
        fix: () => resourcesFix(editorFor(context), container, { [section]: missing }),
      },
      grouped: (members) => {
        const kinds = open.filter((kind) => members.includes(RESOURCE_RULES[kind]));
        return {
          span: container.nameSpan,
          messageId: 'grouped',
          data: { name, resources: kinds.flatMap((kind) => gaps[kind].map((key) => `${kind}.${key}`)).join(', ') },
          fixTitleId: 'addAll',
          fix: () => resourcesFix(editorFor(context), container, Object.fromEntries(kinds.map((kind) => [kind, gaps[kind]]))),
        };
      },
    });
  }
}

/**
 * Adds the missing requests and limits (memory before cpu, as in the seed). A limit added next to
 * an existing request takes the request's value, so the limit is never below the request.
 */
export function resourcesFix(editor: YamlEditor, container: Container, missing: { requests?: string[]; limits?: string[] }): TextEdit[] | null {
  const { reader } = container.pod.owner;
  const resources: YObject = {};
  for (const section of ['requests', 'limits'] as const) {
    const values: YObject = {};
    for (const [key, value] of Object.entries(SEED_RESOURCES[section])) {
      if (!missing[section]?.includes(key)) continue;
      const request = section === 'limits' ? reader.get(reader.getMap(container.resources, 'requests'), key) : undefined;
      values[key] = isScalar(request) && request.source !== undefined && scalarString(request) !== undefined ? JSON.stringify(scalarString(request)) : value;
    }
    if (Object.keys(values).length) resources[section] = values;
  }
  if (Object.keys(resources).length === 0) return null;
  return editor.merge(container.node, { resources }, CONTAINER_AFTER_PORTS);
}

/** How the resources rules group their findings, for their descriptions. */
export const RESOURCES_GROUP_DOC = {
  en:
    'Each resource counts on its own (cpu, memory), as kube-linter and Polaris check them. A limit without a request counts as both (Kubernetes copies the limit into the request), and a LimitRange of the namespace in the workspace that sets `default` / `defaultRequest` for containers supplies them. ' +
    'When a container lacks both requests and limits, k8s/resource-requests and k8s/resource-limits give one finding with one fix that adds all of them; a `readiness-ignore` comment for either id leaves its part out.',
  pt:
    'Cada recurso conta separadamente (cpu, memória), como o kube-linter e o Polaris verificam. Um limit sem request conta como os dois (o Kubernetes copia o limit para o request), e um LimitRange do namespace no workspace que define `default` / `defaultRequest` para containers os fornece. ' +
    'Quando faltam requests e limits a um container, k8s/resource-requests e k8s/resource-limits dão um único achado com uma correção que adiciona todos; um comentário `readiness-ignore` para qualquer um dos ids deixa a sua parte de fora.',
};
