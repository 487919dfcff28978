import { isMap, type YAMLMap } from 'yaml';
import type { NodeReader } from './nodes';
import { scalarString } from './nodes';

/** A Kubernetes label selector (`matchLabels` and `matchExpressions`), as the API server evaluates it. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

/** The selector in `map`, or undefined when the map is absent (a null selector, which selects nothing). */
export function readSelector(reader: NodeReader, map: YAMLMap | undefined): LabelSelector | undefined {
  if (!map) return undefined;
  const selector: LabelSelector = { matchLabels: reader.stringMap(reader.getMap(map, 'matchLabels')), matchExpressions: [] };
  for (const item of reader.items(reader.getSeq(map, 'matchExpressions'))) {
    if (!isMap(item)) continue;
    const key = reader.getString(item, 'key');
    const operator = reader.getString(item, 'operator');
    if (key === undefined || operator === undefined) continue;
    const values = reader.items(reader.getSeq(item, 'values')).map(scalarString).filter((value): value is string => value !== undefined);
    selector.matchExpressions.push({ key, operator, values });
  }
  return selector;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/**
 * Whether the selector selects pods with these labels. An empty selector selects everything; an
 * operator the API does not define cannot be evaluated, so it is taken as matching (unknown is not missing).
 */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A Service-style selector (a plain map): selects pods carrying every pair; an empty one selects none. */
export function mapSelects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}
