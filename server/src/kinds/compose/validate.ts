/**
 * Validates a Compose model against the specification's schema with ajv, and places each error on
 * the YAML node it is about: the unknown key, the value of the wrong type, the map missing a key.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Span } from '../../engine/types';
import { scalarString, spanOf, type NodeReader } from '../kubernetes/nodes';
import type { ComposeModel } from './model';
import { COMPOSE_SCHEMA } from './schema';

export interface SchemaProblem {
  span: Span;
  kind: 'unknownKey' | 'type' | 'enum' | 'required' | 'shape';
  /** Where, as Compose writes it: `services.app.deploy`. */
  path: string;
  /** The unknown key, the missing key, or the expected types. */
  detail: string;
}

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(COMPOSE_SCHEMA);
  return validator;
}

/** A plain value of the YAML tree, with the node of every value and key by JSON pointer. */
interface Plain {
  value: unknown;
  nodes: Map<string, Node>;
  keys: Map<string, Node>;
}

/** Past this many nodes (an alias bomb expands without bound) the file is not validated. */
const MAX_NODES = 50_000;

function toPlain(root: Node, reader: NodeReader): Plain | undefined {
  const nodes = new Map<string, Node>();
  const keys = new Map<string, Node>();
  let count = 0;
  const convert = (node: Node | undefined, pointer: string, depth: number): unknown => {
    if (++count > MAX_NODES || depth > 64) throw new RangeError('too large');
    const resolved = reader.resolve(node);
    if (resolved) nodes.set(pointer, resolved);
    if (isMap(resolved)) {
      const result: Record<string, unknown> = {};
      const pairs: Pair[] = [];
      // `<<` merges come first; the map's own keys override them.
      for (const pair of resolved.items) {
        if (!isMergeKey(pair.key)) continue;
        const source = reader.resolve(pair.value);
        const sources = isSeq(source) ? source.items.map((item) => reader.resolve(item)) : [source];
        for (const merged of sources) if (isMap(merged)) pairs.push(...merged.items);
      }
      pairs.push(...resolved.items.filter((pair) => !isMergeKey(pair.key)));
      for (const pair of pairs) {
        const key = scalarString(pair.key);
        if (key === undefined) continue;
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        keys.set(child, pair.key as Node);
        result[key] = convert((pair.value ?? undefined) as Node | undefined, child, depth + 1);
      }
      return result;
    }
    if (isSeq(resolved)) return resolved.items.map((item, index) => convert(item as Node, `${pointer}/${index}`, depth + 1));
    if (isScalar(resolved)) {
      const value = resolved.value;
      return typeof value === 'symbol' || value === undefined ? null : value;
    }
    return null;
  };
  try {
    return { value: convert(root, '', 0), nodes, keys };
  } catch {
    return undefined;
  }
}

function isMergeKey(node: unknown): boolean {
  return isScalar(node) && (node.value === '<<' || (typeof node.value === 'symbol' && (node as Scalar).source === '<<'));
}

function composePath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Schema problems of the file, at most one per place, most specific first. */
export function validateCompose(model: ComposeModel): SchemaProblem[] {
  if (!model.root) return [];
  const plain = toPlain(model.root, model.reader);
  if (!plain) return [];
  const validate = compiled();
  if (validate(plain.value)) return [];
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf' && error.keyword !== 'if');
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const typesAt = new Map<string, string[]>();
  for (const error of errors) if (error.keyword === 'type') typesAt.set(error.instancePath, [...(typesAt.get(error.instancePath) ?? []), ...[error.params.type].flat()]);
  for (const error of errors) {
    const problem = problemOf(error, plain, typesAt);
    if (!problem) continue;
    const key = `${problem.span.start}:${problem.span.end}:${problem.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

function problemOf(error: ErrorObject, plain: Plain, typesAt: Map<string, string[]>): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const node = plain.nodes.get(pointer);
  const at = spanOf(node);
  switch (error.keyword) {
    case 'additionalProperties': {
      const child = `${pointer}/${String(error.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const span = spanOf(plain.keys.get(child)) ?? at;
      return span && { span, kind: 'unknownKey', path: composePath(pointer), detail: String(error.params.additionalProperty) };
    }
    case 'required':
      return at && { span: spanOf(plain.keys.get(pointer)) ?? at, kind: 'required', path: composePath(pointer), detail: String(error.params.missingProperty) };
    case 'type': {
      // A null value is a key left empty; report it on the key.
      const span = (node && isScalar(node) && node.value === null ? spanOf(plain.keys.get(pointer)) : undefined) ?? at ?? spanOf(plain.keys.get(pointer));
      const types = [...new Set((typesAt.get(pointer) ?? []).filter((type) => type !== 'null'))];
      return span && { span, kind: 'type', path: composePath(pointer), detail: types.join(' or ') };
    }
    case 'pattern':
    case 'enum':
      return at && { span: at, kind: 'enum', path: composePath(pointer), detail: '' };
    default:
      return at && { span: at, kind: 'shape', path: composePath(pointer), detail: error.keyword };
  }
}
