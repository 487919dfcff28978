import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { BaseModel, ParseError, Span } from '../../engine/types';
import { NodeReader, scalarString, spanOf, yamlParserText } from './nodes';
import { parseStream, type ParsedStream, type StreamDocument } from './stream';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The object's map; for a `List` item, the item map. */
  node: YAMLMap;
  kindSpan: Span;
  metadata?: YAMLMap;
  nameSpan?: Span;
  namespaceSpan?: Span;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec?: YAMLMap;
  /** The pod spec of a Pod or a workload's pod template. */
  pod?: PodSpec;
  /** Index of the YAML document that holds the object. */
  document: number;
  /**
   * A fragment, not an object the API server would accept: a kustomize patch (`$patch:` at its top,
   * or an apps/v1 workload with neither the selector apps/v1 requires nor any container image).
   * Its pod template is not analyzed: the object it patches is.
   */
  partial: boolean;
  reader: NodeReader;
}

export interface PodSpec {
  owner: K8sObject;
  node: YAMLMap;
  /** The `spec` key of the pod (template): where pod-level findings point. */
  keySpan: Span;
  /** Labels of the pod template (the Pod's own labels for a Pod). */
  labels: Record<string, string>;
  /** Annotations of the pod template (the Pod's own for a Pod): legacy seccomp annotations live here. */
  annotations: Record<string, string>;
  /** The annotation values' nodes by key, for findings on an annotation. */
  annotationNodes: Map<string, Scalar>;
  securityContext?: YAMLMap;
  containers: Container[];
  volumes: Volume[];
}

export interface Volume {
  name?: string;
  node: YAMLMap;
  /** `hostPath.path`, when the volume mounts a path of the node. */
  hostPath?: { path: string; node: Scalar };
  /** `persistentVolumeClaim.claimName`. */
  claimName?: string;
}

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerPort {
  number?: number;
  name?: string;
  node: YAMLMap;
}

export interface EnvVar {
  name: string;
  nameSpan: Span;
  node: YAMLMap;
  /** The `value:` pair, when the variable is a literal. */
  valuePair?: Pair;
  value?: Scalar;
  valueFrom?: YAMLMap;
}

export interface Image {
  value: string;
  span: Span;
  node: Scalar;
  /** The repository, without tag or digest (`registry:5000/team/app`). */
  name: string;
  /** The tag after the last `:` of the last path segment, when there is one. */
  tag?: string;
  /** The `@sha256:...` digest, when the image is pinned by one. */
  digest?: string;
}

/** Splits `registry:5000/team/app:1.2@sha256:...` into repository, tag and digest. */
export function imageReference(value: string): { name: string; tag?: string; digest?: string } {
  const at = value.indexOf('@');
  const digest = at >= 0 ? value.slice(at + 1) : undefined;
  const reference = at >= 0 ? value.slice(0, at) : value;
  const colon = reference.lastIndexOf(':');
  if (colon > reference.lastIndexOf('/')) return { name: reference.slice(0, colon), tag: reference.slice(colon + 1), digest };
  return { name: reference, digest };
}

export interface Container {
  pod: PodSpec;
  type: ContainerType;
  node: YAMLMap;
  name?: string;
  /** The `name` value, or the start of the container map when the name is missing. */
  nameSpan: Span;
  image?: Image;
  ports: ContainerPort[];
  livenessProbe?: YAMLMap;
  readinessProbe?: YAMLMap;
  startupProbe?: YAMLMap;
  resources?: YAMLMap;
  securityContext?: YAMLMap;
  env: EnvVar[];
}

export interface K8sDocument {
  index: number;
  span: Span;
  root?: Node;
  objects: K8sObject[];
  hasErrors: boolean;
  reader: NodeReader;
}

/** How the file lays out its blocks, so inserted YAML looks like the rest of it. */
export interface YamlStyle {
  /** Spaces per nesting level. */
  indentUnit: number;
  /** True when block sequences are indented under their key (`key:\n  - a`), false for `key:\n- a`. */
  indentedSequences: boolean;
}

export interface KubernetesModel extends BaseModel {
  kind: 'kubernetes';
  documents: K8sDocument[];
  /** Every object of every document, `List` items included, in source order. */
  objects: K8sObject[];
  /** Every container of every pod spec, in source order. */
  containers: Container[];
  style: YamlStyle;
  /** Spans that aliases reuse; fixes never edit inside them. */
  sharedSpans: Span[];
}

/** Kinds whose `spec.template` is a pod template (CronJob's is under `jobTemplate.spec`). */
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

/**
 * OpenShift's DeploymentConfig (apps.openshift.io/v1, or the legacy unprefixed v1 API) and Argo
 * Rollouts' Rollout (argoproj.io) carry a pod template too, as kube-linter's DeploymentLike counts them.
 */
function hasCustomPodTemplate(apiVersion: string, kind: string): boolean {
  if (kind === 'DeploymentConfig') return apiVersion.startsWith('apps.openshift.io/') || apiVersion === 'v1';
  return kind === 'Rollout' && apiVersion.startsWith('argoproj.io/');
}

/** The API group of an apiVersion: `apps/v1` -> `apps`, `v1` -> '' (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The parsed stream behind each model, which the next version of the file reuses document by document. */
const streams = new WeakMap<KubernetesModel, ParsedStream>();
/** Each parsed document's objects: a document an edit did not touch keeps them (when it kept its place). */
const documentModels = new WeakMap<StreamDocument, K8sDocument>();

/**
 * The model of a manifest. With `previous` (the model of the file's previous version), only the
 * documents an edit touched are parsed again; the result is the same either way.
 */
export function parseKubernetes(text: string, path: string, previous?: KubernetesModel): KubernetesModel {
  const model: KubernetesModel = {
    kind: 'kubernetes',
    path,
    text,
    errors: [],
    documents: [],
    objects: [],
    containers: [],
    style: { indentUnit: 2, indentedSequences: false },
    sharedSpans: [],
  };
  let stream: ParsedStream;
  try {
    // Alias bombs stay cheap: the model resolves an alias to its one anchored node and never
    // expands it (no toJS), so yaml's maxAliasCount, a toJS option, has nothing to bound here.
    stream = parseStream(yamlParserText(text), previous && streams.get(previous));
  } catch (error) {
    // Pathological input (nesting deep enough to exhaust the stack) is reported, not fatal.
    model.errors.push({ span: { start: 0, end: Math.min(1, text.length) }, message: `YAML could not be parsed: ${error instanceof Error ? error.message : String(error)}` });
    return model;
  }
  streams.set(model, stream);
  let styleFound = false;
  stream.documents.forEach((document, index) => {
    let doc = documentModels.get(document);
    if (doc?.index !== index) {
      doc = documentModel(document, index, text);
      documentModels.set(document, doc);
    }
    model.documents.push(doc);
    for (const span of doc.reader.sharedSpans) model.sharedSpans.push(span);
    if (document.errors.length > 0) {
      model.errors.push(parseError(document.errors[0], text));
      return;
    }
    for (const object of doc.objects) model.objects.push(object);
    const rootMap = doc.reader.map(doc.root);
    if (rootMap && !styleFound) styleFound = detectStyle(rootMap, text, model.style);
  });
  for (const object of model.objects) if (object.pod) for (const container of object.pod.containers) model.containers.push(container);
  return model;
}

/** One document's model: its objects (`List` items included), read with anchors resolved. */
function documentModel(document: StreamDocument, index: number, text: string): K8sDocument {
  const root = document.root;
  const reader = new NodeReader(root);
  const doc: K8sDocument = {
    index,
    span: { start: document.range[0] ?? 0, end: document.range[2] ?? text.length },
    root,
    objects: [],
    hasErrors: document.errors.length > 0,
    reader,
  };
  const rootMap = reader.map(root);
  if (!doc.hasErrors && rootMap) collectObjects(rootMap, doc, 0);
  return doc;
}

export function parseError(error: { pos: [number, number]; message: string }, text: string): ParseError {
  const start = Math.max(0, Math.min(error.pos[0], text.length));
  let end = Math.max(start, Math.min(error.pos[1], text.length));
  if (end === start && start < text.length) end = start + 1;
  const message = error.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?$/, '');
  return { span: { start, end }, message: `YAML syntax error: ${message.replace(/\.?$/, '.')}` };
}

function collectObjects(map: YAMLMap, doc: K8sDocument, depth: number): void {
  const { reader } = doc;
  const apiVersion = reader.getString(map, 'apiVersion');
  const kindNode = reader.get(map, 'kind');
  const kind = scalarString(kindNode);
  if (apiVersion === undefined || kind === undefined) return;
  const metadata = reader.getMap(map, 'metadata');
  const nameNode = reader.get(metadata, 'name');
  const namespaceNode = reader.get(metadata, 'namespace');
  const object: K8sObject = {
    apiVersion,
    kind,
    name: scalarString(nameNode),
    namespace: scalarString(namespaceNode),
    node: map,
    kindSpan: spanOf(kindNode)!,
    metadata,
    nameSpan: isScalar(nameNode) ? spanOf(nameNode) : undefined,
    namespaceSpan: isScalar(namespaceNode) ? spanOf(namespaceNode) : undefined,
    labels: reader.stringMap(reader.getMap(metadata, 'labels')),
    annotations: reader.stringMap(reader.getMap(metadata, 'annotations')),
    spec: reader.getMap(map, 'spec'),
    document: doc.index,
    reader,
    partial: reader.pair(map, '$patch') !== undefined,
  };
  doc.objects.push(object);
  object.pod = podSpecOf(object);
  if (object.pod && isPatchOfWorkload(object)) object.partial = true;
  if (object.partial) object.pod = undefined;
  if (kind.endsWith('List') && depth === 0) {
    for (const item of reader.items(reader.getSeq(map, 'items'))) if (isMap(item)) collectObjects(item, doc, depth + 1);
  }
}

const SELECTED_WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * An apps/v1 workload without the selector the API requires and without a single container image
 * is a strategic-merge patch (kustomize's `patches:`), which only names what it changes.
 */
function isPatchOfWorkload(object: K8sObject): boolean {
  if (!SELECTED_WORKLOADS.has(object.kind) || !/^apps\/v1(?:beta2)?$/.test(object.apiVersion)) return false;
  if (object.reader.pair(object.spec, 'selector')) return false;
  return !(object.pod?.containers ?? []).some((container) => container.image !== undefined);
}

function podSpecOf(object: K8sObject): PodSpec | undefined {
  const { reader } = object;
  if (object.kind === 'Pod') return buildPod(object, object.node, object.labels, reader.getMap(object.metadata, 'annotations'));
  let templateHolder: YAMLMap | undefined;
  if (POD_TEMPLATE_KINDS.has(object.kind) || hasCustomPodTemplate(object.apiVersion, object.kind)) templateHolder = object.spec;
  else if (object.kind === 'CronJob') templateHolder = reader.getMap(reader.getMap(object.spec, 'jobTemplate'), 'spec');
  const template = reader.getMap(templateHolder, 'template');
  if (!template) return undefined;
  const metadata = reader.getMap(template, 'metadata');
  return buildPod(object, template, reader.stringMap(reader.getMap(metadata, 'labels')), reader.getMap(metadata, 'annotations'));
}

function buildPod(owner: K8sObject, holder: YAMLMap, labels: Record<string, string>, annotationsMap?: YAMLMap): PodSpec | undefined {
  const { reader } = owner;
  const specPair = reader.pair(holder, 'spec');
  const node = reader.map(specPair?.value);
  if (!specPair || !node) return undefined;
  const annotationNodes = new Map<string, Scalar>();
  for (const item of annotationsMap?.items ?? []) {
    const key = scalarString(item.key);
    const value = reader.resolve(item.value);
    if (key !== undefined && isScalar(value)) annotationNodes.set(key, value);
  }
  const pod: PodSpec = {
    owner,
    node,
    keySpan: spanOf(specPair.key as Scalar)!,
    labels,
    annotations: reader.stringMap(annotationsMap),
    annotationNodes,
    securityContext: reader.getMap(node, 'securityContext'),
    containers: [],
    volumes: [],
  };
  for (const item of reader.items(reader.getSeq(node, 'volumes'))) {
    if (!isMap(item)) continue;
    const hostPath = reader.get(reader.getMap(item, 'hostPath'), 'path');
    const hostPathValue = scalarString(hostPath);
    pod.volumes.push({
      name: reader.getString(item, 'name'),
      node: item,
      hostPath: isScalar(hostPath) && hostPathValue !== undefined ? { path: hostPathValue, node: hostPath } : undefined,
      claimName: reader.getString(reader.getMap(item, 'persistentVolumeClaim'), 'claimName'),
    });
  }
  const groups: [string, ContainerType][] = [
    ['initContainers', 'initContainer'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeralContainer'],
  ];
  for (const [key, type] of groups) {
    for (const item of reader.items(reader.getSeq(node, key))) if (isMap(item)) pod.containers.push(buildContainer(pod, item, type, reader));
  }
  pod.containers.sort((a, b) => a.node.range![0] - b.node.range![0]);
  return pod;
}

function buildContainer(pod: PodSpec, node: YAMLMap, type: ContainerType, reader: NodeReader): Container {
  const nameNode = reader.get(node, 'name');
  const imageNode = reader.get(node, 'image');
  const imageValue = scalarString(imageNode);
  const ports: ContainerPort[] = [];
  for (const item of reader.items(reader.getSeq(node, 'ports'))) {
    if (!isMap(item)) continue;
    const number = Number(reader.getString(item, 'containerPort'));
    ports.push({ number: Number.isInteger(number) ? number : undefined, name: reader.getString(item, 'name'), node: item });
  }
  const env: EnvVar[] = [];
  for (const item of reader.items(reader.getSeq(node, 'env'))) {
    if (!isMap(item)) continue;
    const envName = reader.get(item, 'name');
    const name = scalarString(envName);
    if (name === undefined) continue;
    const valuePair = reader.pair(item, 'value');
    const value = reader.resolve(valuePair?.value);
    env.push({
      name,
      nameSpan: spanOf(envName as Scalar)!,
      node: item,
      valuePair,
      value: isScalar(value) ? value : undefined,
      valueFrom: reader.getMap(item, 'valueFrom'),
    });
  }
  return {
    pod,
    type,
    node,
    name: scalarString(nameNode),
    nameSpan: (isScalar(nameNode) ? spanOf(nameNode) : undefined) ?? { start: node.range![0], end: node.range![0] },
    image: isScalar(imageNode) && imageValue !== undefined ? { value: imageValue, span: spanOf(imageNode)!, node: imageNode, ...imageReference(imageValue) } : undefined,
    ports,
    livenessProbe: reader.getMap(node, 'livenessProbe'),
    readinessProbe: reader.getMap(node, 'readinessProbe'),
    startupProbe: reader.getMap(node, 'startupProbe'),
    resources: reader.getMap(node, 'resources'),
    securityContext: reader.getMap(node, 'securityContext'),
    env,
  };
}

/** Reads the indent step and sequence style from the first nested block map and block sequence found. */
export function detectStyle(root: YAMLMap, text: string, style: YamlStyle): boolean {
  let unitFound = false;
  let seqFound = false;
  // Breadth first through a queue read by index: shift() would make a large document quadratic.
  const queue: { map: YAMLMap; depth: number }[] = [{ map: root, depth: 0 }];
  for (let next = 0; next < queue.length && !(unitFound && seqFound); next++) {
    const { map, depth } = queue[next];
    if (map.flow || depth > 12) continue;
    for (const pair of map.items) {
      const keyStart = (pair.key as Scalar | undefined)?.range?.[0];
      if (keyStart === undefined) continue;
      const value = pair.value as Node | null;
      const keyColumn = columnOf(text, keyStart);
      if (isMap(value) && !value.flow && value.items.length) {
        const childStart = (value.items[0].key as Scalar | undefined)?.range?.[0];
        if (!unitFound && childStart !== undefined && columnOf(text, childStart) > keyColumn) {
          style.indentUnit = columnOf(text, childStart) - keyColumn;
          unitFound = true;
        }
        queue.push({ map: value, depth: depth + 1 });
      } else if (isSeq(value) && !value.flow && value.range) {
        if (!seqFound && lineStartOf(text, value.range[0]) !== lineStartOf(text, keyStart)) {
          style.indentedSequences = columnOf(text, value.range[0]) > keyColumn;
          seqFound = true;
        }
        for (const item of value.items) if (isMap(item)) queue.push({ map: item, depth: depth + 1 });
      }
    }
  }
  return unitFound && seqFound;
}

/** Scans back to the line break before `offset`: the cost is the line's length, never the file's. */
function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code === 10 || code === 13) break;
    start--;
  }
  return start;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

export type { YAMLMap, YAMLSeq, Scalar, Pair, Node };
