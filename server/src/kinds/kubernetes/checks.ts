/**
 * Checks and fixes shared by several Kubernetes rules, so that rules that offer the same edit
 * (the combined securityContext fix) compute it in exactly one place.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import type { Span, TextEdit } from '../../engine/types';
import { YamlEditor, type YObject } from './edits';
import type { Container, K8sObject, KubernetesModel } from './model';
import { isFalse, isTrue, scalarString, spanOf } from './nodes';

export function editorFor(context: RuleContext<KubernetesModel>): YamlEditor {
  return new YamlEditor(context.model, context.lines);
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

/** What the four Pod Security Standards "restricted" checks find wrong in a container. */
export interface RestrictedGaps {
  /** allowPrivilegeEscalation is not false: the wrong value, or undefined when missing. */
  privilegeEscalation?: { value?: Node };
  readOnlyRootFilesystem?: { value?: Node };
  dropAll?: { value?: Node };
  seccomp?: { value?: Node };
}

const GOOD_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);

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
  const containerSeccomp = reader.getMap(container.securityContext, 'seccompProfile');
  const containerType = reader.get(containerSeccomp, 'type');
  const podType = reader.get(reader.getMap(container.pod.securityContext, 'seccompProfile'), 'type');
  const effective = containerSeccomp ? containerType : podType;
  if (!GOOD_SECCOMP.has(scalarString(effective) ?? '')) {
    gaps.seccomp = { value: isScalar(effective) && effective.value !== null ? effective : undefined };
  }
  return gaps;
}

/** One container securityContext edit that closes every restricted gap at once. */
export function restrictedFix(editor: YamlEditor, container: Container): TextEdit[] | null {
  const gaps = restrictedGaps(container);
  const wanted: YObject = {};
  if (gaps.privilegeEscalation) wanted.allowPrivilegeEscalation = false;
  if (gaps.readOnlyRootFilesystem) wanted.readOnlyRootFilesystem = true;
  if (gaps.dropAll) wanted.capabilities = { drop: ['ALL'] };
  if (gaps.seccomp) wanted.seccompProfile = { type: 'RuntimeDefault' };
  if (Object.keys(wanted).length === 0) return null;
  return editor.merge(container.node, { securityContext: wanted });
}

/** The value's span when it is wrong, the container's name when the field is missing. */
/**
 * The shared check of the four Pod Security Standard "restricted" rules: each reports its own gap,
 * and all offer the same fix, which closes every gap of the container at once.
 */
export function checkRestrictedGap(model: KubernetesModel, context: RuleContext<KubernetesModel>, gapName: keyof RestrictedGaps): void {
  for (const container of runningContainers(model)) {
    const gap = restrictedGaps(container)[gapName];
    if (!gap) continue;
    context.report({
      span: spanForGap(container, gap),
      messageId: gap.value ? 'wrong' : 'missing',
      data: { name: container.name ?? '?', value: scalarString(gap.value) ?? '' },
      fixTitleId: 'harden',
      fix: () => restrictedFix(editorFor(context), container),
    });
  }
}

export function spanForGap(container: Container, gap: { value?: Node }): Span {
  return spanOf(gap.value) ?? container.nameSpan;
}

/** The workload's metadata name, or its kind when unnamed: where object-level findings sit. */
export function objectSpan(object: K8sObject): Span {
  return object.nameSpan ?? object.kindSpan;
}

/** Replicas of a Deployment/StatefulSet; a missing field means 1, a non-number (a template) is unknown (Infinity). */
export function replicasOf(object: K8sObject): { count: number; node?: Node } {
  const node = object.reader.get(object.spec, 'replicas');
  if (node === undefined) return { count: 1 };
  const text = scalarString(node);
  const count = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.POSITIVE_INFINITY;
  return { count, node };
}

/** The span of a map's key, for findings about something missing inside that map's value. */
export function keySpan(map: YAMLMap | undefined, key: string, reader: K8sObject['reader']): Span | undefined {
  const pair = reader.pair(map, key);
  return pair ? spanOf(pair.key as Node) : undefined;
}

/** Object kinds that live outside namespaces. */
/** Build-time files that look like objects but never reach the API server (kustomization.yaml, KRM function configs). */
export function isClientSideConfig(object: K8sObject): boolean {
  return /^(?:kustomize\.config\.k8s\.io|config\.kubernetes\.io|kpt\.dev)\//.test(object.apiVersion);
}

export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'PodSecurityPolicy',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ClusterIssuer',
  'ClusterSecretStore',
]);

/** The namespace an object lands in when applied without `-n`. */
export function namespaceOf(object: K8sObject): string {
  return object.namespace ?? 'default';
}

/** The port a generated probe targets: the first declared port, by number or by name when named. */
export function firstPort(container: Container): string | undefined {
  const port = container.ports[0];
  if (!port) return undefined;
  if (port.name !== undefined) return port.name;
  return port.number !== undefined ? String(port.number) : undefined;
}

/** The seed's probe for a container, inserted into its map; null without a declared port. */
export function probeFix(editor: YamlEditor, container: Container, probe: 'livenessProbe' | 'readinessProbe'): TextEdit[] | null {
  const port = firstPort(container);
  if (port === undefined) return null;
  const timing = probe === 'livenessProbe' ? { initialDelaySeconds: 30, periodSeconds: 10 } : { initialDelaySeconds: 5, periodSeconds: 5 };
  const path = probe === 'livenessProbe' ? '/health' : '/ready';
  return editor.merge(container.node, { [probe]: { httpGet: { path, port }, ...timing } });
}

/** The seed's sizes: requests 256Mi/250m, limits 512Mi/500m. */
const SEED_RESOURCES: Record<'requests' | 'limits', Record<string, string>> = {
  requests: { memory: '"256Mi"', cpu: '"250m"' },
  limits: { memory: '"512Mi"', cpu: '"500m"' },
};

/** Inserts the missing keys (memory before cpu, as in the seed) into the container's resources. */
/** The shared check of k8s/resource-requests and k8s/resource-limits: cpu and memory in one section. */
export function checkResources(model: KubernetesModel, context: RuleContext<KubernetesModel>, section: 'requests' | 'limits'): void {
  for (const container of runningContainers(model)) {
    const { reader } = container.pod.owner;
    const values = reader.getMap(container.resources, section);
    const missing = ['cpu', 'memory'].filter((key) => scalarString(reader.get(values, key)) === undefined);
    if (missing.length === 0) continue;
    context.report({
      span: container.nameSpan,
      messageId: 'missing',
      data: { name: container.name ?? '?', resources: missing.join(' and ') },
      fixTitleId: 'add',
      fix: () => resourcesFix(editorFor(context), container, section, missing),
    });
  }
}

/** The shared check of k8s/liveness-probe and k8s/readiness-probe (init and ephemeral containers need none). */
export function checkProbe(model: KubernetesModel, context: RuleContext<KubernetesModel>, probe: 'livenessProbe' | 'readinessProbe'): void {
  for (const container of model.containers) {
    if (container.type !== 'container' || container[probe]) continue;
    context.report({
      span: container.nameSpan,
      messageId: 'missing',
      data: { name: container.name ?? '?' },
      fixTitleId: 'add',
      fix: () => probeFix(editorFor(context), container, probe),
    });
  }
}

export function resourcesFix(editor: YamlEditor, container: Container, section: 'requests' | 'limits', missing: string[]): TextEdit[] | null {
  const values: YObject = {};
  for (const [key, value] of Object.entries(SEED_RESOURCES[section])) if (missing.includes(key)) values[key] = value;
  return editor.merge(container.node, { resources: { [section]: values } });
}
