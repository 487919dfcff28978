/**
 * What a Dockerfile can know about the images it builds on: operating-system images, images that
 * run a server, images known to run as a non-root user, and the tools a health probe may call.
 * Facts about an image that the file cannot show stay unknown: every helper answers "no" or
 * undefined rather than guessing.
 */
import { rootStage, shippedStages, type DockerfileModel, type FromNode, type Stage } from './model';
import { installsTool } from './packages';

/** An image reference split for matching: `gcr.io/distroless/static:nonroot` -> repository `static`. */
export interface ImageName {
  /** Everything before the tag, lower-cased (`gcr.io/distroless/static`). */
  path: string;
  /** The last path segment (`static`, `node`, `servercore`). */
  repository: string;
  tag: string;
}

/** The image a lineage starts from; undefined for scratch, fragments and references an ARG leaves open. */
export function baseImageName(stage: Stage): ImageName | undefined {
  const from = rootStage(stage).from;
  if (from.name === '' || from.isScratch || from.resolvedImage.includes('$')) return undefined;
  const path = from.name.toLowerCase();
  return { path, repository: path.slice(path.lastIndexOf('/') + 1), tag: (from.tag ?? 'latest').toLowerCase() };
}

/** Images that are an operating system and nothing more; a Dockerfile on them brings its own software. */
const OPERATING_SYSTEMS = new Set([
  'alpine', 'debian', 'ubuntu', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux',
  'ubi', 'ubi7', 'ubi8', 'ubi9', 'ubi10', 'ubi-minimal', 'ubi8-minimal', 'ubi9-minimal', 'leap', 'tumbleweed', 'archlinux',
  'photon', 'clearlinux', 'mageia', 'buildpack-deps', 'minideb', 'servercore', 'nanoserver', 'windowsservercore', 'kali-rolling',
]);

export function isOperatingSystemImage(image: ImageName | undefined): boolean {
  return image !== undefined && (OPERATING_SYSTEMS.has(image.repository) || image.path.includes('/windows/'));
}

/**
 * Official images whose default command is a network server, by repository. A Dockerfile built on
 * them without a CMD of its own serves what they serve.
 */
const SERVER_IMAGES = new Set([
  'nginx', 'nginx-unprivileged', 'httpd', 'caddy', 'traefik', 'haproxy', 'envoy', 'tomcat', 'jetty', 'postgres', 'mysql', 'mariadb',
  'mongo', 'redis', 'valkey', 'memcached', 'rabbitmq', 'elasticsearch', 'opensearch', 'kibana', 'grafana', 'prometheus', 'consul',
  'vault', 'minio', 'wordpress', 'ghost', 'nextcloud', 'drupal', 'joomla', 'keycloak', 'sonarqube', 'jenkins', 'gitea', 'etcd',
  'zookeeper', 'kafka', 'cassandra', 'couchdb', 'neo4j', 'influxdb', 'solr', 'nats', 'registry',
]);

/** The base image when it is a server image (`nginx:1.27`, `php:8.3-fpm`), else undefined. */
export function serverImage(image: ImageName | undefined): string | undefined {
  if (!image) return undefined;
  if (SERVER_IMAGES.has(image.repository)) return image.repository;
  // php's fpm and apache variants run a server; its cli and zts variants do not.
  if (image.repository === 'php' && /(?:^|-)(?:fpm|apache)(?:-|$)/.test(image.tag)) return image.repository;
  return undefined;
}

/**
 * True when the base image is documented to run as a non-root user: distroless `:nonroot` tags,
 * Chainguard images (their `-dev` variants run as root), nginx-unprivileged and Bitnami images.
 */
export function runsAsNonRootByDefault(from: FromNode): boolean {
  if (from.name === '' || from.resolvedImage.includes('$')) return false;
  const path = from.name.toLowerCase();
  const tag = (from.tag ?? 'latest').toLowerCase();
  if (path.includes('distroless')) return /(?:^|-)nonroot$/.test(tag);
  if (path.startsWith('cgr.dev/chainguard/')) return !/(?:^|-)dev$/.test(tag);
  return path.endsWith('nginxinc/nginx-unprivileged') || /^(?:docker\.io\/)?bitnami\//.test(path);
}

/** The image family, for picking `adduser` flags and package managers in fixes. */
export function imageFamily(stage: Stage | undefined): 'alpine' | 'debian' | 'distroless' | 'unknown' {
  if (!stage) return 'unknown';
  const from = rootStage(stage).from;
  const reference = `${from.name}:${from.tag ?? ''}`.toLowerCase();
  if (/alpine|apk/.test(reference)) return 'alpine';
  if (from.isScratch || /distroless|chainguard/.test(reference)) return 'distroless';
  if (/debian|ubuntu|bookworm|bullseye|buster|trixie|slim|jammy|noble|focal|node|python|golang|openjdk|eclipse-temurin|ruby|php|nginx|httpd/.test(reference)) return 'debian';
  return 'unknown';
}

/** True when the image has no /bin/sh: scratch and distroless (whose `debug` tags add a BusyBox shell). */
export function lacksShell(stage: Stage): boolean {
  const from = rootStage(stage).from;
  if (from.isScratch) return true;
  const reference = `${from.name}:${from.tag ?? ''}`.toLowerCase();
  return /distroless/.test(reference) && !/:(?:.*-)?debug/.test(reference);
}

/** Images built on buildpack-deps (curl and wget included) unless they are a `-slim` variant. */
const WITH_CURL_UNLESS_SLIM = new Set(['buildpack-deps', 'node', 'python', 'ruby', 'golang', 'rust', 'pypy', 'perl']);
/** Images that install curl themselves in every variant. */
const WITH_CURL = new Set(['php', 'nginx', 'wordpress', 'drupal', 'joomla']);

export type ProbeTool = 'curl' | 'wget' | 'node' | 'python';

/**
 * A program a HEALTHCHECK can call in the image: curl or wget when the Dockerfile installs it or
 * the base image is known to have it (BusyBox wget on Alpine and BusyBox), else the image's own
 * runtime (node, python). Undefined when nothing is known to be there: slim and bare Debian or
 * Ubuntu images have neither curl nor wget, distroless and scratch have no shell.
 */
export function probeTool(model: DockerfileModel): ProbeTool | undefined {
  const stage = model.finalStage;
  if (!stage || stage.implicit) return undefined;
  const shipped = shippedStages(model);
  if (installsTool(shipped, 'curl')) return 'curl';
  if (installsTool(shipped, 'wget')) return 'wget';
  const image = baseImageName(stage);
  if (!image || lacksShell(stage) || /chainguard/.test(image.path)) return undefined;
  const slim = /(?:^|-)slim(?:-|$)/.test(image.tag);
  const alpine = image.repository === 'alpine' || /(?:^|-)alpine/.test(image.tag);
  if (WITH_CURL.has(image.repository) || (WITH_CURL_UNLESS_SLIM.has(image.repository) && !slim && !alpine)) return 'curl';
  if (alpine || image.repository === 'busybox') return 'wget';
  if (image.repository === 'node') return 'node';
  if (image.repository === 'python') return 'python';
  return undefined;
}
