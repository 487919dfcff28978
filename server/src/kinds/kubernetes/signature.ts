/**
 * What a manifest tells the cross-file rules of other files, in parts:
 * - its facts (budgets, policies, Services, autoscalers, accounts, bindings, LimitRanges, claims,
 *   see `facts.ts`) by the namespace they are filed under in the workspace (kustomize's, else their
 *   own, else default; a binding under the namespaces of the accounts it grants), each part read
 *   only by the files with an object in that namespace: every lookup of those facts is by the
 *   namespace of the object asking. A pasted Service re-checks the manifests of its namespace.
 * - what every manifest reads (CRD scopes, cluster-wide policies, kustomize and skaffold settings),
 *   with every object and node written as its source text;
 * - the apiVersion and kind of each object that sets no namespace (what a kustomization without
 *   one counts in the files it brings in), read by kustomizations only: pasting a Pod without a
 *   namespace re-checks the kustomizations.
 * An edit that leaves it unchanged (a comment, a container's image or probe) cannot change another
 * file's findings, so the service keeps theirs. Without the workspace (no namespaces to file facts
 * under) every fact is in the part every manifest reads.
 *
 * Where a file's facts land depends on the kustomizations only; a change to those is a change of
 * the part every manifest reads (or of a file's presence), which re-checks every manifest anyway.
 */
import { isNode } from 'yaml';
import type { WorkspaceView } from '../../engine/rule';
import { EVERY_FILE, type CrossFileSignature } from '../types';
import { factsOf } from './facts';
import type { K8sObject, KubernetesModel } from './model';
import { KubernetesWorkspace } from './workspace-index';

/** The audience of the objects a file leaves without a namespace: only kustomizations count them. */
export const KUSTOMIZATIONS = 'kustomizations';

/** The audience of a namespace's facts: the files with an object in that namespace. */
export function namespaceAudience(namespace: string): string {
  return `namespace\u0000${namespace}`;
}

export function crossFileSignature(model: KubernetesModel, workspace?: WorkspaceView): CrossFileSignature {
  const source = (range: readonly number[] | null | undefined) => (range ? model.text.slice(range[0], range[2]) : null);
  const text = (value: unknown) =>
    JSON.stringify(value, (_key, value: unknown) => {
      if (value instanceof Set || value instanceof Map) return [...value];
      if (isNode(value)) return source(value.range);
      // A K8sObject: its pod, reader and nodes point back into the model; its text says it all.
      if (isObject(value)) return source(value.node.range);
      return value;
    });
  const facts = factsOf(model);
  const signature: Record<string, string> = {
    [KUSTOMIZATIONS]: text(model.objects.filter((object) => object.namespace === undefined && !object.partial).map((object) => [object.apiVersion, object.kind])),
  };
  if (!workspace) {
    signature[EVERY_FILE] = text(facts);
    return signature;
  }
  const index = KubernetesWorkspace.of(workspace);
  const { budgets, policies, services, scalers, accounts, bindings, limitRanges, claims, ...everyFile } = facts;
  const byNamespace = new Map<string, unknown[]>();
  const file = (namespace: string, entry: unknown) => {
    const entries = byNamespace.get(namespace);
    if (entries) entries.push(entry);
    else byNamespace.set(namespace, [entry]);
  };
  // In the file's order, which decides which of two facts answers a lookup.
  const lists = { budgets, policies: policies.filter((policy) => !policy.clusterWide), services, scalers, accounts, limitRanges, claims };
  for (const [category, list] of Object.entries(lists)) {
    for (const fact of list) for (const namespace of index.namespacesOf(model.path, fact.namespace)) file(namespace, [category, fact]);
  }
  for (const binding of bindings) {
    for (const key of index.boundKeys(model.path, binding)) file(key.slice(0, key.indexOf('/')), ['bindings', binding]);
  }
  signature[EVERY_FILE] = text({ ...everyFile, clusterPolicies: policies.filter((policy) => policy.clusterWide) });
  for (const [namespace, entries] of byNamespace) signature[namespaceAudience(namespace)] = text(entries);
  return signature;
}

const audiencesByModel = new WeakMap<KubernetesModel, { index: KubernetesWorkspace; audiences: readonly string[] }>();

/**
 * A kustomization reads what the files it brings in leave without a namespace (k8s/default-namespace
 * counts them); every manifest reads the facts of the namespaces its objects land in.
 */
export function crossFileAudiences(model: KubernetesModel, workspace?: WorkspaceView): readonly string[] {
  const own = factsOf(model).kustomization ? [KUSTOMIZATIONS] : [];
  if (!workspace) return own;
  const index = KubernetesWorkspace.of(workspace);
  // The namespaces a file lands in change only with the kustomizations, which rebuild the index.
  const kept = audiencesByModel.get(model);
  if (kept?.index === index) return kept.audiences;
  const namespaces = new Set<string>();
  for (const object of model.objects) for (const namespace of index.namespacesOf(model.path, object.namespace)) namespaces.add(namespace);
  const audiences = [...own, ...[...namespaces].map(namespaceAudience)];
  audiencesByModel.set(model, { index, audiences });
  return audiences;
}

function isObject(value: unknown): value is K8sObject {
  return typeof value === 'object' && value !== null && 'reader' in value && 'kindSpan' in value && 'node' in value;
}
