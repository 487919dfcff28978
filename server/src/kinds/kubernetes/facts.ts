/**
 * What one manifest tells the rest of the workspace: its PodDisruptionBudgets, NetworkPolicies,
 * Services, autoscalers, ServiceAccounts and their RBAC bindings, LimitRanges, claims, CRD scopes,
 * and (for kustomize and skaffold files) which files, namespaces and image tags they govern.
 * Extracted once per model (models are immutable, one per text version) and assembled per
 * workspace state by `workspace-index.ts`, so cross-file rules look facts up instead of scanning.
 */
import { isMap, type YAMLMap } from 'yaml';
import { baseName } from '../paths';
import { groupOf, type K8sObject, type KubernetesModel } from './model';
import { isFalse, isTrue, scalarString } from './nodes';
import type { Scope } from './scopes';
import { readSelector, type LabelSelector } from './selectors';

interface Namespaced {
  object: K8sObject;
  /** `metadata.namespace` as written; kustomize may override it (see the workspace index). */
  namespace?: string;
}

export interface BudgetFact extends Namespaced {
  /** Undefined for a null selector, which selects no pod. */
  selector?: LabelSelector;
}

export interface PolicyFact extends Namespaced {
  /** The pods the policy isolates for ingress; undefined when a selector cannot be read (a Calico expression): it may select anything. */
  selector?: LabelSelector;
  /** Cluster-wide policies (Cilium, Calico global, AdminNetworkPolicy) cover every namespace. */
  clusterWide: boolean;
}

export interface ServiceFact extends Namespaced {
  selector: Record<string, string>;
}

export interface ScalerFact extends Namespaced {
  targetKind: string;
  targetName: string;
  minReplicas: number;
  maxReplicas: number;
  /** The autoscaler's spec, where a fix in the same file sets its minimum. */
  spec?: YAMLMap;
  /** `minReplicas` (HPA) or `minReplicaCount` (KEDA). */
  minKey: string;
}

export interface AccountFact extends Namespaced {
  name: string;
  automount?: boolean;
}

export interface BindingFact extends Namespaced {
  clusterWide: boolean;
  /** ServiceAccount subjects; namespace undefined means the binding's own. */
  subjects: { name: string; namespace?: string }[];
}

export interface LimitRangeFact extends Namespaced {
  /** Resources the range gives a default limit (`default`) and a default request (`defaultRequest`, or `default`). */
  limits: Set<string>;
  requests: Set<string>;
}

export interface ClaimFact extends Namespaced {
  name: string;
  accessModes: string[];
}

export interface CrdFact {
  group: string;
  kind: string;
  scope: Scope;
}

export interface KustomizationFact {
  path: string;
  namespace?: string;
  /** `resources`, `bases` and `components` entries, as written (relative paths or URLs). */
  resources: string[];
  components: string[];
  /** Image names whose tag (other than latest) or digest the `images` transformer sets. */
  taggedImages: string[];
}

export interface FileFacts {
  path: string;
  budgets: BudgetFact[];
  policies: PolicyFact[];
  services: ServiceFact[];
  scalers: ScalerFact[];
  accounts: AccountFact[];
  bindings: BindingFact[];
  limitRanges: LimitRangeFact[];
  claims: ClaimFact[];
  crds: CrdFact[];
  kustomization?: KustomizationFact;
  /** Images a skaffold.yaml builds and tags at deploy time. */
  skaffoldImages: string[];
}

const KUSTOMIZATION_FILE = /^(?:kustomization\.ya?ml|Kustomization)$/;
const CLUSTER_POLICY_KINDS = new Set(['CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

const factsByModel = new WeakMap<KubernetesModel, FileFacts>();

export function factsOf(model: KubernetesModel): FileFacts {
  let facts = factsByModel.get(model);
  if (!facts) {
    facts = extractFacts(model);
    factsByModel.set(model, facts);
  }
  return facts;
}

function extractFacts(model: KubernetesModel): FileFacts {
  const facts: FileFacts = {
    path: model.path,
    budgets: [],
    policies: [],
    services: [],
    scalers: [],
    accounts: [],
    bindings: [],
    limitRanges: [],
    claims: [],
    crds: [],
    skaffoldImages: [],
  };
  for (const object of model.objects) {
    if (object.partial) continue;
    const { reader, spec } = object;
    const group = groupOf(object.apiVersion);
    const base = { object, namespace: object.namespace };
    switch (object.kind) {
      case 'PodDisruptionBudget': {
        // A budget the API server would reject (no name) protects nothing.
        if (object.name === undefined) break;
        let selector = readSelector(reader, reader.getMap(spec, 'selector'));
        // policy/v1beta1 gave an empty selector the meaning "no pod"; policy/v1 "every pod of the namespace".
        if (selector && object.apiVersion === 'policy/v1beta1' && Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) selector = undefined;
        facts.budgets.push({ ...base, selector });
        break;
      }
      case 'NetworkPolicy':
      case 'CiliumNetworkPolicy':
      case 'CiliumClusterwideNetworkPolicy':
      case 'GlobalNetworkPolicy':
      case 'AdminNetworkPolicy':
      case 'BaselineAdminNetworkPolicy': {
        const policy = policyFact(object, group);
        if (policy) facts.policies.push(policy);
        break;
      }
      case 'Service': {
        if (group !== '') break;
        const selector = reader.stringMap(reader.getMap(spec, 'selector'));
        if (Object.keys(selector).length > 0) facts.services.push({ ...base, selector });
        break;
      }
      case 'HorizontalPodAutoscaler':
      case 'ScaledObject': {
        const keda = object.kind === 'ScaledObject';
        const target = reader.getMap(spec, 'scaleTargetRef');
        const targetName = reader.getString(target, 'name');
        if (targetName === undefined) break;
        const minKey = keda ? 'minReplicaCount' : 'minReplicas';
        const min = Number(reader.getString(spec, minKey) ?? (keda ? 0 : 1));
        const max = Number(reader.getString(spec, keda ? 'maxReplicaCount' : 'maxReplicas') ?? (keda ? 100 : Number.NaN));
        facts.scalers.push({
          ...base,
          targetKind: reader.getString(target, 'kind') ?? (keda ? 'Deployment' : ''),
          targetName,
          minReplicas: Number.isFinite(min) ? min : Number.POSITIVE_INFINITY,
          maxReplicas: Number.isFinite(max) ? max : Number.POSITIVE_INFINITY,
          spec,
          minKey,
        });
        break;
      }
      case 'ServiceAccount': {
        if (group !== '' || object.name === undefined) break;
        const automount = reader.get(object.node, 'automountServiceAccountToken');
        facts.accounts.push({ ...base, name: object.name, automount: isFalse(automount) ? false : isTrue(automount) ? true : undefined });
        break;
      }
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        const subjects: BindingFact['subjects'] = [];
        for (const subject of reader.items(reader.getSeq(object.node, 'subjects'))) {
          if (!isMap(subject) || reader.getString(subject, 'kind') !== 'ServiceAccount') continue;
          const name = reader.getString(subject, 'name');
          if (name !== undefined) subjects.push({ name, namespace: reader.getString(subject, 'namespace') });
        }
        if (subjects.length) facts.bindings.push({ ...base, clusterWide: object.kind === 'ClusterRoleBinding', subjects });
        break;
      }
      case 'LimitRange': {
        const limits = new Set<string>();
        const requests = new Set<string>();
        for (const item of reader.items(reader.getSeq(spec, 'limits'))) {
          if (!isMap(item) || (reader.getString(item, 'type') ?? 'Container') !== 'Container') continue;
          const defaults = Object.keys(reader.stringMap(reader.getMap(item, 'default')));
          const defaultRequests = Object.keys(reader.stringMap(reader.getMap(item, 'defaultRequest')));
          for (const resource of defaults) limits.add(resource);
          // Without defaultRequest, a default limit also becomes the default request.
          for (const resource of [...defaults, ...defaultRequests]) requests.add(resource);
        }
        facts.limitRanges.push({ ...base, limits, requests });
        break;
      }
      case 'PersistentVolumeClaim': {
        if (object.name === undefined) break;
        const accessModes = reader.items(reader.getSeq(spec, 'accessModes')).map(scalarString).filter((mode): mode is string => mode !== undefined);
        facts.claims.push({ ...base, name: object.name, accessModes });
        break;
      }
      case 'CustomResourceDefinition': {
        const crdGroup = reader.getString(spec, 'group');
        const kind = reader.getString(reader.getMap(spec, 'names'), 'kind');
        const scope = reader.getString(spec, 'scope');
        if (crdGroup !== undefined && kind !== undefined && (scope === 'Namespaced' || scope === 'Cluster')) facts.crds.push({ group: crdGroup, kind, scope });
        break;
      }
      case 'Config':
        if (group === 'skaffold') facts.skaffoldImages.push(...skaffoldImages(object));
        break;
    }
  }
  facts.kustomization = kustomizationFact(model);
  return facts;
}

function policyFact(object: K8sObject, group: string): PolicyFact | undefined {
  const { reader, spec } = object;
  const base = { object, namespace: object.namespace };
  if (CLUSTER_POLICY_KINDS.has(object.kind)) return { ...base, clusterWide: true };
  if (group === 'networking.k8s.io' || group === 'extensions') {
    const types = reader.items(reader.getSeq(spec, 'policyTypes')).map(scalarString);
    // Without policyTypes a policy always isolates ingress; with them, only when Ingress is listed.
    if (types.length > 0 && !types.includes('Ingress')) return undefined;
    return { ...base, clusterWide: false, selector: readSelector(reader, reader.getMap(spec, 'podSelector')) ?? { matchLabels: {}, matchExpressions: [] } };
  }
  if (group === 'cilium.io') {
    const hasIngress = reader.pair(spec, 'ingress') !== undefined || reader.pair(spec, 'ingressDeny') !== undefined;
    if (!hasIngress) return undefined;
    return { ...base, clusterWide: false, selector: readSelector(reader, reader.getMap(spec, 'endpointSelector')) };
  }
  if (group.endsWith('projectcalico.org')) return { ...base, clusterWide: false };
  return undefined;
}

function skaffoldImages(object: K8sObject): string[] {
  const { reader } = object;
  const images: string[] = [];
  const builds = [reader.getMap(object.node, 'build')];
  for (const profile of reader.items(reader.getSeq(object.node, 'profiles'))) if (isMap(profile)) builds.push(reader.getMap(profile, 'build'));
  for (const build of builds) {
    for (const artifact of reader.items(reader.getSeq(build, 'artifacts'))) {
      const image = isMap(artifact) ? reader.getString(artifact, 'image') : undefined;
      if (image !== undefined) images.push(image);
    }
  }
  return images;
}

/** The kustomization in this file: by name (kustomization.yaml), or by its kustomize apiVersion. */
function kustomizationFact(model: KubernetesModel): KustomizationFact | undefined {
  const document = model.documents[0];
  if (!document) return undefined;
  const { reader } = document;
  const root = reader.map(document.root);
  if (!root) return undefined;
  const apiVersion = reader.getString(root, 'apiVersion') ?? '';
  if (!KUSTOMIZATION_FILE.test(baseName(model.path)) && !apiVersion.startsWith('kustomize.config.k8s.io/')) return undefined;
  const strings = (key: string) => reader.items(reader.getSeq(root, key)).map(scalarString).filter((entry): entry is string => entry !== undefined);
  const taggedImages: string[] = [];
  for (const image of reader.items(reader.getSeq(root, 'images'))) {
    if (!isMap(image)) continue;
    const name = reader.getString(image, 'name');
    const newTag = reader.getString(image, 'newTag');
    // `newTag: latest` sets a tag that moves: it pins nothing.
    if (name !== undefined && ((newTag !== undefined && newTag.toLowerCase() !== 'latest') || reader.getString(image, 'digest') !== undefined)) taggedImages.push(name);
  }
  return {
    path: model.path,
    namespace: reader.getString(root, 'namespace'),
    resources: [...strings('resources'), ...strings('bases')],
    components: strings('components'),
    taggedImages,
  };
}
