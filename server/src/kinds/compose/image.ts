/**
 * What a service's image brings: for a service with `build:`, the Dockerfile of its build context
 * in the workspace (its USER, HEALTHCHECK and EXPOSE count for the service); for a pulled image,
 * only what its reference says.
 */
import { isMap, isScalar } from 'yaml';
import type { WorkspaceView } from '../../engine/rule';
import { stageLineage, type DockerfileModel, type Stage, type UserNode } from '../dockerfile/model';
import { scalarString } from '../kubernetes/nodes';
import { interpolate } from './interpolation';
import { resolvePath, type ResolvedService } from './services';

export interface BuiltImage {
  /** The Dockerfile's path in the workspace. */
  path: string;
  dockerfile: DockerfileModel;
  /** The stage the service runs (`build.target`, else the last one) and the stages it builds on. */
  stage: Stage;
  lineage: Stage[];
}

/**
 * The Dockerfile a service is built from: undefined without `build:`, 'unknown' when the build
 * cannot be followed (a Git URL, an inline Dockerfile, a variable, a file the workspace lacks).
 */
export function builtImage(service: ResolvedService, view: WorkspaceView): BuiltImage | 'unknown' | undefined {
  const found = service.field('build');
  if (!found || found.value === undefined) return undefined;
  const { reader, path: composePath } = found.layer.model;
  let context: string | undefined = '.';
  let dockerfile: string | undefined = 'Dockerfile';
  let target: string | undefined;
  if (isScalar(found.value)) context = scalarString(found.value);
  else if (isMap(found.value)) {
    if (reader.pair(found.value, 'dockerfile_inline')) return 'unknown';
    context = reader.pair(found.value, 'context') ? reader.getString(found.value, 'context') : '.';
    dockerfile = reader.pair(found.value, 'dockerfile') ? reader.getString(found.value, 'dockerfile') : 'Dockerfile';
    target = reader.pair(found.value, 'target') ? (reader.getString(found.value, 'target') ?? '') : undefined;
  } else return 'unknown';
  const known = (value: string | undefined) => (value === undefined ? undefined : interpolate(value).value);
  const contextPath = known(context);
  const dockerfilePath = known(dockerfile);
  const stageName = target === undefined ? undefined : known(target);
  if (contextPath === undefined || dockerfilePath === undefined || (target !== undefined && !stageName)) return 'unknown';
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git@|\.git(?:#.*)?$/i.test(contextPath)) return 'unknown';
  const path = resolvePath(resolvePath(composePath, contextPath) + '/_', dockerfilePath);
  const file = view.get(path);
  if (file?.kind !== 'dockerfile') return 'unknown';
  const model = file.model as DockerfileModel;
  const stage = stageName === undefined ? model.finalStage : model.stages.find((candidate) => candidate.name?.toLowerCase() === stageName.toLowerCase());
  if (!stage) return 'unknown';
  return { path, dockerfile: model, stage, lineage: stageLineage(stage) };
}

/** The USER the image runs as: the last one of its stage or of a stage it builds on. */
export function imageUser(image: BuiltImage): UserNode | undefined {
  return image.lineage.map((stage) => stage.users[stage.users.length - 1]).find((user) => user !== undefined);
}

/** The image's HEALTHCHECK: `none` when it is `HEALTHCHECK NONE`. */
export function imageHealthcheck(image: BuiltImage): 'declared' | 'none' | undefined {
  const healthcheck = image.lineage.map((stage) => stage.healthchecks[stage.healthchecks.length - 1]).find(Boolean);
  if (!healthcheck) return undefined;
  return healthcheck.args[0]?.text.toUpperCase() === 'NONE' ? 'none' : 'declared';
}

/**
 * The container ports the image EXPOSEs, when its Dockerfile states them all (a variable or a
 * range makes the list unknown) and builds on nothing but its own stages or well-known bases.
 */
export function imageExposedPorts(image: BuiltImage): Set<number> | undefined {
  const ports = new Set<number>();
  for (const stage of image.lineage) {
    for (const expose of stage.exposes) {
      if (expose.args.some((word) => !/^\d+(?:\/(?:tcp|udp|sctp))?$/i.test(word.text))) return undefined;
      for (const port of expose.ports) ports.add(port.port);
    }
  }
  return ports.size ? ports : undefined;
}

export interface ImageReference {
  /** Repository path without registry host, lower-cased (`grafana/grafana`, `library/postgres` -> `postgres`). */
  repository: string;
  tag?: string;
  /** Offset of the tag in the reference. */
  tagStart?: number;
  digest?: string;
}

export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const name = at >= 0 ? reference.slice(0, at) : reference;
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  const path = (hasTag ? name.slice(0, colon) : name).toLowerCase();
  const parts = path.split('/');
  const host = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? 1 : 0;
  const repository = parts.slice(host).join('/').replace(/^library\//, '');
  return { repository, ...(hasTag ? { tag: name.slice(colon + 1), tagStart: colon + 1 } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/**
 * Images whose own Dockerfile switches to a non-root USER, or whose entrypoint drops to one (gosu)
 * before it starts the server, as their documentation and Dockerfiles say: a service running one
 * needs no `user:` for its process to run as non-root.
 */
/** By repository path without the registry host (`quay.io/keycloak/keycloak` -> `keycloak/keycloak`). */
const NON_ROOT_IMAGES = new Set([
  'grafana/grafana',
  'grafana/grafana-oss',
  'grafana/grafana-enterprise',
  'grafana/loki',
  'grafana/tempo',
  'prom/prometheus',
  'prom/alertmanager',
  'prom/node-exporter',
  'prom/blackbox-exporter',
  'prom/pushgateway',
  'prometheus/prometheus',
  'nginxinc/nginx-unprivileged',
  'elasticsearch/elasticsearch',
  'kibana/kibana',
  'elasticsearch',
  'kibana',
  'keycloak/keycloak',
  'sonarqube',
  'jaegertracing/all-in-one',
  'otel/opentelemetry-collector',
  'otel/opentelemetry-collector-contrib',
  'postgres',
  'postgis/postgis',
  'timescale/timescaledb',
  'mysql',
  'mariadb',
  'redis',
  'valkey/valkey',
  'mongo',
  'rabbitmq',
  'memcached',
]);

export function isKnownNonRootImage(reference: ImageReference): boolean {
  if (NON_ROOT_IMAGES.has(reference.repository) || reference.repository.startsWith('bitnami/')) return true;
  // Distroless `:nonroot` tags run as 65532.
  return reference.repository.startsWith('distroless/') && /(?:^|-)nonroot$/.test(reference.tag ?? '');
}
