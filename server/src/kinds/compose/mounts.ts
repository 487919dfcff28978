/**
 * Bind mounts of a service (`./nginx.conf:/etc/nginx/nginx.conf`, the long `type: bind` form):
 * which workspace file ends up where in the container, so a mounted nginx config is read as the
 * service's nginx and a mounted Docker socket is seen for what it is.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { WorkspaceView } from '../../engine/rule';
import type { Span } from '../../engine/types';
import { scalarString, spanOf } from '../kubernetes/nodes';
import { nginxConfigOf } from '../nginx/config';
import { httpServers, listens, unknownAbove } from '../nginx/semantics';
import type { NginxModel } from '../nginx/model';
import { hasVariable, interpolate } from './interpolation';
import { resolvePath, type ResolvedService, type ServiceLayer } from './services';

export interface Mount {
  /** The host side as written (a path, or a named volume). */
  source: string;
  /** The host path in the workspace, for a bind mount of a relative or absolute path. */
  hostPath?: string;
  target: string;
  readOnly: boolean;
  node: Node;
  span: Span;
  layer: ServiceLayer;
}

/** The service's `volumes:` whose source and target are known (no variable). */
export function mountsOf(service: ResolvedService): Mount[] {
  const mounts: Mount[] = [];
  for (const { node, layer } of service.items('volumes')) {
    const { reader } = layer.model;
    let source: string | undefined;
    let target: string | undefined;
    let readOnly = false;
    if (isMap(node)) {
      source = reader.getString(node, 'source');
      target = reader.getString(node, 'target');
      readOnly = reader.getString(node, 'read_only') === 'true';
    } else if (isScalar(node)) {
      const raw = scalarString(node) ?? '';
      // `SOURCE:TARGET[:MODE]`; a Windows drive letter (`C:\data`) is part of the source.
      const parts = raw.split(':');
      if (/^[A-Za-z]$/.test(parts[0]) && parts.length > 2) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
      if (parts.length < 2) continue;
      [source, target] = parts;
      readOnly = (parts[2] ?? '').split(',').includes('ro');
    }
    if (source === undefined || target === undefined) continue;
    const hostSource = interpolate(source).value;
    const containerTarget = interpolate(target).value;
    if (hostSource === undefined || containerTarget === undefined) continue;
    const isPath = /^(?:\.{1,2}(?:[\\/]|$)|[\\/~]|[A-Za-z]:[\\/])/.test(hostSource);
    mounts.push({
      source: hostSource,
      hostPath: isPath && !hostSource.startsWith('~') ? resolvePath(layer.model.path, hostSource) : undefined,
      target: containerTarget.replace(/\/+$/, '') || '/',
      readOnly,
      node,
      span: spanOf(node)!,
      layer,
    });
  }
  return mounts;
}

/** A volume whose source or target a variable decides (`${DATA_DIR}:/data`): where it mounts is unknown. */
export function hasInterpolatedMount(service: ResolvedService): boolean {
  return service.items('volumes').some(({ node, layer }) => {
    if (isScalar(node)) return hasVariable(scalarString(node) ?? '');
    if (!isMap(node)) return false;
    const { reader } = layer.model;
    return ['source', 'target'].some((key) => hasVariable(reader.getString(node, key) ?? ''));
  });
}

const DOCKER_SOCKET = /^\/(?:var\/)?run\/docker\.sock$/;

export function isDockerSocket(mount: Mount): boolean {
  return DOCKER_SOCKET.test(mount.target) || DOCKER_SOCKET.test(mount.source) || /^\/\/\.\/pipe\/docker_engine$/.test(mount.source);
}

/** nginx's main configuration inside the official images. */
const NGINX_MAIN_CONFIG = '/etc/nginx/nginx.conf';

/**
 * The ports the service's nginx listens on, read from the main nginx config mounted into it
 * (`./nginx.conf:/etc/nginx/nginx.conf`), when the whole tree is in the workspace: an include the
 * workspace lacks could add a server, so the ports are then unknown.
 */
export function mountedNginxPorts(service: ResolvedService, view: WorkspaceView): { ports: Set<number>; file: string } | undefined {
  const mount = mountsOf(service).find((candidate) => candidate.target === NGINX_MAIN_CONFIG && candidate.hostPath !== undefined);
  const file = mount?.hostPath ? view.get(mount.hostPath) : undefined;
  if (!mount || file?.kind !== 'nginx') return undefined;
  const config = nginxConfigOf(file.model as NginxModel, view);
  // A glob that matches nothing here may match the image's own files (conf.d/default.conf listens on 80).
  if (config.includes.some((include) => include.paths.length === 0 && /[*?[]/.test(include.pattern))) return undefined;
  if (config.contexts.some((context) => context.kind === 'stream')) return undefined;
  const ports = new Set<number>();
  for (const server of httpServers(config)) {
    if (unknownAbove(config, server)) return undefined;
    const declared = listens(server);
    // A server without `listen` listens on 80 (nginx runs as root in the official images).
    if (declared.length === 0) ports.add(80);
    for (const listen of declared) {
      if (listen.port === undefined) return undefined;
      ports.add(listen.port);
    }
  }
  return ports.size ? { ports, file: mount.hostPath! } : undefined;
}
