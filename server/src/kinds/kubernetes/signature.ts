/**
 * What a manifest tells the cross-file rules of other files, as one string: its facts (budgets,
 * policies, Services, autoscalers, accounts, bindings, LimitRanges, claims, CRDs, kustomize and
 * skaffold settings, see `facts.ts`) with every object and node written as its source text, and the
 * apiVersion and kind of each object that sets no namespace (what a kustomization without one
 * counts in the files it brings in). An edit that leaves it unchanged (a comment, a container's
 * image or probe) cannot change another file's findings, so the service keeps theirs; any other
 * edit re-checks them.
 */
import { isNode } from 'yaml';
import { factsOf } from './facts';
import type { K8sObject, KubernetesModel } from './model';

export function crossFileSignature(model: KubernetesModel): string {
  const source = (range: readonly number[] | null | undefined) => (range ? model.text.slice(range[0], range[2]) : null);
  return JSON.stringify(
    { facts: factsOf(model), withoutNamespace: model.objects.filter((object) => object.namespace === undefined && !object.partial).map((object) => [object.apiVersion, object.kind]) },
    (_key, value: unknown) => {
      if (value instanceof Set || value instanceof Map) return [...value];
      if (isNode(value)) return source(value.range);
      // A K8sObject: its pod, reader and nodes point back into the model; its text says it all.
      if (isObject(value)) return source(value.node.range);
      return value;
    },
  );
}

function isObject(value: unknown): value is K8sObject {
  return typeof value === 'object' && value !== null && 'reader' in value && 'kindSpan' in value && 'node' in value;
}
