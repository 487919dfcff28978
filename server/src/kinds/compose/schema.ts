/**
 * The Compose specification's file format as a JSON schema (draft-07), written from the
 * specification (compose-spec/spec.md and its schema, Compose v2.30 and later): every top-level
 * and service key, and the shape of the nested maps rules rely on (build, deploy, healthcheck,
 * logging, ports, volumes, depends_on). Scalars also accept strings, because Compose interpolates
 * `${VAR}` before it converts them. Maps whose keys the specification leaves open (driver options,
 * ulimits, develop) are not closed here, so a newer Compose key there is never reported.
 */
type Schema = Record<string, unknown>;

const EXTENSIONS = { '^x-': {} };
const closed = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  patternProperties: EXTENSIONS,
  additionalProperties: false,
  ...extra,
});
const any: Schema = {};
const openMap: Schema = { type: ['object', 'null'] };
const string: Schema = { type: 'string' };
const scalar: Schema = { type: ['string', 'number', 'boolean'] };
const number: Schema = { type: ['number', 'string'] };
const boolean: Schema = { type: ['boolean', 'string'] };
const list: Schema = { type: 'array', items: scalar };
const stringOrList: Schema = { type: ['string', 'array'], items: scalar };
const listOrDict: Schema = { type: ['object', 'array'], items: scalar, additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
const stringOrMap: Schema = { type: ['string', 'object'] };
/** An enumerated string, or anything with a variable in it. */
const oneOfWords = (pattern: string): Schema => ({ type: 'string', pattern: `^(?:${pattern})$|\\$` });

const build: Schema = {
  type: ['string', 'object'],
  properties: {
    context: string,
    dockerfile: string,
    dockerfile_inline: string,
    entitlements: list,
    args: listOrDict,
    ssh: listOrDict,
    labels: listOrDict,
    cache_from: list,
    cache_to: list,
    no_cache: boolean,
    additional_contexts: listOrDict,
    network: string,
    provenance: { type: ['string', 'boolean'] },
    sbom: { type: ['string', 'boolean'] },
    pull: boolean,
    target: string,
    shm_size: number,
    extra_hosts: listOrDict,
    isolation: string,
    privileged: boolean,
    secrets: { type: 'array' },
    tags: list,
    ulimits: openMap,
    platforms: list,
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
};

const resources = closed({
  limits: closed({ cpus: number, memory: number, pids: number }),
  reservations: closed({ cpus: number, memory: number, generic_resources: { type: 'array' }, devices: { type: 'array' } }),
});

const deploy = closed({
  mode: string,
  endpoint_mode: string,
  replicas: number,
  labels: listOrDict,
  rollback_config: openMap,
  update_config: openMap,
  resources,
  restart_policy: closed({ condition: oneOfWords('none|on-failure|any'), delay: string, max_attempts: number, window: string }),
  placement: openMap,
});

const healthcheck = closed({
  disable: boolean,
  interval: string,
  retries: number,
  test: stringOrList,
  timeout: string,
  start_period: string,
  start_interval: string,
});

const port: Schema = {
  type: ['number', 'string', 'object'],
  properties: { name: string, mode: string, host_ip: string, target: number, published: number, protocol: string, app_protocol: string },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
};

const serviceVolume: Schema = {
  type: ['string', 'object'],
  properties: {
    type: string,
    source: string,
    target: string,
    read_only: boolean,
    consistency: string,
    bind: openMap,
    volume: openMap,
    tmpfs: openMap,
    image: openMap,
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
};

const dependsOn: Schema = {
  type: ['array', 'object'],
  items: string,
  additionalProperties: closed({ condition: oneOfWords('service_started|service_healthy|service_completed_successfully'), restart: boolean, required: boolean }, { required: ['condition'] }),
};

const service = closed({
  annotations: listOrDict,
  attach: boolean,
  build,
  blkio_config: openMap,
  cap_add: list,
  cap_drop: list,
  cgroup: string,
  cgroup_parent: string,
  command: { type: ['string', 'array', 'null'], items: scalar },
  configs: { type: 'array', items: stringOrMap },
  container_name: string,
  cpu_count: number,
  cpu_percent: number,
  cpu_shares: number,
  cpu_quota: number,
  cpu_period: number,
  cpu_rt_period: number,
  cpu_rt_runtime: number,
  cpus: number,
  cpuset: string,
  credential_spec: openMap,
  depends_on: dependsOn,
  deploy,
  develop: openMap,
  device_cgroup_rules: list,
  devices: { type: 'array', items: stringOrMap },
  dns: stringOrList,
  dns_opt: list,
  dns_search: stringOrList,
  domainname: string,
  entrypoint: { type: ['string', 'array', 'null'], items: scalar },
  env_file: { type: ['string', 'array'], items: stringOrMap },
  label_file: stringOrList,
  environment: listOrDict,
  expose: list,
  extends: { type: ['string', 'object'], properties: { service: string, file: string }, required: ['service'], additionalProperties: false },
  provider: openMap,
  external_links: list,
  extra_hosts: listOrDict,
  gpus: any,
  group_add: list,
  healthcheck,
  hostname: string,
  image: string,
  init: boolean,
  ipc: string,
  isolation: string,
  labels: listOrDict,
  links: list,
  logging: closed({ driver: string, options: openMap }),
  mac_address: string,
  mem_limit: number,
  mem_reservation: number,
  mem_swappiness: number,
  memswap_limit: number,
  network_mode: string,
  models: any,
  networks: { type: ['array', 'object'], items: string, additionalProperties: openMap },
  oom_kill_disable: boolean,
  oom_score_adj: number,
  pid: { type: ['string', 'null'] },
  pids_limit: number,
  platform: string,
  ports: { type: 'array', items: port },
  post_start: { type: 'array' },
  pre_stop: { type: 'array' },
  privileged: boolean,
  profiles: list,
  pull_policy: string,
  pull_refresh_after: string,
  read_only: boolean,
  restart: oneOfWords('no|always|unless-stopped|on-failure(?::\\d+)?'),
  runtime: string,
  scale: number,
  security_opt: list,
  shm_size: number,
  secrets: { type: 'array', items: stringOrMap },
  sysctls: listOrDict,
  stdin_open: boolean,
  stop_grace_period: string,
  stop_signal: string,
  storage_opt: openMap,
  tmpfs: stringOrList,
  tty: boolean,
  ulimits: openMap,
  use_api_socket: boolean,
  user: { type: ['string', 'number'] },
  uts: string,
  userns_mode: string,
  volumes: { type: 'array', items: serviceVolume },
  volumes_from: list,
  working_dir: string,
});

const SERVICE_NAME = '^(?!x-)[a-zA-Z0-9._-]+$';
const definitions = (value: Schema): Schema => ({ type: ['object', 'null'], patternProperties: { ...EXTENSIONS, [SERVICE_NAME]: value } });

export const COMPOSE_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Compose file',
  ...closed({
    version: scalar,
    name: string,
    include: { type: 'array', items: stringOrMap },
    services: { type: ['object', 'null'], patternProperties: { ...EXTENSIONS, [SERVICE_NAME]: { ...service, type: ['object', 'null'] } }, additionalProperties: false },
    models: openMap,
    networks: definitions(openMap),
    volumes: definitions(openMap),
    secrets: definitions(openMap),
    configs: definitions(openMap),
  }),
};
