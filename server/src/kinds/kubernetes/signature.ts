/**
 * What a manifest tells the cross-file rules of other files, in two parts: its facts (budgets,
 * policies, Services, autoscalers, accounts, bindings, LimitRanges, claims, CRDs, kustomize and
 * skaffold settings, see `facts.ts`) with every object and node written as its source text, and the
 * apiVersion and kind of each object that sets no namespace (what a kustomization without one
 * counts in the files it brings in). An edit that leaves it unchanged (a comment, a container's
 * image or probe) cannot change another file's findings, so the service keeps theirs. The objects
 * without a namespace are a part of their own, read by kustomizations only: pasting a Pod without
 * one re-checks the kustomizations, not every manifest; any other edit re-checks them all.
 */
import { isNode } from 'yaml';
import { EVERY_FILE, type CrossFileSignature } from '../types';
import { factsOf } from './facts';
import type { K8sObject, KubernetesModel } from './model';

/** The audience of the objects a file leaves without a namespace: only kustomizations count them. */
export const KUSTOMIZATIONS = 'kustomizations';

export function crossFileSignature(model: KubernetesModel): CrossFileSignature {
  const source = (range: readonly number[] | null | undefined) => (range ? model.text.slice(range[0], range[2]) : null);
  const text = (value: unknown) =>
    JSON.stringify(value, (_key, value: unknown) => {
      if (value instanceof Set || value instanceof Map) return [...value];
      if (isNode(value)) return source(value.range);
      // A K8sObject: its pod, reader and nodes point back into the model; its text says it all.
      if (isObject(value)) return source(value.node.range);
      return value;
    });
  return {
    [EVERY_FILE]: text(factsOf(model)),
    [KUSTOMIZATIONS]: text(model.objects.filter((object) => object.namespace === undefined && !object.partial).map((object) => [object.apiVersion, object.kind])),
  };
}

/** A kustomization reads what the files it brings in leave without a namespace (k8s/default-namespace counts them). */
export function crossFileAudiences(model: KubernetesModel): readonly string[] {
  return factsOf(model).kustomization ? [KUSTOMIZATIONS] : [];
}

function isObject(value: unknown): value is K8sObject {
  return typeof value === 'object' && value !== null && 'reader' in value && 'kindSpan' in value && 'node' in value;
}
