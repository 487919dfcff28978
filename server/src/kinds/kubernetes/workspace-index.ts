/**
 * The Kubernetes facts of a whole workspace, assembled once per workspace state (a WorkspaceView is
 * one object per state) from the per-model facts of `facts.ts`: cross-file rules look budgets,
 * policies, Services, autoscalers, accounts, LimitRanges, claims and CRD scopes up by namespace
 * instead of scanning every file for every file. Building it is linear in the workspace's objects;
 * the next state of the same workspace updates it with the files that changed (see `of`), so a
 * keystroke costs the edited file's facts. A change to the kustomize structure rebuilds it.
 *
 * Namespaces follow kustomize: a kustomization's `namespace:` replaces the namespace of everything
 * it includes (its resources, their kustomizations, and so on down), and an outer kustomization
 * (an overlay) wins over an inner one. A file several overlays include may land in several
 * namespaces; lookups accept any of them. A missing namespace is `default`: the namespace kubectl
 * targets, the same one for every file applied together.
 */
import type { WorkspaceView } from '../../engine/rule';
import { groupOf, type K8sObject, type KubernetesModel, type PodSpec } from './model';
import { factsOf, type AccountFact, type BindingFact, type BudgetFact, type ClaimFact, type FileFacts, type KustomizationFact, type LimitRangeFact, type PolicyFact, type ScalerFact, type ServiceFact } from './facts';
import { isUnresolved } from './nodes';
import { builtInScope, type Scope } from './scopes';
import { RankedList, SelectorIndex } from './selector-index';
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

/** One file as indexed: its facts and the rank its facts are filed under (see `Ranked`). */
interface IndexedFile {
  facts: FileFacts;
  rank: string;
}

/**
 * The most files an update applies in place, against the workspace's size: a larger change (a
 * branch checked out) is rebuilt, which costs about as much and leaves nothing to go wrong.
 */
const MAX_CHANGES = { fixed: 16, share: 1 / 8 };

export class KubernetesWorkspace {
  /** Lookups by namespace, then by label or by target name: every workload asks, so none scans its namespace. */
  private readonly budgets = new Map<string, SelectorIndex<BudgetFact>>();
  private readonly policies = new Map<string, SelectorIndex<PolicyFact>>();
  private readonly clusterPolicies = new RankedList<PolicyFact>();
  private readonly services = new Map<string, SelectorIndex<ServiceFact>>();
  private readonly scalers = new Map<string, Map<string, RankedList<ScalerFact>>>();
  /** By `namespace/name`; the last file's wins, as when applied in order. */
  private readonly accounts = new Map<string, RankedList<AccountFact>>();
  /** Bindings that grant each ServiceAccount something, by `namespace/name`; the first one answers. */
  private readonly boundAccounts = new Map<string, RankedList<BindingFact>>();
  private readonly limitRanges = new Map<string, RankedList<LimitRangeFact>>();
  /** The union of each namespace's LimitRange defaults, computed on first use. */
  private readonly limitUnions = new Map<string, { limits: Set<string>; requests: Set<string> }>();
  private readonly claims = new Map<string, RankedList<ClaimFact>>();
  private readonly crdScopes = new Map<string, RankedList<Scope>>();
  private readonly skaffold: { rank: string; dir: string; images: Set<string> }[] = [];
  /** Kustomizations by their folder (normalised). */
  private readonly kustomizations = new Map<string, KustomizeNode>();
  /** Kustomizations that include each file, by normalised path. */
  private readonly includers = new Map<string, KustomizeNode[]>();
  /** Every path a kustomization names (normalised, present or not): adding or removing such a file relinks them. */
  private readonly linkTargets = new Set<string>();
  private readonly imposedCache = new Map<KustomizeNode, (string | undefined)[]>();
  /** Workspace paths by their normalised form. */
  private readonly paths = new Map<string, string>();
  /** namespacesOf answers, by path and written namespace: every rule asks for every workload (two levels: no key to build per question). */
  private readonly namespaceCache = new Map<string, Map<string | undefined, string[]>>();
  /**
   * Kustomizations include each other in a loop (kustomize rejects it): the namespaces `imposed`
   * then finds depend on which file asked first, so an index updated in place could answer
   * otherwise than a fresh build.
   */
  private looped = false;
  /** The files indexed, by path. */
  private readonly files = new Map<string, IndexedFile>();
  /**
   * Files are ranked by path when they came sorted (a WorkspaceIndex lists them so): an update can
   * then rank a new file's facts where a full build would have read them. Otherwise by position,
   * and the index is rebuilt for every state.
   */
  private readonly rankedByPath: boolean;

  constructor(files: { path: string; facts: FileFacts }[]) {
    this.rankedByPath = files.every((file, at) => at === 0 || files[at - 1].path < file.path);
    const width = String(files.length).length;
    for (const { facts } of files) {
      if (facts.kustomization) {
        const dir = dirOf(normalize(facts.kustomization.path));
        this.kustomizations.set(dir, { fact: facts.kustomization, dir, parents: [], files: [], children: [], taggedImages: new Set(facts.kustomization.taggedImages) });
      }
    }
    for (const { path } of files) this.paths.set(normalize(path), path);
    this.linkKustomizations();
    files.forEach(({ path, facts }, at) => {
      const rank = this.rankedByPath ? path : String(at).padStart(width, '0');
      this.files.set(path, { facts, rank });
      this.add(path, facts, rank);
    });
  }

  /**
   * The index of a workspace state; built on first use and shared by every rule and file of that
   * state. A view of a workspace that had an index before (same `lineage`) gets that index updated
   * with the files that changed since, instead of a new one: a keystroke costs the edited file's
   * facts, not the workspace's. The updated index then belongs to the new state only.
   */
  static of(view: WorkspaceView): KubernetesWorkspace {
    let index = indexes.get(view);
    if (index) return index;
    const files = view.files('kubernetes').map((file) => ({ path: file.path, facts: factsOf(file.model as KubernetesModel) }));
    const latest = view.lineage ? latestIndexes.get(view.lineage) : undefined;
    if (latest && latest.index.update(files)) {
      indexes.delete(latest.view);
      index = latest.index;
    } else index = new KubernetesWorkspace(files);
    indexes.set(view, index);
    if (view.lineage) latestIndexes.set(view.lineage, { view, index });
    return index;
  }

  /**
   * Brings the index to a new list of files by taking out the facts of the files that changed or
   * went and adding those of the files that changed or came. Returns false, changing nothing, when
   * a full build is needed instead: the files are not sorted, kustomizations include each other in
   * a loop, too many changed, a kustomization
   * changed what it includes, sets or tags (or came or went), or a file a kustomization names came
   * or went (both change which namespaces files land in).
   */
  private update(files: { path: string; facts: FileFacts }[]): boolean {
    if (!this.rankedByPath || this.looped) return false;
    const changes: { path: string; before?: FileFacts; after?: FileFacts }[] = [];
    const limit = MAX_CHANGES.fixed + files.length * MAX_CHANGES.share;
    let kept = 0;
    for (let at = 0; at < files.length; at++) {
      const { path, facts } = files[at];
      if (at > 0 && !(files[at - 1].path < path)) return false;
      const indexed = this.files.get(path);
      if (indexed) kept++;
      if (indexed?.facts !== facts && changes.push({ path, before: indexed?.facts, after: facts }) > limit) return false;
    }
    if (kept < this.files.size) {
      const present = new Set(files.map((file) => file.path));
      for (const [path, indexed] of this.files) if (!present.has(path) && changes.push({ path, before: indexed.facts }) > limit) return false;
    }
    for (const { path, before, after } of changes) {
      if ((before?.kustomization || after?.kustomization) && !sameKustomization(before?.kustomization, after?.kustomization)) return false;
      if (!before || !after) {
        const normal = normalize(path);
        if (this.linkTargets.has(normal) || (after && this.paths.has(normal))) return false;
      }
    }
    for (const { path, before, after } of changes) {
      if (before) this.remove(path, before, path);
      if (after) {
        this.files.set(path, { facts: after, rank: path });
        this.add(path, after, path);
      } else this.files.delete(path);
      if (!before) this.paths.set(normalize(path), path);
      if (!after) this.paths.delete(normalize(path));
      // Same content: the node stays linked and answers with the current model's fact.
      const node = before?.kustomization && this.kustomizations.get(dirOf(normalize(before.kustomization.path)));
      if (node && node.fact === before.kustomization && after?.kustomization) node.fact = after.kustomization;
    }
    return true;
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
    return builtInScope(group, object.kind) ?? this.crdScopes.get(`${group}/${object.kind}`)?.last();
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
    const unevaluated = this.clusterPolicies.size > 0 || candidates.some((policy) => policy.selector === undefined);
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
      const found = this.accounts.get(`${namespace}/${name}`)?.last();
      if (found) return found;
    }
    return undefined;
  }

  /** A RoleBinding or ClusterRoleBinding in the workspace that grants the pod's ServiceAccount something. */
  bindingFor(path: string, pod: PodSpec): BindingFact | undefined {
    const name = accountName(pod);
    for (const namespace of this.namespacesOf(path, pod.owner.namespace)) {
      const found = this.boundAccounts.get(`${namespace}/${name}`)?.first();
      if (found) return found;
    }
    return undefined;
  }

  /** Resources a LimitRange of the namespace gives a default limit and a default request. */
  limitDefaults(path: string, object: K8sObject): { limits: Set<string>; requests: Set<string> } {
    const limits = new Set<string>();
    const requests = new Set<string>();
    for (const namespace of this.namespacesOf(path, object.namespace)) {
      const defaults = this.limitUnion(namespace);
      defaults?.limits.forEach((resource) => limits.add(resource));
      defaults?.requests.forEach((resource) => requests.add(resource));
    }
    return { limits, requests };
  }

  claim(path: string, object: K8sObject, name: string): ClaimFact | undefined {
    for (const namespace of this.namespacesOf(path, object.namespace)) {
      const found = this.claims.get(`${namespace}/${name}`)?.last();
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

  /** Files a file's facts under the namespaces it lands in, ranked `rank`. */
  private add(path: string, facts: FileFacts, rank: string): void {
    let seq = 0;
    const file = <T extends { namespace?: string }>(map: Map<string, SelectorIndex<T>>, fact: T, required: Record<string, string> | undefined) => {
      for (const namespace of this.namespacesOf(path, fact.namespace)) {
        let index = map.get(namespace);
        if (!index) map.set(namespace, (index = new SelectorIndex<T>()));
        index.add(fact, required, rank, seq++);
      }
    };
    const list = <T>(map: Map<string, RankedList<T>>, key: string, value: T) => {
      let values = map.get(key);
      if (!values) map.set(key, (values = new RankedList<T>()));
      values.add(rank, seq++, value);
    };
    for (const crd of facts.crds) list(this.crdScopes, `${crd.group}/${crd.kind}`, crd.scope);
    if (facts.skaffoldImages.length) this.skaffold.push({ rank, dir: dirOf(normalize(facts.path)), images: new Set(facts.skaffoldImages) });
    facts.budgets.forEach((fact) => file(this.budgets, fact, fact.selector?.matchLabels));
    facts.services.forEach((fact) => file(this.services, fact, fact.selector));
    for (const scaler of facts.scalers) {
      for (const namespace of this.namespacesOf(path, scaler.namespace)) {
        let byName = this.scalers.get(namespace);
        if (!byName) this.scalers.set(namespace, (byName = new Map()));
        list(byName, scaler.targetName, scaler);
      }
    }
    for (const policy of facts.policies) {
      if (policy.clusterWide) this.clusterPolicies.add(rank, seq++, policy);
      else file(this.policies, policy, policy.selector?.matchLabels);
    }
    for (const account of facts.accounts) {
      for (const namespace of this.namespacesOf(path, account.namespace)) list(this.accounts, `${namespace}/${account.name}`, account);
    }
    for (const binding of facts.bindings) {
      for (const key of this.boundKeys(path, binding)) list(this.boundAccounts, key, binding);
    }
    for (const range of facts.limitRanges) {
      for (const namespace of this.namespacesOf(path, range.namespace)) {
        list(this.limitRanges, namespace, range);
        this.limitUnions.delete(namespace);
      }
    }
    for (const claim of facts.claims) {
      for (const namespace of this.namespacesOf(path, claim.namespace)) list(this.claims, `${namespace}/${claim.name}`, claim);
    }
  }

  /** Takes out what `add` filed for these facts; the namespaces are the same, since kustomizations did not change. */
  private remove(path: string, facts: FileFacts, rank: string): void {
    const file = <T extends { namespace?: string }>(map: Map<string, SelectorIndex<T>>, fact: T, required: Record<string, string> | undefined) => {
      for (const namespace of this.namespacesOf(path, fact.namespace)) map.get(namespace)?.remove(required, rank);
    };
    const list = <T>(map: Map<string, RankedList<T>>, key: string) => {
      if (map.get(key)?.removeRank(rank)) map.delete(key);
    };
    for (const crd of facts.crds) list(this.crdScopes, `${crd.group}/${crd.kind}`);
    if (facts.skaffoldImages.length) {
      const kept = this.skaffold.filter((entry) => entry.rank !== rank);
      this.skaffold.splice(0, this.skaffold.length, ...kept);
    }
    facts.budgets.forEach((fact) => file(this.budgets, fact, fact.selector?.matchLabels));
    facts.services.forEach((fact) => file(this.services, fact, fact.selector));
    for (const scaler of facts.scalers) {
      for (const namespace of this.namespacesOf(path, scaler.namespace)) {
        const byName = this.scalers.get(namespace);
        if (byName) list(byName, scaler.targetName);
      }
    }
    for (const policy of facts.policies) {
      if (policy.clusterWide) this.clusterPolicies.removeRank(rank);
      else file(this.policies, policy, policy.selector?.matchLabels);
    }
    for (const account of facts.accounts) {
      for (const namespace of this.namespacesOf(path, account.namespace)) list(this.accounts, `${namespace}/${account.name}`);
    }
    for (const binding of facts.bindings) {
      for (const key of this.boundKeys(path, binding)) list(this.boundAccounts, key);
    }
    for (const range of facts.limitRanges) {
      for (const namespace of this.namespacesOf(path, range.namespace)) {
        list(this.limitRanges, namespace);
        this.limitUnions.delete(namespace);
      }
    }
    for (const claim of facts.claims) {
      for (const namespace of this.namespacesOf(path, claim.namespace)) list(this.claims, `${namespace}/${claim.name}`);
    }
  }

  /** The `namespace/name` of each ServiceAccount a binding grants something. */
  boundKeys(path: string, binding: BindingFact): string[] {
    const own = binding.clusterWide ? [DEFAULT_NAMESPACE] : this.namespacesOf(path, binding.namespace);
    const keys: string[] = [];
    for (const subject of binding.subjects) {
      for (const namespace of subject.namespace !== undefined ? [subject.namespace] : own) keys.push(`${namespace}/${subject.name}`);
    }
    return keys;
  }

  private limitUnion(namespace: string): { limits: Set<string>; requests: Set<string> } | undefined {
    let union = this.limitUnions.get(namespace);
    if (union) return union;
    const ranges = this.limitRanges.get(namespace);
    if (!ranges) return undefined;
    union = { limits: new Set<string>(), requests: new Set<string>() };
    for (const range of ranges) {
      range.limits.forEach((resource) => union!.limits.add(resource));
      range.requests.forEach((resource) => union!.requests.add(resource));
    }
    this.limitUnions.set(namespace, union);
    return union;
  }

  private linkKustomizations(): void {
    for (const node of this.kustomizations.values()) {
      const link = (entry: string, component: boolean) => {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@') || entry.startsWith('github.com/')) return;
        const target = normalize(`${node.dir}/${entry}`);
        this.linkTargets.add(target);
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
    this.looped = hasLoop([...this.kustomizations.values()]);
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
/** The newest index of each workspace (by the lineage of its views), the one the next state updates. */
const latestIndexes = new WeakMap<object, { view: WorkspaceView; index: KubernetesWorkspace }>();

/** Whether some kustomization includes itself through others. */
function hasLoop(nodes: KustomizeNode[]): boolean {
  const state = new Map<KustomizeNode, 'open' | 'done'>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const stack: { node: KustomizeNode; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const child = top.node.children[top.next++];
      if (!child) {
        state.set(top.node, 'done');
        stack.pop();
      } else if (state.get(child) === 'open') return true;
      else if (!state.has(child)) {
        state.set(child, 'open');
        stack.push({ node: child, next: 0 });
      }
    }
  }
  return false;
}

function sameKustomization(a: KustomizationFact | undefined, b: KustomizationFact | undefined): boolean {
  if (!a || !b) return a === b;
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((entry, at) => entry === y[at]);
  return a.path === b.path && a.namespace === b.namespace && same(a.resources, b.resources) && same(a.components, b.components) && same(a.taggedImages, b.taggedImages);
}

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
