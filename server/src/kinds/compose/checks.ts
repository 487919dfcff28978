/**
 * What several Compose rules ask of a service (its environment, its published ports, its health
 * check), computed in one place, and the YAML editor their fixes share with the Kubernetes kind.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { RuleContext } from '../../engine/rule';
import type { Span } from '../../engine/types';
import { YamlEditor } from '../kubernetes/edits';
import { isTrue, scalarString, spanOf, subSpan } from '../kubernetes/nodes';
import { builtImage, imageHealthcheck } from './image';
import { hasVariable, interpolate } from './interpolation';
import type { ComposeModel } from './model';
import { resolvedServices, type ResolvedService, type ServiceLayer } from './services';

export function editorFor(context: RuleContext<ComposeModel>): YamlEditor {
  return new YamlEditor(context.model, context.lines);
}

/**
 * The services a rule checks. A file named for development or tests (`compose.dev.yml`,
 * `docker-compose.override.yml`) is not a production deployment: no rule checks it, and it proves
 * nothing either way. With `alwaysRunning`, services behind a profile (a debug tool, a one-off
 * task started on demand) are left out: how such a service is kept running is not the question.
 */
export function servicesToCheck(context: RuleContext<ComposeModel>, options: { alwaysRunning?: boolean } = {}): ResolvedService[] {
  if (context.model.development) return [];
  const services = resolvedServices(context.model, context.workspace);
  return options.alwaysRunning ? services.filter((service) => service.service.profiles.length === 0) : services;
}

/**
 * Records that the rule checked the service; `unknown` when its verdict depends on what the files
 * cannot show (a `${VAR}` the environment sets, a base service the workspace lacks): the service is
 * listed but proves nothing.
 */
export function inspectService(context: RuleContext<ComposeModel>, service: ResolvedService, unknown = false): void {
  context.inspect({ subject: 'service', span: service.nameSpan, name: service.name, ...(unknown ? { unknown: true } : {}) });
}

/** A scalar whose value a variable decides (`${VAR}`, `$VAR`): unknown without the environment. */
export function isInterpolated(node: Node | undefined): boolean {
  const raw = isScalar(node) ? scalarString(node) : undefined;
  return raw !== undefined && interpolate(raw).value === undefined;
}

/** The service's own map in the analyzed file, where fixes insert keys. */
export function ownNode(context: RuleContext<ComposeModel>, service: ResolvedService): YAMLMap | undefined {
  const own = service.layers[0];
  return own.model === context.model ? own.service.node : undefined;
}

// ---- environment ----------------------------------------------------------------------------------

export interface EnvEntry {
  name: string;
  nameSpan: Span;
  /** The value as written (variables not expanded); undefined when the shell or `.env` supplies it (`- KEY`, `KEY:`). */
  raw?: string;
  /** Where the value is written, for findings and replacements. */
  valueSpan?: Span;
  /** The scalar holding the entry (`- KEY=value`) or the value (`KEY: value`). */
  scalar?: Scalar;
  layer: ServiceLayer;
}

/** `environment:` as a list of `KEY=value` or a map, over the service and what it extends. */
export function environmentOf(service: ResolvedService): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const seen = new Set<string>();
  for (const layer of service.layers) {
    const { reader, text } = layer.model;
    const environment = reader.resolve(reader.pair(layer.service.node, 'environment')?.value);
    const found: EnvEntry[] = [];
    if (isSeq(environment)) {
      for (const item of reader.items(environment)) {
        const entry = scalarString(item);
        if (!isScalar(item) || entry === undefined) continue;
        const eq = entry.indexOf('=');
        const name = eq < 0 ? entry : entry.slice(0, eq);
        const value = eq < 0 ? undefined : entry.slice(eq + 1);
        found.push({
          name,
          nameSpan: subSpan(text, item, 0, name.length),
          raw: value,
          valueSpan: value === undefined ? undefined : subSpan(text, item, eq + 1, value.length),
          scalar: item,
          layer,
        });
      }
    } else if (isMap(environment)) {
      for (const pair of environment.items as Pair<Node, Node>[]) {
        const name = scalarString(pair.key);
        if (name === undefined) continue;
        const value = reader.resolve(pair.value);
        const raw = isScalar(value) ? scalarString(value) : undefined;
        found.push({ name, nameSpan: spanOf(pair.key)!, raw, valueSpan: raw === undefined ? undefined : spanOf(value), scalar: isScalar(value) ? value : undefined, layer });
      }
    }
    for (const entry of found) {
      if (seen.has(entry.name)) continue;
      seen.add(entry.name);
      entries.push(entry);
    }
  }
  return entries;
}

// ---- ports ----------------------------------------------------------------------------------------

export interface PortMapping {
  node: Node;
  layer: ServiceLayer;
  /** The container port, when one literal port (not a range, not a variable). */
  target?: number;
  targetSpan: Span;
  /** True when published on every interface of the host; undefined when a variable decides. */
  allInterfaces?: boolean;
  /** Long syntax (`target:`/`published:` map) or short (`"8080:80"`). */
  long: boolean;
  /** A variable decides part of the mapping (`"${DB_PORT}:5432"`). */
  interpolated: boolean;
}

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/** The service's `ports:`, short and long syntax, with interpolation left unknown. */
export function portsOf(service: ResolvedService): PortMapping[] {
  const mappings: PortMapping[] = [];
  for (const { node, layer } of service.items('ports')) {
    const { reader, text } = layer.model;
    if (isMap(node)) {
      const targetNode = reader.get(node, 'target');
      const targetText = scalarString(targetNode);
      const hostIp = reader.pair(node, 'host_ip') ? reader.getString(node, 'host_ip') : '';
      const host = hostIp === undefined ? undefined : interpolate(hostIp).value;
      mappings.push({
        node,
        layer,
        target: literalPort(targetText),
        targetSpan: spanOf(targetNode) ?? spanOf(node)!,
        allInterfaces: host === undefined ? undefined : ALL_INTERFACES.has(host),
        long: true,
        interpolated: ['target', 'published', 'host_ip'].some((key) => isInterpolated(reader.get(node, key))),
      });
      continue;
    }
    const raw = scalarString(node);
    if (!isScalar(node) || raw === undefined) continue;
    const parsed = parseShortPort(raw);
    mappings.push({
      node,
      layer,
      target: parsed.target === undefined ? undefined : literalPort(parsed.target.text),
      targetSpan: parsed.target ? subSpan(text, node, parsed.target.start, parsed.target.text.length) : spanOf(node)!,
      allInterfaces: parsed.host === undefined ? undefined : ALL_INTERFACES.has(parsed.host),
      long: false,
      interpolated: hasVariable(raw),
    });
  }
  return mappings;
}

function literalPort(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port < 65536 ? port : undefined;
}

/**
 * `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]` (HOST_IP may be `[::1]`), split without expanding
 * variables: `host` is undefined when a variable could change it.
 */
export function parseShortPort(raw: string): { host?: string; target?: { text: string; start: number } } {
  const slash = raw.indexOf('/');
  const spec = slash < 0 ? raw : raw.slice(0, slash);
  // Variables may hold colons (`${PORT:-8080}`): split on a copy where each reference is masked.
  let masked = spec;
  for (const reference of interpolate(spec).references) {
    masked = masked.slice(0, reference.start) + 'X'.repeat(reference.end - reference.start) + masked.slice(reference.end);
  }
  let hostEnd = -1;
  const bracket = /^\[[^\]]*\]:/.exec(masked);
  const parts = (bracket ? masked.slice(bracket[0].length) : masked).split(':');
  if (bracket) hostEnd = bracket[0].length - 1;
  else if (parts.length >= 3) hostEnd = parts.slice(0, -2).join(':').length;
  const targetStart = masked.lastIndexOf(':') + 1;
  const host = hostEnd < 0 ? '' : spec.slice(0, hostEnd);
  return {
    host: interpolate(host).value,
    target: { text: spec.slice(targetStart), start: targetStart },
  };
}

// ---- health checks --------------------------------------------------------------------------------

export type HealthState = 'declared' | 'disabled' | 'missing' | 'unknown';

/**
 * Whether the service has a health check: its own `healthcheck:`, or its image's HEALTHCHECK
 * (through the Dockerfile of its build context). `disable: true` and `test: ["NONE"]` are a
 * decision, reported as `disabled`.
 */
export function healthOf(service: ResolvedService, context: RuleContext<ComposeModel>): HealthState {
  const found = service.field('healthcheck');
  const healthcheck = found?.layer.model.reader.map(found.value);
  if (healthcheck) {
    const { reader } = found!.layer.model;
    if (isTrue(reader.get(healthcheck, 'disable'))) return 'disabled';
    const test = reader.get(healthcheck, 'test');
    const first = isSeq(test) ? scalarString(reader.items(test)[0]) : scalarString(test);
    if (first?.toUpperCase() === 'NONE') return 'disabled';
    if (test !== undefined && first !== undefined) return 'declared';
  }
  const image = builtImage(service, context.workspace);
  if (image === 'unknown') return 'unknown';
  if (image) {
    const state = imageHealthcheck(image);
    return state === 'declared' ? 'declared' : state === 'none' ? 'disabled' : service.complete ? 'missing' : 'unknown';
  }
  return service.complete ? 'missing' : 'unknown';
}

// ---- dependencies ---------------------------------------------------------------------------------

export interface Dependency {
  /** The service depended on. */
  name: string;
  nameSpan: Span;
  /** `condition:` as written; undefined in the list form or when not set (Compose then means service_started). */
  condition?: string;
  conditionNode?: Node;
  /** The entry's map in the long form (`db: {condition: ...}`). */
  entry?: YAMLMap;
  layer: ServiceLayer;
  /** The `depends_on` pair of the layer that declares it. */
  pair: Pair;
}

export function dependenciesOf(service: ResolvedService): Dependency[] {
  const found = service.field('depends_on');
  if (!found) return [];
  const { reader } = found.layer.model;
  const dependencies: Dependency[] = [];
  const value = found.value;
  if (isSeq(value)) {
    for (const item of reader.items(value)) {
      const name = scalarString(item);
      if (name !== undefined && isScalar(item)) dependencies.push({ name, nameSpan: spanOf(item)!, layer: found.layer, pair: found.pair });
    }
  } else if (isMap(value)) {
    for (const pair of value.items as Pair<Node, Node>[]) {
      const name = scalarString(pair.key);
      if (name === undefined) continue;
      const entry = reader.map(pair.value);
      const conditionNode = reader.get(entry, 'condition');
      dependencies.push({ name, nameSpan: spanOf(pair.key)!, condition: scalarString(conditionNode), conditionNode, entry, layer: found.layer, pair: found.pair });
    }
  }
  return dependencies;
}

const oneOffJobsCache = new WeakMap<ResolvedService[], Set<string>>();

/** A service others wait on to complete (`condition: service_completed_successfully`): a job that is meant to exit. */
export function isOneOffJob(service: ResolvedService, context: RuleContext<ComposeModel>): boolean {
  const services = resolvedServices(context.model, context.workspace);
  let jobs = oneOffJobsCache.get(services);
  if (!jobs) {
    jobs = new Set(services.flatMap((other) => dependenciesOf(other).filter((dependency) => dependency.condition === 'service_completed_successfully').map((dependency) => dependency.name)));
    oneOffJobsCache.set(services, jobs);
  }
  return jobs.has(service.name);
}

/** The span of a field's key when the analyzed file writes it (a list that lacks an entry), for findings on it. */
export function keySpanIn(model: ComposeModel, found: { pair: Pair; layer: ServiceLayer } | undefined): Span | undefined {
  return found && found.layer.model === model ? spanOf(found.pair.key as Scalar) : undefined;
}
