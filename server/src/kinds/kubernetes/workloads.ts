/**
 * What Kubernetes does with a workload's pods: how many run (replicas, autoscalers), which are
 * batch, how a rollout resolves maxUnavailable and maxSurge, whether replicas are spread over
 * nodes, and what makes a workload a singleton by design.
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import { workspaceOf } from './checks';
import type { K8sObject, KubernetesModel } from './model';
import { scalarString } from './nodes';
import { isEmptySelector, readSelector, selectorMatches } from './selectors';

/** Workloads that keep a number of replicas running (and so can be scaled, spread and budgeted). */
export const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig', 'Rollout']);

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

/** Access modes that let one node at a time mount a volume. */
const SINGLE_NODE_MODES = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

/**
 * Whether the pod mounts a claim only one node can mount (ReadWriteOnce, ReadWriteOncePod): true;
 * 'unknown' when it mounts a claim whose access modes the workspace does not show (it may be one).
 * A second pod on another node could not start.
 */
export function singleNodeClaim(context: RuleContext<KubernetesModel>, object: K8sObject): boolean | 'unknown' {
  let unknown = false;
  for (const volume of object.pod?.volumes ?? []) {
    if (volume.claimName === undefined) continue;
    const claim = workspaceOf(context).claim(context.model.path, object, volume.claimName);
    if (!claim) unknown = true;
    else if (claim.accessModes.some((mode) => SINGLE_NODE_MODES.has(mode))) return true;
  }
  return unknown ? 'unknown' : false;
}

/** Whether the pod may mount a claim only one node can mount (unknown is not missing). */
export function mountsSingleNodeClaim(context: RuleContext<KubernetesModel>, object: K8sObject): boolean {
  return singleNodeClaim(context, object) !== false;
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
 * or a topology spread constraint on a node or zone key whose selector matches the template's labels,
 * and, for an anti-affinity term that lists `namespaces`, one of the namespaces the workload lands in
 * (a term limited to other namespaces keeps the pods away from those pods, not from each other).
 */
export function spreadsReplicas(object: K8sObject, namespaces: readonly string[]): boolean {
  const pod = object.pod;
  if (!pod) return false;
  const { reader } = object;
  const selectsOwnPods = (term: YAMLMap | undefined) => {
    if (!term || !SPREAD_TOPOLOGY_KEYS.has(reader.getString(term, 'topologyKey') ?? '')) return false;
    const listed = reader.items(reader.getSeq(term, 'namespaces')).map(scalarString);
    // A namespaceSelector selects namespaces by labels the files do not show: taken as including its own.
    if (listed.length > 0 && !reader.pair(term, 'namespaceSelector') && !namespaces.some((namespace) => listed.includes(namespace))) return false;
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
