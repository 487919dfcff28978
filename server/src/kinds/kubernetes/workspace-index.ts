/**
 * The Kubernetes facts of a whole workspace, assembled once per workspace state (a WorkspaceView is
 * one object per state) from the per-model facts of `facts.ts`: cross-file rules look budgets,
 * policies, Services, autoscalers, accounts, LimitRanges, claims and CRD scopes up by namespace
 * instead of scanning every file for every file. Building it is linear in the workspace's objects.
 *
 * Namespaces follow kustomize: a kustomization's `namespace:` replaces the namespace of everything
 * it includes (its resources, their kustomizations, and so on down), and an outer kustomization
 * (an overlay) wins over an inner one. A file several overlays include may land in several
 * namespaces; lookups accept any of them. A missing namespace is `default`: the namespace kubectl
 * targets, the same one for every file applied together.
 */
import type { WorkspaceView } from '../../engine/rule';
import { groupOf, type K8sObject, type KubernetesModel, type PodSpec } from './model';
import { factsOf, type AccountFact, type BindingFact, type BudgetFact, type ClaimFact, type FileFacts, type KustomizationFact, type PolicyFact, type ScalerFact, type ServiceFact } from './facts';
import { isUnresolved } from './nodes';
import { builtInScope, type Scope } from './scopes';
import { SelectorIndex } from './selector-index';
import { mapSelects, selectorMatches } from './selectors';

export const DEFAULT_NAMESPACE = 'default';

interface KustomizeNode {
  fact: KustomizationFact;
  dir: string;
  parents: KustomizeNode[];
  /** Files and kustomizations it includes. */
  files: string[];
  children: KustomizeNode[];
  /** Images tagged by it or by the components it lists. */
  taggedImages: Set<string>;
}

export class KubernetesWorkspace {
  /** Lookups by namespace, then by label or by target name: every workload asks, so none scans its namespace. */
  private readonly budgets = new Map<string, SelectorIndex<BudgetFact>>();
  private readonly policies = new Map<string, SelectorIndex<PolicyFact>>();
  private readonly clusterPolicies: PolicyFact[] = [];
  private readonly services = new Map<string, SelectorIndex<ServiceFact>>();
  private readonly scalers = new Map<string, Map<string, ScalerFact[]>>();
  private readonly accounts = new Map<string, AccountFact>();
  /** The first binding that grants each ServiceAccount something, by `namespace/name`. */
  private readonly boundAccounts = new Map<string, BindingFact>();
  private readonly limitRanges = new Map<string, { limits: Set<string>; requests: Set<string> }>();
  private readonly claims = new Map<string, ClaimFact>();
  private readonly crdScopes = new Map<string, Scope>();
  private readonly skaffold: { dir: string; images: Set<string> }[] = [];
  /** Kustomizations by their folder (normalised). */
  private readonly kustomizations = new Map<string, KustomizeNode>();
  /** Kustomizations that include each file, by normalised path. */
  private readonly includers = new Map<string, KustomizeNode[]>();
  private readonly imposedCache = new Map<KustomizeNode, (string | undefined)[]>();
  /** Workspace paths by their normalised form. */
  private readonly paths = new Map<string, string>();
  /** namespacesOf answers, by path and written namespace: every rule asks for every workload (two levels: no key to build per question). */
  private readonly namespaceCache = new Map<string, Map<string | undefined, string[]>>();

  constructor(files: { path: string; facts: FileFacts }[]) {
    for (const { facts } of files) {
      if (facts.kustomization) {
        const dir = dirOf(normalize(facts.kustomization.path));
        this.kustomizations.set(dir, { fact: facts.kustomization, dir, parents: [], files: [], children: [], taggedImages: new Set(facts.kustomization.taggedImages) });
      }
      if (facts.skaffoldImages.length) this.skaffold.push({ dir: dirOf(normalize(facts.path)), images: new Set(facts.skaffoldImages) });
      for (const crd of facts.crds) this.crdScopes.set(`${crd.group}/${crd.kind}`, crd.scope);
    }
    for (const { path } of files) this.paths.set(normalize(path), path);
    this.linkKustomizations();
    for (const { path, facts } of files) this.add(path, facts);
  }

  /** The index of a workspace state; built on first use and shared by every rule and file of that state. */
  static of(view: WorkspaceView): KubernetesWorkspace {
    let index = indexes.get(view);
    if (!index) {
      const files = view.files('kubernetes').map((file) => ({ path: file.path, facts: factsOf(file.model as KubernetesModel) }));
      index = new KubernetesWorkspace(files);
      indexes.set(view, index);
    }
    return index;
  }

  /** The namespaces an object of this file lands in (kustomize's, else its own, else default). */
  namespacesOf(path: string, explicit: string | undefined): string[] {
    let byNamespace = this.namespaceCache.get(path);
    if (!byNamespace) this.namespaceCache.set(path, (byNamespace = new Map()));
    let namespaces = byNamespace.get(explicit);
    if (!namespaces) {
      const imposed = this.imposedOnFile(normalize(path));
      namespaces = imposed ? [...new Set(imposed.map((namespace) => namespace ?? explicit ?? DEFAULT_NAMESPACE))] : [explicit ?? DEFAULT_NAMESPACE];
      byNamespace.set(explicit, namespaces);
    }
    return namespaces;
  }

  /** True when some kustomization includes this file (its namespace is then kustomize's business). */
  isKustomized(path: string): boolean {
    return this.includers.has(normalize(path));
  }

  /** Whether some kustomization over this file sets a namespace for it. */
  kustomizeSetsNamespace(path: string): boolean {
    return (this.imposedOnFile(normalize(path)) ?? []).some((namespace) => namespace !== undefined);
  }

  /** The kustomization in this file, when it is a top one (nothing includes it) that sets no namespace. */
  rootWithoutNamespace(path: string): KustomizationFact | undefined {
    const node = this.kustomizations.get(dirOf(normalize(path)));
    if (!node || normalize(node.fact.path) !== normalize(path) || node.parents.length > 0 || node.fact.namespace !== undefined) return undefined;
    return node.fact;
  }

  /** Files a top kustomization brings in without any kustomization on the way setting a namespace. */
  filesWithoutNamespace(root: KustomizationFact): string[] {
    const start = this.kustomizations.get(dirOf(normalize(root.path)));
    const found = new Set<string>();
    const seen = new Set<KustomizeNode>();
    const stack = start ? [start] : [];
    while (stack.length) {
      const node = stack.pop()!;
      if (seen.has(node) || node.fact.namespace !== undefined) continue;
      seen.add(node);
      for (const file of node.files) found.add(this.paths.get(file) ?? file);
      stack.push(...node.children);
    }
    return [...found];
  }

  /** The scope of an object's kind: built in, or from a CRD in the workspace; undefined when unknown. */
  scopeOf(object: K8sObject): Scope | undefined {
    const group = groupOf(object.apiVersion);
    return builtInScope(group, object.kind) ?? this.crdScopes.get(`${group}/${object.kind}`);
  }

  /** A PodDisruptionBudget in the workload's namespace whose selector matches its pod template. */
  budgetFor(path: string, workload: K8sObject): BudgetFact | undefined {
    const labels = workload.pod?.labels ?? {};
    for (const namespace of this.namespacesOf(path, workload.namespace)) {
      const found = this.budgets.get(namespace)?.candidates(labels).find((budget) => budget.selector !== undefined && selectorMatches(budget.selector, labels));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Whether a policy isolating ingress selects the pod in its namespace: 'unknown' when the only
   * candidates are policies whose selector cannot be evaluated here (Calico expressions, cluster-wide
   * policies of Cilium, Calico or AdminNetworkPolicy), or when the pod's namespace is filled in later.
   */
  isolated(path: string, workload: K8sObject): boolean | 'unknown' {
    const labels = workload.pod?.labels ?? {};
    const namespaces = this.namespacesOf(path, workload.namespace);
    const candidates = namespaces.flatMap((namespace) => this.policies.get(namespace)?.candidates(labels) ?? []);
    if (candidates.some((policy) => policy.selector !== undefined && selectorMatches(policy.selector, labels))) return true;
    const unevaluated = this.clusterPolicies.length > 0 || candidates.some((policy) => policy.selector === undefined);
    return unevaluated || namespaces.some(isUnresolved) ? 'unknown' : false;
  }

  /** Services that select the pod, in its namespace. */
  servicesFor(path: string, pod: PodSpec): ServiceFact[] {
    const found: ServiceFact[] = [];
    for (const namespace of this.namespacesOf(path, pod.owner.namespace)) {
      for (const service of this.services.get(namespace)?.candidates(pod.labels) ?? []) if (mapSelects(service.selector, pod.labels)) found.push(service);
    }
    return found;
  }

  /** The HorizontalPodAutoscaler (or KEDA ScaledObject) whose scaleTargetRef names the workload. */
  scalerFor(path: string, workload: K8sObject): ScalerFact | undefined {
    for (const namespace of this.namespacesOf(path, workload.namespace)) {
      const named = workload.name === undefined ? undefined : this.scalers.get(namespace)?.get(workload.name);
      const found = named?.find((scaler) => scaler.targetKind === '' || scaler.targetKind === workload.kind);
      if (found) return found;
    }
    return undefined;
  }

  /** The pod's ServiceAccount, when the workspace defines it. */
  accountFor(path: string, pod: PodSpec): AccountFact | undefined {
    const name = accountName(pod);
    for (const namespace of this.namespacesOf(path, pod.owner.namespace)) {
      const found = this.accounts.get(`${namespace}/${name}`);
      if (found) return found;
    }
    return undefined;
  }

  /** A RoleBinding or ClusterRoleBinding in the workspace that grants the pod's ServiceAccount something. */
  bindingFor(path: string, pod: PodSpec): BindingFact | undefined {
    const name = accountName(pod);
    for (const namespace of this.namespacesOf(path, pod.owner.namespace)) {
      const found = this.boundAccounts.get(`${namespace}/${name}`);
      if (found) return found;
    }
    return undefined;
  }

  /** Resources a LimitRange of the namespace gives a default limit and a default request. */
  limitDefaults(path: string, object: K8sObject): { limits: Set<string>; requests: Set<string> } {
    const limits = new Set<string>();
    const requests = new Set<string>();
    for (const namespace of this.namespacesOf(path, object.namespace)) {
      const defaults = this.limitRanges.get(namespace);
      defaults?.limits.forEach((resource) => limits.add(resource));
      defaults?.requests.forEach((resource) => requests.add(resource));
    }
    return { limits, requests };
  }

  claim(path: string, object: K8sObject, name: string): ClaimFact | undefined {
    for (const namespace of this.namespacesOf(path, object.namespace)) {
      const found = this.claims.get(`${namespace}/${name}`);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Whether a build tool sets this image's tag: a kustomization over the file lists it under
   * `images` with a newTag or digest, or a skaffold.yaml above the file builds it.
   */
  imageTagSupplied(path: string, imageName: string): boolean {
    const normal = normalize(path);
    const dir = dirOf(normal);
    if (this.skaffold.some((entry) => isWithin(dir, entry.dir) && entry.images.has(imageName))) return true;
    const seen = new Set<KustomizeNode>();
    const stack = [...(this.includers.get(normal) ?? [])];
    while (stack.length) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      if (node.taggedImages.has(imageName)) return true;
      stack.push(...node.parents);
    }
    return false;
  }

  private add(path: string, facts: FileFacts): void {
    const file = <T extends { namespace?: string }>(map: Map<string, SelectorIndex<T>>, fact: T, required: Record<string, string> | undefined) => {
      for (const namespace of this.namespacesOf(path, fact.namespace)) {
        let index = map.get(namespace);
        if (!index) map.set(namespace, (index = new SelectorIndex<T>()));
        index.add(fact, required);
      }
    };
    facts.budgets.forEach((fact) => file(this.budgets, fact, fact.selector?.matchLabels));
    facts.services.forEach((fact) => file(this.services, fact, fact.selector));
    for (const scaler of facts.scalers) {
      for (const namespace of this.namespacesOf(path, scaler.namespace)) {
        let byName = this.scalers.get(namespace);
        if (!byName) this.scalers.set(namespace, (byName = new Map()));
        push(byName, scaler.targetName, scaler);
      }
    }
    for (const policy of facts.policies) {
      if (policy.clusterWide) this.clusterPolicies.push(policy);
      else file(this.policies, policy, policy.selector?.matchLabels);
    }
    for (const account of facts.accounts) {
      for (const namespace of this.namespacesOf(path, account.namespace)) this.accounts.set(`${namespace}/${account.name}`, account);
    }
    for (const binding of facts.bindings) {
      const own = binding.clusterWide ? [DEFAULT_NAMESPACE] : this.namespacesOf(path, binding.namespace);
      for (const subject of binding.subjects) {
        for (const namespace of subject.namespace !== undefined ? [subject.namespace] : own) {
          const key = `${namespace}/${subject.name}`;
          if (!this.boundAccounts.has(key)) this.boundAccounts.set(key, binding);
        }
      }
    }
    for (const range of facts.limitRanges) {
      for (const namespace of this.namespacesOf(path, range.namespace)) {
        const entry = this.limitRanges.get(namespace) ?? { limits: new Set<string>(), requests: new Set<string>() };
        range.limits.forEach((resource) => entry.limits.add(resource));
        range.requests.forEach((resource) => entry.requests.add(resource));
        this.limitRanges.set(namespace, entry);
      }
    }
    for (const claim of facts.claims) {
      for (const namespace of this.namespacesOf(path, claim.namespace)) this.claims.set(`${namespace}/${claim.name}`, claim);
    }
  }

  private linkKustomizations(): void {
    for (const node of this.kustomizations.values()) {
      const link = (entry: string, component: boolean) => {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@') || entry.startsWith('github.com/')) return;
        const target = normalize(`${node.dir}/${entry}`);
        const child = this.kustomizations.get(target);
        if (child) {
          if (child === node) return;
          node.children.push(child);
          child.parents.push(node);
          if (component) child.taggedImages.forEach((image) => node.taggedImages.add(image));
        } else if (this.paths.has(target)) {
          node.files.push(target);
          push(this.includers, target, node);
        }
      };
      node.fact.resources.forEach((entry) => link(entry, false));
      node.fact.components.forEach((entry) => link(entry, true));
    }
  }

  private imposedOnFile(normalPath: string): (string | undefined)[] | undefined {
    const includers = this.includers.get(normalPath);
    if (!includers) return undefined;
    return includers.flatMap((node) => this.imposed(node, new Set()));
  }

  /** The namespaces a kustomization gives what it includes: an overlay's namespace wins over its own. */
  private imposed(node: KustomizeNode, visiting: Set<KustomizeNode>): (string | undefined)[] {
    const cached = this.imposedCache.get(node);
    if (cached) return cached;
    if (node.parents.length === 0 || visiting.has(node)) return [node.fact.namespace];
    visiting.add(node);
    const values = new Set<string | undefined>();
    for (const parent of node.parents) for (const namespace of this.imposed(parent, visiting)) values.add(namespace ?? node.fact.namespace);
    visiting.delete(node);
    const result = [...values];
    this.imposedCache.set(node, result);
    return result;
  }
}

const indexes = new WeakMap<WorkspaceView, KubernetesWorkspace>();

/** The ServiceAccount a pod runs as (`serviceAccount` is the deprecated spelling). */
export function accountName(pod: PodSpec): string {
  const { reader } = pod.owner;
  const named = [reader.getString(pod.node, 'serviceAccountName'), reader.getString(pod.node, 'serviceAccount')].find((name) => name !== undefined && name.trim() !== '');
  return named ?? 'default';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A path with `/` separators and `.` / `..` resolved, so kustomize's relative entries compare with workspace paths. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/') || path.startsWith('\\');
  const parts: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push(part);
    } else parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}

function dirOf(normalPath: string): string {
  const slash = normalPath.lastIndexOf('/');
  return slash <= 0 ? '/' : normalPath.slice(0, slash);
}

function isWithin(dir: string, ancestor: string): boolean {
  return dir === ancestor || dir.startsWith(ancestor.endsWith('/') ? ancestor : `${ancestor}/`);
}
