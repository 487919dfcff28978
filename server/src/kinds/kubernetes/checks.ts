/**
 * Checks and fixes shared by several Kubernetes rules, so that rules that offer the same edit
 * (the restricted securityContext, resources) compute it in exactly one place.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import type { Span, TextEdit } from '../../engine/types';
import { YamlEditor, type Placement, type YObject } from './edits';
import { GroupReporter } from './groups';
import type { Container, K8sObject, KubernetesModel } from './model';
import { isFalse, isTrue, scalarString, spanOf } from './nodes';
import { isEmptySelector, readSelector, selectorMatches } from './selectors';
import { KubernetesWorkspace } from './workspace-index';

export function editorFor(context: RuleContext<KubernetesModel>): YamlEditor {
  return new YamlEditor(context.model, context.lines);
}

/** The workspace's Kubernetes facts, for rules that look at other files. */
export function workspaceOf(context: RuleContext<KubernetesModel>): KubernetesWorkspace {
  return KubernetesWorkspace.of(context.workspace);
}

/** Containers that run with the pod (init containers included), not ephemeral debug containers. */
export function runningContainers(model: KubernetesModel): Container[] {
  return model.containers.filter((container) => container.type !== 'ephemeralContainer');
}

/** A field of the container's securityContext, the resolved node. */
export function containerSecurityField(container: Container, key: string): Node | undefined {
  return container.pod.owner.reader.get(container.securityContext, key);
}

export function podSecurityField(container: Container, key: string): Node | undefined {
  return container.pod.owner.reader.get(container.pod.securityContext, key);
}

/** A container's own field, or the pod's when the container does not set it (how the kubelet resolves them). */
export function effectiveSecurityField(container: Container, key: string): Node | undefined {
  const own = containerSecurityField(container, key);
  return isScalar(own) && own.value !== null ? own : podSecurityField(container, key);
}

/** Where a key added to a container goes: under its image (or name), near the finding on the name. */
export const CONTAINER_TOP: Placement = { after: ['name', 'image', 'imagePullPolicy'] };
/** Where probes and resources go in a container: after its ports, which they refer to. */
export const CONTAINER_AFTER_PORTS: Placement = { after: ['name', 'image', 'imagePullPolicy', 'ports'] };
/** The top of a map: right under its key (`replicas` under `spec:`). */
export const MAP_TOP: Placement = { after: [] };

/** The four Pod Security Standards "restricted" settings, in the order their rules run and are listed. */
export const RESTRICTED_SETTINGS = [
  { ruleId: 'k8s/read-only-root-fs', gap: 'readOnlyRootFilesystem', text: 'readOnlyRootFilesystem: true' },
  { ruleId: 'k8s/drop-capabilities', gap: 'dropAll', text: 'capabilities.drop: [ALL]' },
  { ruleId: 'k8s/no-privilege-escalation', gap: 'privilegeEscalation', text: 'allowPrivilegeEscalation: false' },
  { ruleId: 'k8s/seccomp-profile', gap: 'seccomp', text: 'seccompProfile.type: RuntimeDefault' },
] as const;

export type RestrictedGap = (typeof RESTRICTED_SETTINGS)[number]['gap'];

/** What the restricted checks find wrong in a container: the wrong value, or `{}` when the setting is missing. */
export type RestrictedGaps = Partial<Record<RestrictedGap, { value?: Node }>>;

const GOOD_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);
/** The legacy seccomp annotations' values that confine: `runtime/default`, `docker/default`, `localhost/<profile>`. */
const GOOD_SECCOMP_ANNOTATION = /^(?:runtime\/default|docker\/default|localhost\/.+)$/;
const POD_SECCOMP_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_SECCOMP_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

export function restrictedGaps(container: Container): RestrictedGaps {
  const { reader } = container.pod.owner;
  const gaps: RestrictedGaps = {};
  const escalation = containerSecurityField(container, 'allowPrivilegeEscalation');
  if (!isFalse(escalation)) gaps.privilegeEscalation = { value: isScalar(escalation) && escalation.value !== null ? escalation : undefined };
  const readOnly = containerSecurityField(container, 'readOnlyRootFilesystem');
  if (!isTrue(readOnly)) gaps.readOnlyRootFilesystem = { value: isScalar(readOnly) && readOnly.value !== null ? readOnly : undefined };
  const capabilities = reader.map(containerSecurityField(container, 'capabilities'));
  const dropSeq = reader.getSeq(capabilities, 'drop');
  const drop = reader.items(dropSeq).map(scalarString);
  if (!drop.some((capability) => capability?.toUpperCase() === 'ALL')) gaps.dropAll = { value: dropSeq };
  const seccomp = effectiveSeccomp(container);
  if (!seccomp.confined) gaps.seccomp = { value: seccomp.value };
  return gaps;
}

/**
 * The seccomp profile that applies to a container: its own field, its legacy annotation, the pod's
 * field, the pod's legacy annotation (the order the kubelet honoured them in while both existed).
 */
function effectiveSeccomp(container: Container): { confined: boolean; value?: Node } {
  const { reader } = container.pod.owner;
  const fromField = (map: YAMLMap | undefined) => {
    const profile = reader.getMap(map, 'seccompProfile');
    if (!profile) return undefined;
    const type = reader.get(profile, 'type');
    return { confined: GOOD_SECCOMP.has(scalarString(type) ?? ''), value: isScalar(type) && type.value !== null ? type : undefined };
  };
  const fromAnnotation = (key: string) => {
    const node = container.pod.annotationNodes.get(key);
    const value = scalarString(node);
    return value === undefined ? undefined : { confined: GOOD_SECCOMP_ANNOTATION.test(value), value: node };
  };
  return (
    fromField(container.securityContext) ??
    (container.name !== undefined ? fromAnnotation(CONTAINER_SECCOMP_ANNOTATION + container.name) : undefined) ??
    fromField(container.pod.securityContext) ??
    fromAnnotation(POD_SECCOMP_ANNOTATION) ?? { confined: false }
  );
}

/** One container securityContext edit that closes the given restricted gaps. */
export function restrictedFix(editor: YamlEditor, container: Container, gaps: readonly RestrictedGap[]): TextEdit[] | null {
  const wanted: YObject = {};
  if (gaps.includes('privilegeEscalation')) wanted.allowPrivilegeEscalation = false;
  if (gaps.includes('readOnlyRootFilesystem')) wanted.readOnlyRootFilesystem = true;
  if (gaps.includes('dropAll')) wanted.capabilities = { drop: ['ALL'] };
  if (gaps.includes('seccomp')) wanted.seccompProfile = { type: 'RuntimeDefault' };
  if (Object.keys(wanted).length === 0) return null;
  return editor.merge(container.node, { securityContext: wanted }, CONTAINER_TOP);
}

/**
 * The shared check of the four restricted-profile rules. A wrong value is reported by its own rule
 * at the value. Missing settings of one container are one finding (see groups.ts), on the
 * container's name, whose fix adds every setting it names.
 */
export function checkRestrictedGap(model: KubernetesModel, context: RuleContext<KubernetesModel>, gapName: RestrictedGap): void {
  const self = RESTRICTED_SETTINGS.find((setting) => setting.gap === gapName)!;
  const group = new GroupReporter(context, 'restricted', RESTRICTED_SETTINGS.map((setting) => setting.ruleId), self.ruleId);
  for (const container of runningContainers(model)) {
    context.inspect({ subject: 'container', span: container.nameSpan, name: container.name });
    const gaps = restrictedGaps(container);
    const gap = gaps[gapName];
    if (!gap) continue;
    const name = container.name ?? '?';
    const allGaps = RESTRICTED_SETTINGS.filter((setting) => gaps[setting.gap]).map((setting) => setting.gap);
    if (gap.value) {
      context.report({
        span: spanOf(gap.value) ?? container.nameSpan,
        messageId: 'wrong',
        data: { name, value: scalarString(gap.value) ?? '' },
        fixTitleId: 'harden',
        fix: () => restrictedFix(editorFor(context), container, allGaps),
      });
      continue;
    }
    const open = RESTRICTED_SETTINGS.filter((setting) => gaps[setting.gap] && !gaps[setting.gap]!.value);
    group.report({
      span: container.nameSpan,
      open: open.map((setting) => setting.ruleId),
      single: { span: container.nameSpan, messageId: 'missing', data: { name }, fixTitleId: 'harden', fix: () => restrictedFix(editorFor(context), container, [gapName]) },
      grouped: (members) => {
        const settings = open.filter((setting) => members.includes(setting.ruleId));
        return {
          span: container.nameSpan,
          messageId: 'grouped',
          data: { name, settings: settings.map((setting) => setting.text).join(', ') },
          fixTitleId: 'harden',
          fix: () => restrictedFix(editorFor(context), container, settings.map((setting) => setting.gap)),
        };
      },
    });
  }
}

/** The workload's metadata name, or its kind when unnamed: where object-level findings sit. */
export function objectSpan(object: K8sObject): Span {
  return object.nameSpan ?? object.kindSpan;
}

/** Workloads that keep a number of replicas running (and so can be scaled, spread and budgeted). */
export const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig']);

export function isReplicated(object: K8sObject): boolean {
  return REPLICATED_KINDS.has(object.kind) && object.pod !== undefined;
}

/** Pods that run to completion: Jobs, CronJobs, and bare Pods that are not restarted. */
export function isBatch(object: K8sObject): boolean {
  if (object.kind === 'Job' || object.kind === 'CronJob') return true;
  if (object.kind !== 'Pod' || !object.pod) return false;
  const policy = object.reader.getString(object.pod.node, 'restartPolicy');
  return policy === 'Never' || policy === 'OnFailure';
}

/** The `spec.replicas` of a workload; a missing field means 1, a non-number (a template) is unknown (Infinity). */
export function replicasOf(object: K8sObject): { count: number; node?: Node } {
  const node = object.reader.get(object.spec, 'replicas');
  if (node === undefined || (isScalar(node) && node.value === null)) return { count: 1, node: undefined };
  const text = scalarString(node);
  const count = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.POSITIVE_INFINITY;
  return { count, node };
}

/**
 * How many pods a replicated workload runs at least, and at most: an autoscaler naming it decides
 * (its minReplicas and maxReplicas), otherwise `spec.replicas`.
 */
export function replicaRange(context: RuleContext<KubernetesModel>, object: K8sObject): { min: number; max: number; scaled: boolean } {
  const scaler = workspaceOf(context).scalerFor(context.model.path, object);
  if (scaler) return { min: scaler.minReplicas, max: scaler.maxReplicas, scaled: true };
  const { count } = replicasOf(object);
  return { min: count, max: count, scaled: false };
}

/** The span of a map's key, for findings about something missing inside that map's value. */
export function keySpan(map: YAMLMap | undefined, key: string, reader: K8sObject['reader']): Span | undefined {
  const pair = reader.pair(map, key);
  return pair ? spanOf(pair.key as Node) : undefined;
}

/** Build-time files that look like objects but never reach the API server (kustomization.yaml, KRM function configs, skaffold.yaml). */
export function isClientSideConfig(object: K8sObject): boolean {
  return /^(?:kustomize\.config\.k8s\.io|config\.kubernetes\.io|kpt\.dev|skaffold)\//.test(object.apiVersion);
}

/** The port a generated probe targets: the first declared port, by number or by name when named. */
export function firstPort(container: Container): string | undefined {
  const port = container.ports[0];
  if (!port) return undefined;
  if (port.name !== undefined) return port.name;
  return port.number !== undefined ? String(port.number) : undefined;
}

/** The seed's probe for a container, inserted into its map after its ports; null without a declared port. */
export function probeFix(editor: YamlEditor, container: Container, probe: 'livenessProbe' | 'readinessProbe'): TextEdit[] | null {
  const port = firstPort(container);
  if (port === undefined) return null;
  const timing = probe === 'livenessProbe' ? { initialDelaySeconds: 30, periodSeconds: 10 } : { initialDelaySeconds: 5, periodSeconds: 5 };
  const path = probe === 'livenessProbe' ? '/health' : '/ready';
  return editor.merge(container.node, { [probe]: { httpGet: { path, port }, ...timing } }, CONTAINER_AFTER_PORTS);
}

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
  const group = new GroupReporter(context, 'resources', [RESOURCE_RULES.requests, RESOURCE_RULES.limits], RESOURCE_RULES[section]);
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

/** Access modes that let one node at a time mount a volume. */
const SINGLE_NODE_MODES = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

/**
 * Whether the pod mounts a claim only one node can mount (ReadWriteOnce, ReadWriteOncePod), or a
 * claim whose access modes the workspace does not show (unknown is not missing): a second pod on
 * another node could not start.
 */
export function mountsSingleNodeClaim(context: RuleContext<KubernetesModel>, object: K8sObject): boolean {
  return (object.pod?.volumes ?? []).some((volume) => {
    if (volume.claimName === undefined) return false;
    const claim = workspaceOf(context).claim(context.model.path, object, volume.claimName);
    return !claim || claim.accessModes.some((mode) => SINGLE_NODE_MODES.has(mode));
  });
}

/** Servers that run as one instance unless their own replication is set up: a second replica is a second, separate database. */
const SINGLE_INSTANCE_SERVERS = new Set(['redis', 'valkey', 'keydb', 'mysql', 'mariadb', 'percona', 'postgres', 'postgresql', 'mongo', 'mongodb', 'rethinkdb', 'etcd', 'zookeeper', 'influxdb', 'neo4j']);

/** Whether a container of the pod runs a database server image (`redis:7`, `bitnami/postgresql`). */
export function runsDatabaseServer(object: K8sObject): boolean {
  return (object.pod?.containers ?? []).some((container) => {
    if (container.type !== 'container' || !container.image) return false;
    const base = container.image.name.slice(container.image.name.lastIndexOf('/') + 1).toLowerCase();
    return SINGLE_INSTANCE_SERVERS.has(base);
  });
}

/**
 * Whether an image value is a reference the file spells out: a placeholder (`<YOUR-IMAGE>`,
 * `{IMAGE}`) or a variable (`$IMAGE`) is filled in elsewhere, so its tag is unknown.
 */
export function isLiteralImage(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(value.trim());
}

/** Container `args`/`command` words, for flags such as --leader-elect. */
export function commandWords(container: Container): string[] {
  const { reader } = container.pod.owner;
  const words: string[] = [];
  for (const key of ['command', 'args']) {
    const seq = reader.getSeq(container.node, key);
    if (!seq || !isSeq(seq)) continue;
    for (const item of reader.items(seq)) {
      const word = scalarString(item);
      if (word !== undefined) words.push(word);
    }
  }
  return words;
}

/** How the restricted-profile rules group their findings, for their descriptions (and so their doc pages). */
export const RESTRICTED_GROUP_DOC = {
  en:
    'When several of the four restricted-profile settings (k8s/read-only-root-fs, k8s/drop-capabilities, k8s/no-privilege-escalation, k8s/seccomp-profile) are missing from one container, ' +
    'they are one finding on the container name, naming every missing setting, with one fix that adds them all; it is reported under the first of those rules (in that order) that is enabled. ' +
    'A `readiness-ignore` comment for any of the four ids leaves that setting out of the finding and out of the fix; a rule switched off in settings is left out when it comes before the reporting one in that order. An explicit wrong value is its own finding, at the value.',
  pt:
    'Quando faltam a um container várias das quatro configurações do perfil restricted (k8s/read-only-root-fs, k8s/drop-capabilities, k8s/no-privilege-escalation, k8s/seccomp-profile), ' +
    'elas formam um único achado no nome do container, que cita cada configuração ausente, com uma correção que adiciona todas; ele é reportado pela primeira dessas regras (nessa ordem) que está ativa. ' +
    'Um comentário `readiness-ignore` para qualquer um dos quatro ids deixa essa configuração fora do achado e da correção; uma regra desligada nas configurações fica de fora quando vem antes da que reporta nessa ordem. Um valor explícito errado é um achado próprio, no valor.',
};

/** How the resources rules group their findings, for their descriptions. */
export const RESOURCES_GROUP_DOC = {
  en:
    'Each resource counts on its own (cpu, memory), as kube-linter and Polaris check them. A limit without a request counts as both (Kubernetes copies the limit into the request), and a LimitRange of the namespace in the workspace that sets `default` / `defaultRequest` for containers supplies them. ' +
    'When a container lacks both requests and limits, k8s/resource-requests and k8s/resource-limits give one finding with one fix that adds all of them; a `readiness-ignore` comment for either id leaves its part out.',
  pt:
    'Cada recurso conta separadamente (cpu, memória), como o kube-linter e o Polaris verificam. Um limit sem request conta como os dois (o Kubernetes copia o limit para o request), e um LimitRange do namespace no workspace que define `default` / `defaultRequest` para containers os fornece. ' +
    'Quando faltam requests e limits a um container, k8s/resource-requests e k8s/resource-limits dão um único achado com uma correção que adiciona todos; um comentário `readiness-ignore` para qualquer um dos ids deixa a sua parte de fora.',
};

/** A strategy's knobs as written: Deployment's `strategy.rollingUpdate`, DeploymentConfig's `strategy.rollingParams`. */
export interface Rollout {
  /** `Recreate`, `RollingUpdate` (`Rolling` for a DeploymentConfig), or another (Custom). */
  type: string;
  rolling: boolean;
  strategyPair?: Pair;
  strategy?: YAMLMap;
  /** The key of the rolling parameters map (`rollingUpdate` or `rollingParams`). */
  paramsKey: string;
  params?: YAMLMap;
  maxUnavailable?: Node;
  maxSurge?: Node;
}

export function rolloutOf(object: K8sObject): Rollout {
  const { reader } = object;
  const config = object.kind === 'DeploymentConfig';
  const strategyPair = reader.pair(object.spec, 'strategy');
  const strategy = reader.map(strategyPair?.value);
  const paramsKey = config ? 'rollingParams' : 'rollingUpdate';
  const type = reader.getString(strategy, 'type') ?? (config ? 'Rolling' : 'RollingUpdate');
  const params = reader.getMap(strategy, paramsKey);
  const value = (key: string) => {
    const node = reader.get(params, key);
    return isScalar(node) && node.value !== null ? node : undefined;
  };
  return { type, rolling: type === 'RollingUpdate' || type === 'Rolling', strategyPair, strategy, paramsKey, params, maxUnavailable: value('maxUnavailable'), maxSurge: value('maxSurge') };
}

/** Kubernetes' int-or-percent of a replica count: maxUnavailable rounds down, maxSurge rounds up; undefined when it is neither. */
export function scaledValue(node: Node | undefined, fallback: string, replicas: number, roundUp: boolean): number | undefined {
  const text = node === undefined ? fallback : scalarString(node);
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const percent = /^(\d+)%$/.exec(text);
  if (!percent || !Number.isFinite(replicas)) return undefined;
  const exact = (Number(percent[1]) * replicas) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * How many serving pods a rolling update takes down before their replacements are ready, for a
 * replica count, as the deployment controller resolves it (both 0 would stall, so it makes that 1);
 * undefined when the values cannot be resolved (a percentage of an unknown count).
 */
export function unavailableDuringRollout(rollout: Rollout, replicas: number): number | undefined {
  const unavailable = scaledValue(rollout.maxUnavailable, '25%', replicas, false);
  const surge = scaledValue(rollout.maxSurge, '25%', replicas, true);
  if (unavailable === undefined) return undefined;
  return unavailable === 0 && surge === 0 ? 1 : unavailable;
}

const SPREAD_TOPOLOGY_KEYS = new Set(['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

/**
 * Whether the pod template spreads its own replicas over nodes (or zones): a pod anti-affinity term
 * or a topology spread constraint on a node or zone key whose selector matches the template's labels.
 */
export function spreadsReplicas(object: K8sObject): boolean {
  const pod = object.pod;
  if (!pod) return false;
  const { reader } = object;
  const selectsOwnPods = (term: YAMLMap | undefined) => {
    if (!term || !SPREAD_TOPOLOGY_KEYS.has(reader.getString(term, 'topologyKey') ?? '')) return false;
    if (reader.getSeq(term, 'matchLabelKeys')) return true;
    const selector = readSelector(reader, reader.getMap(term, 'labelSelector'));
    return selector !== undefined && !isEmptySelector(selector) && selectorMatches(selector, pod.labels);
  };
  const antiAffinity = reader.getMap(reader.getMap(pod.node, 'affinity'), 'podAntiAffinity');
  const required = reader.items(reader.getSeq(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution'));
  const preferred = reader.items(reader.getSeq(antiAffinity, 'preferredDuringSchedulingIgnoredDuringExecution')).map((item) => (isMap(item) ? reader.getMap(item, 'podAffinityTerm') : undefined));
  const spread = reader.items(reader.getSeq(pod.node, 'topologySpreadConstraints'));
  return [...required, ...preferred, ...spread].some((term) => selectsOwnPods(isMap(term) ? term : undefined));
}

/** A YAML scalar for a label value in generated YAML: plain when it reads back as the same string, quoted otherwise. */
export function yamlString(value: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9._/-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|y|n|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
