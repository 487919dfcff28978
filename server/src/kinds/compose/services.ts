/**
 * A Compose service as Compose sees it once `extends` is applied: the service's own map first, then
 * the services it extends (in this file, or in another Compose file of the workspace). A base the
 * workspace does not have makes the service incomplete: what it would bring is unknown.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import * as nodePath from 'node:path';
import type { WorkspaceView } from '../../engine/rule';
import type { Span } from '../../engine/types';
import type { ComposeModel, ComposeService } from './model';
import { scalarString, spanOf } from '../kubernetes/nodes';

export interface ServiceLayer {
  service: ComposeService;
  model: ComposeModel;
}

export interface FoundField {
  pair: Pair;
  value?: Node;
  layer: ServiceLayer;
}

const MAX_EXTENDS = 8;

export class ResolvedService {
  /** The service itself, then each service it extends, nearest first. */
  readonly layers: ServiceLayer[];
  /**
   * False when part of the definition is out of sight: an `extends` the workspace cannot resolve,
   * or a fragment with neither `image` nor `build` (an override file completing a service defined
   * elsewhere). Rules then report what is wrong but never what is missing.
   */
  readonly complete: boolean;

  constructor(layers: ServiceLayer[], resolved: boolean) {
    this.layers = layers;
    this.complete = resolved && (this.has('image') || this.has('build'));
  }

  get service(): ComposeService {
    return this.layers[0].service;
  }

  get name(): string {
    return this.service.name;
  }

  get nameSpan(): Span {
    return this.service.nameSpan;
  }

  /** The first layer's pair for the key (the service's own value wins over the one it extends). */
  field(key: string): FoundField | undefined {
    for (const layer of this.layers) {
      const pair = layer.model.reader.pair(layer.service.node, key);
      if (pair) return { pair, value: layer.model.reader.resolve(pair.value), layer };
    }
    return undefined;
  }

  has(key: string): boolean {
    const found = this.field(key);
    return found !== undefined && !isNull(found.value);
  }

  get(key: string): Node | undefined {
    return this.field(key)?.value;
  }

  /** A nested value (`deploy.resources.limits.memory`); Compose merges maps of extended services key by key. */
  path(...keys: string[]): FoundField | undefined {
    for (const layer of this.layers) {
      const { reader } = layer.model;
      let map: YAMLMap | undefined = layer.service.node;
      for (let i = 0; i < keys.length && map; i++) {
        const found = reader.pair(map, keys[i]);
        if (!found) break;
        if (i === keys.length - 1) return { pair: found, value: reader.resolve(found.value), layer };
        map = reader.map(found.value);
      }
    }
    return undefined;
  }

  /** Items of a sequence field over every layer (Compose appends sequences of extended services). */
  items(key: string): { node: Node; layer: ServiceLayer }[] {
    const result: { node: Node; layer: ServiceLayer }[] = [];
    for (const layer of this.layers) {
      const { reader } = layer.model;
      for (const node of reader.items(reader.getSeq(layer.service.node, key))) result.push({ node, layer });
    }
    return result;
  }

  string(key: string): string | undefined {
    return scalarString(this.get(key));
  }
}

export function isNull(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));
}

const resolvedCache = new WeakMap<WorkspaceView, WeakMap<ComposeModel, ResolvedService[]>>();

/** The model's services with `extends` applied, once per workspace view. */
export function resolvedServices(model: ComposeModel, view: WorkspaceView): ResolvedService[] {
  let byModel = resolvedCache.get(view);
  if (!byModel) {
    byModel = new WeakMap();
    resolvedCache.set(view, byModel);
  }
  let services = byModel.get(model);
  if (!services) {
    services = model.services.map((service) => resolve(service, model, view));
    byModel.set(model, services);
  }
  return services;
}

function resolve(service: ComposeService, model: ComposeModel, view: WorkspaceView): ResolvedService {
  const layers: ServiceLayer[] = [{ service, model }];
  let current: ServiceLayer = layers[0];
  let resolved = true;
  while (current.service.extends && layers.length <= MAX_EXTENDS) {
    const ref = current.service.extends;
    const baseModel = ref.file === undefined ? current.model : composeFile(view, resolvePath(current.model.path, ref.file));
    const base = baseModel?.services.find((candidate) => candidate.name === ref.service);
    if (!baseModel || !base || layers.some((layer) => layer.service === base)) {
      resolved = false;
      break;
    }
    current = { service: base, model: baseModel };
    layers.push(current);
  }
  return new ResolvedService(layers, resolved && !current.service.extends);
}

function composeFile(view: WorkspaceView, path: string): ComposeModel | undefined {
  const file = view.get(path);
  return file?.kind === 'compose' ? (file.model as ComposeModel) : undefined;
}

/** A path written in a Compose file, relative to that file's folder, as an absolute path of the workspace. */
export function resolvePath(composePath: string, relative: string): string {
  const api = composePath.includes('\\') && !composePath.includes('/') ? nodePath.win32 : nodePath.posix;
  return api.resolve(api.dirname(composePath), relative);
}

/** The span a finding about a missing field uses: the service's key. */
export function serviceSpan(service: ResolvedService): Span {
  return service.nameSpan;
}

/** The value's span, for findings on a wrong value. */
export function valueSpan(found: FoundField): Span {
  return spanOf(found.value) ?? spanOf(found.pair.key as Scalar)!;
}

export function isCollection(node: Node | undefined): boolean {
  return isMap(node) || isSeq(node);
}

/** A workspace path as the Compose file would write it (`nginx/nginx.conf`, `../api/Dockerfile`), for messages. */
export function relativeTo(composePath: string, path: string): string {
  const api = composePath.includes('\\') && !composePath.includes('/') ? nodePath.win32 : nodePath.posix;
  return api.relative(api.dirname(composePath), path).split('\\').join('/');
}
