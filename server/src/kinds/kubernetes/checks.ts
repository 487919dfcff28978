/**
 * Helpers shared by the Kubernetes rules: the editor, the workspace index, where inserted keys go,
 * where findings sit, and the probe fix.
 */
import { isSeq, type Node, type YAMLMap } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import type { Span, TextEdit } from '../../engine/types';
import { YamlEditor, type Placement } from './edits';
import type { Container, K8sObject, KubernetesModel } from './model';
import { scalarString, spanOf } from './nodes';
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

/** Where a key added to a container goes: under its image (or name), near the finding on the name. */
export const CONTAINER_TOP: Placement = { after: ['name', 'image', 'imagePullPolicy'] };

/** Where probes and resources go in a container: after its ports, which they refer to. */
export const CONTAINER_AFTER_PORTS: Placement = { after: ['name', 'image', 'imagePullPolicy', 'ports'] };

/** The top of a map: right under its key (`replicas` under `spec:`). */
export const MAP_TOP: Placement = { after: [] };

/** The workload's metadata name, or its kind when unnamed: where object-level findings sit. */
export function objectSpan(object: K8sObject): Span {
  return object.nameSpan ?? object.kindSpan;
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

/** A YAML scalar for a label value in generated YAML: plain when it reads back as the same string, quoted otherwise. */
export function yamlString(value: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9._/-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|y|n|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
