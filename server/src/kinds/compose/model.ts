/**
 * The Compose file model: services with their source offsets, on the `yaml` library's nodes (the
 * Kubernetes kind's NodeReader resolves anchors, aliases and `<<` merge keys the same way here).
 */
import { isMap, isScalar, parseAllDocuments, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { BaseModel, Span } from '../../engine/types';
import { baseName } from '../paths';
import { detectStyle, parseError, type YamlStyle } from '../kubernetes/model';
import { NodeReader, scalarString, spanOf, yamlParserText } from '../kubernetes/nodes';

export interface ExtendsRef {
  service: string;
  /** Another Compose file, relative to this one; absent when the base is in the same file. */
  file?: string;
  span: Span;
}

export interface ComposeService {
  name: string;
  /** The service's key under `services:`: where findings about something missing point. */
  nameSpan: Span;
  node: YAMLMap;
  extends?: ExtendsRef;
  /** `profiles:` names; a service with profiles only starts when one of them is enabled. */
  profiles: string[];
}

export interface ComposeModel extends BaseModel {
  kind: 'compose';
  root?: YAMLMap;
  reader: NodeReader;
  /** Services in source order; `x-` keys under `services:` are extensions, not services. */
  services: ComposeService[];
  /** The top-level `services:` map and `secrets:` map, when present. */
  servicesNode?: YAMLMap;
  secretsNode?: YAMLMap;
  /**
   * The file name says it is for development or tests (`compose.dev.yml`,
   * `docker-compose.override.yml`, `docker-compose.test.yaml`): not a production deployment.
   */
  development: boolean;
  style: YamlStyle;
  /** Spans that aliases reuse; fixes never edit inside them. */
  sharedSpans: Span[];
}

/** Name parts that mark a Compose file as development or test only. `override` is the local file `docker compose up` adds by default. */
const DEVELOPMENT_PARTS = new Set(['dev', 'devel', 'develop', 'development', 'local', 'override', 'test', 'tests', 'testing', 'ci', 'e2e', 'debug', 'example', 'sample']);

export function isDevelopmentFile(path: string): boolean {
  const name = baseName(path).toLowerCase().replace(/\.ya?ml$/, '');
  return name.split(/[.\-_]/).some((part) => DEVELOPMENT_PARTS.has(part));
}

export function parseCompose(text: string, path: string): ComposeModel {
  const model: ComposeModel = {
    kind: 'compose',
    path,
    text,
    errors: [],
    reader: new NodeReader(undefined),
    services: [],
    development: isDevelopmentFile(path),
    style: { indentUnit: 2, indentedSequences: true },
    sharedSpans: [],
  };
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(yamlParserText(text), { keepSourceTokens: false, merge: true, prettyErrors: false });
  } catch (error) {
    model.errors.push({ span: { start: 0, end: Math.min(1, text.length) }, message: `YAML could not be parsed: ${error instanceof Error ? error.message : String(error)}` });
    return model;
  }
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) if (document.errors.length) model.errors.push(parseError(document.errors[0], text));
  // Compose reads one document; an empty leading one (`---` on top) does not count.
  const document = list.find((candidate) => candidate.contents !== null) ?? list[0];
  if (!document || document.errors.length) return model;
  const root = (document.contents ?? undefined) as Node | undefined;
  const reader = new NodeReader(root);
  model.reader = reader;
  model.sharedSpans.push(...reader.sharedSpans);
  const rootMap = reader.map(root);
  if (!rootMap) return model;
  model.root = rootMap;
  detectStyle(rootMap, text, model.style);
  model.servicesNode = reader.getMap(rootMap, 'services');
  model.secretsNode = reader.getMap(rootMap, 'secrets');
  for (const pair of model.servicesNode?.items ?? []) {
    const name = scalarString(pair.key);
    const node = reader.map(pair.value);
    if (name === undefined || name.startsWith('x-') || !node || !isScalar(pair.key)) continue;
    model.services.push({
      name,
      nameSpan: spanOf(pair.key as Scalar)!,
      node,
      extends: extendsOf(node, reader),
      profiles: reader.items(reader.getSeq(node, 'profiles')).map(scalarString).filter((profile): profile is string => profile !== undefined),
    });
  }
  return model;
}

function extendsOf(service: YAMLMap, reader: NodeReader): ExtendsRef | undefined {
  const pair = reader.pair(service, 'extends');
  const value = reader.resolve(pair?.value);
  if (!pair || !value) return undefined;
  const span = spanOf(value) ?? spanOf(pair.key as Scalar)!;
  if (isScalar(value)) {
    const name = scalarString(value);
    return name === undefined ? undefined : { service: name, span };
  }
  if (!isMap(value)) return undefined;
  const name = reader.getString(value, 'service');
  if (name === undefined) return undefined;
  const file = reader.getString(value, 'file');
  return { service: name, ...(file !== undefined ? { file } : {}), span };
}
